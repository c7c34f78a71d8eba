/**
 * Termination of social assistance (p.22): five grounds, and from when payment stops — for grounds 1–3
 * (death, permanent move out of the district, placement in a state medical-social institution) from the
 * first day of the month after the circumstance arose; for grounds 4–5 (unreliable data, the ground has
 * ceased) from the day it arose. Ground 3 does not apply to assistance assigned on grounds 6.1/6.2.
 */
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import type { TraceStep } from './explain';
import { TERMINATION_GROUND_TEXT, say } from './explain-texts';
import { selectRulesVersion, type DistrictConfig } from './district/config';
import { GROUND_CODES, type GroundCode } from './district/schema';

export const TERMINATION_GROUNDS = [1, 2, 3, 4, 5] as const;
export type TerminationGround = (typeof TERMINATION_GROUNDS)[number];

export const TerminationInputSchema = z.object({
  /** Sub-point of p.22: 1 death, 2 moved out, 3 institution, 4 unreliable data, 5 ground ceased. */
  ground: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
  /** The day the circumstance arose. */
  circumstanceDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD'),
  /** The p.6 ground the assistance was assigned on (null if its category names none). */
  assistanceGround: z.enum(GROUND_CODES).nullable(),
});
export type TerminationInput = z.infer<typeof TerminationInputSchema>;

export interface TerminationResult {
  /** False only for ground 3 on assistance assigned on grounds 6.1/6.2 (p.22, second-to-last paragraph). */
  readonly terminates: boolean;
  /** First day with no payment, or null when the assistance is not terminated. */
  readonly stopFrom: Temporal.PlainDate | null;
  readonly clause: string;
  readonly trace: readonly TraceStep[];
}

/** Decides whether a circumstance terminates the assistance and from which day payment stops (p.22). */
export function terminateAssistance(input: { ground: TerminationGround; circumstanceDate: Temporal.PlainDate; assistanceGround: GroundCode | null }, config: DistrictConfig): TerminationResult {
  const clause = `p.22.${input.ground}`;
  // Judged by the Rules in force on the day the circumstance arose.
  const source = { act: selectRulesVersion(config, input.circumstanceDate).act, clause };
  if (input.ground === 3 && input.assistanceGround !== null) {
    const g = config.grounds.find((x) => x.code === input.assistanceGround);
    if (g && !g.placementTerminates) {
      return {
        terminates: false,
        stopFrom: null,
        clause,
        trace: [{ clause, text: say('terminationNotApplied', { assistanceGround: g.code }), values: { terminationGround: 3, assistanceGround: g.code, terminates: false }, sources: [{ ...source, note: 'p.22: sub-point 3) does not apply to assistance on grounds 6.1 and 6.2' }] }],
      };
    }
  }
  const d = input.circumstanceDate;
  const stopFrom = input.ground <= 3 ? d.with({ day: 1 }).add({ months: 1 }) : d;
  return {
    terminates: true,
    stopFrom,
    clause,
    trace: [
      {
        clause,
        text: say('terminationApplies', { ground: TERMINATION_GROUND_TEXT[input.ground], event: d.toString(), stop: stopFrom.toString() }),
        values: { terminationGround: input.ground, circumstanceDate: d.toString(), stopFrom: stopFrom.toString(), rule: input.ground <= 3 ? 'from the next month' : 'from the day' },
        sources: [source],
      },
    ],
  };
}
