/**
 * p.13: the precinct commission's act of survey of the material situation (form 2) and its conclusion
 * (form 3) — or the note that the applicant refused or evaded the survey, which is the refusal ground of
 * p.20.2 (the case then goes to the hearing of p.18). When the documents came through a rural akim, the
 * akim forwards act and conclusion within 2 WD (forward-survey.ts); otherwise the authorized body has
 * received them on the day they are recorded.
 */
import { z } from 'zod';
import { AppError } from '../errors';
import { DateString, IncomeInput } from './intake-form';
import type { CaseCtx } from './case-env';
import { runStep } from './run-step';

export const SurveyInput = z.strictObject({
  actNumber: z.string().trim().min(1).max(50),
  actDate: DateString,
  commission: z.string().trim().min(1).max(300),
  /** The applicant refused or evaded the survey (p.20.2): no conclusion on need. */
  refused: z.boolean().default(false),
  housing: z.string().max(2000).optional(),
  subsidiaryFarm: z.string().max(2000).optional(),
  property: z.string().max(2000).optional(),
  observations: z.string().max(4000).optional(),
  /** Family incomes as found by the commission (used by the income computation when given). */
  familyIncomes: z.array(z.strictObject({ iin: z.string().regex(/^\d{12}$/), incomes: z.array(IncomeInput).max(200) })).max(30).default([]),
  /** Form 3: does the family need assistance, and why. Required unless the survey was refused. */
  needs: z.boolean().optional(),
  conclusionNumber: z.string().max(50).optional(),
  conclusionReason: z.string().max(4000).optional(),
});
export type SurveyInput = z.infer<typeof SurveyInput>;

export async function recordSurvey(ctx: CaseCtx, input: { applicationId: string; expectedVersion?: number | undefined; survey: SurveyInput }) {
  const s = input.survey;
  return runStep(ctx, 'recordSurvey', input.applicationId, input.expectedVersion, async ({ row, at, day }) => {
    if (!s.refused && s.needs === undefined) {
      throw new AppError('VALIDATION', [{ path: 'needs', message: 'Қорытынды (мұқтаж/мұқтаж емес) міндетті. | Заключение (нуждается/не нуждается) обязательно. | The conclusion (needs / does not need) is required.' }]);
    }
    if (s.actDate > day.toString()) {
      throw new AppError('DATE_OUT_OF_ORDER', [{ path: 'actDate', message: 'Акт күні болашақта. | Дата акта в будущем. | The act date is in the future.' }]);
    }
    const write = {
      sql: `insert into survey (application_id, act_number, act_date, commission, refused, housing, subsidiary_farm, property, observations, family_incomes, needs, conclusion_number, conclusion_reason, recorded_at, recorded_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      params: [row.id, s.actNumber, s.actDate, s.commission, s.refused, s.housing ?? null, s.subsidiaryFarm ?? null, s.property ?? null, s.observations ?? null, JSON.stringify(s.familyIncomes), s.refused ? null : s.needs ?? null, s.conclusionNumber ?? null, s.conclusionReason ?? null, at.toString(), ctx.actor?.id ?? null],
    };
    const direct = row.channel !== 'RURAL_AKIM';
    return {
      changes: { survey_received_on: day.toString(), ...(direct ? { file_received_on: day.toString() } : {}) },
      write,
      overlay: { surveyRefused: s.refused },
      result: { refused: s.refused, needs: s.refused ? null : s.needs ?? null },
      after: { actNumber: s.actNumber, refused: s.refused, needs: s.needs ?? null },
    };
  });
}
