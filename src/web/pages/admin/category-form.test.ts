import { describe, expect, it } from 'vitest';
import koksu from '../../../rules/districts/koksu.json';
import { CategorySchema, HolidaySchema } from '../../../rules/district/schema';
import type { CategoryData, HolidayData } from './admin-api';
import { categoryEditOf, categoryFormOf, categoryOfForm, checkCategoryForm, checkHolidayForm, emptyCategoryForm, emptyHolidayForm, holidayFormOf, holidayOfForm, tengeOf, tiynOf } from './category-form';

const categories = koksu.categories as unknown as CategoryData[];
const holidays = koksu.holidays as unknown as HolidayData[];

describe('the category form of a draft (p.7)', () => {
  it('gives back every shipped category unchanged, field by field (no field is lost by the form)', () => {
    for (const c of categories) {
      const { versions: _v, ...rest } = c;
      const back = categoryOfForm(categoryFormOf(c));
      expect(checkCategoryForm(categoryFormOf(c), [])).toEqual({});
      // The legal reference's note is the file's own annotation, not a form field.
      expect({ ...back, legalReference: { act: back.legalReference.act, clause: back.legalReference.clause } }).toEqual({ ...rest, legalReference: { act: rest.legalReference.act, clause: rest.legalReference.clause } });
      expect(CategorySchema.omit({ versions: true }).safeParse(back).success).toBe(true);
    }
  });

  it('enters a fixed amount in tenge with two decimals and stores tiyn, exactly', () => {
    expect(tiynOf('15 000,50')).toBe(1_500_050);
    expect(tiynOf('0.07')).toBe(7);
    expect(tiynOf('12.345')).toBeNull();
    expect(tiynOf('abc')).toBeNull();
    expect(tengeOf(1_500_050)).toBe('15000.50');
    const f = { ...emptyCategoryForm(), code: '7.12', name_kk: 'а', name_ru: 'б', name_en: 'c', amount: { kind: 'fixed' as const, n: '', parameter: '', percent: '', tenge: '25000.10' } };
    expect(categoryOfForm(f).amountRule).toEqual({ kind: 'fixed', tiyn: 2_500_010 });
  });

  it('names each wrong field with a catalog key: code, names, amount parameters, documents, numbers', () => {
    const f = {
      ...emptyCategoryForm(),
      code: '8.1',
      amount: { kind: 'actual-cost-capped' as const, n: '', parameter: '', percent: '', tenge: '' },
      cap: { kind: 'percent-of' as const, n: '', parameter: '', percent: '120', tenge: '' },
      thresholdMultiple: '1.2345',
      documents: [{ code: 'identity', name_kk: 'x', name_ru: '' }, { code: 'identity', name_kk: 'y', name_ru: 'z' }],
      timeLimitDays: '0',
      maxTimesPerYear: '1.5',
    };
    expect(checkCategoryForm(f, [])).toEqual({
      code: 'categoryCode',
      name_kk: 'required',
      name_ru: 'required',
      name_en: 'required',
      'amountRule.capRule.parameter': 'required',
      'amountRule.capRule.percent': 'percentMax',
      'incomeTest.thresholdMultiple': 'decimal',
      'requiredDocuments.0.name_ru': 'required',
      'requiredDocuments.1.code': 'documentTwice',
      applicationTimeLimitDays: 'positiveInt',
      maxTimesPerYear: 'positiveInt',
    });
    const named = { ...emptyCategoryForm(), code: '7.9', name_kk: 'a', name_ru: 'b', name_en: 'c' };
    expect(checkCategoryForm(named, ['7.9'])).toEqual({ code: 'codeTaken', 'amountRule.n': 'decimal' });
    expect(checkCategoryForm({ ...named, amount: { ...named.amount, n: '2.5' } }, ['7.1'])).toEqual({});
  });

  it('sends the category without a legal reference of its own when no act is given (the edit\'s reference applies)', () => {
    const f = { ...emptyCategoryForm(), code: '7.12', name_kk: 'а', name_ru: 'б', name_en: 'c' };
    expect(categoryEditOf(f).category).not.toHaveProperty('legalReference');
    expect(categoryEditOf({ ...f, legalAct: 'Decision 50-200', legalClause: 'p.7.12' }).category.legalReference).toEqual({ act: 'Decision 50-200', clause: 'p.7.12' });
  });
});

describe('the holiday form of a draft (p.5)', () => {
  it('gives back every shipped holiday unchanged', () => {
    for (const h of holidays) {
      expect(checkHolidayForm(holidayFormOf(h))).toEqual({});
      expect(holidayOfForm(holidayFormOf(h))).toEqual(h);
      expect(HolidaySchema.safeParse(holidayOfForm(holidayFormOf(h))).success).toBe(true);
    }
  });

  it('refuses a day the month does not have, a holiday without recipients and an amount that is not a sum', () => {
    const f = { ...emptyHolidayForm(), month: '02', day: '30', name_kk: 'а', name_ru: 'б', amount: { kind: 'fixed' as const, n: '', parameter: '', percent: '', tenge: '0' } };
    expect(checkHolidayForm(f)).toEqual({ day: 'dayOfMonth', categories: 'oneCategory', 'amountRule.tenge': 'money' });
    const ok = { ...f, day: '29', categories: ['veterans'], amount: { ...f.amount, tenge: '5000' } };
    expect(checkHolidayForm(ok)).toEqual({});
    expect(holidayOfForm(ok)).toMatchObject({ date: '02-29', categories: ['veterans'], amountRule: { kind: 'fixed', tiyn: 500_000 } });
  });
});
