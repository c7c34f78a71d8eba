/**
 * Dated parameters: every legal number (MCI, subsistence minimum, minimum wage, the sanatorium
 * guaranteed sum of p.7.11, the threshold multiple of p.6.4/p.20.3, limit amounts of p.8) is a series of
 * entries, each with the date it takes effect, its source and when it was last checked. Ending a value is
 * an entry (`value: null`) or an `until` date, never a deletion. A series whose entries overlap is
 * rejected when it is loaded, so resolution at any date yields exactly one value or "no value in force".
 */
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import type { LegalSource, Text } from '../explain';
import { RulesError } from '../rules-error';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine((s) => {
    try {
      Temporal.PlainDate.from(s, { overflow: 'reject' });
      return true;
    } catch {
      return false;
    }
  }, 'not a calendar date');

export const LegalSourceSchema = z.object({
  act: z.string().min(1),
  clause: z.string().optional(),
  url: z.string().optional(),
  note: z.string().optional(),
});

/** How sure we are of a value: read in an act; reconstructed default; or a shaping example. */
export const VALUE_STATUSES = ['official', 'assumed', 'example'] as const;

/**
 * Units: `tiyn` money; `thousandths` a multiple or percentage written ×1000 (1.0× = 1000);
 * `series` the id of another series (e.g. which subsistence-minimum series applies).
 */
export const PARAMETER_UNITS = ['tiyn', 'thousandths', 'series'] as const;
export type ParameterUnit = (typeof PARAMETER_UNITS)[number];

export const ParameterEntrySchema = z.object({
  from: isoDate,
  until: isoDate.optional(),
  value: z.union([z.number().int().nonnegative(), z.string().min(1), z.null()]),
  status: z.enum(VALUE_STATUSES).default('official'),
  source: LegalSourceSchema,
  lastChecked: isoDate,
  note: z.string().optional(),
});

export const ParameterSeriesSchema = z.object({
  id: z.string().min(1),
  unit: z.enum(PARAMETER_UNITS),
  name_kk: z.string().min(1),
  name_ru: z.string().min(1),
  name_en: z.string().min(1),
  entries: z.array(ParameterEntrySchema),
});

export type ParameterEntry = z.infer<typeof ParameterEntrySchema>;
export type ParameterSeriesInput = z.input<typeof ParameterSeriesSchema>;

/** A validated series: entries sorted by `from`, none overlapping. */
export interface ParameterSeries {
  readonly id: string;
  readonly unit: ParameterUnit;
  readonly name: Text;
  readonly entries: readonly ParameterEntry[];
}

/** The value in force at a date, with where it comes from. */
export interface ParameterValue {
  readonly kind: 'value';
  readonly seriesId: string;
  readonly unit: ParameterUnit;
  readonly value: number | string;
  readonly from: string;
  readonly until: string | undefined;
  readonly status: (typeof VALUE_STATUSES)[number];
  readonly source: LegalSource;
  readonly lastChecked: string;
  readonly note: string | undefined;
}

/** No value is in force at the date: before the first entry, in a gap, or after an ending entry. */
export interface NoValueInForce {
  readonly kind: 'no-value';
  readonly seriesId: string;
  readonly asOf: string;
  readonly message: Text;
}

export type ParameterResolution = ParameterValue | NoValueInForce;

const cmp = (a: string, b: string) => Temporal.PlainDate.compare(Temporal.PlainDate.from(a), Temporal.PlainDate.from(b));

/**
 * Validates a series and checks that no two entries are in force on the same day. `where` names the
 * place in the file for messages (e.g. `series[2]`). Throws RulesError('INVALID_PARAMETERS').
 */
export function loadParameterSeries(raw: unknown, where = 'series'): ParameterSeries {
  const parsed = ParameterSeriesSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = formatPath([where, ...issue.path]);
    throw new RulesError('INVALID_PARAMETERS', `${path}: ${issue.message}`, path);
  }
  const s = parsed.data;
  const order = s.entries.map((e, i) => ({ e, i })).sort((a, b) => cmp(a.e.from, b.e.from));
  for (const { e, i } of order) {
    if (e.until !== undefined && cmp(e.until, e.from) < 0) {
      const path = formatPath([where, 'entries', i, 'until']);
      throw new RulesError('INVALID_PARAMETERS', `${path}: ends (${e.until}) before it starts (${e.from})`, path);
    }
    if (e.value !== null && (s.unit === 'series') !== (typeof e.value === 'string')) {
      const path = formatPath([where, 'entries', i, 'value']);
      throw new RulesError('INVALID_PARAMETERS', `${path}: a ${s.unit} series needs ${s.unit === 'series' ? 'a series id' : 'an integer'}`, path);
    }
  }
  for (let k = 1; k < order.length; k++) {
    const prev = order[k - 1]!;
    const cur = order[k]!;
    if (cmp(prev.e.from, cur.e.from) === 0 || (prev.e.until !== undefined && cmp(prev.e.until, cur.e.from) >= 0)) {
      const path = formatPath([where, 'entries', cur.i]);
      throw new RulesError(
        'INVALID_PARAMETERS',
        `${path}: entry from ${cur.e.from} overlaps entry ${prev.i} (from ${prev.e.from}${prev.e.until ? ` until ${prev.e.until}` : ''}) of series "${s.id}"`,
        path,
      );
    }
  }
  return { id: s.id, unit: s.unit, name: { kk: s.name_kk, ru: s.name_ru, en: s.name_en }, entries: order.map((o) => o.e) };
}

/**
 * The one value of a series in force at `asOf`, or "no value in force". An entry is in force from its
 * `from` until its `until` (inclusive) or until the next entry starts; a `null` value ends the series.
 */
export function resolveParameter(series: ParameterSeries, asOf: Temporal.PlainDate): ParameterResolution {
  const date = isoDateOf(asOf);
  let found: ParameterEntry | undefined;
  // Entries are sorted and do not overlap: the candidate is the last one starting on or before the date.
  for (const e of series.entries) {
    if (e.from <= date) found = e;
    else break;
  }
  if (!found || found.value === null || (found.until !== undefined && found.until < date)) {
    return {
      kind: 'no-value',
      seriesId: series.id,
      asOf: date,
      message: {
        kk: `«${series.name.kk}» параметрінің ${date} күні қолданыстағы мәні жоқ`,
        ru: `У параметра «${series.name.ru}» нет значения, действующего на ${date}`,
        en: `No value of "${series.name.en}" is in force on ${date}`,
      },
    };
  }
  return {
    kind: 'value',
    seriesId: series.id,
    unit: series.unit,
    value: found.value,
    from: found.from,
    until: found.until,
    status: found.status,
    source: found.source,
    lastChecked: found.lastChecked,
    note: found.note,
  };
}

/** Like resolveParameter, but a missing value is an error (RulesError 'NO_VALUE_IN_FORCE'). */
export function requireParameter(series: ParameterSeries, asOf: Temporal.PlainDate): ParameterValue {
  const r = resolveParameter(series, asOf);
  if (r.kind === 'no-value') throw new RulesError('NO_VALUE_IN_FORCE', r.message.en, series.id);
  return r;
}

const ISO = new WeakMap<Temporal.PlainDate, string>();
/** The ISO form (YYYY-MM-DD) of a date, cached: dates are compared as strings on hot paths. */
export function isoDateOf(date: Temporal.PlainDate): string {
  let s = ISO.get(date);
  if (s === undefined) {
    s = date.toString();
    ISO.set(date, s);
  }
  return s;
}

/** Writes a document path the way people read it: `categories[3].amountRule.n`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out === '' ? '(root)' : out;
}
