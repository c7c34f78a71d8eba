/** p.17: the special commission's conclusion, within 2 working days: does the family need assistance, and how much. */
import { z } from 'zod';
import { AppError } from '../errors';
import type { CaseCtx } from './case-env';
import { runStep } from './run-step';

export const SpecialConclusionInput = z.strictObject({
  needs: z.boolean(),
  /** The recommended amount per payment, in tiyn (when the commission names one). */
  amountTiyn: z.number().int().positive().max(1e13).optional(),
  reason: z.string().trim().max(4000).optional(),
});

export async function recordSpecialConclusion(ctx: CaseCtx, input: { applicationId: string; expectedVersion?: number | undefined; conclusion: z.infer<typeof SpecialConclusionInput> }) {
  const c = input.conclusion;
  if (!c.needs && !c.reason) throw new AppError('VALIDATION', [{ path: 'reason', message: 'Мұқтаж емес деген қорытындының себебі міндетті. | Для заключения «не нуждается» причина обязательна. | A "does not need" conclusion needs a reason.' }]);
  return runStep(ctx, 'recordSpecialConclusion', input.applicationId, input.expectedVersion, async ({ row, at, day }) => {
    const write = {
      sql: `insert into special_conclusion (application_id, needs, amount_tiyn, reason, concluded_on, recorded_at, recorded_by) values ($1, $2, $3, $4, $5, $6, $7)`,
      params: [row.id, c.needs, c.amountTiyn ?? null, c.reason ?? null, day.toString(), at.toString(), ctx.actor?.id ?? null],
    };
    return { write, overlay: { specialNeeds: c.needs }, result: { needs: c.needs }, after: { needs: c.needs, amountTiyn: c.amountTiyn ?? null } };
  });
}
