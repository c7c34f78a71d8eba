/**
 * Adds a dated entry to a national parameter series (issue 6 item 1): the department enters a new value —
 * the MCI of the next budget law, a corrected subsistence minimum, the p.7.11 sanatorium guaranteed sum —
 * under the act it comes from, without a release. The value is an integer in the series' unit (tiyn for
 * money), in force from its date; the date must be one the series covers (not before its first entry).
 * The whole series is merged and checked by the rules core before anything is stored, so each date keeps
 * exactly one value. An entry for a date that already has one supersedes it (a new row; nothing is edited).
 * One transaction with its audit entry (the value in force before and the entry), and the rules generation
 * moves so every cached configuration (cases, payments, impact preview, evaluation) takes the new value.
 */
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { runCommand, type Ctx } from '../context';
import { AppError } from '../errors';
import { isoDate } from '../rules/district/schema';
import { NATIONAL_PARAMETERS } from '../rules/params/national';
import { resolveParameter, VALUE_STATUSES } from '../rules/params/series';
import { RulesError } from '../rules/rules-error';
import { LegalReferenceSchema } from './legal-reference';
import { listNationalEntries, mergeNationalEntries, type NationalEntryRow } from './national-parameters';
import { bumpRulesGeneration } from './rules-store';

/** Serialises additions: the series is checked against every row already stored. */
const NATIONAL_LOCK = 4_242_045;

export const AddNationalParameterEntrySchema = z.strictObject({
  seriesId: z.string().trim().min(1).max(100),
  from: isoDate,
  value: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  status: z.enum(VALUE_STATUSES),
  note: z.string().trim().max(500).optional(),
  legal: LegalReferenceSchema,
});
export type AddNationalParameterEntryInput = z.infer<typeof AddNationalParameterEntrySchema>;

function invalid(path: string, message: string): never {
  throw new AppError('VALIDATION', [{ path, message }]);
}

export async function addNationalParameterEntry(ctx: Ctx, input: AddNationalParameterEntryInput): Promise<{ id: string }> {
  const series = NATIONAL_PARAMETERS.get(input.seriesId);
  if (!series) {
    invalid('seriesId', `«${input.seriesId}» — республикалық параметр емес. | «${input.seriesId}» — не общереспубликанский параметр. | "${input.seriesId}" is not a national parameter series.`);
  }
  if (series.unit === 'series') invalid('value', 'Бұл параметрдің мәні сан емес. | Значение этого параметра — не число. | This series does not hold a number.');
  if (!Number.isSafeInteger(input.value) || input.value <= 0) invalid('value', 'Мән оң бүтін сан болуы керек. | Значение должно быть положительным целым числом. | The value must be a positive integer.');
  const first = series.entries[0]?.from;
  if (first !== undefined && Temporal.PlainDate.compare(Temporal.PlainDate.from(input.from), Temporal.PlainDate.from(first)) < 0) {
    invalid('from', `Параметр ${first} күннен бастап жүргізіледі. | Параметр ведётся с ${first}. | The series starts on ${first}.`);
  }
  return runCommand(ctx, { action: 'rules.national.add', targetType: 'national_parameter_entry' }, async ({ sql, at }) => {
    await sql.query('select pg_advisory_xact_lock($1)', [NATIONAL_LOCK]);
    const rows = await listNationalEntries(sql);
    const candidate: NationalEntryRow = {
      id: 'new',
      seriesId: series.id,
      from: input.from,
      value: input.value,
      status: input.status,
      note: input.note ?? null,
      legal: input.legal,
      createdAt: at.toString(),
      createdBy: ctx.actor?.id ?? null,
      createdByName: null,
    };
    const date = Temporal.PlainDate.from(input.from);
    const before = resolveParameter(mergeNationalEntries(NATIONAL_PARAMETERS, rows).get(series.id)!, date);
    try {
      mergeNationalEntries(NATIONAL_PARAMETERS, [...rows, candidate]);
    } catch (e) {
      if (e instanceof RulesError) invalid('from', e.message);
      throw e;
    }
    const [row] = await sql.query<{ id: string }>(
      `insert into national_parameter_entry (series_id, effective_from, value, status, note, legal_act, legal_number, legal_date, legal_clause, created_at, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id::text as id`,
      [series.id, input.from, input.value, input.status, input.note ?? null, input.legal.act, input.legal.number, input.legal.date, input.legal.clause, at.toString(), ctx.actor?.id ?? null],
    );
    await bumpRulesGeneration(sql);
    return {
      result: { id: row!.id },
      targetId: row!.id,
      before: before.kind === 'value' ? { seriesId: series.id, from: before.from, value: before.value, status: before.status, source: before.source } : { seriesId: series.id, value: null },
      after: { seriesId: series.id, from: input.from, value: input.value, unit: series.unit, status: input.status, ...(input.note ? { note: input.note } : {}), legal: input.legal },
    };
  });
}
