/**
 * Deterministic synthetic households for the batch benchmark and the batch-vs-traced equality test:
 * 1–6 members (3.5 on average), 0–2 incomes each, amounts spread around the p.6.4 threshold so both
 * outcomes occur. Seeded; no randomness from outside.
 */
import type { BatchHousehold } from './batch';

/** A small seeded PRNG (mulberry32): same seed, same households. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const SYNTHETIC_INCOME_TYPES = ['wages', 'pension', 'state-benefit', 'alimony', 'targeted-social-assistance', 'subsidiary-farm-livestock', 'land', 'gift-from-abroad'] as const;

/** Generates `count` households; with `months`, incomes carry months around the quarter before `monthsAround`'s quarter. */
export function generateHouseholds(count: number, seed: number, options: { months?: readonly string[] } = {}): BatchHousehold[] {
  const rnd = seededRandom(seed);
  const types = SYNTHETIC_INCOME_TYPES;
  // Arrays are filled by push: `new Array(n)` with a large n makes a slow dictionary-mode array in V8.
  const out: BatchHousehold[] = [];
  for (let i = 0; i < count; i++) {
    const size = 1 + Math.floor(rnd() * 6);
    const members: { incomes: { type: string; amountTiyn: number; month?: string }[] }[] = [];
    for (let m = 0; m < size; m++) {
      const k = Math.floor(rnd() * 2.6);
      const incomes: { type: string; amountTiyn: number; month?: string }[] = [];
      for (let j = 0; j < k; j++) {
        const type = types[Math.floor(rnd() * rnd() * types.length)]!;
        const amountTiyn = Math.floor(rnd() * rnd() * 40_000_000);
        incomes.push(options.months ? { type, amountTiyn, month: options.months[Math.floor(rnd() * options.months.length)]! } : { type, amountTiyn });
      }
      // Exact-size arrays, as JSON.parse makes them (push leaves spare capacity that bloats the heap).
      members.push({ incomes: incomes.slice() });
    }
    const cost = rnd() < 0.2 ? Math.floor(rnd() * 80_000_000) : undefined;
    out.push(cost === undefined ? { id: i, members: members.slice() } : { id: i, members: members.slice(), actualCostTiyn: cost });
  }
  return out;
}
