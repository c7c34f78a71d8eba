/**
 * The case page's data: the application with its applicant and representative, family, documents,
 * information-system requests and answers, survey (forms 2, 3), income calculation with its trace,
 * special conclusion, hearing, decision with its frozen basis (explanation by clause), termination,
 * change reports, deadlines, the steps possible now, and the timeline (audit entries of the case), with
 * the office's civil date by the server's clock (`today`: the step forms' default dates).
 */
import type { Ctx } from '../context';
import { caseEnv } from './case-env';
import { readCase } from './case-store';
import { stepsFrom, type CaseStatus } from './case-status';

export async function getCase(ctx: Ctx, id: string) {
  const row = await readCase(ctx.database, ctx.actor, id);
  const db = ctx.database;
  const [app] = await db.query<Record<string, unknown>>(
    `select a.id, a.reg_number as "regNumber", a.channel, a.status, a.version, a.category_code as "categoryCode", a.ground, a.iban, a.mobile, a.notice_lang as "noticeLang", a.rural_district_id as "ruralDistrictId",
       a.address_text as "address", a.family, a.received_at as "receivedAt", a.registered_on::text as "registeredOn", a.rules_version as "rulesVersion", a.track,
       a.extension_clause as "extensionClause", a.extension_reason as "extensionReason", a.extension_recorded_on::text as "extensionRecordedOn", a.documents_accepted_on::text as "documentsAcceptedOn",
       a.event_on::text as "eventOn", a.actual_cost_tiyn::text as "actualCostTiyn", a.portal_request_id as "portalRequestId", a.eds_signer_iin as "edsSignerIin", a.eds_signer_name as "edsSignerName",
       a.deadlines, a.next_step as "nextStep", a.next_role as "nextRole", a.next_target_on::text as "nextTargetOn", a.next_hard_on::text as "nextHardOn", a.decision_hard_on::text as "decisionHardOn",
       json_build_object('iin', p.iin, 'lastName', p.last_name, 'firstName', p.first_name, 'patronymic', p.patronymic, 'birthDate', p.birth_date) as applicant,
       case when a.representative_iin is null then null else json_build_object('iin', r.iin, 'lastName', r.last_name, 'firstName', r.first_name, 'patronymic', r.patronymic,
         'powerOfAttorney', json_build_object('number', a.poa_number, 'date', a.poa_date, 'validUntil', a.poa_valid_until)) end as representative
     from application a join person p on p.iin = a.applicant_iin left join person r on r.iin = a.representative_iin where a.id = $1`,
    [id],
  );
  const q = (sql: string) => db.query<Record<string, unknown>>(sql, [id]);
  const [documents, dataRequests, survey, income, special, hearing, decision, termination, changeReports, timeline] = await Promise.all([
    q(`select id, code, title, number, issued_on::text as "issuedOn", expires_on::text as "expiresOn", original_seen as "originalSeen" from case_document where application_id = $1 order by id`),
    q(`select id, kind, request_id as "requestId", body, items, iins, requested_at as "requestedAt", due_on::text as "dueOn", answered_at as "answeredAt", answers from data_request where application_id = $1 order by id`),
    q(`select act_number as "actNumber", act_date::text as "actDate", commission, refused, housing, subsidiary_farm as "subsidiaryFarm", property, observations, family_incomes as "familyIncomes", needs, conclusion_number as "conclusionNumber", conclusion_reason as "conclusionReason", forwarded_on::text as "forwardedOn" from survey where application_id = $1`),
    q(`select required, quarter, members, counted_tiyn::text as "countedTiyn", per_capita_tiyn::text as "perCapitaTiyn", threshold_tiyn::text as "thresholdTiyn", above_threshold as "aboveThreshold", trace, computed_at as "computedAt" from income_calculation where application_id = $1 order by id desc limit 1`),
    q(`select needs, amount_tiyn::text as "amountTiyn", reason, concluded_on::text as "concludedOn" from special_conclusion where application_id = $1`),
    q(`select refusal_ground as "refusalGround", preliminary_text as "preliminaryText", notified_on::text as "notifiedOn", planned_decision_on::text as "plannedDecisionOn", hearing_at as "hearingAt", hearing_means as "hearingMeans", hearing_place as "hearingPlace",
         objection_due_on::text as "objectionDueOn", objection_on::text as "objectionOn", objection_text as "objectionText", objection_oral as "objectionOral", protocol, protocol_read_on::text as "protocolReadOn",
         remarks_due_on::text as "remarksDueOn", remarks_on::text as "remarksOn", remarks_text as "remarksText" from hearing where application_id = $1`),
    q(`select id, number, decided_on::text as "decidedOn", outcome, refusal_ground as "refusalGround", amount_tiyn::text as "amountTiyn", periodicity, first_payment_date::text as "firstPaymentDate", periods, rules_version as "rulesVersion", basis, late_reason as "lateReason" from decision where application_id = $1`),
    q(`select ground, event_on::text as "eventOn", stops_from::text as "stopsFrom", reason, basis from termination where application_id = $1`),
    q(`select id, circumstance, event_on::text as "eventOn", reported_on::text as "reportedOn", due_on::text as "dueOn", late from change_report where application_id = $1 order by id`),
    q(`select id, at, actor_role as "actorRole", action, payload from audit_entry where target_type = 'application' and target_id = $1 order by at, id`),
  ]);
  return {
    today: ctx.clock.now().toZonedDateTimeISO(caseEnv().officeHours.timeZone).toPlainDate().toString(),
    application: app!,
    documents,
    dataRequests,
    survey: survey[0] ?? null,
    income: income[0] ?? null,
    specialConclusion: special[0] ?? null,
    hearing: hearing[0] ?? null,
    decision: decision[0] ?? null,
    termination: termination[0] ?? null,
    changeReports,
    possibleSteps: stepsFrom(row.status as CaseStatus),
    timeline: timeline.map((t) => {
      const p = JSON.parse(String(t.payload)) as { before?: unknown; after?: unknown };
      return { id: Number(t.id), at: t.at instanceof Date ? t.at.toISOString() : String(t.at), actorRole: t.actorRole, action: t.action, before: p.before ?? null, after: p.after ?? null };
    }),
  };
}
