/**
 * p.31: the sums credited in excess that reached the State Corporation's account, each with the last
 * working day of its month by which it must be returned to the authorized body (fixed when recorded, on
 * the calendar with the department's overrides), whether it has come back, and whether it is late.
 */
import type { Temporal } from 'temporal-polyfill';
import type { Sql } from '../db/connect';

export interface OverCreditRow {
  readonly id: number;
  readonly paymentId: number | null;
  readonly recipientIin: string | null;
  readonly recipientName: string | null;
  readonly amountTiyn: number;
  readonly arrivedOn: string;
  readonly returnDueOn: string;
  readonly returnedOn: string | null;
  readonly note: string | null;
  readonly clause: 'p.31';
  /** open: not returned yet, its day not passed; overdue: not returned after its day; returned; returned-late. */
  readonly status: 'open' | 'overdue' | 'returned' | 'returned-late';
}

export const OVER_CREDIT_STATUSES = ['open', 'overdue', 'returned', 'returned-late'] as const;

/** Over-credited sums, open ones first by their p.31 day, then the returned, newest first; `today` judges lateness. */
export async function listOverCredits(database: { query: Sql['query'] }, input: { readonly today: Temporal.PlainDate; readonly status?: OverCreditRow['status'] | undefined }): Promise<OverCreditRow[]> {
  const rows = await database.query<{ id: string; payment_id: string | null; recipient_iin: string | null; recipient_name: string | null; amount_tiyn: string; arrived_on: string; return_due_on: string; returned_on: string | null; note: string | null }>(
    `select o.id, o.payment_id, p.recipient_iin, p.recipient_name, o.amount_tiyn, o.arrived_on::text as arrived_on, o.return_due_on::text as return_due_on,
            o.returned_on::text as returned_on, o.note
       from over_credit o left join payment p on p.id = o.payment_id
      order by (o.returned_on is null) desc, case when o.returned_on is null then o.return_due_on end asc, o.id desc
      limit 1000`,
  );
  const today = input.today.toString();
  const out = rows.map((r): OverCreditRow => {
    const status: OverCreditRow['status'] = r.returned_on === null ? (today > r.return_due_on ? 'overdue' : 'open') : r.returned_on > r.return_due_on ? 'returned-late' : 'returned';
    return {
      id: Number(r.id),
      paymentId: r.payment_id === null ? null : Number(r.payment_id),
      recipientIin: r.recipient_iin,
      recipientName: r.recipient_name,
      amountTiyn: Number(r.amount_tiyn),
      arrivedOn: r.arrived_on,
      returnDueOn: r.return_due_on,
      returnedOn: r.returned_on,
      note: r.note,
      clause: 'p.31',
      status,
    };
  });
  return input.status ? out.filter((r) => r.status === input.status) : out;
}
