/**
 * The legal reference every administrative change must carry (issue 6 item 2): the act, its number, its
 * date and the clause — e.g. Koksu district maslikhat decision No. 35-140 of 2024-12-06, p.1.
 */
import { z } from 'zod';
import { Temporal } from 'temporal-polyfill';
import { isoDate } from '../rules/district/schema';
import type { Ctx } from '../context';
import type { LegalReference } from './rules-store';

const required = (what: string) => z.string().trim().min(1, `${what} is required`).max(500);

export const LegalReferenceSchema = z.strictObject({
  act: required('the act'),
  number: required('the number'),
  date: isoDate,
  clause: required('the clause'),
});

/** The reference as a parameter or category source (`LegalSourceSchema` of the rules core). */
export function sourceOf(legal: LegalReference): { act: string; clause: string } {
  return { act: `${legal.act} No. ${legal.number} of ${legal.date}`, clause: legal.clause };
}

/** Today in Asia/Almaty from the context's clock (the district's civil date). */
export function todayOf(ctx: Pick<Ctx, 'clock'>): Temporal.PlainDate {
  return ctx.clock.now().toZonedDateTimeISO('Asia/Almaty').toPlainDate();
}
