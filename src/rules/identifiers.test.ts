import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { checkBin, checkIban, checkIin, computeIinCheckDigit, makeValidIban, makeValidIin } from './identifiers';

// Check digits below were worked out by hand:
// 95031530012: 9·1+5·2+0·3+3·4+1·5+5·6+3·7+0·8+0·9+1·10+2·11 = 119, 119 mod 11 = 9.
// 80010240090: first pass 142 mod 11 = 10; second pass (3..11,1,2) 91 mod 11 = 3.
// 80010240099: first pass 241 mod 11 = 10; second pass 109 mod 11 = 10 → no valid IIN.
// 08054001234 (BIN): 156 mod 11 = 2.

describe('checkIin', () => {
  it('accepts a valid IIN and reads birth date and sex from it', () => {
    const r = checkIin('950315300129');
    expect(r.valid).toBe(true);
    expect(r.birthDate?.toString()).toBe('1995-03-15');
    expect(r.sex).toBe('male');
    expect(r.reason).toBeNull();
  });

  it('uses the second weights 3..11,1,2 when the first pass gives 10', () => {
    expect(computeIinCheckDigit('80010240090')).toBe(3);
    const r = checkIin('800102400903');
    expect(r.valid).toBe(true);
    expect(r.sex).toBe('female');
    expect(r.birthDate?.toString()).toBe('1980-01-02');
  });

  it('rejects a number whose both passes give 10 as a checksum failure', () => {
    expect(computeIinCheckDigit('80010240099')).toBeNull();
    for (let d = 0; d <= 9; d++) expect(checkIin(`80010240099${d}`).reason).toBe('checksum');
  });

  it('gives precise reasons for length, non-digit, checksum and century digit', () => {
    expect(checkIin('95031530012').reason).toBe('length');
    expect(checkIin('9503153001290').reason).toBe('length');
    expect(checkIin('95031530012A').reason).toBe('non-digit');
    expect(checkIin(' 950315300129').reason).toBe('non-digit');
    expect(checkIin('950315300128').reason).toBe('checksum');
    const c = computeIinCheckDigit('95031570012');
    expect(checkIin(`95031570012${c}`).reason).toBe('century-digit');
  });

  it('keeps an IIN with an impossible birth date valid but reports the date as null', () => {
    const first11 = '95023130012'; // 31 February
    const check = computeIinCheckDigit(first11);
    expect(check).not.toBeNull();
    const r = checkIin(first11 + String(check));
    expect(r.valid).toBe(true);
    expect(r.birthDate).toBeNull();
  });

  it('reads the century digit: 5/6 are the 2000s, 1/2 the 1800s', () => {
    const iin2000 = makeValidIin(Temporal.PlainDate.from('2010-07-06'), 'female', 1);
    expect(iin2000?.[6]).toBe('6');
    expect(checkIin(iin2000 ?? '').birthDate?.toString()).toBe('2010-07-06');
    const iin1800 = makeValidIin(Temporal.PlainDate.from('1899-12-31'), 'male', 1);
    expect(iin1800?.[6]).toBe('1');
  });

  it('round-trips makeValidIin and rejects any other check digit (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 73000 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 1, max: 9 }),
        (dayOffset, male, serial, delta) => {
          const birth = Temporal.PlainDate.from('1900-01-01').add({ days: dayOffset });
          const iin = makeValidIin(birth, male ? 'male' : 'female', serial);
          if (iin === null) return;
          const r = checkIin(iin);
          expect(r.valid).toBe(true);
          expect(r.birthDate?.equals(birth)).toBe(true);
          expect(r.sex).toBe(male ? 'male' : 'female');
          const mutated = iin.slice(0, 11) + String((Number(iin[11]) + delta) % 10);
          expect(checkIin(mutated).reason).toBe('checksum');
        },
      ),
    );
  });
});

describe('makeValidIin', () => {
  it('returns null for a serial whose check digit would be 10', () => {
    expect(makeValidIin(Temporal.PlainDate.from('1980-01-02'), 'female', 99)).toBeNull();
    expect(makeValidIin(Temporal.PlainDate.from('1980-01-02'), 'female', 90)).toBe('800102400903');
  });

  it('rejects serials and years it cannot encode', () => {
    expect(() => makeValidIin(Temporal.PlainDate.from('1980-01-02'), 'male', 10000)).toThrow(RangeError);
    expect(() => makeValidIin(Temporal.PlainDate.from('2100-01-01'), 'male', 1)).toThrow(RangeError);
  });
});

describe('checkBin', () => {
  it('accepts a valid BIN and reads registration month, type and attribute', () => {
    const r = checkBin('080540012342');
    expect(r.valid).toBe(true);
    expect(r.registered?.toString()).toBe('2008-05');
    expect(r.type).toBe('resident-legal-entity');
    expect(r.attribute).toBe('head-office');
  });

  it('gives precise reasons', () => {
    expect(checkBin('08054001234').reason).toBe('length');
    expect(checkBin('0805400123x2').reason).toBe('non-digit');
    expect(checkBin('080540012343').reason).toBe('checksum');
    const t = computeIinCheckDigit('08057001234');
    expect(checkBin(`08057001234${t}`).reason).toBe('type-digit');
    const a = computeIinCheckDigit('08054701234');
    expect(checkBin(`08054701234${a}`).reason).toBe('attribute-digit');
  });
});

describe('checkIban', () => {
  it('accepts the ISO 13616 registry example for Kazakhstan, with or without spaces', () => {
    const r = checkIban('KZ86 125K ZT50 0410 0100');
    expect(r.valid).toBe(true);
    expect(r.iban).toBe('KZ86125KZT5004100100');
    expect(r.bankCode).toBe('125');
    expect(r.account).toBe('KZT5004100100');
  });

  it('gives precise reasons', () => {
    expect(checkIban('KZ86125KZT500410010').reason).toBe('length');
    expect(checkIban('DE86125KZT5004100100').reason).toBe('country');
    expect(checkIban('KZ86125KZT50041001-0').reason).toBe('characters');
    expect(checkIban('KZ87125KZT5004100100').reason).toBe('checksum');
  });

  it('makeValidIban reproduces the registry example and always passes the check', () => {
    expect(makeValidIban('125', 'KZT5004100100')).toBe('KZ86125KZT5004100100');
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-Z]{3}$/), fc.stringMatching(/^[0-9A-Z]{13}$/), (bank, acc) => {
        expect(checkIban(makeValidIban(bank, acc)).valid).toBe(true);
      }),
    );
  });
});
