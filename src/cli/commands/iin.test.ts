import { describe, expect, it } from 'vitest';
import { komek } from '../../../test/komek-cli';

describe('komek iin check', () => {
  it('exits 0 with birth date and sex for a valid IIN, 1 with the reason for an invalid one', async () => {
    const [valid, invalid, usage] = await Promise.all([komek('iin', 'check', '950315300129', '--json'), komek('iin', 'check', '95031530012', '--json'), komek('iin', 'check')]);
    expect(valid.code).toBe(0);
    expect(JSON.parse(valid.stdout)).toEqual({ valid: true, birthDate: '1995-03-15', sex: 'male', reason: null });
    expect(invalid.code).toBe(1);
    expect(JSON.parse(invalid.stdout)).toEqual({ valid: false, birthDate: null, sex: null, reason: 'length' });
    expect(usage.code).toBe(2);
  });
});
