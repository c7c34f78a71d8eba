import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { RulesError } from '../rules-error';
import { NATIONAL_PARAMETERS } from './national';
import { loadParameterSeries, requireParameter, resolveParameter, type ParameterEntry } from './series';

const src = { act: 'test act' };
const entry = (from: string, value: number | null, until?: string) => ({ from, until, value, source: src, lastChecked: '2026-01-01' });
const series = (entries: unknown[]) => ({ id: 't', unit: 'tiyn', name_kk: 't', name_ru: 't', name_en: 't', entries });
const d = (s: string) => Temporal.PlainDate.from(s);

/** Counts, without the resolver, how many entries claim the date (the "never two" property's oracle). */
function entriesInForce(entries: readonly ParameterEntry[], date: string): ParameterEntry[] {
  return entries.filter((e, i) => {
    const next = entries[i + 1];
    const end = e.until ?? (next ? Temporal.PlainDate.from(next.from).subtract({ days: 1 }).toString() : '9999-12-31');
    return e.from <= date && date <= end;
  });
}

describe('dated parameters', () => {
  it('resolves the MCI of 2025 to 3,932 tenge with its source', () => {
    const r = requireParameter(NATIONAL_PARAMETERS.get('mci')!, d('2025-06-30'));
    expect(r.value).toBe(393200);
    expect(r.from).toBe('2025-01-01');
    expect(r.source.act).toMatch(/republican budget/);
  });

  it('takes a new value from its first day: 31 Dec 2025 is the 2025 MCI, 1 Jan 2026 the 2026 one', () => {
    const mci = NATIONAL_PARAMETERS.get('mci')!;
    expect(requireParameter(mci, d('2025-12-31')).value).toBe(393200);
    expect(requireParameter(mci, d('2026-01-01')).value).toBe(432500);
  });

  it('knows the sanatorium guaranteed sum only for 2025: other years have no value in force', () => {
    const g = NATIONAL_PARAMETERS.get('sanatorium-guaranteed-sum')!;
    expect(requireParameter(g, d('2025-03-01')).value).toBe(30537472);
    expect(resolveParameter(g, d('2024-12-31')).kind).toBe('no-value');
    expect(resolveParameter(g, d('2026-01-01')).kind).toBe('no-value');
    expect(() => requireParameter(g, d('2026-05-01'))).toThrow(/No value of "guaranteed sum/);
  });

  it('rejects two entries starting on the same day', () => {
    expect(() => loadParameterSeries(series([entry('2024-01-01', 1), entry('2024-01-01', 2)]))).toThrow(/overlaps/);
  });

  it('rejects an entry whose until reaches into the next entry', () => {
    const e = (() => {
      try {
        loadParameterSeries(series([entry('2024-01-01', 1, '2024-06-30'), entry('2024-06-01', 2)]), 'mine');
      } catch (err) {
        return err as RulesError;
      }
      return undefined;
    })();
    expect(e?.code).toBe('INVALID_PARAMETERS');
    expect(e?.path).toBe('mine.entries[1]');
  });

  it('rejects a money value that is not an integer number of tiyn', () => {
    expect(() => loadParameterSeries(series([entry('2024-01-01', 1.5)]), 'x')).toThrow(/x\.entries\[0\]\.value/);
  });

  it('ends a value with an entry: after a null entry there is no value, and a later entry restarts the series', () => {
    const s = loadParameterSeries(series([entry('2024-01-01', 5), entry('2025-01-01', null), entry('2026-01-01', 7)]));
    expect(resolveParameter(s, d('2024-12-31')).kind).toBe('value');
    expect(resolveParameter(s, d('2025-07-01')).kind).toBe('no-value');
    expect(requireParameter(s, d('2026-01-01')).value).toBe(7);
  });

  it('resolves every date 2023-01-01..2027-12-31 of every national parameter to exactly one value or no value', () => {
    for (const s of NATIONAL_PARAMETERS.values()) {
      for (let day = d('2023-01-01'); Temporal.PlainDate.compare(day, d('2027-12-31')) <= 0; day = day.add({ days: 1 })) {
        const claim = entriesInForce(s.entries, day.toString());
        expect(claim.length).toBeLessThanOrEqual(1);
        const r = resolveParameter(s, day);
        const expected = claim[0]?.value ?? null;
        expect(r.kind === 'value' ? r.value : null).toBe(expected);
      }
    }
  });

  it('property: any accepted series resolves every date to at most one entry, the one an independent count finds', () => {
    const dayArb = fc.integer({ min: 0, max: 5 * 365 });
    const base = d('2023-01-01');
    const entryArb = fc.record({ start: dayArb, len: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }), value: fc.option(fc.integer({ min: 0, max: 1e9 }), { nil: null }) });
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 6 }), fc.array(dayArb, { minLength: 1, maxLength: 30 }), (raw, probes) => {
        const entries = raw.map((r) => entry(base.add({ days: r.start }).toString(), r.value, r.len === undefined ? undefined : base.add({ days: r.start + r.len }).toString()));
        let s;
        try {
          s = loadParameterSeries(series(entries));
        } catch (e) {
          expect((e as RulesError).code).toBe('INVALID_PARAMETERS');
          return;
        }
        for (const p of probes) {
          const day = base.add({ days: p });
          const claim = entriesInForce(s.entries, day.toString());
          expect(claim.length).toBeLessThanOrEqual(1);
          const r = resolveParameter(s, day);
          expect(r.kind === 'value' ? r.value : null).toBe(claim[0]?.value ?? null);
        }
      }),
      { numRuns: 300, seed: 20261125 },
    );
  });
});
