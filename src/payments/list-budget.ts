/** p.21: the allocations with what is committed, paid and free, per financial year and programme. */
import type { Database } from '../db/connect';
import { allocationOf, type Allocation, type AllocationRow } from './set-allocation';

export async function listBudget(database: Database, opts: { year?: number } = {}): Promise<Allocation[]> {
  const rows = await database.query<AllocationRow>(
    `select * from budget_allocation where ($1::int is null or year = $1) order by year desc, programme`,
    [opts.year ?? null],
  );
  return rows.map(allocationOf);
}
