/**
 * p.21: the accountant or the head enters (or changes) the allocation of a financial year and budget
 * programme. Audited. An allocation can never be set below what is already committed.
 */
import { runCommand, type Ctx } from '../context';
import { AppError } from '../errors';
import { DEFAULT_PROGRAMME } from './calendar';

export interface SetAllocationInput {
  readonly year: number;
  readonly programme?: string;
  readonly allocatedTiyn: number;
  readonly note?: string | null;
}

export interface Allocation {
  readonly year: number;
  readonly programme: string;
  readonly allocatedTiyn: number;
  readonly committedTiyn: number;
  readonly paidTiyn: number;
  readonly feesTiyn: number;
  readonly availableTiyn: number;
  readonly note: string | null;
  readonly updatedAt: string;
}

export interface AllocationRow {
  year: number;
  programme: string;
  allocated_tiyn: string;
  committed_tiyn: string;
  paid_tiyn: string;
  fees_tiyn: string;
  note: string | null;
  updated_at: string | Date;
}

export function allocationOf(r: AllocationRow): Allocation {
  return {
    year: Number(r.year),
    programme: r.programme,
    allocatedTiyn: Number(r.allocated_tiyn),
    committedTiyn: Number(r.committed_tiyn),
    paidTiyn: Number(r.paid_tiyn),
    feesTiyn: Number(r.fees_tiyn),
    availableTiyn: Number(BigInt(r.allocated_tiyn) - BigInt(r.committed_tiyn)),
    note: r.note,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

export async function setAllocation(ctx: Ctx, input: SetAllocationInput): Promise<Allocation> {
  const programme = input.programme ?? DEFAULT_PROGRAMME;
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) throw new AppError('VALIDATION', [{ path: 'year', message: 'жыл 2000..2100 | год 2000..2100 | year 2000..2100' }]);
  if (!Number.isSafeInteger(input.allocatedTiyn) || input.allocatedTiyn < 0) throw new AppError('VALIDATION', [{ path: 'allocatedTiyn', message: 'сома теріс емес бүтін тиын | сумма — целое неотрицательное число тиын | a whole non-negative number of tiyn' }]);
  if (!/^[0-9A-Za-z.-]{1,32}$/.test(programme)) throw new AppError('VALIDATION', [{ path: 'programme', message: 'бағдарлама коды жарамсыз | неверный код программы | invalid programme code' }]);
  return runCommand(ctx, { action: 'budget.allocation.set', targetType: 'budget_allocation' }, async ({ sql, at }) => {
        const [before] = await sql.query<AllocationRow>('select * from budget_allocation where year = $1 and programme = $2 for update', [input.year, programme]);
        if (before && BigInt(before.committed_tiyn) > BigInt(input.allocatedTiyn)) {
          throw new AppError('BUDGET_EXCEEDED', [{ path: 'allocatedTiyn', message: `міндеттемелер ${before.committed_tiyn} тиын — жоспар одан аз болмайды | обязательства ${before.committed_tiyn} тиын — план не может быть меньше | ${before.committed_tiyn} tiyn already committed — the allocation cannot be lower` }]);
        }
        const [row] = await sql.query<AllocationRow>(
          `insert into budget_allocation (year, programme, allocated_tiyn, note, updated_at) values ($1, $2, $3::bigint, $4, $5)
           on conflict (year, programme) do update set allocated_tiyn = excluded.allocated_tiyn, note = excluded.note, updated_at = excluded.updated_at, version = budget_allocation.version + 1
           returning *`,
          [input.year, programme, String(input.allocatedTiyn), input.note ?? null, at.toString()],
        );
        const delta = BigInt(input.allocatedTiyn) - BigInt(before?.allocated_tiyn ?? 0);
        await sql.query('insert into budget_entry (year, programme, kind, amount_tiyn, ref, at) values ($1, $2, $3, $4, $5, $6)', [input.year, programme, 'allocation', String(delta), `allocation:${input.year}:${programme}`, at.toString()]);
        const after = allocationOf(row!);
        return { result: after, targetId: `${input.year}:${programme}`, before: before ? { allocatedTiyn: Number(before.allocated_tiyn) } : null, after: { allocatedTiyn: after.allocatedTiyn, note: after.note } };
      });
}
