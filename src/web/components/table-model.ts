/**
 * The data table's pure part: sorting by a column and cutting a page, so it can be tested without a
 * browser. Strings sort with the UI language's collation (Kazakh letters in Kazakh order), numbers and
 * ISO dates naturally; empty values always last.
 */
export type SortDirection = 'asc' | 'desc';
export type SortValue = string | number | boolean | null | undefined;

export interface SortState {
  readonly column: string;
  readonly direction: SortDirection;
}

/** The next sort state when the header of `column` is clicked: asc → desc → off. */
export function nextSort(current: SortState | null, column: string): SortState | null {
  if (!current || current.column !== column) return { column, direction: 'asc' };
  return current.direction === 'asc' ? { column, direction: 'desc' } : null;
}

/** A stable copy of `rows` sorted by `value`; empty values (null, undefined, '') go last either way. */
export function sortRows<T>(rows: readonly T[], value: (row: T) => SortValue, direction: SortDirection, locale: string): T[] {
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  const sign = direction === 'asc' ? 1 : -1;
  const empty = (v: SortValue) => v === null || v === undefined || v === '';
  return rows
    .map((row, index) => ({ row, index, v: value(row) }))
    .sort((a, b) => {
      if (empty(a.v) || empty(b.v)) return empty(a.v) === empty(b.v) ? a.index - b.index : empty(a.v) ? 1 : -1;
      let c: number;
      if (typeof a.v === 'number' && typeof b.v === 'number') c = a.v - b.v;
      else if (typeof a.v === 'boolean' && typeof b.v === 'boolean') c = Number(a.v) - Number(b.v);
      else c = collator.compare(String(a.v), String(b.v));
      return c !== 0 ? sign * c : a.index - b.index;
    })
    .map((x) => x.row);
}

export interface Page<T> {
  readonly rows: T[];
  /** 1-based, clamped to the pages that exist. */
  readonly page: number;
  readonly pageCount: number;
  /** 1-based position of the first and last row shown; 0 and 0 when there are none. */
  readonly from: number;
  readonly to: number;
  readonly total: number;
}

/** Page `page` (1-based) of `rows`, `size` rows a page; an out-of-range page is clamped. */
export function pageOf<T>(rows: readonly T[], page: number, size: number): Page<T> {
  const total = rows.length;
  const pageCount = Math.max(1, Math.ceil(total / size));
  const p = Math.min(Math.max(1, Math.floor(page)), pageCount);
  const start = (p - 1) * size;
  const slice = rows.slice(start, start + size);
  return { rows: slice, page: p, pageCount, from: slice.length ? start + 1 : 0, to: start + slice.length, total };
}
