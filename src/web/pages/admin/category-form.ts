/**
 * The category and holiday forms of a draft rules version, as pure functions (issue 6 item 1): a category
 * of p.7 (code, names kk/ru/en, ground of p.6, periodicity, amount rule and its parameters, income test,
 * required documents, application time limit, times a year, limit amount, legal reference, example mark)
 * and a holiday or memorable date of p.5 (day of the year, names kk/ru, categories entitled, amount) are
 * edited as text fields, checked here with messages from the `admin` catalog, and turned back into the
 * district-file format the server validates again (src/rules/district/schema.ts). Money is entered in
 * tenge with at most two decimals and stored in tiyn; multiples and percents have at most three decimals.
 */
import type { CategoryData, HolidayData } from './admin-api';

export const AMOUNT_KINDS = ['mci', 'subsistence-minimum', 'percent-of', 'fixed', 'actual-cost-capped'] as const;
export const CAP_KINDS = ['mci', 'subsistence-minimum', 'percent-of', 'fixed'] as const;
export const GROUNDS = ['6.1', '6.2', '6.3', '6.4', '6.5', '6.6', '6.7'] as const;
export const PERIODICITIES = ['one-time', 'monthly', 'quarterly', 'yearly'] as const;

export type AmountKind = (typeof AMOUNT_KINDS)[number];
export type CapKind = (typeof CAP_KINDS)[number];

/** An amount rule as form text: the kind and each parameter a kind may use. */
export interface AmountForm {
  kind: AmountKind;
  n: string;
  parameter: string;
  percent: string;
  tenge: string;
}
export interface DocumentForm {
  code: string;
  name_kk: string;
  name_ru: string;
}
export interface CategoryForm {
  code: string;
  name_kk: string;
  name_ru: string;
  name_en: string;
  /** '' = the category's text names no ground (p.7.11). */
  ground: string;
  periodicity: string;
  amount: AmountForm;
  /** The cap of an "actual cost up to a cap" rule. */
  cap: AmountForm;
  incomeRequired: boolean;
  /** '' = the district's threshold multiple. */
  thresholdMultiple: string;
  documents: DocumentForm[];
  timeLimitDays: string;
  maxTimesPerYear: string;
  limitParameter: string;
  legalAct: string;
  legalClause: string;
  example: boolean;
  note: string;
}
export interface HolidayForm {
  month: string;
  day: string;
  name_kk: string;
  name_ru: string;
  categories: string[];
  amount: AmountForm;
  example: boolean;
  note: string;
}

/** Field path → message key of the `admin` catalog (`admin:check.<key>`). */
export type FormProblems = Record<string, string>;

type Rule = Record<string, unknown> & { kind: string };

const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** Integer tiyn → tenge text with two decimals, exact (12345 → "123.45"). */
export function tengeOf(tiyn: number): string {
  const sign = tiyn < 0 ? '-' : '';
  const a = Math.abs(Math.trunc(tiyn));
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/** Tenge text ("1 234,5" or "1234.50") → integer tiyn, or null when it is not an amount with at most two decimals. */
export function tiynOf(tenge: string): number | null {
  const s = tenge.replace(/[\s\u00a0]/g, '').replace(',', '.');
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** A positive number with at most three decimals (a multiple or a percent), or null. */
export function decimalOf(v: string): number | null {
  const s = v.trim().replace(',', '.');
  if (!/^\d{1,9}(\.\d{1,3})?$/.test(s)) return null;
  const n = Number(s);
  return n > 0 ? n : null;
}

function positiveIntOf(v: string): number | null {
  const s = v.trim();
  if (!/^\d{1,6}$/.test(s)) return null;
  const n = Number(s);
  return n > 0 ? n : null;
}

export function amountFormOf(rule: Rule | undefined): AmountForm {
  const kind = (AMOUNT_KINDS as readonly string[]).includes(rule?.kind ?? '') ? (rule!.kind as AmountKind) : 'mci';
  return {
    kind,
    n: text(rule?.n),
    parameter: text(rule?.parameter),
    percent: text(rule?.percent),
    tenge: typeof rule?.tiyn === 'number' ? tengeOf(rule.tiyn) : '',
  };
}

export function categoryFormOf(c: CategoryData): CategoryForm {
  const rule = c.amountRule;
  return {
    code: c.code,
    name_kk: c.name_kk,
    name_ru: c.name_ru,
    name_en: c.name_en,
    ground: c.ground ?? '',
    periodicity: c.periodicity,
    amount: amountFormOf(rule),
    cap: amountFormOf(rule.kind === 'actual-cost-capped' ? (rule.capRule as Rule) : { kind: 'mci' }),
    incomeRequired: c.incomeTest.required,
    thresholdMultiple: text(c.incomeTest.thresholdMultiple),
    documents: c.requiredDocuments.map((d) => ({ ...d })),
    timeLimitDays: text(c.applicationTimeLimitDays),
    maxTimesPerYear: text(c.maxTimesPerYear),
    limitParameter: c.limitParameter ?? '',
    legalAct: c.legalReference.act,
    legalClause: c.legalReference.clause ?? '',
    example: c.example,
    note: c.note ?? '',
  };
}

export function emptyCategoryForm(): CategoryForm {
  return {
    code: '7.',
    name_kk: '',
    name_ru: '',
    name_en: '',
    ground: '6.4',
    periodicity: 'one-time',
    amount: amountFormOf({ kind: 'mci' }),
    cap: amountFormOf({ kind: 'mci' }),
    incomeRequired: true,
    thresholdMultiple: '',
    documents: [],
    timeLimitDays: '',
    maxTimesPerYear: '',
    limitParameter: '',
    legalAct: '',
    legalClause: '',
    example: false,
    note: '',
  };
}

function checkAmount(a: AmountForm, at: string, problems: FormProblems): void {
  if (a.kind === 'mci' || a.kind === 'subsistence-minimum') {
    if (decimalOf(a.n) === null) problems[`${at}.n`] = 'decimal';
  } else if (a.kind === 'percent-of') {
    if (!a.parameter.trim()) problems[`${at}.parameter`] = 'required';
    const p = decimalOf(a.percent);
    if (p === null) problems[`${at}.percent`] = 'decimal';
    else if (p > 100) problems[`${at}.percent`] = 'percentMax';
  } else if (a.kind === 'fixed') {
    const t = tiynOf(a.tenge);
    if (t === null || t <= 0) problems[`${at}.tenge`] = 'money';
  }
}

function amountOf(a: AmountForm): Rule {
  switch (a.kind) {
    case 'mci':
    case 'subsistence-minimum':
      return { kind: a.kind, n: decimalOf(a.n)! };
    case 'percent-of':
      return { kind: a.kind, parameter: a.parameter.trim(), percent: decimalOf(a.percent)! };
    case 'fixed':
      return { kind: a.kind, tiyn: tiynOf(a.tenge)! };
    case 'actual-cost-capped':
      return { kind: a.kind };
  }
}

/**
 * Checks a category form; `taken` are the codes of the version's other categories (a code names one
 * sub-point of p.7 in a version).
 */
export function checkCategoryForm(f: CategoryForm, taken: readonly string[]): FormProblems {
  const problems: FormProblems = {};
  if (!/^7\.\d{1,2}$/.test(f.code.trim())) problems.code = 'categoryCode';
  else if (taken.includes(f.code.trim())) problems.code = 'codeTaken';
  for (const k of ['name_kk', 'name_ru', 'name_en'] as const) if (!f[k].trim()) problems[k] = 'required';
  if (f.ground && !(GROUNDS as readonly string[]).includes(f.ground)) problems.ground = 'required';
  if (!(PERIODICITIES as readonly string[]).includes(f.periodicity)) problems.periodicity = 'required';
  checkAmount(f.amount, 'amountRule', problems);
  if (f.amount.kind === 'actual-cost-capped') {
    if (f.cap.kind === 'actual-cost-capped') problems['amountRule.capRule.kind'] = 'required';
    else checkAmount(f.cap, 'amountRule.capRule', problems);
  }
  if (f.incomeRequired && f.thresholdMultiple.trim() && decimalOf(f.thresholdMultiple) === null) problems['incomeTest.thresholdMultiple'] = 'decimal';
  const codes = new Set<string>();
  f.documents.forEach((d, i) => {
    if (!d.code.trim()) problems[`requiredDocuments.${i}.code`] = 'required';
    else if (codes.has(d.code.trim())) problems[`requiredDocuments.${i}.code`] = 'documentTwice';
    codes.add(d.code.trim());
    if (!d.name_kk.trim()) problems[`requiredDocuments.${i}.name_kk`] = 'required';
    if (!d.name_ru.trim()) problems[`requiredDocuments.${i}.name_ru`] = 'required';
  });
  if (f.timeLimitDays.trim() && positiveIntOf(f.timeLimitDays) === null) problems.applicationTimeLimitDays = 'positiveInt';
  if (f.maxTimesPerYear.trim() && positiveIntOf(f.maxTimesPerYear) === null) problems.maxTimesPerYear = 'positiveInt';
  if (f.legalClause.trim() && !f.legalAct.trim()) problems['legalReference.act'] = 'required';
  return problems;
}

/**
 * The category in the district-file format (without `versions`: the draft's own version is the server's
 * to set). Without an act of its own the category takes the legal reference of the edit.
 */
export function categoryOfForm(f: CategoryForm): Omit<CategoryData, 'versions'> {
  const amountRule = f.amount.kind === 'actual-cost-capped' ? { kind: 'actual-cost-capped', capRule: amountOf(f.cap) } : amountOf(f.amount);
  const multiple = f.incomeRequired && f.thresholdMultiple.trim() ? decimalOf(f.thresholdMultiple) : null;
  const out: Omit<CategoryData, 'versions'> = {
    code: f.code.trim(),
    name_kk: f.name_kk.trim(),
    name_ru: f.name_ru.trim(),
    name_en: f.name_en.trim(),
    ground: f.ground || null,
    periodicity: f.periodicity,
    amountRule,
    incomeTest: multiple !== null ? { required: f.incomeRequired, thresholdMultiple: multiple } : { required: f.incomeRequired },
    requiredDocuments: f.documents.map((d) => ({ code: d.code.trim(), name_kk: d.name_kk.trim(), name_ru: d.name_ru.trim() })),
    legalReference: { act: f.legalAct.trim(), ...(f.legalClause.trim() ? { clause: f.legalClause.trim() } : {}) },
    example: f.example,
  };
  if (f.timeLimitDays.trim()) out.applicationTimeLimitDays = positiveIntOf(f.timeLimitDays)!;
  if (f.maxTimesPerYear.trim()) out.maxTimesPerYear = positiveIntOf(f.maxTimesPerYear)!;
  if (f.limitParameter.trim()) out.limitParameter = f.limitParameter.trim();
  if (f.note.trim()) out.note = f.note.trim();
  return out;
}

/** The edit sent to the server: the category, with its own legal reference only when an act is given. */
export function categoryEditOf(f: CategoryForm): { kind: 'set-category'; category: Record<string, unknown> } {
  const { legalReference, ...rest } = categoryOfForm(f);
  return { kind: 'set-category', category: legalReference.act ? { ...rest, legalReference } : rest };
}

export function holidayFormOf(h: HolidayData): HolidayForm {
  return {
    month: h.date.slice(0, 2),
    day: String(Number(h.date.slice(3))),
    name_kk: h.name_kk,
    name_ru: h.name_ru,
    categories: [...h.categories],
    amount: amountFormOf(h.amountRule),
    example: h.example,
    note: h.note ?? '',
  };
}

export function emptyHolidayForm(): HolidayForm {
  return { month: '', day: '', name_kk: '', name_ru: '', categories: [], amount: amountFormOf({ kind: 'mci' }), example: false, note: '' };
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function checkHolidayForm(f: HolidayForm): FormProblems {
  const problems: FormProblems = {};
  const month = Number(f.month);
  const day = /^\d{1,2}$/.test(f.day.trim()) ? Number(f.day.trim()) : NaN;
  if (!(month >= 1 && month <= 12)) problems.month = 'required';
  else if (!(day >= 1 && day <= DAYS_IN_MONTH[month - 1]!)) problems.day = 'dayOfMonth';
  for (const k of ['name_kk', 'name_ru'] as const) if (!f[k].trim()) problems[k] = 'required';
  if (f.categories.filter((c) => c.trim()).length === 0) problems.categories = 'oneCategory';
  if (f.amount.kind === 'actual-cost-capped') problems['amountRule.kind'] = 'required';
  else checkAmount(f.amount, 'amountRule', problems);
  return problems;
}

export function holidayOfForm(f: HolidayForm): HolidayData {
  const out: HolidayData = {
    date: `${f.month.padStart(2, '0')}-${f.day.trim().padStart(2, '0')}`,
    name_kk: f.name_kk.trim(),
    name_ru: f.name_ru.trim(),
    categories: f.categories.map((c) => c.trim()).filter(Boolean),
    amountRule: amountOf(f.amount),
    example: f.example,
  };
  if (f.note.trim()) out.note = f.note.trim();
  return out;
}
