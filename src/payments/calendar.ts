/**
 * The working-day calendar and the district configuration the payment use cases judge dates and amounts
 * by, built once per process from the shipped data (src/rules). Kept here so that every payment date goes
 * through the same calendar.
 */
import { buildCalendar, type Calendar } from '../rules/calendar';
import { parseDistrictConfig, type DistrictConfig } from '../rules/district/config';
import koksu from '../rules/districts/koksu.json';

let calendar: Calendar | undefined;
let district: DistrictConfig | undefined;

/** The national working-day calendar (p.5 of the Law on holidays as data, with transfers). */
export function paymentCalendar(): Calendar {
  calendar ??= buildCalendar();
  return calendar;
}

/** The district configuration (Koksu): holiday list (p.5) and categories (p.7). */
export function districtConfig(): DistrictConfig {
  district ??= parseDistrictConfig(koksu, 'koksu.json');
  return district;
}

/** The budget programme social assistance is paid from when none is named ([assumed] 451-007: social
 * assistance to individual categories of needy citizens by decisions of local representative bodies). */
export const DEFAULT_PROGRAMME = '451-007';
