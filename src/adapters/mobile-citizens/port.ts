/**
 * The mobile-citizens database (мобильді азаматтар базасы): a decision is sent by SMS automatically only
 * when the applicant's mobile number is registered there; otherwise the notice is printed and handed over
 * (p.19).
 */

/** The mobile-citizens database (p.19). */
export interface MobileCitizens {
  /** True when `phone` is registered; numbers in any common Kazakh notation are accepted. */
  isRegistered(phone: string): Promise<boolean>;
}

/**
 * A Kazakh mobile number in E.164 (`+77XXXXXXXXX`), from `+7 701 123 45 67`, `8 (701) 123-45-67`,
 * `77011234567` or `7011234567`; null when it is not a Kazakh mobile number (operator codes 700–708,
 * 747, 750–751, 760–764, 771, 775–778; landline codes such as Almaty's 727 are not mobile).
 */
export function normalizeMobile(phone: string): string | null {
  const digits = phone.replace(/[\s()\-.]/g, '');
  const m = /^(?:\+7|8|7)?(7(?:0[0-8]|47|5[01]|6[0-4]|7[15-8])\d{7})$/.exec(digits);
  return m ? `+7${m[1]}` : null;
}
