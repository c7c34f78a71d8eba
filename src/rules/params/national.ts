/**
 * The national dated parameters every district uses (MCI, the budget-law subsistence minimum, the
 * minimum wage, the p.7.11 sanatorium guaranteed sum), loaded from national.json and checked for
 * overlapping entries at load time.
 */
import raw from './national.json';
import { RulesError } from '../rules-error';
import { loadParameterSeries, type ParameterSeries } from './series';

/** National parameter ids used by the rules. */
export const NATIONAL = {
  mci: 'mci',
  subsistenceMinimum: 'subsistence-minimum.national',
  minimumWage: 'minimum-wage',
  sanatoriumGuaranteedSum: 'sanatorium-guaranteed-sum',
} as const;

/** Loads the national series from data (throws RulesError('INVALID_PARAMETERS') if the file is malformed). */
export function loadNationalParameters(data: unknown = raw): ReadonlyMap<string, ParameterSeries> {
  const list = (data as { series?: unknown }).series;
  if (!Array.isArray(list)) throw new RulesError('INVALID_PARAMETERS', 'national.json: expected a "series" list', 'series');
  const out = new Map<string, ParameterSeries>();
  list.forEach((s, i) => {
    const series = loadParameterSeries(s, `national.json series[${i}]`);
    out.set(series.id, series);
  });
  return out;
}

export const NATIONAL_PARAMETERS: ReadonlyMap<string, ParameterSeries> = loadNationalParameters();
