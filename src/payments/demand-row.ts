/** A payment demand as the API and screens show it, with every dated step and its clause. */
export interface Demand {
  readonly id: number;
  readonly kind: 'one-time' | 'periodic';
  readonly paymentMonth: string | null;
  readonly formedOn: string;
  readonly demandDueOn: string;
  readonly applicationDueOn: string;
  readonly applicationReceivedOn: string | null;
  readonly transferDueOn: string | null;
  readonly transferredOn: string | null;
  readonly ordersDueOn: string | null;
  readonly ordersIssuedOn: string | null;
  readonly payments: number;
  readonly amountTiyn: number;
  readonly status: 'formed' | 'applied' | 'transferred' | 'ordered' | 'closed';
  readonly deadlines: readonly { step: string; date: string; clause: string; explanation: { kk: string; ru: string; en: string } }[];
}

export interface DemandRow {
  id: string;
  kind: Demand['kind'];
  payment_month: string | null;
  formed_on: string;
  demand_due_on: string;
  application_due_on: string;
  application_received_on: string | null;
  transfer_due_on: string | null;
  transferred_on: string | null;
  orders_due_on: string | null;
  orders_issued_on: string | null;
  payments: number;
  amount_tiyn: string;
  status: Demand['status'];
  deadlines: Demand['deadlines'] | string;
}

export function demandOf(r: DemandRow): Demand {
  return {
    id: Number(r.id),
    kind: r.kind,
    paymentMonth: r.payment_month,
    formedOn: r.formed_on,
    demandDueOn: r.demand_due_on,
    applicationDueOn: r.application_due_on,
    applicationReceivedOn: r.application_received_on,
    transferDueOn: r.transfer_due_on,
    transferredOn: r.transferred_on,
    ordersDueOn: r.orders_due_on,
    ordersIssuedOn: r.orders_issued_on,
    payments: Number(r.payments),
    amountTiyn: Number(r.amount_tiyn),
    status: r.status,
    deadlines: typeof r.deadlines === 'string' ? JSON.parse(r.deadlines) : r.deadlines,
  };
}
