/**
 * p.22: termination of assigned assistance on one of five grounds; the rules core gives the first day
 * without payment (grounds 1–3 from the next month, 4–5 from the day) and refuses ground 3 for
 * assistance on grounds 6.1/6.2 (TERMINATION_GROUND_NOT_APPLICABLE). The payments module reads
 * `termination.stops_from` to stop scheduled payments from that day.
 */
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { AppError } from '../errors';
import { terminateAssistance } from '../rules/termination';
import type { GroundCode } from '../rules/district/schema';
import type { CaseCtx } from './case-env';
import { DateString } from './intake-form';
import { runStep } from './run-step';

export const TerminateInput = z.strictObject({
  ground: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
  /** The day the circumstance arose (death, move, placement, unreliable data found, ground ceased). */
  eventOn: DateString,
  reason: z.string().trim().max(2000).optional(),
});

export async function terminate(ctx: CaseCtx, input: { applicationId: string; expectedVersion?: number | undefined; termination: z.infer<typeof TerminateInput> }) {
  const t = input.termination;
  return runStep(ctx, 'terminate', input.applicationId, input.expectedVersion, async ({ sql, row, at, day }) => {
    if (t.eventOn > day.toString()) throw new AppError('DATE_OUT_OF_ORDER', [{ path: 'eventOn', message: 'Оқиға күні болашақта. | Дата события в будущем. | The event date is in the future.' }]);
    const r = terminateAssistance({ ground: t.ground, circumstanceDate: Temporal.PlainDate.from(t.eventOn), assistanceGround: row.ground as GroundCode | null }, ctx.env.config);
    if (!r.terminates || !r.stopFrom) throw new AppError('TERMINATION_GROUND_NOT_APPLICABLE', [{ path: 'ground', message: 'p.22.3 ≠ 6.1/6.2 | п. 22.3 ≠ 6.1/6.2 | p.22.3 does not apply to 6.1/6.2' }]);
    await sql.query(
      `insert into termination (application_id, ground, event_on, stops_from, reason, basis, recorded_at, recorded_by) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [row.id, t.ground, t.eventOn, r.stopFrom.toString(), t.reason ?? null, JSON.stringify({ clause: r.clause, trace: r.trace }), at.toString(), ctx.actor?.id ?? null],
    );
    return { result: { stopsFrom: r.stopFrom.toString(), clause: r.clause, trace: r.trace }, after: { ground: t.ground, eventOn: t.eventOn, stopsFrom: r.stopFrom.toString() } };
  });
}
