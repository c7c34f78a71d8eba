import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { formatDate, formatDateTime, formatMoney, localizedName } from './format';

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
  it('reads database-style name_kk / name_ru too', () => {
    expect(localizedName({ name_kk: name.kk, name_ru: name.ru }, 'ru')).toBe(name.ru);
    expect(localizedName({ name_kk: name.kk, name_ru: name.ru }, 'kk')).toBe(name.kk);
  });
});

describe('formatMoney', () => {
  it('writes tiyn as tenge with space groups and a decimal comma in Kazakh and Russian', () => {
    expect(formatMoney(21376230, 'kk')).toBe('213\u00a0762,30\u00a0₸');
    expect(formatMoney(21376230, 'ru')).toBe('213\u00a0762,30\u00a0₸');
  });
  it('uses comma groups and a decimal point in English', () => {
    expect(formatMoney(123456789, 'en')).toBe('1,234,567.89\u00a0₸');
  });
  it('keeps small and negative amounts exact', () => {
    expect(formatMoney(5, 'en')).toBe('0.05\u00a0₸');
    expect(formatMoney(-100, 'kk')).toBe('−1,00\u00a0₸');
  });
  it('is exact beyond the range of floats', () => {
    expect(formatMoney(12345678901234567890n, 'en')).toBe('123,456,789,012,345,678.90\u00a0₸');
  });
});
