/**
 * p.22 (last paragraph): the recipient reports circumstances affecting the right within 10 working days
 * of their arising. The report is recorded with its due date from the rules core and whether it was late;
 * if the circumstance ends the right, the specialist then terminates (terminate.ts).
 */
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { AppError } from '../errors';
import { changeReportDeadline } from '../rules/deadlines';
import type { CaseCtx } from './case-env';
import { DateString } from './intake-form';
import { runStep } from './run-step';

export const ChangeReportInput = z.strictObject({
  circumstance: z.string().trim().min(3).max(4000),
  eventOn: DateString,
  /** Default: today. */
  reportedOn: DateString.optional(),
});

export async function reportChange(ctx: CaseCtx, input: { applicationId: string; expectedVersion?: number | undefined; report: z.infer<typeof ChangeReportInput> }) {
  const r = input.report;
  return runStep(ctx, 'reportChange', input.applicationId, input.expectedVersion, async ({ sql, row, at, day }) => {
    const reportedOn = r.reportedOn ?? day.toString();
    if (r.eventOn > reportedOn || reportedOn > day.toString()) throw new AppError('DATE_OUT_OF_ORDER', [{ path: 'eventOn', message: 'Оқиға хабарлаудан бұрын. | Событие до сообщения. | The event precedes the report.' }]);
    const due = changeReportDeadline(ctx.env.cal, { eventOn: Temporal.PlainDate.from(r.eventOn) }, { convention: ctx.env.convention });
    const late = reportedOn > due.date.toString();
    await sql.query(
      'insert into change_report (application_id, circumstance, event_on, reported_on, due_on, late, recorded_at) values ($1, $2, $3, $4, $5, $6, $7)',
      [row.id, r.circumstance, r.eventOn, reportedOn, due.date.toString(), late, at.toString()],
    );
    return { result: { dueOn: due.date.toString(), late, explanation: due.explanation }, after: { eventOn: r.eventOn, reportedOn, late } };
  });
}
