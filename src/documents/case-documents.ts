/**
 * Fills the form templates from a case as the workflow recorded it (migration 0020: application, person,
 * survey, income calculation, special conclusion, hearing, decision with its frozen basis, intake
 * receipt). Read-only: documents are printed from the record, never the other way round. A document
 * that does not exist yet at the case's stage (e.g. form 4 before the decision) is DOCUMENT_NOT_AVAILABLE.
 * Documents of applicants from the synthetic registry are marked as demo on every page.
 */
import type { Sql } from '../db/connect';
import { AppError } from '../errors';
import { caseEnv } from '../cases/case-env';
import { APPEAL_TEXT, FORMS } from './forms';
import { issuerFor } from './issuer';
import { renderForm } from './render';
import type { DocLang, DocumentData, FormCode, L, Row, Scalar } from './template';
import { REFUSAL_GROUND_NAMES, clauseLabel, formatAmount, formatCivilDate, normalizeClause } from '../notifications/notice-texts';
import { hearingNoticeFacts } from '../notifications/enqueue-hearing-notice';

const l = (kk: string, ru: string): L => ({ kk, ru });

const RELATIONS: Readonly<Record<string, L>> = {
  head: l('өтініш беруші', 'заявитель'),
  spouse: l('жұбайы', 'супруг(а)'),
  child: l('баласы', 'ребёнок'),
  parent: l('ата-анасы', 'родитель'),
  grandchild: l('немересі', 'внук(внучка)'),
  sibling: l('бауыры', 'брат/сестра'),
  other: l('басқа', 'другое'),
};

const CHANNELS: Readonly<Record<string, L>> = {
  AUTHORIZED_BODY: l('Уәкілетті орган', 'Уполномоченный орган'),
  RURAL_AKIM: l('Ауылдық округ әкімі', 'Аким сельского округа'),
  STATE_CORP: l('Мемлекеттік корпорация', 'Государственная корпорация'),
  PORTAL: l('«Электрондық үкімет» порталы (1-1 нысаны, ЭЦҚ)', 'Портал «электронного правительства» (форма 1-1, ЭЦП)'),
};

const PERIODICITY: Readonly<Record<string, L>> = {
  'one-time': l('Біржолғы', 'Единовременно'),
  monthly: l('Ай сайын', 'Ежемесячно'),
  quarterly: l('Тоқсан сайын', 'Ежеквартально'),
  yearly: l('Жылына бір рет', 'Ежегодно'),
};

interface CaseRecord {
  id: string;
  regNumber: string;
  channel: string;
  status: string;
  applicantIin: string;
  applicantName: string;
  applicantBirthDate: string | null;
  representative: string | null;
  poaNumber: string | null;
  poaDate: string | null;
  poaValidUntil: string | null;
  ground: string | null;
  categoryCode: string;
  iban: string | null;
  mobile: string | null;
  address: string;
  family: { iin: string; fullName: string; birthDate: string | null; relation: string; occupation: string | null; incomes: { amountTiyn: number }[] }[];
  registeredOn: string;
  portalRequestId: string | null;
  edsSigner: string | null;
  synthetic: boolean;
  rulesVersion: string;
  ruralDistrictKk: string;
  ruralDistrictRu: string;
}

async function loadCase(sql: Sql, id: string): Promise<CaseRecord> {
  const [row] = await sql.query<CaseRecord>(
    `select a.id, a.reg_number as "regNumber", a.channel, a.status, a.applicant_iin as "applicantIin",
            trim(p.last_name || ' ' || p.first_name || coalesce(' ' || p.patronymic, '')) as "applicantName", p.birth_date::text as "applicantBirthDate",
            case when r.iin is null then null else trim(r.last_name || ' ' || r.first_name || coalesce(' ' || r.patronymic, '')) || ', ЖСН/ИИН ' || r.iin end as representative,
            a.poa_number as "poaNumber", a.poa_date::text as "poaDate", a.poa_valid_until::text as "poaValidUntil",
            a.ground, a.category_code as "categoryCode", a.iban, a.mobile, a.address_text as address, a.family, a.registered_on::text as "registeredOn",
            a.portal_request_id as "portalRequestId", case when a.eds_signer_iin is null then null else a.eds_signer_name || ' (' || a.eds_signer_iin || ')' end as "edsSigner",
            exists (select 1 from reg_person rp where rp.iin = a.applicant_iin and rp.synthetic) as synthetic, a.rules_version as "rulesVersion",
            rd.name_kk as "ruralDistrictKk", rd.name_ru as "ruralDistrictRu"
       from application a join person p on p.iin = a.applicant_iin left join person r on r.iin = a.representative_iin
       join rural_district rd on rd.id = a.rural_district_id
      where a.id = $1`,
    [id],
  );
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

function categoryName(code: string): L {
  const c = caseEnv().config.categories.find((x) => x.code === code);
  return c ? l(`${c.code} — ${c.name_kk}${c.example ? ' (мысал)' : ''}`, `${c.code} — ${c.name_ru}${c.example ? ' (пример)' : ''}`) : l(code, code);
}
function groundName(code: string | null): Scalar {
  if (!code) return null;
  const g = caseEnv().config.grounds.find((x) => x.code === code);
  return g ? l(`${g.code} — ${g.text_kk}`, `${g.code} — ${g.text_ru}`) : code;
}
const tenge = (tiyn: number | string | null | undefined): Scalar => (tiyn === null || tiyn === undefined ? null : l(`${formatAmount(Number(tiyn))} теңге`, `${formatAmount(Number(tiyn))} тенге`));
const date = (iso: string | null | undefined): string | null => (iso ? formatCivilDate(iso) : null);

function familyRows(c: CaseRecord, byIin: ReadonlyMap<string, number> = new Map()): Row[] {
  return c.family.map((m) => ({
    name: m.fullName,
    iin: m.iin,
    birthDate: date(m.birthDate),
    relation: RELATIONS[m.relation] ?? m.relation,
    occupation: m.occupation ?? null,
    income: formatAmount(byIin.get(m.iin) ?? m.incomes.reduce((s, i) => s + Number(i.amountTiyn), 0)),
  }));
}

function refusalText(ground: string | null): L | null {
  if (!ground) return null;
  const c = normalizeClause(ground);
  const name = REFUSAL_GROUND_NAMES[c];
  return l(`Қағидалардың ${clauseLabel(c, 'kk')}${name ? `: ${name.kk}` : ''}.`, `${clauseLabel(c, 'ru')} Правил${name ? `: ${name.ru}` : ''}.`);
}

/** The data of one form for one application (or, for form 1-3, one intake receipt id). */
export async function caseDocumentData(sql: Sql, id: string, form: FormCode): Promise<DocumentData> {
  if (form === '1-3') return receiptData(sql, id);
  const c = await loadCase(sql, id);
  const address = l(`${c.address} (${c.ruralDistrictKk})`, `${c.address} (${c.ruralDistrictRu})`);
  switch (form) {
    case '1':
      return {
        number: c.regNumber,
        date: c.registeredOn,
        synthetic: c.synthetic,
        issuer: issuerFor(c.rulesVersion),
        values: {
          applicantName: c.applicantName,
          applicantIin: c.applicantIin,
          applicantBirthDate: date(c.applicantBirthDate),
          address,
          mobile: c.mobile,
          ground: groundName(c.ground),
          category: categoryName(c.categoryCode),
          regNumber: `${c.regNumber}, ${formatCivilDate(c.registeredOn)}`,
          channel: c.channel === 'PORTAL' && c.edsSigner ? l(`${CHANNELS.PORTAL!.kk}; қол қойған: ${c.edsSigner}; сұрау ${c.portalRequestId ?? ''}`, `${CHANNELS.PORTAL!.ru}; подписал: ${c.edsSigner}; запрос ${c.portalRequestId ?? ''}`) : (CHANNELS[c.channel] ?? c.channel),
          representative: c.representative,
          powerOfAttorney: c.poaNumber ? `№ ${c.poaNumber}, ${date(c.poaDate) ?? ''} — ${date(c.poaValidUntil) ?? ''}` : null,
          family: familyRows(c),
          incomeDeclaration: tenge(c.family.reduce((s, m) => s + m.incomes.reduce((t, i) => t + Number(i.amountTiyn), 0), 0)),
          iban: c.iban,
          bank: null,
          documents: (await sql.query<{ title: string | null; code: string; number: string | null }>(`select title, code, number from case_document where application_id = $1 order by id`, [id])).map(
            (d) => `${d.title ?? d.code}${d.number ? ` № ${d.number}` : ''}`,
          ),
        },
        signatures: { applicant: c.applicantName, employee: null },
      };
    case '2':
    case '3': {
      const [s] = await sql.query<{ actNumber: string; actDate: string; commission: string; refused: boolean; housing: string | null; subsidiaryFarm: string | null; property: string | null; observations: string | null; familyIncomes: { iin: string; incomes: { amountTiyn: number }[] }[]; needs: boolean | null; conclusionNumber: string | null; conclusionReason: string | null }>(
        `select act_number as "actNumber", act_date::text as "actDate", commission, refused, housing, subsidiary_farm as "subsidiaryFarm", property, observations, family_incomes as "familyIncomes",
                needs, conclusion_number as "conclusionNumber", conclusion_reason as "conclusionReason" from survey where application_id = $1`,
        [id],
      );
      if (!s) throw new AppError('DOCUMENT_NOT_AVAILABLE');
      if (form === '2') {
        const byIin = new Map(s.familyIncomes.map((f) => [f.iin, f.incomes.reduce((t, i) => t + Number(i.amountTiyn), 0)] as const));
        return {
          number: s.actNumber,
          date: s.actDate,
          synthetic: c.synthetic,
          issuer: issuerFor(c.rulesVersion),
          values: {
            commission: s.commission,
            applicantName: c.applicantName,
            applicantIin: c.applicantIin,
            address,
            application: `${c.regNumber}, ${formatCivilDate(c.registeredOn)}`,
            family: familyRows(c, byIin),
            housing: s.housing,
            subsidiaryFarm: s.subsidiaryFarm,
            property: s.property,
            observations: s.observations,
            refusal: s.refused
              ? l('Өтініш беруші материалдық жағдайын зерттеп-қараудан бас тартты (жалтарды) — Қағидалардың 20-тармағының 2)-тармақшасы.', 'Заявитель отказался (уклонился) от обследования материального положения — подпункт 2) пункта 20 Правил.')
              : l('Бас тартқан жоқ', 'Не отказывался(ась)'),
          },
          signatures: { chair: null, member: null, applicant: s.refused ? null : c.applicantName },
          ...(s.refused ? { clauses: ['p.20.2'] } : {}),
        };
      }
      if (s.refused || s.needs === null) throw new AppError('DOCUMENT_NOT_AVAILABLE');
      return {
        number: s.conclusionNumber,
        date: s.actDate,
        synthetic: c.synthetic,
        issuer: issuerFor(c.rulesVersion),
        values: {
          commission: s.commission,
          act: l(`№ ${s.actNumber}, ${formatCivilDate(s.actDate)}`, `№ ${s.actNumber} от ${formatCivilDate(s.actDate)}`),
          applicantName: c.applicantName,
          applicantIin: c.applicantIin,
          conclusion: s.needs ? l('Әлеуметтік көмекке мұқтаж', 'Нуждается в социальной помощи') : l('Әлеуметтік көмекке мұқтаж емес', 'Не нуждается в социальной помощи'),
          reason: s.conclusionReason,
        },
        signatures: { chair: null, member: null },
      };
    }
    case '4':
    case '5':
    case '6':
      return decisionData(sql, c, form, address);
    case 'hearing':
      return hearingNoticeData(sql, c, address);
  }
}

/** The preliminary refusal and hearing notice (p.18): the same facts as its SMS and cabinet texts. */
async function hearingNoticeData(sql: Sql, c: CaseRecord, address: L): Promise<DocumentData> {
  const f = await hearingNoticeFacts(sql, c.id);
  if (!f) throw new AppError('DOCUMENT_NOT_AVAILABLE');
  const [h] = await sql.query<{ text: string; official: string | null }>(
    `select h.preliminary_text as text,
            (select u.full_name from audit_entry e join app_user u on u.id = e.actor_id where e.target_type = 'application' and e.target_id = h.application_id::text and e.action = 'application.proposeRefusal' order by e.at desc limit 1) as official
       from hearing h where h.application_id = $1`,
    [c.id],
  );
  const where = [f.hearingLocal, f.hearingPlace, f.hearingMeans].filter((x): x is string => !!x && x.trim() !== '').join(', ');
  return {
    number: null,
    date: f.notifiedOn,
    synthetic: c.synthetic,
    issuer: issuerFor(c.rulesVersion),
    values: {
      applicantName: c.applicantName,
      address,
      application: `${c.regNumber}, ${formatCivilDate(c.registeredOn)}`,
      refusalReason: refusalText(f.refusalGround),
      preliminary: h?.text ?? null,
      hearing: where || l('Уақыты мен орнын уәкілетті орган хабарлайды', 'Время и место сообщит уполномоченный орган'),
      objectionDue: l(`${formatCivilDate(f.objectionDueOn)} қоса алғанда (2 жұмыс күні)`, `по ${formatCivilDate(f.objectionDueOn)} включительно (2 рабочих дня)`),
      plannedDecision: formatCivilDate(f.plannedDecisionOn),
    },
    signatures: { official: h?.official ?? null },
    clauses: [normalizeClause(f.refusalGround)],
  };
}

interface DecisionRow {
  number: string;
  decidedOn: string;
  outcome: 'grant' | 'refuse';
  refusalGround: string | null;
  amountTiyn: string | null;
  periodicity: string | null;
  firstPaymentDate: string | null;
  periods: number | null;
  basis: {
    trace?: { clause: string; text: { kk: string; ru: string } }[];
    clauses?: string[];
    perCapitaIncomeTiyn?: number | null;
    thresholdTiyn?: number | null;
    specialConclusion?: { needs?: boolean; amountTiyn?: number | string | null } | null;
    hearing?: { notified_on?: string; objection_on?: string | null } | null;
  };
  headName: string | null;
}

async function decisionData(sql: Sql, c: CaseRecord, form: '4' | '5' | '6', address: L): Promise<DocumentData> {
  const [d] = await sql.query<DecisionRow>(
    `select d.number, d.decided_on::text as "decidedOn", d.outcome, d.refusal_ground as "refusalGround", d.amount_tiyn::text as "amountTiyn", d.periodicity,
            d.first_payment_date::text as "firstPaymentDate", d.periods, d.basis, u.full_name as "headName"
       from decision d left join app_user u on u.id = d.decided_by where d.application_id = $1`,
    [c.id],
  );
  if (!d) throw new AppError('DOCUMENT_NOT_AVAILABLE');
  if ((form === '5' && d.outcome !== 'grant') || (form === '6' && d.outcome !== 'refuse')) throw new AppError('DOCUMENT_NOT_AVAILABLE');
  const b = typeof d.basis === 'string' ? (JSON.parse(d.basis) as DecisionRow['basis']) : d.basis;
  const refused = d.outcome === 'refuse';
  const decision = l(`№ ${d.number}, ${formatCivilDate(d.decidedOn)}`, `№ ${d.number} от ${formatCivilDate(d.decidedOn)}`);
  const periodicity: L | null = d.periodicity ? (PERIODICITY[d.periodicity] ?? l(d.periodicity, d.periodicity)) : null;
  const period = d.firstPaymentDate
    ? l(`${formatCivilDate(d.firstPaymentDate)} бастап${d.periods ? `, төлемдер саны: ${d.periods}` : ''}`, `с ${formatCivilDate(d.firstPaymentDate)}${d.periods ? `, число выплат: ${d.periods}` : ''}`)
    : null;
  const special = b.specialConclusion;
  const [survey] = await sql.query<{ actNumber: string; actDate: string; refused: boolean; needs: boolean | null; conclusionNumber: string | null }>(
    `select act_number as "actNumber", act_date::text as "actDate", refused, needs, conclusion_number as "conclusionNumber" from survey where application_id = $1`,
    [c.id],
  );
  const values: Record<string, DocumentData['values'][string]> = {
    applicantName: c.applicantName,
    applicantIin: c.applicantIin,
    address,
    application: `${c.regNumber}, ${formatCivilDate(c.registeredOn)}`,
    ground: groundName(c.ground),
    category: categoryName(c.categoryCode),
    perCapita: b.perCapitaIncomeTiyn === undefined || b.perCapitaIncomeTiyn === null ? l('Табыс ескерілмейді (санат табысқа қарамай)', 'Доход не учитывается (категория без учёта дохода)') : tenge(b.perCapitaIncomeTiyn),
    threshold: tenge(b.thresholdTiyn ?? null),
    precinct: survey
      ? survey.refused
        ? l(`Акт № ${survey.actNumber}, ${formatCivilDate(survey.actDate)}: зерттеп-қараудан бас тартты`, `Акт № ${survey.actNumber} от ${formatCivilDate(survey.actDate)}: отказ от обследования`)
        : l(
            `Акт № ${survey.actNumber}, ${formatCivilDate(survey.actDate)}${survey.conclusionNumber ? `; қорытынды № ${survey.conclusionNumber}` : ''} — ${survey.needs ? 'мұқтаж' : 'мұқтаж емес'}`,
            `Акт № ${survey.actNumber} от ${formatCivilDate(survey.actDate)}${survey.conclusionNumber ? `; заключение № ${survey.conclusionNumber}` : ''} — ${survey.needs ? 'нуждается' : 'не нуждается'}`,
          )
      : l('Талап етілмейді (6.1, 6.2, 6.4 негіздері емес)', 'Не требуется (не основания 6.1, 6.2, 6.4)'),
    special: special
      ? special.needs
        ? l(`Мұқтаж${special.amountTiyn ? `; ұсынылған сома ${formatAmount(Number(special.amountTiyn))} теңге` : ''}`, `Нуждается${special.amountTiyn ? `; рекомендуемая сумма ${formatAmount(Number(special.amountTiyn))} тенге` : ''}`)
        : l('Мұқтаж емес', 'Не нуждается')
      : null,
    hearing: b.hearing
      ? l(`Алдын ала шешім ${date(b.hearing.notified_on) ?? '—'} хабарланды${b.hearing.objection_on ? `; қарсылық ${date(b.hearing.objection_on)}` : '; қарсылық берілмеді'}`, `Предварительное решение направлено ${date(b.hearing.notified_on) ?? '—'}${b.hearing.objection_on ? `; возражение ${date(b.hearing.objection_on)}` : '; возражений не поступило'}`)
      : refused
        ? null
        : l('Талап етілмейді (көмек тағайындалады)', 'Не требуется (помощь назначается)'),
    outcome: refused ? l('Әлеуметтік көмек көрсетуден бас тартылсын', 'Отказать в оказании социальной помощи') : l('Әлеуметтік көмек көрсетілсін', 'Оказать социальную помощь'),
    assistanceType: refused ? null : l(`Ақшалай, ${(periodicity ?? l('', '')).kk.toLowerCase()}`, `Денежная, ${(periodicity ?? l('', '')).ru.toLowerCase()}`),
    amount: refused ? null : tenge(d.amountTiyn),
    periodicity: refused ? null : periodicity,
    period: refused ? null : period,
    account: refused ? null : c.iban,
    refusalReason: refusalText(d.refusalGround),
    decision,
    granted: refused ? null : l(`${(periodicity ?? l('', '')).kk} ақшалай әлеуметтік көмек — ${formatAmount(Number(d.amountTiyn ?? 0))} теңге (${categoryName(c.categoryCode).kk}).`, `${(periodicity ?? l('', '')).ru} денежная социальная помощь — ${formatAmount(Number(d.amountTiyn ?? 0))} тенге (${categoryName(c.categoryCode).ru}).`),
    appeal: APPEAL_TEXT,
    explanation: (b.trace ?? []).map((t) => ({ clause: t.clause.replace(/^p\./, ''), text: l(t.text.kk, t.text.ru) })),
  };
  return {
    number: form === '4' ? d.number : null,
    date: d.decidedOn,
    synthetic: c.synthetic,
    issuer: issuerFor(c.rulesVersion),
    values,
    signatures: { head: d.headName },
    clauses: [...(d.refusalGround ? [normalizeClause(d.refusalGround)] : []), ...(form === '4' ? (b.clauses ?? []).filter((x) => /^p\.\d+(\.\d+)?$/.test(x)) : [])],
  };
}

async function receiptData(sql: Sql, id: string): Promise<DocumentData> {
  const [r] = await sql.query<{ number: string; channel: string; applicantIin: string; applicantName: string; categoryCode: string; missing: { name_kk: string; name_ru: string }[]; expired: { name_kk: string; name_ru: string; expiresOn?: string }[]; issuedOn: string; employeeName: string | null; synthetic: boolean }>(
    `select number, channel, applicant_iin as "applicantIin", applicant_name as "applicantName", category_code as "categoryCode", missing, expired, issued_on::text as "issuedOn",
            employee_name as "employeeName", exists (select 1 from reg_person rp where rp.iin = intake_receipt.applicant_iin and rp.synthetic) as synthetic
       from intake_receipt where id = $1`,
    [id],
  );
  if (!r) throw new AppError('NOT_FOUND');
  return {
    number: r.number,
    date: r.issuedOn,
    synthetic: r.synthetic,
    issuer: issuerFor(),
    values: {
      body: CHANNELS[r.channel] ?? r.channel,
      applicantName: r.applicantName,
      applicantIin: r.applicantIin,
      category: categoryName(r.categoryCode),
      missing: r.missing.map((m) => l(m.name_kk, m.name_ru)),
      expired: r.expired.map((m) => l(`${m.name_kk}${m.expiresOn ? ` — мерзімі ${formatCivilDate(m.expiresOn)} өткен` : ''}`, `${m.name_ru}${m.expiresOn ? ` — срок истёк ${formatCivilDate(m.expiresOn)}` : ''}`)),
    },
    signatures: { employee: r.employeeName, applicant: null },
  };
}

/** Renders form `form` of application (or intake receipt) `id` as a PDF. */
export async function renderCaseDocument(sql: Sql, id: string, form: FormCode, lang: DocLang): Promise<Uint8Array<ArrayBuffer>> {
  return renderForm(FORMS[form], await caseDocumentData(sql, id, form), lang);
}
