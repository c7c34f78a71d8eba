/**
 * Amounts of social assistance (p.7, p.8): n × MCI, n × subsistence minimum, a percentage of a named
 * sum (p.7.11: 70 % of the sanatorium guaranteed sum), a fixed sum, or the actual cost up to a cap; then
 * the limit amount of p.8. Rates are applied exactly and rounded as the district configures
 * (`amountRounding`, see law/rounding.md). Parameter values are those in force on `asOf`.
 */
import type { Temporal } from 'temporal-polyfill';
import type { LegalSource, TraceStep } from './explain';
import { say } from './explain-texts';
import { seriesOf, type DistrictConfig } from './district/config';
import type { AmountRule, Category } from './district/schema';
import { formatTenge, scaleAmount, toThousandths, type Tiyn } from './money';
import { NATIONAL } from './params/national';
import { isoDateOf, requireParameter, type ParameterValue } from './params/series';
import { RulesError } from './rules-error';

const sourceOf = (v: ParameterValue): LegalSource => ({ ...v.source, note: [v.source.note, v.status !== 'official' ? `status: ${v.status}` : undefined].filter(Boolean).join('; ') || undefined });

/** The subsistence minimum in force on `asOf`, from the series the district says applies (p.2.6). */
export function subsistenceMinimumAt(config: DistrictConfig, asOf: Temporal.PlainDate): { value: Tiyn; seriesId: string; step: TraceStep } {
  const choice = requireParameter(seriesOf(config, config.parameters.subsistenceMinimumSeries), asOf);
  const series = seriesOf(config, String(choice.value));
  const v = requireParameter(series, asOf);
  return {
    value: Number(v.value),
    seriesId: series.id,
    step: {
      clause: 'p.2.6',
      text: say('subsistenceMinimum', { date: isoDateOf(asOf), value: formatTenge(Number(v.value)), series: series.name }),
      values: { subsistenceMinimumTiyn: Number(v.value), series: series.id, seriesChoice: choice.status, valueStatus: v.status, from: v.from },
      sources: [sourceOf(choice), sourceOf(v)],
    },
  };
}

/** The threshold multiple (in thousandths) of p.6.4/p.20.3 at `asOf`, or the category's own multiple. */
export function thresholdMultipleAt(config: DistrictConfig, asOf: Temporal.PlainDate, category?: Category): { thousandths: number; source: LegalSource; status: string } {
  if (category?.incomeTest.thresholdMultiple !== undefined) {
    return { thousandths: toThousandths(category.incomeTest.thresholdMultiple, 'thresholdMultiple'), source: category.legalReference, status: category.example ? 'example' : 'official' };
  }
  const v = requireParameter(seriesOf(config, config.parameters.thresholdMultiple), asOf);
  return { thousandths: Number(v.value), source: sourceOf(v), status: v.status };
}

export interface AmountResult {
  readonly amountTiyn: Tiyn;
  readonly trace: readonly TraceStep[];
}

/** Computes the amount of an amount rule at `asOf` (p.7). `actualCostTiyn` is needed for actual-cost rules. */
export function computeAmount(rule: AmountRule, clause: string, ctx: { asOf: Temporal.PlainDate; config: DistrictConfig; actualCostTiyn?: Tiyn | undefined; ruleSource: LegalSource }): AmountResult {
  const { asOf, config } = ctx;
  const rounding = config.amountRounding;
  const roundingStep: TraceStep = {
    clause: 'rounding',
    text: say('rounding', { rule: say(rounding === 'tiyn-half-up' ? 'roundingTiyn' : 'roundingTenge') }),
    values: { rounding },
    sources: [{ act: 'Komek rounding convention', note: 'law/rounding.md' }],
  };
  switch (rule.kind) {
    case 'mci': {
      const mci = requireParameter(seriesOf(config, NATIONAL.mci), asOf);
      const amount = scaleAmount(Number(mci.value), toThousandths(rule.n, 'n'), 1000, rounding);
      return {
        amountTiyn: amount,
        trace: [{ clause, text: say('amountMci', { n: rule.n, mci: formatTenge(Number(mci.value)), from: mci.from, amount: formatTenge(amount) }), values: { n: rule.n, mciTiyn: Number(mci.value), amountTiyn: amount }, sources: [ctx.ruleSource, sourceOf(mci)] }, roundingStep],
      };
    }
    case 'subsistence-minimum': {
      const sm = subsistenceMinimumAt(config, asOf);
      const amount = scaleAmount(sm.value, toThousandths(rule.n, 'n'), 1000, rounding);
      return {
        amountTiyn: amount,
        trace: [sm.step, { clause, text: say('amountSm', { n: rule.n, sm: formatTenge(sm.value), amount: formatTenge(amount) }), values: { n: rule.n, subsistenceMinimumTiyn: sm.value, amountTiyn: amount }, sources: [ctx.ruleSource] }, roundingStep],
      };
    }
    case 'percent-of': {
      const series = seriesOf(config, rule.parameter);
      const base = requireParameter(series, asOf);
      const amount = scaleAmount(Number(base.value), toThousandths(rule.percent, 'percent'), 100_000, rounding);
      return {
        amountTiyn: amount,
        trace: [
          { clause, text: say('amountPercent', { percent: rule.percent, parameter: series.name, base: formatTenge(Number(base.value)), from: base.from, amount: formatTenge(amount) }), values: { percent: rule.percent, parameter: rule.parameter, baseTiyn: Number(base.value), amountTiyn: amount }, sources: [ctx.ruleSource, sourceOf(base)] },
          roundingStep,
        ],
      };
    }
    case 'fixed':
      return { amountTiyn: rule.tiyn, trace: [{ clause, text: say('amountFixed', { amount: formatTenge(rule.tiyn) }), values: { amountTiyn: rule.tiyn }, sources: [ctx.ruleSource] }] };
    case 'actual-cost-capped': {
      if (ctx.actualCostTiyn === undefined) throw new RulesError('INVALID_INPUT', `category ${clause} pays the actual cost up to a cap: the application must state actualCostTiyn`, 'actualCostTiyn');
      const cap = computeAmount(rule.capRule, clause, ctx);
      const amount = Math.min(ctx.actualCostTiyn, cap.amountTiyn);
      return {
        amountTiyn: amount,
        trace: [...cap.trace, { clause, text: say('amountActualCost', { cost: formatTenge(ctx.actualCostTiyn), cap: formatTenge(cap.amountTiyn), amount: formatTenge(amount) }), values: { actualCostTiyn: ctx.actualCostTiyn, capTiyn: cap.amountTiyn, amountTiyn: amount }, sources: [ctx.ruleSource] }],
      };
    }
    default: {
      const never: never = rule;
      throw new RulesError('INVALID_DISTRICT_CONFIG', `unknown amount rule ${JSON.stringify(never)}`);
    }
  }
}

/** The category's amount at `asOf`, capped by its limit amount of p.8 when it has one. */
export function computeCategoryAmount(category: Category, ctx: { asOf: Temporal.PlainDate; config: DistrictConfig; actualCostTiyn?: Tiyn | undefined }): AmountResult {
  const clause = `p.${category.code}`;
  const base = computeAmount(category.amountRule, clause, { ...ctx, ruleSource: category.legalReference });
  if (category.limitParameter === undefined) return base;
  const limit = requireParameter(seriesOf(ctx.config, category.limitParameter), ctx.asOf);
  const limitTiyn = Number(limit.value);
  const amount = Math.min(base.amountTiyn, limitTiyn);
  const step: TraceStep = {
    clause: 'p.8',
    text: amount < base.amountTiyn ? say('limit', { limit: formatTenge(limitTiyn), amount: formatTenge(amount) }) : say('limitNotReached', { limit: formatTenge(limitTiyn) }),
    values: { limitTiyn, amountBeforeLimitTiyn: base.amountTiyn, amountTiyn: amount },
    sources: [sourceOf(limit)],
  };
  return { amountTiyn: amount, trace: [...base.trace, step] };
}
