/**
 * The national dated parameters as the district applies them (issue 6 item 1): the series shipped with the
 * rules core (src/rules/params/national.json — MCI, the budget-law subsistence minimum, the minimum wage,
 * the p.7.11 sanatorium guaranteed sum) with the entries the department added under an act
 * (national_parameter_entry, migration 0045). The shipped entries stay the default; an added entry adds a
 * value from its date (e.g. the 2027 MCI) or, on the date of a shipped entry, replaces it. For one series
 * and date the latest added row wins; every row is kept. The merged series is checked by the rules core
 * (`loadParameterSeries`), so each date still resolves to exactly one value or "no value in force".
 */
import { Temporal } from 'temporal-polyfill';
import type { Sql } from '../db/connect';
import { NATIONAL_PARAMETERS } from '../rules/params/national';
import { loadParameterSeries, resolveParameter, type ParameterEntry, type ParameterSeries } from '../rules/params/series';
import type { LegalReference } from './rules-store';

/** One entry the department added to a national series. */
export interface NationalEntryRow {
  readonly id: string;
  readonly seriesId: string;
  readonly from: string;
  readonly value: number;
  readonly status: ParameterEntry['status'];
  readonly note: string | null;
  readonly legal: LegalReference;
  readonly createdAt: string;
  readonly createdBy: string | null;
  readonly createdByName: string | null;
}

/** The added entries, oldest first (so a later row for the same date comes after the one it supersedes). */
export async function listNationalEntries(sql: Sql): Promise<NationalEntryRow[]> {
  const rows = await sql.query<{ id: string; series_id: string; effective_from: string; value: number; status: ParameterEntry['status']; note: string | null; legal_act: string; legal_number: string; legal_date: string; legal_clause: string; created_at: string; created_by: string | null; full_name: string | null }>(
    `select e.id::text as id, e.series_id, e.effective_from::text as effective_from, e.value::float8 as value, e.status, e.note,
            e.legal_act, e.legal_number, e.legal_date::text as legal_date, e.legal_clause, e.created_at::text as created_at,
            e.created_by::text as created_by, u.full_name
     from national_parameter_entry e left join app_user u on u.id = e.created_by
     order by e.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    seriesId: r.series_id,
    from: r.effective_from,
    value: Number(r.value),
    status: r.status,
    note: r.note,
    legal: { act: r.legal_act, number: r.legal_number, date: r.legal_date, clause: r.legal_clause },
    createdAt: Temporal.Instant.from(r.created_at.replace(' ', 'T')).toString(),
    createdBy: r.created_by,
    createdByName: r.full_name,
  }));
}

/** An added row as a series entry: its source is the act it was made under, checked on the day it was added. */
export function entryOf(row: Pick<NationalEntryRow, 'from' | 'value' | 'status' | 'note' | 'legal' | 'createdAt'>): ParameterEntry {
  return {
    from: row.from,
    value: row.value,
    status: row.status,
    source: { act: `${row.legal.act} No. ${row.legal.number} of ${row.legal.date}`, clause: row.legal.clause },
    lastChecked: Temporal.Instant.from(row.createdAt).toZonedDateTimeISO('Asia/Almaty').toPlainDate().toString(),
    ...(row.note ? { note: row.note } : {}),
  };
}

/** The ids of the added rows in force in the merged series: the latest row per series and date. */
export function effectiveRowIds(rows: readonly Pick<NationalEntryRow, 'id' | 'seriesId' | 'from'>[]): Set<string> {
  const latest = new Map<string, string>();
  for (const r of rows) latest.set(`${r.seriesId}|${r.from}`, r.id);
  return new Set(latest.values());
}

/**
 * The shipped national series with the added rows merged in. Throws RulesError('INVALID_PARAMETERS') when
 * a merged series would give a date two values (the rules core's check), or when a row names a series that
 * is not national.
 */
export function mergeNationalEntries(shipped: ReadonlyMap<string, ParameterSeries>, rows: readonly NationalEntryRow[]): ReadonlyMap<string, ParameterSeries> {
  if (rows.length === 0) return shipped;
  const effective = effectiveRowIds(rows);
  const out = new Map(shipped);
  for (const [id, series] of shipped) {
    const added = rows.filter((r) => r.seriesId === id && effective.has(r.id));
    if (added.length === 0) continue;
    const replaced = new Set(added.map((r) => r.from));
    const entries = [...series.entries.filter((e) => !replaced.has(e.from)), ...added.map(entryOf)];
    out.set(id, loadParameterSeries({ id, unit: series.unit, name_kk: series.name.kk, name_ru: series.name.ru, name_en: series.name.en, entries }, `national series "${id}"`));
  }
  for (const r of rows) if (!shipped.has(r.seriesId)) throw new Error(`national_parameter_entry ${r.id}: "${r.seriesId}" is not a national series`);
  return out;
}

/** The national series in force for the district: shipped entries with the department's added ones. */
export async function loadNationalParameters(sql: Sql): Promise<ReadonlyMap<string, ParameterSeries>> {
  return mergeNationalEntries(NATIONAL_PARAMETERS, await listNationalEntries(sql));
}

/** One line of a series as the screen shows it: where it comes from and whether it still applies. */
export type NationalEntryView =
  | { readonly origin: 'shipped'; readonly from: string; readonly value: number | null; readonly status: ParameterEntry['status']; readonly source: { act: string; clause?: string | undefined; note?: string | undefined }; readonly superseded: boolean }
  /** An added row as listed, its `createdBy` the name of who added it. */
  | (Omit<NationalEntryRow, 'seriesId' | 'createdByName'> & { readonly origin: 'added'; readonly superseded: boolean });

export interface NationalSeriesView {
  readonly id: string;
  readonly unit: ParameterSeries['unit'];
  readonly name_kk: string;
  readonly name_ru: string;
  readonly name_en: string;
  /** The value in force on `today` (null: no value in force). */
  readonly today: { readonly from: string; readonly value: number } | null;
  readonly entries: NationalEntryView[];
}

/** Each national series with its shipped and added entries (by date; an added row after what it supersedes). */
export async function listNationalParameters(sql: Sql, today: Temporal.PlainDate): Promise<NationalSeriesView[]> {
  const rows = await listNationalEntries(sql);
  const merged = mergeNationalEntries(NATIONAL_PARAMETERS, rows);
  const effective = effectiveRowIds(rows);
  return [...NATIONAL_PARAMETERS.values()].map((s) => {
    const added = rows.filter((r) => r.seriesId === s.id);
    const addedDates = new Set(added.map((r) => r.from));
    const entries: NationalEntryView[] = [
      ...s.entries.map((e): NationalEntryView => ({ origin: 'shipped', from: e.from, value: typeof e.value === 'number' ? e.value : null, status: e.status, source: e.source, superseded: addedDates.has(e.from) })),
      ...added.map((r): NationalEntryView => ({ origin: 'added', id: r.id, from: r.from, value: r.value, status: r.status, note: r.note, legal: r.legal, createdAt: r.createdAt, createdBy: r.createdByName, superseded: !effective.has(r.id) })),
    ].sort((a, b) => (a.from === b.from ? (a.origin === b.origin ? 0 : a.origin === 'shipped' ? -1 : 1) : a.from < b.from ? -1 : 1));
    const now = resolveParameter(merged.get(s.id)!, today);
    return {
      id: s.id,
      unit: s.unit,
      name_kk: s.name.kk,
      name_ru: s.name.ru,
      name_en: s.name.en,
      today: now.kind === 'value' && typeof now.value === 'number' ? { from: now.from, value: now.value } : null,
      entries,
    };
  });
}
