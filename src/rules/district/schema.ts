/**
 * The format of a district configuration: everything that differs between districts' Rules (names,
 * rural districts, grounds of p.6, categories of p.7 with their amount rules, holidays of p.5, the
 * threshold multiple, the income catalogue, office hours, rounding, rules versions by effective date,
 * the district's own dated parameters). A district is data; the code is the same for every district.
 */
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { ROUNDINGS } from '../money';
import { LegalSourceSchema, ParameterSeriesSchema, VALUE_STATUSES } from '../params/series';

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine((s) => {
    try {
      Temporal.PlainDate.from(s, { overflow: 'reject' });
      return true;
    } catch {
      return false;
    }
  }, 'not a calendar date');

const monthDay = z
  .string()
  .regex(/^\d{2}-\d{2}$/, 'expected a month and day MM-DD')
  .refine((s) => {
    try {
      Temporal.PlainMonthDay.from({ monthCode: `M${s.slice(0, 2)}`, day: Number(s.slice(3)) }, { overflow: 'reject' });
      return true;
    } catch {
      return false;
    }
  }, 'not a day of the year');

const name = z.string().min(1);
/** A multiple (1.5) or a percent (70): at most three decimals, so it is exact in thousandths. */
const decimal = z
  .number()
  .positive()
  .refine((n) => Math.abs(Math.round(n * 1000) - n * 1000) < 1e-6, 'at most three decimals');

export const PERIODICITIES = ['one-time', 'monthly', 'quarterly', 'yearly'] as const;
export type Periodicity = (typeof PERIODICITIES)[number];

export const GROUND_CODES = ['6.1', '6.2', '6.3', '6.4', '6.5', '6.6', '6.7'] as const;
export type GroundCode = (typeof GROUND_CODES)[number];

const SimpleAmountRules = [
  z.object({ kind: z.literal('mci'), n: decimal }),
  z.object({ kind: z.literal('subsistence-minimum'), n: decimal }),
  z.object({ kind: z.literal('percent-of'), parameter: name, percent: decimal.max(100) }),
  z.object({ kind: z.literal('fixed'), tiyn: z.number().int().positive() }),
] as const;

export const CapRuleSchema = z.discriminatedUnion('kind', [...SimpleAmountRules]);

/** How a category's amount is computed (p.7): n × MCI, n × subsistence minimum, % of a named sum, fixed, or actual cost up to a cap. */
export const AmountRuleSchema = z.discriminatedUnion('kind', [
  ...SimpleAmountRules,
  z.object({ kind: z.literal('actual-cost-capped'), capRule: CapRuleSchema }),
]);
export type AmountRule = z.infer<typeof AmountRuleSchema>;
export type CapRule = z.infer<typeof CapRuleSchema>;

const DocumentSchema = z.object({ code: name, name_kk: name, name_ru: name });

export const CategorySchema = z.object({
  code: z.string().regex(/^7\.\d{1,2}$/, 'expected a sub-point of p.7 like "7.11"'),
  name_kk: name,
  name_ru: name,
  name_en: name,
  /** The p.6 ground the category rests on; null where the category's text names none (p.7.11). */
  ground: z.enum(GROUND_CODES).nullable(),
  periodicity: z.enum(PERIODICITIES),
  amountRule: AmountRuleSchema,
  incomeTest: z.object({ required: z.boolean(), thresholdMultiple: decimal.optional() }),
  requiredDocuments: z.array(DocumentSchema),
  applicationTimeLimitDays: z.number().int().positive().optional(),
  maxTimesPerYear: z.number().int().positive().optional(),
  /** A district series (unit tiyn) holding the limit amount of p.8 that caps this category. */
  limitParameter: name.optional(),
  legalReference: LegalSourceSchema,
  /** Rules version ids this entry belongs to; absent = every version. */
  versions: z.array(name).min(1).optional(),
  example: z.boolean(),
  note: z.string().optional(),
});
export type Category = z.infer<typeof CategorySchema>;

export const HolidaySchema = z.object({
  date: monthDay,
  name_kk: name,
  name_ru: name,
  categories: z.array(name).min(1),
  amountRule: CapRuleSchema,
  example: z.boolean(),
  note: z.string().optional(),
});
export type Holiday = z.infer<typeof HolidaySchema>;

export const GroundSchema = z.object({
  code: z.enum(GROUND_CODES),
  text_kk: name,
  text_ru: name,
  text_en: name,
  /** p.12: applications on this ground go to the precinct commission for a survey. */
  surveyRequired: z.boolean(),
  /** p.22 (last paragraph): termination ground 3 does not apply to assistance on grounds 6.1/6.2. */
  placementTerminates: z.boolean(),
});

export const IncomeTypeSchema = z.object({
  code: name,
  name_kk: name,
  name_ru: name,
  name_en: name,
  counted: z.boolean(),
  /** Income from livestock, poultry or land: excluded when the akimat has declared them non-income-producing. */
  livestockOrLand: z.boolean().default(false),
  status: z.enum(VALUE_STATUSES),
  source: LegalSourceSchema,
});

export const RulesVersionSchema = z.object({
  id: name,
  act: name,
  title_kk: name,
  title_ru: name,
  title_en: name,
  adoptedOn: isoDate,
  effectiveFrom: isoDate,
  effectiveFromStatus: z.enum(VALUE_STATUSES),
  /** The clause that puts the act in force, cited in explanations (e.g. "35-140 p.2"). */
  inForceClause: name,
  note: z.string().optional(),
});

export const DistrictConfigSchema = z.object({
  $comment: z.string().optional(),
  code: z.string().regex(/^[a-z0-9-]+$/, 'expected a lower-case code'),
  name_kk: name,
  name_ru: name,
  region_kk: name,
  region_ru: name,
  centre_kk: name.optional(),
  centre_ru: name.optional(),
  /** True for a made-up district used to prove that a district is only configuration. */
  fictional: z.boolean().default(false),
  authorizedBody_kk: name,
  authorizedBody_ru: name,
  ruralDistrictsSource: z.string().optional(),
  ruralDistricts: z.array(z.object({ code: name, name_kk: name, name_ru: name, example: z.boolean() })).min(1),
  rulesVersions: z.array(RulesVersionSchema).min(1),
  grounds: z.array(GroundSchema).length(7),
  categories: z.array(CategorySchema).min(1),
  holidays: z.array(HolidaySchema),
  incomeCatalogue: z.object({
    livestockAndLandExcluded: z.boolean(),
    livestockAndLandSource: LegalSourceSchema,
    types: z.array(IncomeTypeSchema).min(1),
  }),
  officeHours: z.object({
    timeZone: name,
    workdays: z.array(z.number().int().min(1).max(7)).min(1),
    opens: z.string().regex(/^\d{2}:\d{2}$/, 'expected HH:MM'),
    closes: z.string().regex(/^\d{2}:\d{2}$/, 'expected HH:MM'),
    status: z.enum(VALUE_STATUSES),
  }),
  /** "Within N working days": day 0 is the triggering day, the deadline is the end of the N-th following working day. */
  countingConvention: z.enum(['trigger-day-is-day-0', 'trigger-day-is-day-1']),
  amountRounding: z.enum(ROUNDINGS),
  parameters: z.object({
    /** District series (unit thousandths) with the p.6.4/p.20.3 multiple of the subsistence minimum. */
    thresholdMultiple: name,
    /** District series (unit series) naming which subsistence-minimum series applies at a date. */
    subsistenceMinimumSeries: name,
  }),
  series: z.array(ParameterSeriesSchema),
});

export type DistrictConfigData = z.infer<typeof DistrictConfigSchema>;
