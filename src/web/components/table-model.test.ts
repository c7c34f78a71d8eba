import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nextSort, pageOf, sortRows } from './table-model';

describe('nextSort', () => {
  it('sorts a new column ascending, then descending, then not at all', () => {
    const a = nextSort(null, 'name');
    expect(a).toEqual({ column: 'name', direction: 'asc' });
    const b = nextSort(a, 'name');
    expect(b).toEqual({ column: 'name', direction: 'desc' });
    expect(nextSort(b, 'name')).toBeNull();
  });
  it('starts ascending again when another column is clicked', () => {
    expect(nextSort({ column: 'name', direction: 'desc' }, 'role')).toEqual({ column: 'role', direction: 'asc' });
  });
});

describe('sortRows', () => {
  it('sorts Kazakh names in Kazakh alphabetical order (Ә after А, Ө after О)', () => {
    const rows = ['Өмір', 'Әсем', 'Арман', 'Омар'];
    expect(sortRows(rows, (r) => r, 'asc', 'kk')).toEqual(['Арман', 'Әсем', 'Омар', 'Өмір']);
  });
  it('sorts numbers by value, not as text', () => {
    expect(sortRows([10, 9, 100], (r) => r, 'asc', 'en')).toEqual([9, 10, 100]);
    expect(sortRows([10, 9, 100], (r) => r, 'desc', 'en')).toEqual([100, 10, 9]);
  });
  it('keeps empty values last in both directions', () => {
    const rows = [{ v: null }, { v: 'b' }, { v: '' }, { v: 'a' }];
    expect(sortRows(rows, (r) => r.v, 'asc', 'en').map((r) => r.v)).toEqual(['a', 'b', null, '']);
    expect(sortRows(rows, (r) => r.v, 'desc', 'en').map((r) => r.v)).toEqual(['b', 'a', null, '']);
  });
  it('is stable and does not change the input', () => {
    const rows = [{ k: 1, id: 'x' }, { k: 0, id: 'y' }, { k: 1, id: 'z' }];
    const copy = [...rows];
    expect(sortRows(rows, (r) => r.k, 'asc', 'en').map((r) => r.id)).toEqual(['y', 'x', 'z']);
    expect(rows).toEqual(copy);
  });
});

describe('pageOf', () => {
  const rows = Array.from({ length: 23 }, (_, i) => i + 1);
  it('cuts the requested page and says which rows it shows', () => {
    expect(pageOf(rows, 2, 10)).toMatchObject({ rows: [11, 12, 13, 14, 15, 16, 17, 18, 19, 20], page: 2, pageCount: 3, from: 11, to: 20, total: 23 });
    expect(pageOf(rows, 3, 10)).toMatchObject({ rows: [21, 22, 23], from: 21, to: 23 });
  });
  it('clamps a page past the end (e.g. after rows were filtered away)', () => {
    expect(pageOf(rows, 9, 10).page).toBe(3);
    expect(pageOf([], 4, 10)).toMatchObject({ rows: [], page: 1, pageCount: 1, from: 0, to: 0, total: 0 });
  });
  it('shows every row exactly once across all pages', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 200 }), fc.integer({ min: 1, max: 30 }), (items, size) => {
        const first = pageOf(items, 1, size);
        const all = Array.from({ length: first.pageCount }, (_, i) => pageOf(items, i + 1, size).rows).flat();
        expect(all).toEqual(items);
      }),
    );
  });
});
