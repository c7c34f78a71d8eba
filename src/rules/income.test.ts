import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import koksuJson from './districts/koksu.json';
import { parseDistrictConfig } from './district/config';
import { computePerCapitaIncome, incomeQuarterOf, perCapitaNotAboveThreshold, treatIncomeType } from './income';

const koksu = parseDistrictConfig(koksuJson, 'koksu.json');
const d = (s: string) => Temporal.PlainDate.from(s);

describe('per-capita income (Social Code art. 127)', () => {
  it('uses the quarter before the application\'s quarter: 1 January 2025 → 2024-Q4, 31 March → 2024-Q4, 1 April → 2025-Q1', () => {
    expect(incomeQuarterOf(d('2025-01-01'))).toMatchObject({ label: '2024-Q4', firstMonth: '2024-10', lastMonth: '2024-12' });
    expect(incomeQuarterOf(d('2025-03-31')).label).toBe('2024-Q4');
    expect(incomeQuarterOf(d('2025-04-01'))).toMatchObject({ label: '2025-Q1', firstMonth: '2025-01', lastMonth: '2025-03' });
    expect(incomeQuarterOf(d('2025-12-31')).label).toBe('2025-Q3');
  });

  it('maps every day of 2023–2027 to the three months just before its own quarter', () => {
    for (let day = d('2023-01-01'); Temporal.PlainDate.compare(day, d('2027-12-31')) <= 0; day = day.add({ days: 1 })) {
      const q = incomeQuarterOf(day);
      const quarterStart = day.with({ month: Math.floor((day.month - 1) / 3) * 3 + 1, day: 1 });
      expect(q.lastMonth).toBe(quarterStart.subtract({ months: 1 }).toPlainYearMonth().toString());
      expect(q.firstMonth).toBe(quarterStart.subtract({ months: 3 }).toPlainYearMonth().toString());
    }
  });

  it('divides the counted income by members and by 3, rounding the shown figure half up to the tiyn', () => {
    const r = computePerCapitaIncome([{ incomes: [{ type: 'wages', amountTiyn: 100 }] }, { incomes: [] }], d('2025-05-01'), koksu);
    expect(r.countedTiyn).toBe(100);
    expect(r.perCapitaTiyn).toBe(17); // 100 / 6 = 16.67
  });

  it('treats catalogue types as the district says, and unknown types as counted', () => {
    expect(treatIncomeType(koksu, 'wages')).toBe('counted');
    expect(treatIncomeType(koksu, 'housing-assistance')).toBe('excluded-by-catalogue');
    expect(treatIncomeType(koksu, 'land')).toBe('counted');
    const excluding = parseDistrictConfig({ ...structuredClone(koksuJson), incomeCatalogue: { ...koksuJson.incomeCatalogue, livestockAndLandExcluded: true } }, 'k.json');
    expect(treatIncomeType(excluding, 'land')).toBe('excluded-livestock-land');
    expect(treatIncomeType(koksu, 'lottery')).toBe('not-in-catalogue');
  });

  it('compares with the threshold exactly: 3 × SM for one person is not above, one tiyn more is', () => {
    expect(perCapitaNotAboveThreshold(3 * 4622800, 1, 1000, 4622800)).toBe(true);
    expect(perCapitaNotAboveThreshold(3 * 4622800 + 1, 1, 1000, 4622800)).toBe(false);
    expect(perCapitaNotAboveThreshold(3 * 4 * 4622800 * 1.5, 4, 1500, 4622800)).toBe(true);
  });
});
