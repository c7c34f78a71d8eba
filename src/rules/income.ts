/**
 * Per-capita average income (p.2.7; Social Code art. 127): the family's countable income received in the
 * quarter before the quarter of the application, divided by the number of family members and by 3.
 * Which income types count is the district's income catalogue, including the akimat's decision that
 * livestock, poultry and land bring no income.
 */
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import type { LegalSource, Text, TraceStep } from './explain';
import { say } from './explain-texts';
import type { DistrictConfig } from './district/config';
import { formatTenge, type Tiyn } from './money';
import { isoDateOf } from './params/series';

const ART_127: LegalSource = { act: 'Social Code of the Republic of Kazakhstan', clause: 'art. 127' };

/** One income received by a family member: its type (catalogue code), amount, and optionally the month. */
export const IncomeItemSchema = z.object({
  type: z.string().min(1),
  amountTiyn: z.number().int().nonnegative(),
  /** Month received (YYYY-MM). Without it, the amount is taken as received in the income quarter. */
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month YYYY-MM')
    .optional(),
});
export type IncomeItem = z.infer<typeof IncomeItemSchema>;

export const FamilyMemberSchema = z.object({
  id: z.string().optional(),
  relation: z.string().optional(),
  incomes: z.array(IncomeItemSchema).default([]),
});
export type FamilyMember = z.infer<typeof FamilyMemberSchema>;

/** The quarter whose income counts: the one before the quarter of `applicationDate`. */
export interface IncomeQuarter {
  readonly year: number;
  readonly quarter: 1 | 2 | 3 | 4;
  /** First and last month, as YYYY-MM. */
  readonly firstMonth: string;
  readonly lastMonth: string;
  readonly label: string;
}

/** The quarter before the application's quarter (an application on 1 January uses Q4 of the previous year). */
export function incomeQuarterOf(applicationDate: Temporal.PlainDate): IncomeQuarter {
  const q = Math.floor((applicationDate.month - 1) / 3) + 1;
  const prevQ = (q === 1 ? 4 : q - 1) as 1 | 2 | 3 | 4;
  const year = q === 1 ? applicationDate.year - 1 : applicationDate.year;
  const first = (prevQ - 1) * 3 + 1;
  const ym = (m: number) => `${year}-${String(m).padStart(2, '0')}`;
  return { year, quarter: prevQ, firstMonth: ym(first), lastMonth: ym(first + 2), label: `${year}-Q${prevQ}` };
}

export type IncomeTypeTreatment = 'counted' | 'not-in-catalogue' | 'excluded-by-catalogue' | 'excluded-livestock-land';

/** Whether an income type counts in the district's catalogue (unknown types count under art. 127). */
export function treatIncomeType(config: DistrictConfig, type: string): IncomeTypeTreatment {
  const t = config.incomeCatalogue.types.find((x) => x.code === type);
  if (!t) return 'not-in-catalogue';
  if (!t.counted) return 'excluded-by-catalogue';
  if (t.livestockOrLand && config.incomeCatalogue.livestockAndLandExcluded) return 'excluded-livestock-land';
  return 'counted';
}

export interface PerCapitaIncome {
  readonly quarter: IncomeQuarter;
  readonly members: number;
  /** Countable family income of the quarter, in tiyn. */
  readonly countedTiyn: Tiyn;
  /** countedTiyn ÷ members ÷ 3, rounded half up to a tiyn (for display; the p.20.3 test compares exactly). */
  readonly perCapitaTiyn: Tiyn;
  readonly trace: readonly TraceStep[];
}

/** The catalogue's name of an income type in each language (the code itself if the catalogue lacks it). */
function typeName(config: DistrictConfig, code: string): Text {
  const t = config.incomeCatalogue.types.find((x) => x.code === code);
  return t ? { kk: t.name_kk, ru: t.name_ru, en: t.name_en } : { kk: code, ru: code, en: code };
}

/** Computes the per-capita income of a family for an application registered on `applicationDate` (art. 127). */
export function computePerCapitaIncome(members: readonly FamilyMember[], applicationDate: Temporal.PlainDate, config: DistrictConfig, rulesAct = 'district Rules'): PerCapitaIncome {
  const quarter = incomeQuarterOf(applicationDate);
  const trace: TraceStep[] = [
    { clause: 'SC art.127', text: say('incomeQuarter', { date: isoDateOf(applicationDate), quarter: quarter.label }), values: { applicationDate: isoDateOf(applicationDate), incomeQuarter: quarter.label }, sources: [ART_127] },
  ];
  let counted = 0;
  let outside = 0;
  const excluded = new Map<string, { amount: number; treatment: IncomeTypeTreatment }>();
  const unknown = new Map<string, number>();
  for (const m of members) {
    for (const inc of m.incomes) {
      if (inc.month !== undefined && (inc.month < quarter.firstMonth || inc.month > quarter.lastMonth)) {
        outside++;
        continue;
      }
      const how = treatIncomeType(config, inc.type);
      if (how === 'counted' || how === 'not-in-catalogue') counted += inc.amountTiyn;
      if (how === 'not-in-catalogue') unknown.set(inc.type, (unknown.get(inc.type) ?? 0) + inc.amountTiyn);
      if (how === 'excluded-by-catalogue' || how === 'excluded-livestock-land') {
        const prev = excluded.get(inc.type);
        excluded.set(inc.type, { amount: (prev?.amount ?? 0) + inc.amountTiyn, treatment: how });
      }
    }
  }
  if (outside > 0) {
    trace.push({ clause: 'SC art.127', text: say('incomeOutsideQuarter', { count: outside, quarter: quarter.label }), values: { recordsOutsideQuarter: outside }, sources: [ART_127] });
  }
  for (const [type, { amount, treatment }] of excluded) {
    const livestock = treatment === 'excluded-livestock-land';
    trace.push({
      clause: livestock ? 'SC art.127 (akimat)' : 'SC art.127',
      text: say('incomeExcluded', { type: typeName(config, type), amount: formatTenge(amount), reason: say(livestock ? 'reasonLivestock' : 'reasonCatalogue') }),
      values: { incomeType: type, amountTiyn: amount, treatment },
      sources: livestock ? [ART_127, config.incomeCatalogue.livestockAndLandSource] : [ART_127],
    });
  }
  for (const [type, amount] of unknown) {
    trace.push({ clause: 'SC art.127', text: say('incomeUnknownType', { type, amount: formatTenge(amount) }), values: { incomeType: type, amountTiyn: amount, treatment: 'not-in-catalogue' }, sources: [ART_127] });
  }
  const n = members.length;
  const perCapitaTiyn = Number((BigInt(counted) * 2n + BigInt(n * 3)) / BigInt(n * 6));
  trace.push({
    clause: 'p.2.7',
    text: say('perCapita', { total: formatTenge(counted), members: n, perCapita: formatTenge(perCapitaTiyn) }),
    values: { countedIncomeTiyn: counted, members: n, perCapitaTiyn },
    sources: [ART_127, { act: rulesAct, clause: 'p.2.7' }],
  });
  return { quarter, members: n, countedTiyn: counted, perCapitaTiyn, trace };
}

/**
 * p.6.4 / p.20.3: is the per-capita income (counted ÷ members ÷ 3) not above threshold = multiple × SM?
 * Compared exactly in integers: counted × 1000 ≤ multipleThousandths × SM × members × 3.
 */
export function perCapitaNotAboveThreshold(countedTiyn: Tiyn, members: number, multipleThousandths: number, subsistenceMinimumTiyn: Tiyn): boolean {
  return BigInt(countedTiyn) * 1000n <= BigInt(multipleThousandths) * BigInt(subsistenceMinimumTiyn) * BigInt(members) * 3n;
}
