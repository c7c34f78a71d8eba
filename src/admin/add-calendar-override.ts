/**
 * Adds a calendar override (issue 6 item 2; rules.md "future calendar changes"): a new Government order
 * transferring a day off, the announced date of Kurban Ait, a new holiday. The whole calendar is rebuilt
 * with it before anything is stored, so an override that conflicts with the data is refused.
 */
import { runCommand, type Ctx } from '../context';
import { AppError } from '../errors';
import { buildCalendar, CalendarDataError, OVERRIDE_KINDS, type CalendarOverrideKind } from '../rules/calendar';
import type { LegalReference } from './rules-store';
import { bumpRulesGeneration, listCalendarOverrides } from './rules-store';

export interface AddCalendarOverrideInput {
  readonly date: string;
  readonly kind: CalendarOverrideKind;
  readonly name_kk: string;
  readonly name_ru: string;
  readonly legal: LegalReference;
}

export async function addCalendarOverride(ctx: Ctx, input: AddCalendarOverrideInput): Promise<{ id: string }> {
  if (!OVERRIDE_KINDS.includes(input.kind)) throw new AppError('VALIDATION', [{ path: 'kind', message: `unknown kind ${input.kind}` }]);
  return runCommand(ctx, { action: 'calendar.override.add', targetType: 'calendar_override' }, async ({ sql, at }) => {
    const existing = await listCalendarOverrides(sql);
    const source = `${input.legal.act} No. ${input.legal.number} of ${input.legal.date}, ${input.legal.clause}`;
    try {
      buildCalendar({ overrides: [...existing, { date: input.date, kind: input.kind, name_kk: input.name_kk, name_ru: input.name_ru, source }] });
    } catch (e) {
      if (e instanceof CalendarDataError) throw new AppError('VALIDATION', e.issues.map((m) => ({ path: 'date', message: m })));
      throw e;
    }
    const [row] = await sql.query<{ id: string }>(
      `insert into calendar_override (date, kind, name_kk, name_ru, legal_act, legal_number, legal_date, legal_clause, created_at, created_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id::text as id`,
      [input.date, input.kind, input.name_kk, input.name_ru, input.legal.act, input.legal.number, input.legal.date, input.legal.clause, at.toString(), ctx.actor?.id ?? null],
    );
    await bumpRulesGeneration(sql);
    return { result: { id: row!.id }, targetId: row!.id, after: input };
  });
}
