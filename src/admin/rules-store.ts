/**
 * The district's Rules as dated data in the database (issue 6 item 1): the single accessor the rest of
 * the system uses. `getRulesConfig(database, relevantDate)` gives the parsed district configuration of
 * the rules version in force on that date; `getCalendar(database)` the working-day calendar with the
 * administrator's overrides. The national series in every configuration built here carry the entries the
 * department added (src/admin/national-parameters.ts). Both are cached per process and invalidated by a
 * generation counter that every change moves (rules_generation), so a change made by any process is seen
 * by all of them.
 *
 * On a fresh database the shipped Koksu file seeds one scheduled row per version it contains (15-63 as
 * adopted; as amended by 35-140), each in force from its effective date.
 */
import { Temporal } from 'temporal-polyfill';
import type { Database, Sql } from '../db/connect';
import { afterCommit, cacheAgeClockMs, runCommand, systemClock, type Clock } from '../context';
import { AppError } from '../errors';
import { buildCalendar, CalendarDataError, type Calendar, type CalendarOverride } from '../rules/calendar';
import { parseDistrictConfig, selectRulesVersion, type DistrictConfig, type RulesVersion } from '../rules/district/config';
import type { DistrictConfigData } from '../rules/district/schema';
import { NATIONAL_PARAMETERS } from '../rules/params/national';
import type { ParameterSeries } from '../rules/params/series';
import { RulesError } from '../rules/rules-error';
import koksu from '../rules/districts/koksu.json';
import { loadNationalParameters } from './national-parameters';

/** Where a version's lifecycle stands on a date (stored status + effective date). */
export const LIFECYCLES = ['draft', 'approved', 'scheduled', 'in-force', 'archived', 'withdrawn'] as const;
export type Lifecycle = (typeof LIFECYCLES)[number];

export interface LegalReference {
  readonly act: string;
  readonly number: string;
  readonly date: string;
  readonly clause: string;
}

export interface RulesVersionSummary {
  readonly id: string;
  readonly code: string;
  readonly status: 'draft' | 'approved' | 'scheduled' | 'withdrawn';
  readonly lifecycle: Lifecycle;
  readonly effectiveFrom: string;
  readonly basedOn: string | null;
  readonly legal: LegalReference;
  readonly createdAt: string;
  readonly createdBy: string | null;
  readonly approvedAt: string | null;
  readonly scheduledAt: string | null;
  readonly version: number;
  /** Values still marked "example" (categories, holidays, rural districts, parameter entries). */
  readonly exampleCount: number;
}

const SEED_LOCK = 4_242_040;

/**
 * Parses a configuration stored or imported; failures become INVALID_DISTRICT_CONFIG naming file, path,
 * problem. `national`: the national series with the department's added entries (getNationalParameters).
 */
export function parseConfigOrFail(json: unknown, fileName: string, national: ReadonlyMap<string, ParameterSeries> = NATIONAL_PARAMETERS): DistrictConfig {
  try {
    return parseDistrictConfig(json, fileName, national);
  } catch (e) {
    if (e instanceof RulesError) {
      throw new AppError('INVALID_DISTRICT_CONFIG', [{ path: e.path ?? '', message: e.message }], { file: fileName });
    }
    throw e;
  }
}

/** Counts the values still marked "example" that an administrator must replace with official ones. */
export function countExamples(config: DistrictConfigData): number {
  let n = 0;
  for (const c of config.categories) if (c.example) n++;
  for (const h of config.holidays) if (h.example) n++;
  for (const r of config.ruralDistricts) if (r.example) n++;
  for (const s of config.series) for (const e of s.entries) if (e.status === 'example') n++;
  return n;
}

/**
 * Moves the generation counter: every process's cached configuration and calendar are rebuilt. This
 * process re-reads the counter at its next use (now and again once the change has committed); other
 * processes within RULES_GENERATION_CACHE_MS.
 */
export async function bumpRulesGeneration(sql: Sql): Promise<void> {
  await sql.query('update rules_generation set generation = generation + 1 where id = 1');
  localChanges++;
  afterCommit(sql, () => void localChanges++);
}

/** Inserts the shipped Koksu versions when the table is empty (idempotent, safe under concurrency). */
export async function seedShippedRules(database: Database, clock: Clock = systemClock): Promise<boolean> {
  const [any] = await database.query('select 1 from rules_version limit 1');
  if (any) return false;
  return runCommand({ database, actor: null, clock }, { action: 'rules.seed', targetType: 'rules_version' }, async ({ sql, at }) => {
    await sql.query('select pg_advisory_xact_lock($1)', [SEED_LOCK]);
    const [again] = await sql.query('select 1 from rules_version limit 1');
    if (again) return { result: false, targetId: null };
    const config = parseDistrictConfig(koksu, 'koksu.json');
    for (const v of config.rulesVersions) {
      await sql.query(
        `insert into rules_version (code, status, effective_from, config, legal_act, legal_number, legal_date, legal_clause, created_at, updated_at, scheduled_at)
         values ($1, 'scheduled', $2, $3, $4, $5, $6, $7, $8, $8, $8)`,
        [v.id, v.effectiveFrom, JSON.stringify(koksu), v.act, v.id, v.adoptedOn, v.inForceClause, at.toString()],
      );
    }
    await bumpRulesGeneration(sql);
    return { result: true, targetId: null, after: { versions: config.rulesVersions.map((v) => v.id), file: 'koksu.json' } };
  });
}

interface ScheduledRow {
  readonly id: string;
  readonly code: string;
  readonly effectiveFrom: string;
  readonly config: DistrictConfig;
}

interface Cached {
  generation: string;
  /** When the generation was last read (cacheAgeClockMs) and the local change count then. */
  checkedAtMs: number;
  localChangesSeen: number;
  scheduled: ScheduledRow[];
  /** The national series with the entries added by the department (migration 0045). */
  national: ReadonlyMap<string, ParameterSeries>;
  calendar?: Calendar;
  calendarLoading?: Promise<Calendar> | undefined;
}

const CACHE = new WeakMap<Database, Cached>();

/**
 * How long the generation read from the database is trusted before it is read again (one statement
 * less on every request of the case workflow). Changes made through this process (bumpRulesGeneration)
 * are seen at the next use; changes made by another process at most this much later.
 */
export const RULES_GENERATION_CACHE_MS = 2_000;
let localChanges = 0;

async function currentGeneration(database: Database): Promise<string> {
  const [row] = await database.query<{ generation: string }>('select generation::text as generation from rules_generation where id = 1');
  return row?.generation ?? '0';
}

/** A re-read in progress per database: concurrent requests wait for it instead of each parsing the Rules. */
const LOADING = new WeakMap<Database, { readonly changes: number; readonly promise: Promise<Cached> }>();

async function loadCache(database: Database): Promise<Cached> {
  const known = CACHE.get(database);
  if (known && known.localChangesSeen === localChanges && cacheAgeClockMs() - known.checkedAtMs < RULES_GENERATION_CACHE_MS) return known;
  const loading = LOADING.get(database);
  // Only a re-read that started after this process's last change may answer for it.
  if (loading && loading.changes === localChanges) return loading.promise;
  const promise = reloadCache(database, known).finally(() => {
    if (LOADING.get(database)?.promise === promise) LOADING.delete(database);
  });
  LOADING.set(database, { changes: localChanges, promise });
  return promise;
}

async function reloadCache(database: Database, known: Cached | undefined): Promise<Cached> {
  const changesSeen = localChanges;
  const checkedAtMs = cacheAgeClockMs();
  let generation = await currentGeneration(database);
  if (known && known.generation === generation) {
    known.checkedAtMs = checkedAtMs;
    known.localChangesSeen = changesSeen;
    return known;
  }
  if (await seedShippedRules(database)) generation = await currentGeneration(database);
  const rows = await database.query<{ id: string; code: string; effective_from: string; config: unknown }>(
    `select id::text as id, code, effective_from::text as effective_from, config from rules_version where status = 'scheduled' order by effective_from`,
  );
  const national = await loadNationalParameters(database);
  const scheduled = rows.map((r) => ({
    id: r.id,
    code: r.code,
    effectiveFrom: r.effective_from,
    config: parseDistrictConfig(typeof r.config === 'string' ? JSON.parse(r.config) : r.config, `rules_version ${r.code}`, national),
  }));
  const fresh: Cached = { generation, checkedAtMs, localChangesSeen: changesSeen, scheduled, national };
  CACHE.set(database, fresh);
  return fresh;
}

/** The national series as every configuration built here uses them: shipped entries with the added ones. */
export async function getNationalParameters(database: Database): Promise<ReadonlyMap<string, ParameterSeries>> {
  return (await loadCache(database)).national;
}

/** The scheduled version row in force on `date`: the last one starting on or before it (else the first). */
function rowInForce(scheduled: readonly ScheduledRow[], date: string): ScheduledRow | undefined {
  let found: ScheduledRow | undefined;
  for (const r of scheduled) if (r.effectiveFrom <= date) found = r;
  return found;
}

/**
 * The district configuration of the rules version in force on `relevantDate` (for an application: its
 * registration date). Pass the result to `selectRulesVersion(config, relevantDate)` for the version.
 * Throws AppError NO_RULES_IN_FORCE before the first version's effective date.
 */
export async function getRulesConfig(database: Database, relevantDate: Temporal.PlainDate): Promise<DistrictConfig> {
  const { scheduled } = await loadCache(database);
  const row = rowInForce(scheduled, relevantDate.toString());
  if (!row) throw new AppError('NO_RULES_IN_FORCE', [], { date: relevantDate.toString() });
  return row.config;
}

/**
 * The configuration of the latest scheduled version (possibly not yet in force). Scheduling keeps the
 * versions a chain — each contains every earlier version side by side (see scheduleRulesVersion) — so
 * `selectRulesVersion(config, date)` on it gives the version in force on any date. For consumers that
 * hold one configuration for all dates (the case workflow's environment).
 */
export async function getLatestRulesConfig(database: Database): Promise<{ generation: string; config: DistrictConfig }> {
  const { generation, scheduled } = await loadCache(database);
  const last = scheduled.at(-1);
  if (!last) throw new AppError('NO_RULES_IN_FORCE');
  return { generation, config: last.config };
}

/** The rules version in force on `relevantDate` and the id of the database row it comes from. */
export async function getRulesVersion(database: Database, relevantDate: Temporal.PlainDate): Promise<{ rowId: string; version: RulesVersion }> {
  const { scheduled } = await loadCache(database);
  const row = rowInForce(scheduled, relevantDate.toString());
  if (!row) throw new AppError('NO_RULES_IN_FORCE', [], { date: relevantDate.toString() });
  return { rowId: row.id, version: selectRulesVersion(row.config, relevantDate) };
}

/** The calendar overrides in the database, as `buildCalendar` takes them. */
export async function listCalendarOverrides(sql: Sql): Promise<(CalendarOverride & { id: string; legal: LegalReference; createdAt: string })[]> {
  const rows = await sql.query<{ id: string; date: string; kind: CalendarOverride['kind']; name_kk: string; name_ru: string; legal_act: string; legal_number: string; legal_date: string; legal_clause: string; created_at: string }>(
    `select id::text as id, date::text as date, kind, name_kk, name_ru, legal_act, legal_number, legal_date::text as legal_date, legal_clause, created_at::text as created_at
     from calendar_override where removed_at is null order by date`,
  );
  return rows.map((r) => ({
    id: r.id,
    date: r.date,
    kind: r.kind,
    name_kk: r.name_kk,
    name_ru: r.name_ru,
    source: `${r.legal_act} No. ${r.legal_number} of ${r.legal_date}, ${r.legal_clause}`,
    legal: { act: r.legal_act, number: r.legal_number, date: r.legal_date, clause: r.legal_clause },
    createdAt: r.created_at,
  }));
}

/** The working-day calendar: the shipped national data with the overrides stored in the database. */
export async function getCalendar(database: Database): Promise<Calendar> {
  const cached = await loadCache(database);
  if (cached.calendar) return cached.calendar;
  // Built once per generation, however many requests ask for it at the same moment.
  cached.calendarLoading ??= (async () => {
    try {
      cached.calendar = buildCalendar({ overrides: await listCalendarOverrides(database) });
      return cached.calendar;
    } catch (e) {
      cached.calendarLoading = undefined;
      if (e instanceof CalendarDataError) throw new AppError('VALIDATION', e.issues.map((m) => ({ path: 'calendar', message: m })));
      throw e;
    }
  })();
  return cached.calendarLoading;
}

/** A version's place in its lifecycle on `today`: a scheduled version is in force from its date until the next one starts. */
export function lifecycleOf(row: { id: string; status: RulesVersionSummary['status']; effectiveFrom: string }, scheduled: readonly { id: string; effectiveFrom: string }[], today: string): Lifecycle {
  if (row.status !== 'scheduled') return row.status;
  if (row.effectiveFrom > today) return 'scheduled';
  const inForce = [...scheduled].filter((s) => s.effectiveFrom <= today).sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1)).at(-1);
  return inForce?.id === row.id ? 'in-force' : 'archived';
}

interface VersionRow {
  id: string;
  code: string;
  status: RulesVersionSummary['status'];
  effective_from: string;
  based_on: string | null;
  legal_act: string;
  legal_number: string;
  legal_date: string;
  legal_clause: string;
  created_at: string;
  created_by: string | null;
  approved_at: string | null;
  scheduled_at: string | null;
  version: number;
  config: unknown;
}

const VERSION_COLUMNS = `id::text as id, code, status, effective_from::text as effective_from, based_on::text as based_on, legal_act, legal_number,
  legal_date::text as legal_date, legal_clause, created_at::text as created_at, created_by::text as created_by, approved_at::text as approved_at,
  scheduled_at::text as scheduled_at, version, config`;

function configOf(raw: unknown): DistrictConfigData {
  return (typeof raw === 'string' ? JSON.parse(raw) : raw) as DistrictConfigData;
}

/** Every rules version with its lifecycle on `today`, newest effective date first. */
export async function listRulesVersions(database: Database, today: Temporal.PlainDate): Promise<RulesVersionSummary[]> {
  await loadCache(database);
  const rows = await database.query<VersionRow>(`select ${VERSION_COLUMNS} from rules_version order by effective_from desc, id desc`);
  const scheduled = rows.filter((r) => r.status === 'scheduled').map((r) => ({ id: r.id, effectiveFrom: r.effective_from }));
  return rows.map((r) => summaryOf(r, scheduled, today.toString()));
}

function summaryOf(r: VersionRow, scheduled: readonly { id: string; effectiveFrom: string }[], today: string): RulesVersionSummary {
  return {
    id: r.id,
    code: r.code,
    status: r.status,
    lifecycle: lifecycleOf({ id: r.id, status: r.status, effectiveFrom: r.effective_from }, scheduled, today),
    effectiveFrom: r.effective_from,
    basedOn: r.based_on,
    legal: { act: r.legal_act, number: r.legal_number, date: r.legal_date, clause: r.legal_clause },
    createdAt: r.created_at,
    createdBy: r.created_by,
    approvedAt: r.approved_at,
    scheduledAt: r.scheduled_at,
    version: r.version,
    exampleCount: countExamples(configOf(r.config)),
  };
}

/** One version with its whole configuration (as stored, in the file format). */
export async function getRulesVersionRow(sql: Sql, id: string, today: Temporal.PlainDate): Promise<RulesVersionSummary & { config: DistrictConfigData }> {
  if (!/^\d{1,18}$/.test(id)) throw new AppError('NOT_FOUND');
  const [row] = await sql.query<VersionRow>(`select ${VERSION_COLUMNS} from rules_version where id = $1`, [id]);
  if (!row) throw new AppError('NOT_FOUND');
  const scheduled = await sql.query<{ id: string; effectiveFrom: string }>(`select id::text as id, effective_from::text as "effectiveFrom" from rules_version where status = 'scheduled'`);
  return { ...summaryOf(row, scheduled, today.toString()), config: configOf(row.config) };
}
