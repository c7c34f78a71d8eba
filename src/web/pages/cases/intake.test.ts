import { describe, expect, it } from 'vitest';
import { intakeProblems, representativeAndFamily, type MemberRow, type RepresentativeRow } from './intake';

const applicantIin = '850505400011';
const rep: RepresentativeRow = { on: true, iin: '600101300012', lastName: 'Бекұлы', firstName: 'Дархан', patronymic: '', poaNumber: 'N-17', poaDate: '2025-01-10', poaValidUntil: '2026-01-10' };
const member = (key: number, iin: string, extra: Partial<MemberRow> = {}): MemberRow => ({ key, iin, lastName: 'Ахметов', firstName: 'Ерлан', patronymic: 'Серікұлы', birthDate: '2010-02-02', relation: 'child', ...extra });

describe('the intake wizard’s representative and family steps (p.11)', () => {
  it('flag an expired power of attorney with its date, and one not yet in force', () => {
    expect(intakeProblems({ applicantIin, representative: { ...rep, poaValidUntil: '2025-03-03' }, members: [] }, '2025-03-04')['representative.powerOfAttorney.validUntil']).toEqual({ key: 'cases:intake.poaExpired', values: { date: '2025-03-03' } });
    expect(intakeProblems({ applicantIin, representative: { ...rep, poaDate: '2025-03-05' }, members: [] }, '2025-03-04')['representative.powerOfAttorney.date']?.key).toBe('cases:intake.poaFuture');
    expect(intakeProblems({ applicantIin, representative: rep, members: [] }, '2025-03-04')).toEqual({});
  });

  it('flag a member’s malformed IIN, the applicant listed again, a duplicate and a birth date to come', () => {
    const p = intakeProblems({ applicantIin, representative: { ...rep, on: false }, members: [member(1, '123'), member(2, applicantIin), member(3, '100202500013'), member(4, '100202500013', { birthDate: '2030-01-01' })] }, '2025-03-04');
    expect(p['family[0].iin']?.key).toBe('cases:intake.iinFormat');
    expect(p['family[1].iin']?.key).toBe('cases:intake.memberIsApplicant');
    expect(p['family[2].iin']).toBeUndefined();
    expect(p['family[3].iin']?.key).toBe('cases:intake.memberDuplicate');
    expect(p['family[3].birthDate']?.key).toBe('cases:intake.birthFuture');
  });

  it('send the representative with the power of attorney, and members with their full names; no family when none is listed', () => {
    expect(representativeAndFamily(rep, [member(1, '100202500013')])).toEqual({
      representative: { person: { iin: rep.iin, lastName: 'Бекұлы', firstName: 'Дархан' }, powerOfAttorney: { number: 'N-17', date: '2025-01-10', validUntil: '2026-01-10' } },
      family: [{ iin: '100202500013', fullName: 'Ахметов Ерлан Серікұлы', relation: 'child', birthDate: '2010-02-02' }],
    });
    expect(representativeAndFamily({ ...rep, on: false }, [])).toEqual({});
  });
});
