/**
 * The working-day calendar and the district configuration the payment use cases judge dates and amounts
 * by: the district's Rules as the department administers them in the database (src/admin/rules-store.ts)
 * — the rules version in force on the relevant date, and the national calendar with the department's
 * overrides (a transferred day off, the announced date of Kurban Ait). Without any change in the database
 * these are the shipped values (the store seeds itself from src/rules/districts/koksu.json).
 *
 * Load once per command or run, before its transaction, and pass the result down: the computations in
 * the hot loops stay synchronous.
 */
import type { Temporal } from 'temporal-polyfill';
import type { Database } from '../db/connect';
import { getCalendar, getRulesConfig } from '../admin/rules-store';
import { buildCalendar, type Calendar } from '../rules/calendar';
import type { DistrictConfig } from '../rules/district/config';

/** The working-day calendar with the database's overrides, on which every payment deadline is counted (p.27–p.31). */
export function loadPaymentCalendar(database: Database): Promise<Calendar> {
  return getCalendar(database);
}

/**
 * The district configuration of the rules version in force on `date` (for a holiday run: the holiday) —
 * its holiday list (p.5) and the parameters its amounts are computed with. NO_RULES_IN_FORCE before the
 * first version's effective date.
 */
export function loadDistrictConfig(database: Database, date: Temporal.PlainDate): Promise<DistrictConfig> {
  return getRulesConfig(database, date);
}

let shipped: Calendar | undefined;

/**
 * The shipped national calendar WITHOUT the database's overrides. Kept only for commitBudgetAndSchedule
 * (src/payments/commit-decision.ts), which runs inside the decision's transaction and has no calendar
 * passed to it yet; every other payment use case uses loadPaymentCalendar.
 */
export function paymentCalendar(): Calendar {
  shipped ??= buildCalendar();
  return shipped;
}

/** The budget programme social assistance is paid from when none is named ([assumed] 451-007: social
 * assistance to individual categories of needy citizens by decisions of local representative bodies). */
export const DEFAULT_PROGRAMME = '451-007';
