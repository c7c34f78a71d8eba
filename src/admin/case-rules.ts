/**
 * The case workflow's rules environment read from the database (issue 6 item 1): the district
 * configuration holding every scheduled version side by side (so a case is judged by the version in
 * force on its own relevant date, and a version scheduled for a later date governs the cases registered
 * from then on) and the calendar with the administrator's overrides. Rebuilt when the rules generation
 * moves; otherwise the same object is reused.
 */
import type { Database } from '../db/connect';
import type { CaseEnv } from '../cases/case-env';
import { getCalendar, getLatestRulesConfig } from './rules-store';

const CACHE = new WeakMap<Database, { generation: string; env: CaseEnv }>();

export async function loadCaseEnv(database: Database): Promise<CaseEnv> {
  const { generation, config } = await getLatestRulesConfig(database);
  const known = CACHE.get(database);
  if (known && known.generation === generation) return known.env;
  const env: CaseEnv = {
    config,
    cal: await getCalendar(database),
    officeHours: { timeZone: config.officeHours.timeZone, start: config.officeHours.opens, end: config.officeHours.closes },
    convention: config.countingConvention,
    numberPrefix: config.code.slice(0, 3).toUpperCase(),
  };
  CACHE.set(database, { generation, env });
  return env;
}
