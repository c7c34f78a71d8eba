/**
 * Eligibility: the ground of p.6 a category rests on, the precinct-commission survey of p.12, the
 * per-capita income test of p.6.4 against the threshold (multiple × subsistence minimum), and the four
 * refusal grounds of p.20 — plus the category's own conditions (application time limit, times per year).
 */
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import type { LegalSource, TraceStep } from './explain';
import { say } from './explain-texts';
import type { DistrictConfig, RulesVersion } from './district/config';
import type { Category } from './district/schema';
import { computePerCapitaIncome, perCapitaNotAboveThreshold, type FamilyMember, type PerCapitaIncome } from './income';
import { formatTenge, scaleAmount, type Tiyn } from './money';
import { subsistenceMinimumAt, thresholdMultipleAt } from './amounts';
import { RulesError } from './rules-error';

/** Refusal grounds: the four of p.20, and `p.9` for an application made after the category's time limit. */
export const REFUSAL_GROUNDS = ['p.20.1', 'p.20.2', 'p.20.3', 'p.20.4', 'p.9'] as const;
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number];

/** What the authorized body established about the application (from the survey and information systems). */
export const FindingsSchema = z.object({
  /** p.20.1: the applicant's data proved unreliable. */
  unreliableData: z.boolean().default(false),
  /** p.20.2: the applicant refused or evaded the survey of the family's material situation. */
  surveyRefusedOrEvaded: z.boolean().default(false),
  /** p.20.4: the ministry's system shows assistance already assigned on the same ground. */
  assistanceAlreadyAssignedSameGround: z.boolean().default(false),
  /** p.20.4: the ministry's system shows an application already filed on the same ground. */
  applicationAlreadyFiledSameGround: z.boolean().default(false),
  /** How many times this category was already given to the applicant this calendar year. */
  timesReceivedThisYear: z.number().int().nonnegative().default(0),
});
export type Findings = z.infer<typeof FindingsSchema>;

const src = (version: RulesVersion, clause: string): LegalSource => ({ act: version.act, clause });

/** The ground of p.6 the category rests on, and whether p.12 sends the file to the precinct commission. */
export function explainGround(category: Category, version: RulesVersion): TraceStep[] {
  if (category.ground === null) {
    return [{ clause: `p.${category.code}`, text: say('groundNone', { code: category.code }), values: { ground: null }, sources: [category.legalReference] }];
  }
  const g = version.config.grounds.find((x) => x.code === category.ground)!;
  const steps: TraceStep[] = [
    { clause: `p.${g.code}`, text: say('ground', { code: g.code, sub: g.code.slice(2), text: { kk: g.text_kk, ru: g.text_ru, en: g.text_en } }), values: { ground: g.code }, sources: [src(version, `p.${g.code}`)] },
  ];
  if (g.surveyRequired) steps.push({ clause: 'p.12', text: say('survey', { code: g.code }), values: { surveyRequired: true }, sources: [src(version, 'p.12')] });
  return steps;
}

export interface IncomeTestResult {
  readonly notAbove: boolean;
  readonly perCapita: PerCapitaIncome;
  readonly thresholdTiyn: Tiyn;
  readonly subsistenceMinimumTiyn: Tiyn;
  readonly multipleThousandths: number;
  readonly trace: readonly TraceStep[];
}

/**
 * The income test of p.6.4 and refusal ground p.20.3: per-capita income of the quarter before the
 * application's quarter against the threshold in force on `asOf`.
 */
export function testIncome(members: readonly FamilyMember[], category: Category, applicationDate: Temporal.PlainDate, asOf: Temporal.PlainDate, version: RulesVersion): IncomeTestResult {
  const config: DistrictConfig = version.config;
  const perCapita = computePerCapitaIncome(members, applicationDate, config, version.act);
  const sm = subsistenceMinimumAt(config, asOf);
  const multiple = thresholdMultipleAt(config, asOf, category);
  const thresholdTiyn = scaleAmount(sm.value, multiple.thousandths, 1000, 'tiyn-half-up');
  const notAbove = perCapitaNotAboveThreshold(perCapita.countedTiyn, perCapita.members, multiple.thousandths, sm.value);
  const thresholdStep: TraceStep = {
    clause: 'p.6.4',
    text: say('threshold', { multiple: multiple.thousandths / 1000, sm: formatTenge(sm.value), threshold: formatTenge(thresholdTiyn) }),
    values: { multiple: multiple.thousandths / 1000, multipleStatus: multiple.status, subsistenceMinimumTiyn: sm.value, thresholdTiyn },
    sources: [multiple.source],
  };
  const verdict: TraceStep = {
    clause: 'p.20.3',
    text: say(notAbove ? 'incomeNotAbove' : 'incomeAbove', { perCapita: formatTenge(perCapita.perCapitaTiyn), threshold: formatTenge(thresholdTiyn) }),
    values: { perCapitaTiyn: perCapita.perCapitaTiyn, thresholdTiyn, notAbove },
    sources: [src(version, 'p.20.3'), { act: 'Social Code of the Republic of Kazakhstan', clause: 'art. 127' }],
  };
  return { notAbove, perCapita, thresholdTiyn, subsistenceMinimumTiyn: sm.value, multipleThousandths: multiple.thousandths, trace: [...perCapita.trace, sm.step, thresholdStep, verdict] };
}

/**
 * Refusal grounds other than income: p.20.1, p.20.2, p.20.4 (including the category's "times per year"
 * limit, which is assistance already assigned on the same ground) and the category's time limit (p.9).
 */
export function findRefusalGrounds(
  findings: Findings,
  category: Category,
  version: RulesVersion,
  applicationDate: Temporal.PlainDate,
  eventDate: Temporal.PlainDate | undefined,
): { grounds: RefusalGround[]; trace: TraceStep[] } {
  const grounds: RefusalGround[] = [];
  const trace: TraceStep[] = [];
  if (findings.unreliableData) {
    grounds.push('p.20.1');
    trace.push({ clause: 'p.20.1', text: say('p20_1'), values: { unreliableData: true }, sources: [src(version, 'p.20.1')] });
  }
  if (findings.surveyRefusedOrEvaded) {
    grounds.push('p.20.2');
    trace.push({ clause: 'p.20.2', text: say('p20_2'), values: { surveyRefusedOrEvaded: true }, sources: [src(version, 'p.20.2')] });
  }
  if (findings.assistanceAlreadyAssignedSameGround || findings.applicationAlreadyFiledSameGround) {
    grounds.push('p.20.4');
    trace.push({
      clause: 'p.20.4',
      text: say('p20_4'),
      values: { assistanceAlreadyAssignedSameGround: findings.assistanceAlreadyAssignedSameGround, applicationAlreadyFiledSameGround: findings.applicationAlreadyFiledSameGround },
      sources: [src(version, 'p.20.4')],
    });
  } else if (category.maxTimesPerYear !== undefined && findings.timesReceivedThisYear >= category.maxTimesPerYear) {
    grounds.push('p.20.4');
    trace.push({
      clause: 'p.20.4',
      text: say('timesPerYear', { code: category.code, max: category.maxTimesPerYear, times: findings.timesReceivedThisYear }),
      values: { maxTimesPerYear: category.maxTimesPerYear, timesReceivedThisYear: findings.timesReceivedThisYear },
      sources: [src(version, 'p.20.4'), category.legalReference],
    });
  }
  if (category.applicationTimeLimitDays !== undefined) {
    if (!eventDate) throw new RulesError('INVALID_INPUT', `category ${category.code} must be applied for within ${category.applicationTimeLimitDays} days of the event: the application must state eventDate`, 'eventDate');
    const days = eventDate.until(applicationDate, { largestUnit: 'days' }).days;
    const met = days <= category.applicationTimeLimitDays;
    if (!met) grounds.push('p.9');
    trace.push({
      clause: 'p.9',
      text: say(met ? 'timeLimitMet' : 'timeLimitMissed', { event: eventDate.toString(), days, limit: category.applicationTimeLimitDays }),
      values: { eventDate: eventDate.toString(), daysSinceEvent: days, applicationTimeLimitDays: category.applicationTimeLimitDays, met },
      sources: [src(version, 'p.9'), category.legalReference],
    });
  }
  if (!grounds.some((g) => g === 'p.20.1' || g === 'p.20.2' || g === 'p.20.4')) {
    trace.push({ clause: 'p.20', text: say('noRefusal'), values: { found: false }, sources: [src(version, 'p.20')] });
  }
  return { grounds, trace };
}
