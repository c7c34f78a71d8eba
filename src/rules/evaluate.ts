/**
 * Evaluates one application for social assistance, as the district's Rules say, and explains it: the
 * rules version in force on the registration date, the category (p.7) and its ground (p.6), the survey
 * (p.12), the income test (p.6.4, p.20.3), the other refusal grounds (p.20), the amount (p.7, p.8) and
 * the hearing a refusal needs (p.18). The result with its trace is the "frozen basis" of a decision.
 */
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import type { Deadline, TraceStep } from './explain';
import { PERIODICITY_TEXT, say } from './explain-texts';
import { computeCategoryAmount } from './amounts';
import { findCategory, selectRulesVersion, type DistrictConfig } from './district/config';
import { isoDate, type GroundCode, type Periodicity } from './district/schema';
import { FindingsSchema, explainGround, findRefusalGrounds, testIncome, type RefusalGround } from './eligibility';
import { FamilyMemberSchema } from './income';
import { formatTenge, type Tiyn } from './money';
import { formatPath, isoDateOf } from './params/series';
import { RulesError } from './rules-error';

/** An application, as plain data (documented in docs/rules-evaluate.md). */
export const ApplicationInputSchema = z.object({
  /** The registration date (p.12): selects the rules version and the income quarter. */
  applicationDate: isoDate,
  /** The category of p.7, e.g. "7.11". */
  category: z.string().regex(/^7\.\d{1,2}$/, 'expected a sub-point of p.7 like "7.9"'),
  /** The family (p.2.7): every member living in the common household, with their incomes. */
  family: z.object({ members: z.array(FamilyMemberSchema).min(1, 'a family has at least one member') }),
  /** For actual-cost categories: the documented cost, in tiyn. */
  actualCostTiyn: z.number().int().nonnegative().optional(),
  /** For categories with an application time limit: the day of the event (disaster, fire, release). */
  eventDate: isoDate.optional(),
  /** p.14/p.15 cases decide within 20 working days instead of 8 (p.18). */
  track: z.enum(['standard', 'p14-p15']).default('standard'),
  findings: FindingsSchema.default({
    unreliableData: false,
    surveyRefusedOrEvaded: false,
    assistanceAlreadyAssignedSameGround: false,
    applicationAlreadyFiledSameGround: false,
    timesReceivedThisYear: 0,
  }),
});
export type ApplicationInput = z.infer<typeof ApplicationInputSchema>;

/** Validates an application; a bad field fails with RulesError('INVALID_INPUT') naming its path. */
export function parseApplicationInput(json: unknown, where = ''): ApplicationInput {
  const r = ApplicationInputSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const path = formatPath([...(where ? [where] : []), ...issue.path]);
    throw new RulesError('INVALID_INPUT', `${path}: ${issue.message}`, path);
  }
  return r.data;
}

/** What the deadlines module is asked for (injected so this module needs no calendar). */
export interface DeadlineQuery {
  readonly registrationDate: Temporal.PlainDate;
  readonly ground: GroundCode | null;
  readonly surveyRequired: boolean;
  readonly track: 'standard' | 'p14-p15';
  readonly refusal: boolean;
}
export type DeadlineProvider = (q: DeadlineQuery) => readonly Deadline[];

export interface EvaluationOptions {
  /** The date the evaluation judges (the decision date): parameter values in force on it are used. */
  readonly asOf: Temporal.PlainDate;
  readonly config: DistrictConfig;
  readonly deadlines?: DeadlineProvider;
}

export const OUTCOMES = ['grant', 'refuse'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface EvaluationResult {
  readonly outcome: Outcome;
  /** The amount per payment (per month for monthly, per quarter for quarterly); null on refusal. */
  readonly amountTiyn: Tiyn | null;
  readonly periodicity: Periodicity;
  readonly category: string;
  readonly ground: GroundCode | null;
  readonly categoryIsExample: boolean;
  readonly rulesVersion: { readonly id: string; readonly effectiveFrom: string; readonly effectiveFromStatus: string };
  readonly refusalGrounds: readonly RefusalGround[];
  /** p.18: a refusal is preceded by a preliminary decision and a hearing. */
  readonly hearingRequired: boolean;
  readonly perCapitaIncomeTiyn: Tiyn | null;
  readonly thresholdTiyn: Tiyn | null;
  readonly deadlines: readonly Deadline[];
  readonly trace: readonly TraceStep[];
}

/** Evaluates an application on `asOf` under the district's Rules in force on its registration date. */
export function evaluateApplication(input: ApplicationInput, options: EvaluationOptions): EvaluationResult {
  const { asOf, config } = options;
  const applicationDate = Temporal.PlainDate.from(input.applicationDate);
  const eventDate = input.eventDate ? Temporal.PlainDate.from(input.eventDate) : undefined;
  const version = selectRulesVersion(config, applicationDate);
  const category = findCategory(version, input.category);
  const trace: TraceStep[] = [];

  trace.push({
    clause: version.inForceClause,
    text: say('version', { date: isoDateOf(applicationDate), title: version.title, from: version.effectiveFrom, status: version.effectiveFromStatus === 'official' ? '' : say('assumedDate') }),
    values: { rulesVersion: version.id, effectiveFrom: version.effectiveFrom, effectiveFromStatus: version.effectiveFromStatus, relevantDate: isoDateOf(applicationDate) },
    sources: [{ act: version.act, clause: version.inForceClause }],
  });
  const name = { kk: category.name_kk, ru: category.name_ru, en: category.name_en };
  trace.push({
    clause: `p.${category.code}`,
    text: say('category', { code: category.code, name, periodicity: PERIODICITY_TEXT[category.periodicity] }),
    values: { category: category.code, periodicity: category.periodicity, example: category.example, incomeTest: category.incomeTest.required },
    sources: [category.legalReference],
  });
  if (category.example) trace.push({ clause: `p.${category.code}`, text: say('categoryExample', { code: category.code }), values: { example: true }, sources: [category.legalReference] });
  trace.push(...explainGround(category, version));

  const refusal = findRefusalGrounds(input.findings, category, version, applicationDate, eventDate);
  trace.push(...refusal.trace);
  const grounds: RefusalGround[] = [...refusal.grounds];

  let perCapitaIncomeTiyn: Tiyn | null = null;
  let thresholdTiyn: Tiyn | null = null;
  if (category.incomeTest.required) {
    const income = testIncome(input.family.members, category, applicationDate, asOf, version);
    trace.push(...income.trace);
    perCapitaIncomeTiyn = income.perCapita.perCapitaTiyn;
    thresholdTiyn = income.thresholdTiyn;
    if (!income.notAbove) grounds.push('p.20.3');
  } else {
    trace.push({ clause: `p.${category.code}`, text: say('incomeNotTested', { code: category.code }), values: { incomeTest: false }, sources: [category.legalReference] });
  }
  grounds.sort((a, b) => a.localeCompare(b));

  let amountTiyn: Tiyn | null = null;
  const outcome: Outcome = grounds.length === 0 ? 'grant' : 'refuse';
  if (outcome === 'grant') {
    const amount = computeCategoryAmount(category, { asOf, config, actualCostTiyn: input.actualCostTiyn });
    trace.push(...amount.trace);
    amountTiyn = amount.amountTiyn;
    trace.push({
      clause: 'p.18',
      text: say('decisionGrant', { amount: formatTenge(amountTiyn), periodicity: PERIODICITY_TEXT[category.periodicity] }),
      values: { outcome, amountTiyn, periodicity: category.periodicity },
      sources: [{ act: version.act, clause: 'p.18' }],
    });
  } else {
    trace.push({ clause: 'p.18', text: say('hearing'), values: { hearingRequired: true }, sources: [{ act: version.act, clause: 'p.18' }, { act: 'Administrative Procedural Code of the Republic of Kazakhstan', clause: 'art. 73' }] });
    trace.push({ clause: 'p.20', text: say('decisionRefuse', { grounds: grounds.join(', ') }), values: { outcome, refusalGrounds: grounds.join(',') }, sources: [{ act: version.act, clause: 'p.20' }] });
  }

  const ground = category.ground;
  const surveyRequired = ground !== null && (config.grounds.find((g) => g.code === ground)?.surveyRequired ?? false);
  const deadlines = options.deadlines ? options.deadlines({ registrationDate: applicationDate, ground, surveyRequired, track: input.track, refusal: outcome === 'refuse' }) : [];

  return {
    outcome,
    amountTiyn,
    periodicity: category.periodicity,
    category: category.code,
    ground,
    categoryIsExample: category.example,
    rulesVersion: { id: version.id, effectiveFrom: version.effectiveFrom, effectiveFromStatus: version.effectiveFromStatus },
    refusalGrounds: grounds,
    hearingRequired: outcome === 'refuse',
    perCapitaIncomeTiyn,
    thresholdTiyn,
    deadlines,
    trace,
  };
}
