/**
 * p.12: registers an accepted application on the day it arrives (the first working day after, when it
 * arrives outside working time — office hours and time zone from the district configuration), with a
 * yearly number such as KOK-2025-000123, and its first deadlines. Called inside the intake use cases'
 * transaction (paper: accept-paper-application.ts; portal: accept-portal-application.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Temporal } from 'temporal-polyfill';
import type { Sql } from '../db/connect';
import { formatInstant, type Actor, type CommandTools } from '../context';
import { registrationDay } from '../rules/calendar';
import { computeCaseDeadlines } from './case-deadlines';
import type { CaseEnv } from './case-env';
import type { FamilyEntry } from './case-store';
import { surveyRequiredFor } from './case-store';
import type { DocumentInput, PersonInput } from './intake-form';

export interface RegisterInput {
  readonly channel: 'AUTHORIZED_BODY' | 'RURAL_AKIM' | 'STATE_CORP' | 'PORTAL';
  readonly applicant: PersonInput;
  readonly representative?: { readonly person: PersonInput; readonly powerOfAttorney: { readonly number: string; readonly date: string; readonly validUntil: string } } | undefined;
  readonly ground: string | null;
  readonly categoryCode: string;
  readonly rulesVersion: string;
  readonly iban: string | null;
  readonly mobile: string | null;
  /** The language of the notices sent to the applicant (form 1 / 1-1). */
  readonly language: 'kk' | 'ru';
  readonly ruralDistrictId: string;
  readonly address: string;
  readonly family: readonly FamilyEntry[];
  readonly eventOn: string | null;
  readonly actualCostTiyn: number | null;
  readonly receivedAt: Temporal.Instant;
  readonly documents: readonly DocumentInput[];
  readonly dataRequests: readonly { readonly requestId: string; readonly body: string; readonly items: readonly string[]; readonly iins: readonly string[]; readonly requestedAt: string; readonly answeredAt: string | null; readonly answers: unknown }[];
  readonly portal?: { readonly requestId: string; readonly signerIin: string | null; readonly signerName: string } | undefined;
}

export interface Registered {
  readonly id: string;
  readonly regNumber: string;
  readonly registeredOn: string;
  readonly status: 'REGISTERED';
  readonly nextStep: string | null;
  readonly decisionHardOn: string | null;
}

function searchName(p: PersonInput): string {
  return [p.lastName, p.firstName, p.patronymic ?? ''].join(' ').trim().toLowerCase();
}

/** Registers the application inside the caller's transaction; returns its id and number. */
export async function registerApplication(sql: Sql, env: CaseEnv, actor: Actor | null, input: RegisterInput): Promise<Registered> {
  const r = registration(env, actor, input);
  const [row] = await sql.query<{ id: string; reg_seq: number }>(`${r.statement('nextval($1::regclass)')} select id, reg_seq from app`, r.params(`application_number_${r.year}`));
  return r.registered(row!.reg_seq);
}

/**
 * Registers the application as ONE statement that also carries the command's audit entry (for
 * runStatementCommand: no BEGIN, no COMMIT). The yearly number is drawn first (`read`: a SELECT of
 * nextval — a number is never reused, and one drawn for a registration that fails leaves a gap, as
 * before); `entry` gives the audit entry's summary from the registration.
 */
export async function registerApplicationWithAudit(
  t: { readonly read: Sql; readonly withAudit: CommandTools['withAudit'] },
  env: CaseEnv,
  actor: Actor | null,
  input: RegisterInput,
  entry: (registered: Registered) => Readonly<Record<string, unknown>>,
): Promise<Registered> {
  const r = registration(env, actor, input);
  const [n] = await t.read.query<{ seq: string }>('select nextval($1::regclass)::text as seq', [`application_number_${r.year}`]);
  const registered = r.registered(Number(n!.seq));
  // The audit lane is locked only after the persons' rows (the lock order of docs: the lane last).
  await t.withAudit((auditItems) => `${r.statement('$1::bigint')}, ${auditItems} select 1 as registered`, r.params(n!.seq), { targetId: registered.id, after: entry(registered) }, 'persons');
  return registered;
}

/**
 * The registration statement (persons, application with its number, documents, form 1-2 requests) as
 * WITH items, the number taken from `numberSql` ($1), and what the caller returns once it is saved.
 */
function registration(env: CaseEnv, actor: Actor | null, input: RegisterInput) {
  const registeredOn = registrationDay(env.cal, input.receivedAt, env.officeHours);
  const year = registeredOn.year;
  const surveyRequired = surveyRequiredFor(env, input.ground);
  const deadlines = computeCaseDeadlines(
    env,
    {
      status: 'REGISTERED', channel: input.channel, surveyRequired, registeredOn: registeredOn.toString(), track: 'standard', extensionClause: null, extensionReason: null, extensionRecordedOn: null,
      documentsAcceptedOn: null, routedOn: null, surveyReceivedOn: null, surveyForwardedOn: null, surveyRefused: false, fileReceivedOn: null, specialReceivedOn: null, specialNeeds: null, hearingPlannedOn: null,
    },
    registeredOn,
  );
  const rep = input.representative;
  const id = randomUUID();
  // One statement: the persons, the application with its number, its documents and its form 1-2
  // requests (data-modifying CTEs; the foreign keys are checked at the end of the statement).
  const persons = new Map((rep ? [input.applicant, rep.person] : [input.applicant]).map((p) => [p.iin, p]));
  const statement = (numberSql: string) =>
    `with persons as (
       insert into person (iin, last_name, first_name, patronymic, birth_date, search_name, updated_at)
       select p->>'iin', p->>'lastName', p->>'firstName', p->>'patronymic', (p->>'birthDate')::date, p->>'searchName', $19::timestamptz from jsonb_array_elements($33::jsonb) p
       on conflict (iin) do update set last_name = excluded.last_name, first_name = excluded.first_name, patronymic = excluded.patronymic,
         birth_date = coalesce(excluded.birth_date, person.birth_date), search_name = excluded.search_name, updated_at = excluded.updated_at
       returning iin),
     n as (select ${numberSql} as last),
     app as (
       insert into application (id, reg_number, reg_year, reg_seq, channel, status, applicant_iin, representative_iin, poa_number, poa_date, poa_valid_until, ground, category_code,
         iban, mobile, rural_district_id, address_text, family, event_on, actual_cost_tiyn, received_at, registered_on, rules_version, portal_request_id, eds_signer_iin, eds_signer_name,
         created_by, deadlines, next_step, next_role, next_target_on, next_hard_on, decision_hard_on, updated_at, notice_lang)
       select $36::uuid, $2 || lpad(n.last::text, 6, '0'), $3, n.last, $4, 'REGISTERED', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24,
         $25, $26, $27, $28, $29, $30, $31, $19, $32
       from n returning id, reg_seq),
     documents as (
       insert into case_document (application_id, receipt_id, code, title, number, issued_on, expires_on, original_seen, recorded_at)
       select app.id, null, d->>'code', d->>'title', d->>'number', (d->>'issuedOn')::date, (d->>'expiresOn')::date, coalesce((d->>'originalSeen')::boolean, false), $19::timestamptz
       from app, jsonb_array_elements($34::jsonb) d),
     requests as (
       insert into data_request (application_id, receipt_id, kind, request_id, body, items, iins, requested_at, answered_at, answers)
       select app.id, null, 'form-1-2', r->>'requestId', r->>'body', r->'items', r->'iins', (r->>'requestedAt')::timestamptz, (r->>'answeredAt')::timestamptz, r->'answers'
       from app, jsonb_array_elements($35::jsonb) r)`;
  const params = (number: string): unknown[] => [
    number, `${env.numberPrefix}-${year}-`, year, input.channel, input.applicant.iin, rep?.person.iin ?? null, rep?.powerOfAttorney.number ?? null, rep?.powerOfAttorney.date ?? null,
    rep?.powerOfAttorney.validUntil ?? null, input.ground, input.categoryCode, input.iban, input.mobile, input.ruralDistrictId, input.address, JSON.stringify(input.family), input.eventOn,
    input.actualCostTiyn, formatInstant(input.receivedAt), registeredOn.toString(), input.rulesVersion, input.portal?.requestId ?? null, input.portal?.signerIin ?? null, input.portal?.signerName ?? null,
    actor?.id ?? null, JSON.stringify(deadlines.list), deadlines.next?.step ?? null, deadlines.next?.role ?? null, deadlines.next?.targetOn ?? null, deadlines.next?.hardOn ?? null, deadlines.decisionHardOn,
    input.language,
    JSON.stringify([...persons.values()].map((p) => ({ iin: p.iin, lastName: p.lastName, firstName: p.firstName, patronymic: p.patronymic ?? null, birthDate: p.birthDate ?? null, searchName: searchName(p) }))),
    JSON.stringify(input.documents),
    JSON.stringify(input.dataRequests.map((r) => ({ ...r, answers: r.answers ?? null }))),
    id,
  ];
  const registered = (seq: number): Registered => ({
    id, regNumber: `${env.numberPrefix}-${year}-${String(seq).padStart(6, '0')}`, registeredOn: registeredOn.toString(), status: 'REGISTERED', nextStep: deadlines.next?.step ?? null, decisionHardOn: deadlines.decisionHardOn,
  });
  return { year, statement, params, registered };
}

/** Stores the documents presented and the form 1-2 requests with their answers, for an application or a receipt. */
export async function insertDocumentsAndRequests(
  sql: Sql,
  owner: { applicationId: string | null; receiptId: string | null },
  documents: readonly DocumentInput[],
  requests: RegisterInput['dataRequests'],
  at: Temporal.Instant,
): Promise<void> {
  if (documents.length) {
    await sql.query(
      `insert into case_document (application_id, receipt_id, code, title, number, issued_on, expires_on, original_seen, recorded_at)
       select $1, $2, d->>'code', d->>'title', d->>'number', (d->>'issuedOn')::date, (d->>'expiresOn')::date, coalesce((d->>'originalSeen')::boolean, false), $4
       from jsonb_array_elements($3::jsonb) d`,
      [owner.applicationId, owner.receiptId, JSON.stringify(documents), at.toString()],
    );
  }
  for (const r of requests) {
    await sql.query(
      `insert into data_request (application_id, receipt_id, kind, request_id, body, items, iins, requested_at, answered_at, answers) values ($1, $2, 'form-1-2', $3, $4, $5, $6, $7, $8, $9)`,
      [owner.applicationId, owner.receiptId, r.requestId, r.body, JSON.stringify(r.items), JSON.stringify(r.iins), r.requestedAt, r.answeredAt, JSON.stringify(r.answers ?? null)],
    );
  }
}
