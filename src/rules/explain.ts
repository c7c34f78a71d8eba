/**
 * The vocabulary every rule uses to explain itself: which clause of the Rules it applied, in kk/ru/en,
 * with the values used and where they come from. A decision's "frozen basis" is built from these.
 */
import type { Temporal } from 'temporal-polyfill';

export const LANGS = ['kk', 'ru', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** A text in the three interface languages. Kazakh is the default language of Komek. */
export type Text = Readonly<Record<Lang, string>>;

/** Where a value or a rule comes from: the act, its clause, and optionally a public address. */
export interface LegalSource {
  readonly act: string;
  readonly clause?: string;
  readonly url?: string;
  readonly note?: string;
}

/** One clause applied during an evaluation. `clause` uses Koksu numbering, e.g. `p.20.3`. */
export interface TraceStep {
  readonly clause: string;
  readonly text: Text;
  readonly values: Readonly<Record<string, string | number | boolean | null>>;
  readonly sources: readonly LegalSource[];
}

export type Trace = readonly TraceStep[];

/** A statutory deadline: the last civil date (Asia/Almaty) on which the act is still on time. */
export interface Deadline {
  readonly date: Temporal.PlainDate;
  readonly clause: string;
  readonly explanation: Text;
}
