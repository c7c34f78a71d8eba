/**
 * Reading and writing the `application` row inside a use case's transaction: lock it (with the optimistic
 * version check), check the actor may touch it (rural district), and save a step — the new status from
 * the transition table, the changed columns, and the deadlines recomputed — in one UPDATE.
 */
import { Temporal } from 'temporal-polyfill';
import type { Sql } from '../db/connect';
import { AppError } from '../errors';
import { assertWithinRuralDistrict, type Actor } from '../context';
import { computeCaseDeadlines, deadlinesListJson, type CaseDeadlines, type DeadlineState } from './case-deadlines';
import type { CaseEnv } from './case-env';
import type { CaseStatus } from './case-status';

/** The columns of `application` the use cases work with (camelCase); only these are read (each read is parsed per row). */
export interface CaseRow {
  readonly id: string;
  readonly regNumber: string;
  readonly channel: 'AUTHORIZED_BODY' | 'RURAL_AKIM' | 'STATE_CORP' | 'PORTAL';
  readonly status: CaseStatus;
  readonly applicantIin: string;
  readonly ground: string | null;
  readonly categoryCode: string;
  readonly iban: string | null;
  readonly mobile: string | null;
  readonly ruralDistrictId: string;
  readonly family: readonly FamilyEntry[];
  readonly eventOn: string | null;
  readonly actualCostTiyn: string | null;
  readonly registeredOn: string;
  readonly track: 'standard' | 'extended';
  readonly extensionClause: 'p.14' | 'p.15' | null;
  readonly extensionReason: string | null;
  readonly extensionRecordedOn: string | null;
  readonly documentsAcceptedOn: string | null;
  readonly routedOn: string | null;
  readonly surveyReceivedOn: string | null;
  readonly fileReceivedOn: string | null;
  readonly specialReceivedOn: string | null;
  readonly decisionHardOn: string | null;
  readonly version: number;
  /** From the survey and special conclusion (joined). */
  readonly surveyRefused: boolean;
  readonly surveyForwardedOn: string | null;
  readonly specialNeeds: boolean | null;
  readonly hearingPlannedOn: string | null;
}

/** A family member as stored in application.family (form 1 and/or the gateway). */
export interface FamilyEntry {
  readonly iin: string;
  readonly fullName: string;
  readonly birthDate: string | null;
  readonly relation: string;
  readonly occupation: string | null;
  readonly incomes: readonly { readonly type: string; readonly amountTiyn: number; readonly month?: string }[];
}

const SELECT = `select a.id, a.reg_number as "regNumber", a.channel, a.status, a.applicant_iin as "applicantIin", a.ground, a.category_code as "categoryCode",
  a.iban, a.mobile, a.rural_district_id as "ruralDistrictId", a.family, a.event_on::text as "eventOn", a.actual_cost_tiyn::text as "actualCostTiyn",
  a.registered_on::text as "registeredOn", a.track, a.extension_clause as "extensionClause", a.extension_reason as "extensionReason",
  a.extension_recorded_on::text as "extensionRecordedOn", a.documents_accepted_on::text as "documentsAcceptedOn", a.routed_on::text as "routedOn",
  a.survey_received_on::text as "surveyReceivedOn", a.file_received_on::text as "fileReceivedOn", a.special_received_on::text as "specialReceivedOn",
  a.decision_hard_on::text as "decisionHardOn", a.version,
  coalesce(s.refused, false) as "surveyRefused", s.forwarded_on::text as "surveyForwardedOn", sc.needs as "specialNeeds", h.planned_decision_on::text as "hearingPlannedOn"
  from application a left join survey s on s.application_id = a.id left join special_conclusion sc on sc.application_id = a.id left join hearing h on h.application_id = a.id`;

/**
 * What a step reads besides the case row, in the same statement: one SQL expression over the case row
 * `a` (parameters from $2), returned as `extra`.
 */
export interface ExtraRead {
  readonly column: string;
  readonly params: readonly unknown[];
}

/** Loads a case and locks its row for the transaction; NOT_FOUND, CONFLICT on a stale version, OUTSIDE_RURAL_DISTRICT. */
export async function lockCase(sql: Sql, actor: Actor | null, id: string, expectedVersion?: number): Promise<CaseRow> {
  return loadCase(sql, actor, id, expectedVersion, true);
}

/**
 * Loads a case for a step: locked (`lock`, inside a transaction) or not (a one-statement step, whose final
 * statement checks the version read here). NOT_FOUND, CONFLICT on a stale version, OUTSIDE_RURAL_DISTRICT.
 */
export async function loadCase(sql: Sql, actor: Actor | null, id: string, expectedVersion: number | undefined, lock: boolean, extra: ExtraRead | null = null): Promise<CaseRow & { readonly extra?: unknown }> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('NOT_FOUND');
  const text = extra ? SELECT.replace('\n  from application a', `, ${extra.column} as extra\n  from application a`) : SELECT;
  const [row] = await sql.query<CaseRow & { extra?: unknown }>(`${text} where a.id = $1${lock ? ' for update of a' : ''}`, [id, ...(extra?.params ?? [])]);
  if (!row) throw new AppError('NOT_FOUND');
  assertMayTouch(actor, row);
  if (expectedVersion !== undefined && expectedVersion !== row.version) throw new AppError('CONFLICT', [], { expectedVersion, version: row.version });
  return row;
}

/** Reads a case without locking (for pages and lists). */
export async function readCase(sql: Sql, actor: Actor | null, id: string): Promise<CaseRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('NOT_FOUND');
  const [row] = await sql.query<CaseRow>(`${SELECT} where a.id = $1`, [id]);
  if (!row) throw new AppError('NOT_FOUND');
  assertMayTouch(actor, row);
  return row;
}

/** RURAL_AKIM users see and change only cases of their own rural district. */
export function assertMayTouch(actor: Actor | null, row: { readonly ruralDistrictId: string }): void {
  assertWithinRuralDistrict(actor, row.ruralDistrictId);
}

export function deadlineStateOf(row: CaseRow, surveyRequired: boolean): DeadlineState {
  return { ...row, surveyRequired };
}

/** Whether the case's ground needs a precinct-commission survey (p.12: 6.1, 6.2, 6.4 in Koksu). */
export function surveyRequiredFor(env: CaseEnv, ground: string | null): boolean {
  return ground !== null && (env.config.grounds.find((g) => g.code === ground)?.surveyRequired ?? false);
}

/**
 * A step's own writes (own $1…$n parameters), run in the same statement as the case's UPDATE: one
 * INSERT/UPDATE (`sql`, sent as the WITH item `step_write`), or WITH-list items (`items`, "name as (…), …",
 * each named in `names`) that may read the case's UPDATE `case_saved` (one row when the case was saved).
 */
export type StepWrite = { readonly sql: string; readonly params: readonly unknown[] } | { readonly items: string; readonly names: readonly string[]; readonly params: readonly unknown[] };

/** Columns a step may change on the application row (snake_case column → value). */
export type CaseChanges = Readonly<Record<string, string | number | boolean | null>>;

/** The columns a step may change, each with its CaseRow field (snake_case → camelCase, made once). */
const CHANGEABLE: ReadonlyMap<string, string> = new Map(
  ['track', 'extension_clause', 'extension_reason', 'extension_recorded_on', 'documents_accepted_on', 'routed_on', 'survey_received_on', 'file_received_on', 'special_received_on'].map(
    (c) => [c, c.replace(/_([a-z])/g, (_, l: string) => l.toUpperCase())],
  ),
);

/**
 * A write to a shared hot row (the budget allocation of p.21) sent in the step's one statement, after
 * everything else the step writes: WITH-list items (parameters from `offset + 1`) that run once the
 * case's UPDATE (`after[0]`) returned its row and the step's own write items (`after`, the rest) have run,
 * so the row is locked as late in the statement as it can be; each item named in `counted` returns one row
 * when its write was made. When one is empty the whole statement fails (komek_expect_committed, migration
 * 0046) and saveStep throws HotRefused.
 */
export interface HotWrite {
  readonly items: (after: readonly string[], offset: number) => { readonly text: string; readonly params: readonly unknown[]; readonly counted: readonly string[]; readonly last: string };
}

/** Sends the final statement; `statement(auditItems)` places the audit entry's WITH items (runCommand's withAudit). */
export type SendFinal = (statement: (auditItems: string) => string, params: readonly unknown[], after: string | undefined) => Promise<{ saved: string }[]>;

/**
 * A hot write of the step's statement was not made (the budget allocation lacks room, p.21): the whole
 * statement failed, nothing was written. `index`: which of the hot write's `counted` items was empty first.
 */
export class HotRefused extends Error {
  constructor(readonly index: number) {
    super('a hot write of the step was refused');
  }
}

/** The case's version moved between reading it and saving the step (another step was saved meanwhile). */
export class CaseChanged extends Error {
  constructor() {
    super('the case changed since it was read');
  }
}

/**
 * Saves one step in ONE statement: new status, changed columns, recomputed deadlines and version + 1 (the
 * UPDATE), the step's own writes, the hot write and the audit entry (WITH items). `overlay` tells the
 * deadline computation about rows the step wrote in other tables (survey, hearing). Throws CaseChanged when
 * the version moved, HotRefused when the hot write was not made (nothing is written either way).
 */
export async function saveStep(
  send: SendFinal,
  env: CaseEnv,
  row: CaseRow,
  to: CaseStatus,
  changes: CaseChanges,
  at: Temporal.Instant,
  asOf: Temporal.PlainDate,
  overlay: Partial<DeadlineState> = {},
  write: StepWrite | null = null,
  hot: HotWrite | null = null,
): Promise<{ row: CaseRow; deadlines: CaseDeadlines }> {
  const cols = Object.keys(changes);
  const camel: Record<string, string | number | boolean | null> = {};
  for (const c of cols) {
    const field = CHANGEABLE.get(c);
    if (field === undefined) throw new Error(`saveStep: column ${c} is not changeable`);
    camel[field] = changes[c] as string | number | boolean | null;
  }
  const next = { ...row, ...camel, ...overlay, status: to, version: row.version + 1 } as CaseRow;
  const deadlines = computeCaseDeadlines(env, deadlineStateOf(next, surveyRequiredFor(env, row.ground)), asOf);
  const params: unknown[] = [row.id, row.version, to, deadlinesListJson(deadlines), deadlines.next?.step ?? null, deadlines.next?.role ?? null, deadlines.next?.targetOn ?? null, deadlines.next?.hardOn ?? null, deadlines.decisionHardOn, at.toString()];
  const sets = cols.map((c, i) => `${c} = $${params.length + i + 1}`);
  params.push(...cols.map((c) => changes[c]));
  // The step's own writes and the hot write ride in the same statement as data-modifying CTEs.
  const items: string[] = [];
  let last: string | undefined;
  let expect = 'komek_expect_saved((select count(*) from case_saved))';
  const written = ['case_saved'];
  if (write) {
    const offset = params.length;
    written.push(...('sql' in write ? ['step_write'] : write.names));
    const renumbered = ('sql' in write ? `step_write as (${write.sql})` : write.items).replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
    items.push(renumbered);
    params.push(...write.params);
  }
  if (hot) {
    const h = hot.items(written, params.length);
    items.push(h.text);
    params.push(...h.params);
    last = h.last;
    // The version is checked first (an argument), so a changed case is never reported as a refused hot write.
    expect = `komek_expect_committed(${expect}, array[${h.counted.map((c) => `(select count(*) from ${c})`).join(', ')}]::bigint[])`;
  }
  // The case's UPDATE checks the version read; when it moved, komek_expect_saved fails the whole statement
  // (migration 0023), because the other data-modifying CTEs run whatever the UPDATE found.
  const saved = `case_saved as (update application set status = $3, deadlines = $4, next_step = $5, next_role = $6, next_target_on = $7, next_hard_on = $8, decision_hard_on = $9, updated_at = $10, version = version + 1${sets.length ? ', ' + sets.join(', ') : ''}
     where id = $1 and version = $2 returning id)`;
  let updated: { saved: string }[];
  try {
    updated = await send((auditItems) => `with ${[saved, ...items, ...(auditItems ? [auditItems] : [])].join(', ')}\n        select ${expect} as saved`, params, last);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'KM409') throw new CaseChanged();
    if (code === 'KM402') throw new HotRefused(Number((e as { detail?: string }).detail ?? 1) - 1);
    throw e;
  }
  if (updated.length !== 1) throw new CaseChanged();
  return { row: { ...next, decisionHardOn: deadlines.decisionHardOn }, deadlines };
}
