/**
 * The pure part of showing a rule's explanation (src/rules/explain.ts): how a trace value and a legal
 * source read on screen. Values whose key ends in `Tiyn` are money (integer tiyn, as the rules keep it).
 */
import type { LegalSource } from '../../rules/explain';
import { formatMoney } from '../format';

export function formatTraceValue(key: string, value: string | number | boolean | null, lang: string, words: { yes: string; no: string; none: string }): string {
  if (value === null) return words.none;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'number' && /Tiyn$/.test(key) && Number.isSafeInteger(value)) return formatMoney(value, lang);
  return String(value);
}

/** "act, clause" (+ note) as one line; the act's own words are kept as written. */
export function formatSource(source: LegalSource): string {
  return [source.act, source.clause, source.note].filter((s): s is string => !!s && s.trim() !== '').join(', ');
}
