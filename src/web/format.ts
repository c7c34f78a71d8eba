/**
 * Display formats used across the web app. Times are shown in Kazakhstan's civil time (Asia/Almaty,
 * UTC+5 since 1 March 2024) as `DD.MM.YYYY HH:mm`, the form offices in Kazakhstan write in every
 * language; civil dates as `DD.MM.YYYY`.
 */
import { Temporal } from 'temporal-polyfill';

export const OFFICE_TIME_ZONE = 'Asia/Almaty';

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-11-25` → `25.11.2026`. */
export function formatDate(date: Temporal.PlainDate | string): string {
  const d = typeof date === 'string' ? Temporal.PlainDate.from(date) : date;
  return `${pad(d.day)}.${pad(d.month)}.${d.year}`;
}

/** An ISO instant (`2026-11-25T08:05:00Z`) → `25.11.2026 13:05` in office time; the raw text if unreadable. */
export function formatDateTime(instant: string, timeZone: string = OFFICE_TIME_ZONE): string {
  let z: Temporal.ZonedDateTime;
  try {
    z = Temporal.Instant.from(instant).toZonedDateTimeISO(timeZone);
  } catch {
    return instant;
  }
  return `${formatDate(z.toPlainDate())} ${pad(z.hour)}:${pad(z.minute)}`;
}

/** A name kept in Kazakh and Russian, as `{ kk, ru }` or as database-style `{ name_kk, name_ru }`. */
export type BilingualName = { readonly kk: string; readonly ru: string } | { readonly name_kk: string; readonly name_ru: string };

/**
 * A name the server keeps in Kazakh and Russian, in the UI language: Russian for ru, the official
 * (Kazakh) name otherwise, since there is no English form.
 */
export function localizedName(name: BilingualName, lang: string): string {
  const [kk, ru] = 'kk' in name ? [name.kk, name.ru] : [name.name_kk, name.name_ru];
  return lang === 'ru' ? ru : kk;
}

/**
 * An integer amount of tiyn as tenge for display, exactly (no floats): `21376230` →
 * `213 762,30 ₸` in kk and ru (space groups, decimal comma), `213,762.30 ₸` in en.
 */
export function formatMoney(tiyn: number | bigint, lang: string): string {
  const value = BigInt(tiyn);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const whole = (abs / 100n).toString();
  const cents = (abs % 100n).toString().padStart(2, '0');
  const en = lang === 'en';
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, en ? ',' : '\u00a0');
  return `${negative ? '−' : ''}${grouped}${en ? '.' : ','}${cents}\u00a0₸`;
}
