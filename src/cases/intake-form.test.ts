import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import type { EgovAnswers } from '../adapters/egov/port';
import { caseEnv } from './case-env';
import type { AppError } from '../errors';
import { makeValidIin } from '../rules/identifiers';
import { categoryOn, checkDocuments, Form1Input, requiredDocuments, validateForm1 } from './intake-form';

const env = caseEnv('koksu');
const day = Temporal.PlainDate.from('2025-03-04');
const cat = (code: string) => categoryOn(env, code, day).category;
const identityFound = { identity: { status: 'found', data: {} }, incomes: { status: 'found', data: { months: [] } } } as unknown as EgovAnswers;

describe('documents at intake (p.11)', () => {
  it('asks for ID, income information and the ground document of an income-tested category', () => {
    expect(requiredDocuments(cat('7.9')).map((d) => d.code)).toEqual(expect.arrayContaining(['identity', 'income']));
  });

  it('asks for no income information where the category has no income test (7.11)', () => {
    expect(requiredDocuments(cat('7.11')).map((d) => d.code)).not.toContain('income');
  });

  it('does not ask for what the information systems supplied', () => {
    const check = checkDocuments(requiredDocuments(cat('7.9')), [], identityFound, day);
    expect(check).toEqual({ missing: [], expired: [] });
  });

  it('asks for the ID document when the identity register contradicts the form', () => {
    const answers = { identity: { status: 'found', data: { lastName: 'Ахметова', firstName: 'Айгүл', birthDate: '1985-05-05' } } } as unknown as EgovAnswers;
    const required = requiredDocuments(cat('7.11'));
    expect(checkDocuments(required, [], answers, day, { iin: '1', lastName: 'АХМЕТОВА', firstName: 'айгүл', birthDate: '1985-05-05' }).missing.map((m) => m.code)).not.toContain('identity');
    expect(checkDocuments(required, [], answers, day, { iin: '1', lastName: 'Бекова', firstName: 'Айгүл' }).missing.map((m) => m.code)).toContain('identity');
  });

  it('lists what is missing when the systems have no data and nothing was presented', () => {
    const check = checkDocuments(requiredDocuments(cat('7.9')), [], undefined, day);
    expect(check.missing.map((m) => m.code)).toEqual(expect.arrayContaining(['identity', 'income']));
  });

  it('treats a document expiring before the intake day as expired, and one expiring that day as valid', () => {
    const required = requiredDocuments(cat('7.1'));
    const expired = checkDocuments(required, [{ code: 'veteran-certificate', expiresOn: '2025-03-03', originalSeen: true }], identityFound, day);
    expect(expired.expired.map((e) => e.code)).toEqual(['veteran-certificate']);
    const valid = checkDocuments(required, [{ code: 'veteran-certificate', expiresOn: '2025-03-04', originalSeen: true }], identityFound, day);
    expect(valid).toEqual({ missing: [], expired: [] });
  });
});

describe('the representative’s power of attorney (p.11, Civil Code art. 167)', () => {
  const applicantIin = makeValidIin(Temporal.PlainDate.from('1985-05-05'), 'female', 11)!;
  const repIin = makeValidIin(Temporal.PlainDate.from('1960-01-01'), 'male', 12)!;
  const form = (validUntil: string, date = '2024-01-01') =>
    Form1Input.parse({
      applicant: { iin: applicantIin, lastName: 'Ахметова', firstName: 'Айгүл' },
      representative: { person: { iin: repIin, lastName: 'Бекұлы', firstName: 'Дархан' }, powerOfAttorney: { number: 'N-17', date, validUntil } },
      categoryCode: '7.9', ruralDistrictId: 'x', address: 'Балпық би', language: 'ru',
    });
  const problem = (f: Form1Input) => {
    try {
      validateForm1(f, day);
      return null;
    } catch (e) {
      return e as AppError;
    }
  };

  it('refuses an expired one, naming the day it expired in the three languages', () => {
    const e = problem(form('2025-03-03'))!;
    expect(e.code).toBe('POWER_OF_ATTORNEY_INVALID');
    expect(e.fields[0]!.path).toBe('representative.powerOfAttorney');
    expect(e.fields[0]!.message).toContain('Срок доверенности истёк 03.03.2025');
    expect(e.fields[0]!.message).toContain('expired on 03.03.2025');
  });

  it('refuses one not yet in force, and accepts one valid on the intake day itself', () => {
    expect(problem(form('2026-01-01', '2025-03-05'))!.fields[0]!.message).toContain('not yet in force');
    expect(problem(form('2025-03-04'))).toBeNull();
  });

  it('keeps the language chosen for the notices', () => {
    expect(form('2025-12-31').language).toBe('ru');
    expect(Form1Input.safeParse({ ...form('2025-12-31'), language: 'en' }).success).toBe(false);
  });
});
