import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { assertWithinRuralDistrict, commandInstant, fixedClock, formatInstant, ruralDistrictScope } from './context';
import { AppError } from './errors';

const akim = { role: 'RURAL_AKIM' as const, ruralDistrictId: 'algabas' };
const head = { role: 'HEAD' as const, ruralDistrictId: null };
const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (e) {
    return (e as AppError).code;
  }
};

describe("a rural akim's office and its rural district", () => {
  it('may touch records of its own district only', () => {
    expect(codeOf(() => assertWithinRuralDistrict(akim, 'algabas'))).toBeNull();
    expect(codeOf(() => assertWithinRuralDistrict(akim, 'mukry'))).toBe('OUTSIDE_RURAL_DISTRICT');
    expect(codeOf(() => assertWithinRuralDistrict(head, 'mukry'))).toBeNull();
  });

  it('is scoped to its own district in queries, and refused another', () => {
    expect(ruralDistrictScope(akim, undefined)).toBe('algabas');
    expect(ruralDistrictScope(akim, 'algabas')).toBe('algabas');
    expect(codeOf(() => ruralDistrictScope(akim, 'mukry'))).toBe('OUTSIDE_RURAL_DISTRICT');
    expect(ruralDistrictScope(head, 'mukry')).toBe('mukry');
    expect(ruralDistrictScope(head, undefined)).toBeNull();
  });
});

describe("a command's instant", () => {
  it('is written exactly as Temporal writes it, for any instant', () => {
    const lo = -(10n ** 8n) * 86_400n * 10n ** 9n;
    fc.assert(
      fc.property(fc.bigInt({ min: lo, max: -lo }), (ns) => {
        const at = new Temporal.Instant(ns);
        expect(formatInstant(at)).toBe(at.toString());
      }),
      { numRuns: 2000 },
    );
    for (const s of ['2025-03-04T05:00:00Z', '1969-12-31T23:59:59.999999999Z', '1970-01-01T00:00:00.000000001Z', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59.5Z', '-000001-06-01T00:00:00Z', '+010000-01-01T00:00:00.01Z']) {
      expect(formatInstant(Temporal.Instant.from(s))).toBe(Temporal.Instant.from(s).toString());
    }
  });

  it('is the clock’s instant, its ISO string formatted once and options still honoured', () => {
    const clock = fixedClock('2025-03-04T05:06:07.123456Z');
    const at = commandInstant(clock);
    expect(at).toBeInstanceOf(Temporal.Instant);
    expect(at.equals(clock.now())).toBe(true);
    expect(at.toString()).toBe('2025-03-04T05:06:07.123456Z');
    expect(at.toString()).toBe(at.toString());
    expect(JSON.stringify({ at })).toBe('{"at":"2025-03-04T05:06:07.123456Z"}');
    expect(at.toString({ timeZone: 'Asia/Almaty' })).toBe(clock.now().toString({ timeZone: 'Asia/Almaty' }));
    expect(at.toString({ smallestUnit: 'second' })).toBe('2025-03-04T05:06:07Z');
    clock.set('2025-03-05T00:00:00Z');
    expect(commandInstant(clock).toString()).toBe('2025-03-05T00:00:00Z');
  });
});
