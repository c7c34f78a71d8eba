import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTenge, scaleAmount, tengeToTiyn, toThousandths } from './money';

describe('money in integer tiyn', () => {
  it('reads the 2025 guaranteed sum 305374.72 as 30,537,472 tiyn and writes it back', () => {
    expect(tengeToTiyn('305374.72')).toBe(30537472);
    expect(formatTenge(30537472)).toBe('305374.72');
    expect(tengeToTiyn('3932')).toBe(393200);
    expect(() => tengeToTiyn('1.234')).toThrow(/two decimals/);
  });

  it('takes 70 % of 30,537,472 tiyn as 21,376,230 (21,376,230.4 rounded half up)', () => {
    expect(scaleAmount(30537472, 70_000, 100_000, 'tiyn-half-up')).toBe(21376230);
  });

  it('rounds exactly half a tiyn up, and to the whole tenge when the district says so', () => {
    expect(scaleAmount(1, 1, 2, 'tiyn-half-up')).toBe(1);
    expect(scaleAmount(3, 1, 2, 'tiyn-half-up')).toBe(2);
    expect(scaleAmount(2550025, 1, 1, 'tenge-half-up')).toBe(2550000);
    expect(scaleAmount(2550050, 1, 1, 'tenge-half-up')).toBe(2550100);
  });

  it('refuses a result too large to be exact rather than losing tiyn', () => {
    expect(() => scaleAmount(Number.MAX_SAFE_INTEGER, 2, 1, 'tiyn-half-up')).toThrow(/too large/);
  });

  it('converts configured decimals to exact thousandths and refuses finer ones', () => {
    expect(toThousandths(12.5, 'p')).toBe(12500);
    expect(toThousandths(0.7, 'm')).toBe(700);
    expect(() => toThousandths(0.0001, 'm')).toThrow(/three decimals/);
  });

  it('property: a scaled amount is never more than half a unit from the exact rational value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 200_000 }), fc.integer({ min: 1, max: 100_000 }), (a, num, den) => {
        fc.pre((BigInt(a) * BigInt(num)) / BigInt(den) < BigInt(Number.MAX_SAFE_INTEGER) - 1n);
        const r = BigInt(scaleAmount(a, num, den, 'tiyn-half-up'));
        const twice = BigInt(a) * BigInt(num) * 2n;
        const d = BigInt(den);
        // |r - a·num/den| ≤ 1/2  ⇔  |2·r·den - 2·a·num| ≤ den
        const diff = r * 2n * d - twice;
        expect(diff <= d && -diff <= d).toBe(true);
      }),
      { seed: 7 },
    );
  });
});
