/**
 * The closed list of errors the pure rules core raises. Callers (CLI, HTTP) map `code` to an exit code or
 * HTTP status and a kk/ru/en message; tests assert codes, not text.
 */
export const RULES_ERROR_CODES = [
  'NO_VALUE_IN_FORCE', // a dated parameter has no value at the date judged
  'NO_RULES_VERSION', // no version of the district's Rules is in force at the relevant date
  'UNKNOWN_CATEGORY', // the application names a category the district's Rules do not have (in that version)
  'INVALID_PARAMETERS', // a parameter series is malformed (e.g. overlapping entries)
  'INVALID_DISTRICT_CONFIG', // a district configuration file is malformed
  'INVALID_INPUT', // an application or household record is malformed
] as const;
export type RulesErrorCode = (typeof RULES_ERROR_CODES)[number];

export class RulesError extends Error {
  constructor(
    readonly code: RulesErrorCode,
    message: string,
    /** For configuration and input errors: where in the document the problem is, e.g. `categories[3].amountRule.n`. */
    readonly path?: string,
  ) {
    super(message);
    this.name = 'RulesError';
  }
}
