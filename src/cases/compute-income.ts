/**
 * p.16: within 1 working day of receiving the file the authorized body computes the family's per-capita
 * income (Social Code art. 127, by the rules core, trace kept) and passes the full file to the special
 * commission. For categories without an income test the step records that no income is counted.
 * The family is the one on the application; incomes found by the precinct commission replace the
 * declared ones for the members it names.
 */
import { Temporal } from 'temporal-polyfill';
import { AppError } from '../errors';
import { testIncome } from '../rules/eligibility';
import { say } from '../rules/explain-texts';
import { categoryOn } from './intake-form';
import type { CaseCtx } from './case-env';
import { runStep } from './run-step';

export async function computeIncome(ctx: CaseCtx, input: { applicationId: string; expectedVersion?: number | undefined }) {
  return runStep(ctx, 'computeIncome', input.applicationId, input.expectedVersion, async ({ row, at, day, extra }) => {
    if (row.status === 'SURVEYED' && row.channel === 'RURAL_AKIM' && !row.surveyForwardedOn) {
      throw new AppError('ILLEGAL_TRANSITION', [], { step: 'computeIncome', from: row.status, reason: 'the rural akim has not forwarded the survey yet (p.13)' });
    }
    if (row.surveyRefused) throw new AppError('ILLEGAL_TRANSITION', [], { step: 'computeIncome', from: row.status, reason: 'the applicant refused the survey: the p.20.2 hearing follows' });
    const registered = Temporal.PlainDate.from(row.registeredOn);
    const { version, category } = categoryOn(ctx.env, row.categoryCode, registered);
    const surveyed = new Map(((extra as SurveyedIncomes | null) ?? []).map((f) => [f.iin, f.incomes]));
    const members = row.family.map((m) => ({ id: m.iin, relation: m.relation, incomes: [...(surveyed.get(m.iin) ?? m.incomes)] }));
    let out: { required: boolean; quarter: string | null; members: number | null; counted: number | null; perCapita: number | null; threshold: number | null; above: boolean | null; trace: unknown };
    if (category.incomeTest.required) {
      const t = testIncome(members, category, registered, day, version);
      out = { required: true, quarter: t.perCapita.quarter.label, members: t.perCapita.members, counted: t.perCapita.countedTiyn, perCapita: t.perCapita.perCapitaTiyn, threshold: t.thresholdTiyn, above: !t.notAbove, trace: t.trace };
    } else {
      out = { required: false, quarter: null, members: members.length, counted: null, perCapita: null, threshold: null, above: null, trace: [{ clause: `p.${category.code}`, text: say('incomeNotTested', { code: category.code }), values: { incomeTest: false }, sources: [category.legalReference] }] };
    }
    const write = {
      sql: `insert into income_calculation (application_id, required, quarter, members, counted_tiyn, per_capita_tiyn, threshold_tiyn, above_threshold, inputs, trace, computed_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      params: [row.id, out.required, out.quarter, out.members, out.counted, out.perCapita, out.threshold, out.above, JSON.stringify({ members }), JSON.stringify(out.trace), at.toString()],
    };
    return {
      write,
      changes: { special_received_on: day.toString(), ...(row.fileReceivedOn ? {} : { file_received_on: day.toString() }) },
      result: { incomeTested: out.required, perCapitaTiyn: out.perCapita, thresholdTiyn: out.threshold, aboveThreshold: out.above },
      after: { perCapitaTiyn: out.perCapita, thresholdTiyn: out.threshold },
    };
  }, SURVEY_INCOMES);
}

/** The incomes the precinct commission found, per member (p.13 survey), read with the case (its joined survey row `s`) in the same statement. */
type SurveyedIncomes = { iin: string; incomes: { type: string; amountTiyn: number; month?: string }[] }[];
const SURVEY_INCOMES = () => ({ column: 's.family_incomes', params: [] });
