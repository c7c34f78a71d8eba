import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { NATIONAL_PARAMETERS } from '../rules/params/national';
import { resolveParameter } from '../rules/params/series';
import { mergeNationalEntries, type NationalEntryRow } from './national-parameters';

const LEGAL = { act: 'Law on the republican budget', number: '150-VIII', date: '2026-12-05', clause: 'art. 9' };
const SERIES = [...NATIONAL_PARAMETERS.keys()];
const START = Temporal.PlainDate.from('2023-01-01');
const dayOf = (n: number) => START.add({ days: n }).toString();
/** Days (from START) on which a shipped entry starts: an added entry there supersedes it. */
const SHIPPED_DAYS = [...new Set([...NATIONAL_PARAMETERS.values()].flatMap((s) => s.entries.map((e) => START.until(Temporal.PlainDate.from(e.from)).days)))];

function row(id: number, seriesId: string, from: string, value: number): NationalEntryRow {
  return { id: String(id), seriesId, from, value, status: 'official', note: null, legal: LEGAL, createdAt: '2026-11-25T05:00:00Z', createdBy: null, createdByName: null };
}

/** What the law of superseding says, written the slow way: the latest row of the latest date on or before, else the shipped value. */
function expected(seriesId: string, rows: readonly NationalEntryRow[], date: string): number | null | 'shipped' {
  const before = rows.filter((r) => r.seriesId === seriesId && r.from <= date);
  const shippedBefore = NATIONAL_PARAMETERS.get(seriesId)!.entries.filter((e) => e.from <= date).at(-1);
  const lastAdded = before.sort((a, b) => (a.from === b.from ? Number(a.id) - Number(b.id) : a.from < b.from ? -1 : 1)).at(-1);
  if (!lastAdded || (shippedBefore && shippedBefore.from > lastAdded.from)) return 'shipped';
  return lastAdded.value;
}

describe('national series with the entries the department added', () => {
  it('gives the shipped map unchanged when nothing was added', () => {
    expect(mergeNationalEntries(NATIONAL_PARAMETERS, [])).toBe(NATIONAL_PARAMETERS);
  });

  it('adds a 2027 MCI and leaves the earlier years as shipped', () => {
    const mci = mergeNationalEntries(NATIONAL_PARAMETERS, [row(1, 'mci', '2027-01-01', 460_000)]).get('mci')!;
    expect(resolveParameter(mci, Temporal.PlainDate.from('2027-06-30'))).toMatchObject({ value: 460_000, source: { act: 'Law on the republican budget No. 150-VIII of 2026-12-05', clause: 'art. 9' } });
    expect(resolveParameter(mci, Temporal.PlainDate.from('2026-12-31'))).toMatchObject({ value: 432_500 });
  });

  it('resolves every date to exactly the value the latest applicable entry gives, whatever was added in whatever order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ series: fc.constantFrom(...SERIES), day: fc.oneof(fc.integer({ min: 0, max: 40 }).map((n) => n * 50), fc.constantFrom(...SHIPPED_DAYS)), value: fc.integer({ min: 1, max: 10_000_000 }) }), { maxLength: 12 }),
        fc.array(fc.oneof(fc.integer({ min: 0, max: 2200 }), fc.constantFrom(...SHIPPED_DAYS)), { minLength: 1, maxLength: 10 }),
        (added, probes) => {
          const rows = added.map((a, i) => row(i + 1, a.series, dayOf(a.day), a.value));
          const merged = mergeNationalEntries(NATIONAL_PARAMETERS, rows);
          for (const seriesId of SERIES) {
            for (const p of probes) {
              const date = Temporal.PlainDate.from(dayOf(p));
              const got = resolveParameter(merged.get(seriesId)!, date);
              const want = expected(seriesId, rows, date.toString());
              if (want === 'shipped') expect(got).toEqual(resolveParameter(NATIONAL_PARAMETERS.get(seriesId)!, date));
              else expect(got).toMatchObject({ kind: 'value', value: want });
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('refuses a row of a series that is not national', () => {
    expect(() => mergeNationalEntries(NATIONAL_PARAMETERS, [row(1, 'koksu.threshold-multiple', '2027-01-01', 1000)])).toThrow(/not a national series/);
  });
});
