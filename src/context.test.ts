import { describe, expect, it } from 'vitest';
import { assertWithinRuralDistrict, ruralDistrictScope } from './context';
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
