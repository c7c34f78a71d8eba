/**
 * The shape of a printable form (Model Rules appendices 1–6, as used by the Koksu Rules): a template is
 * data — title, appendix number, the clauses it is drawn up under, sections of labelled fields and the
 * signature lines — and a document is a template plus values. Field lists are reconstructions of the
 * appendices [assumed, spec "Appendix forms"]; change them here, not in the renderer.
 */
export type DocLang = 'kk' | 'ru';

/** A text in the two languages documents are issued in. */
export interface L {
  readonly kk: string;
  readonly ru: string;
}

/** The Model Rules' appendices, and 'hearing': the preliminary refusal and hearing notice (p.18, APC art. 73). */
export const FORM_CODES = ['1', '1-3', '2', '3', '4', '5', '6', 'hearing'] as const;
export type FormCode = (typeof FORM_CODES)[number];

export interface TableColumn {
  readonly key: string;
  readonly label: L;
  /** Relative width. */
  readonly width: number;
}

export type FieldSpec =
  /** A labelled value on one line (wrapped when long). */
  | { readonly kind: 'text'; readonly key: string; readonly label: L }
  /** A block of running text under an optional label. */
  | { readonly kind: 'paragraph'; readonly key: string; readonly label?: L }
  /** Rows under column headings. */
  | { readonly kind: 'table'; readonly key: string; readonly label?: L; readonly columns: readonly TableColumn[] }
  /** Numbered items. */
  | { readonly kind: 'list'; readonly key: string; readonly label?: L }
  /** Fixed wording of the form (consent, liability warning). */
  | { readonly kind: 'note'; readonly text: L };

export interface SectionSpec {
  readonly heading?: L;
  readonly fields: readonly FieldSpec[];
}

export interface FormTemplate {
  readonly form: FormCode;
  /** "Appendix N" of the Model Rules (Government Decree No. 523 of 30 June 2023); null for a document with no appendix. */
  readonly appendix: string | null;
  /** Shown at the top right instead of the appendix reference when there is none (the provisions it is issued under). */
  readonly reference?: L;
  readonly title: L;
  /** Addressee shown at the top right, if any; `{body}` stands for the issuing body. */
  readonly addressee?: L;
  /** Clauses of the Koksu Rules the document is drawn up under (more may come with the data). */
  readonly clauses: readonly string[];
  readonly sections: readonly SectionSpec[];
  readonly signatures: readonly { readonly key: string; readonly label: L }[];
}

/** A value: plain (names, numbers, dates already formatted), or localized. */
export type Scalar = string | L | null;
export type Row = Readonly<Record<string, Scalar>>;
export type Value = Scalar | readonly Scalar[] | readonly Row[];

/** The issuing body, its seat, and the title of the rules version the document is drawn up under. */
export interface Issuer {
  readonly body: L;
  readonly place: L;
  readonly rules: L;
}

export interface DocumentData {
  readonly issuer: Issuer;
  readonly number: string | null;
  /** ISO civil date of the document. */
  readonly date: string;
  readonly values: Readonly<Record<string, Value>>;
  /** Names under the signature lines, by signature key (null: a blank line to sign by hand). */
  readonly signatures: Readonly<Record<string, string | null>>;
  /** Clauses applied in this case (e.g. the p.20 sub-point of a refusal), cited after the template's. */
  readonly clauses?: readonly string[];
  /** True when built from the synthetic registry or demo data: every page is marked. */
  readonly synthetic: boolean;
}

export function pick(v: Scalar, lang: DocLang): string {
  if (v === null) return '';
  return typeof v === 'string' ? v : v[lang];
}
