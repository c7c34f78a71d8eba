/**
 * The statuses of an application (glossary.md "Case statuses", refined in case-status.ts). This file
 * imports nothing, so the web app shares the same list instead of copying it.
 */
export const CASE_STATUSES = [
  'REGISTERED',
  'AT_PRECINCT_COMMISSION',
  'SURVEYED',
  'DATA_REQUESTED',
  'AT_SPECIAL_COMMISSION',
  'CONCLUDED',
  'HEARING',
  'GRANTED',
  'REFUSED',
  'PAYMENT_REQUESTED',
  'PAID',
  'RETURNED',
  'TERMINATED',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
