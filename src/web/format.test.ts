import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { formatDate, formatDateTime, localizedName } from './format';

describe('formatDate', () => {
  it('writes a civil date day first with dots', () => {
    expect(formatDate('2026-03-08')).toBe('08.03.2026');
    expect(formatDate(Temporal.PlainDate.from({ year: 2026, month: 12, day: 16 }))).toBe('16.12.2026');
  });
});

describe('formatDateTime', () => {
  it('shows an instant in office time, which is UTC+5', () => {
    expect(formatDateTime('2026-11-25T08:05:00Z')).toBe('25.11.2026 13:05');
  });
  it('moves to the next day when office time has passed midnight', () => {
    expect(formatDateTime('2026-12-31T19:30:00Z')).toBe('01.01.2027 00:30');
  });
  it('accepts an offset instead of Z', () => {
    expect(formatDateTime('2026-11-25T10:00:00+03:00')).toBe('25.11.2026 12:00');
  });
  it('returns unreadable text as it is rather than throwing', () => {
    expect(formatDateTime('yesterday')).toBe('yesterday');
  });
});

describe('localizedName', () => {
  const name = { kk: 'Мұқыры ауылдық округі', ru: 'Мукринский сельский округ' };
  it('uses the Russian name in Russian and the official Kazakh name otherwise', () => {
    expect(localizedName(name, 'ru')).toBe(name.ru);
    expect(localizedName(name, 'kk')).toBe(name.kk);
    expect(localizedName(name, 'en')).toBe(name.kk);
  });
});
