import { describe, expect, it } from 'vitest';
import { komek } from '../../../test/komek-cli';

describe('komek calendar', () => {
  it('days-off --json lists every non-working day with kind, names and source', async () => {
    const r = await komek('calendar', 'days-off', '--from', '2024-05-01', '--to', '2024-05-12', '--json');
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as { date: string; kind: string; name_kk: string; name_ru: string; source: string }[];
    expect(list.map((o) => `${o.date} ${o.kind}`)).toEqual([
      '2024-05-01 holiday',
      '2024-05-05 weekend',
      '2024-05-07 holiday',
      '2024-05-08 transferred',
      '2024-05-09 holiday',
      '2024-05-11 weekend',
      '2024-05-12 weekend',
    ]);
    expect(Object.keys(list[0] ?? {}).sort()).toEqual(['date', 'kind', 'name_kk', 'name_ru', 'source']);
  });

  it('working-days prints the count and add-working-days prints the date', async () => {
    const [count, added] = await Promise.all([
      komek('calendar', 'working-days', '--from', '2025-12-31', '--to', '2026-01-31'),
      komek('calendar', 'add-working-days', '--from', '2025-03-04', '--days', '8'),
    ]);
    expect([count.code, count.stdout.trim()]).toEqual([0, '19']);
    expect([added.code, added.stdout.trim()]).toEqual([0, '2025-03-17']);
  });

  it('exits 2 with a clear message on a bad date or a date outside the supported years', async () => {
    const [bad, outside] = await Promise.all([
      komek('calendar', 'add-working-days', '--from', '2025-02-30', '--days', '1'),
      komek('calendar', 'days-off', '--from', '2028-01-01', '--to', '2028-01-10'),
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"2025-02-30" is not a valid date');
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('outside the supported calendar');
  });
});
