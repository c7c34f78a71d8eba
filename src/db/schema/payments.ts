/** Drizzle definitions of the payment tables (migration 0030_payments.sql). Raw SQL in src/payments uses the same names. */
import { pgTable, text, uuid, timestamp, integer, bigint, bigserial, date, jsonb, primaryKey } from 'drizzle-orm/pg-core';

export const budgetAllocation = pgTable(
  'budget_allocation',
  {
    year: integer('year').notNull(),
    programme: text('programme').notNull(),
    allocatedTiyn: bigint('allocated_tiyn', { mode: 'bigint' }).notNull(),
    committedTiyn: bigint('committed_tiyn', { mode: 'bigint' }).notNull(),
    paidTiyn: bigint('paid_tiyn', { mode: 'bigint' }).notNull(),
    feesTiyn: bigint('fees_tiyn', { mode: 'bigint' }).notNull(),
    note: text('note'),
    version: integer('version').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.programme] })],
);

export const budgetEntry = pgTable('budget_entry', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  year: integer('year').notNull(),
  programme: text('programme').notNull(),
  kind: text('kind').notNull(),
  amountTiyn: bigint('amount_tiyn', { mode: 'bigint' }).notNull(),
  ref: text('ref').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull(),
});

export const paymentDemand = pgTable('payment_demand', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  kind: text('kind').notNull(),
  paymentMonth: date('payment_month'),
  formedOn: date('formed_on').notNull(),
  demandDueOn: date('demand_due_on').notNull(),
  applicationDueOn: date('application_due_on').notNull(),
  applicationReceivedOn: date('application_received_on'),
  transferDueOn: date('transfer_due_on'),
  transferredOn: date('transferred_on'),
  ordersDueOn: date('orders_due_on'),
  ordersIssuedOn: date('orders_issued_on'),
  payments: integer('payments').notNull(),
  amountTiyn: bigint('amount_tiyn', { mode: 'bigint' }).notNull(),
  status: text('status').notNull(),
  deadlines: jsonb('deadlines').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export const paymentRun = pgTable('payment_run', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').notNull(),
  runKey: text('run_key').notNull().unique(),
  holidayDate: date('holiday_date').notNull(),
  holidayCode: text('holiday_code').notNull(),
  categories: jsonb('categories').notNull(),
  programme: text('programme').notNull(),
  status: text('status').notNull(),
  fetchAfterId: bigint('fetch_after_id', { mode: 'number' }).notNull(),
  createAfterId: bigint('create_after_id', { mode: 'number' }).notNull(),
  candidatesMaxId: bigint('candidates_max_id', { mode: 'number' }),
  /** Keyset cursor of the creating step (migration 0031): the last staged IIN turned into a payment. */
  createAfterIin: text('create_after_iin').notNull(),
  fetchedRows: integer('fetched_rows').notNull(),
  excludedDead: integer('excluded_dead').notNull(),
  excludedTerminated: integer('excluded_terminated').notNull(),
  excludedNoAccount: integer('excluded_no_account').notNull(),
  recipients: integer('recipients').notNull(),
  committedTiyn: bigint('committed_tiyn', { mode: 'bigint' }).notNull(),
  payments: integer('payments').notNull(),
  alreadyPaid: integer('already_paid').notNull(),
  totalTiyn: bigint('total_tiyn', { mode: 'bigint' }).notNull(),
  errorCode: text('error_code'),
  errorDetail: text('error_detail'),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  /** What the rules version in force on the holiday gave the run when it started (migration 0032). */
  selection: jsonb('selection'),
});

export const holidayCandidate = pgTable('holiday_candidate', {
  runId: uuid('run_id').notNull(),
  iin: text('iin').notNull(),
  fullName: text('full_name').notNull(),
  ruralDistrictId: text('rural_district_id').notNull(),
  category: text('category').notNull(),
  iban: text('iban').notNull(),
  amountTiyn: bigint('amount_tiyn', { mode: 'bigint' }).notNull(),
});

export const payment = pgTable('payment', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  basis: text('basis').notNull(),
  period: text('period').notNull(),
  recipientIin: text('recipient_iin').notNull(),
  decisionId: uuid('decision_id'),
  applicationId: uuid('application_id'),
  runId: uuid('run_id'),
  recipientName: text('recipient_name'),
  ruralDistrictId: text('rural_district_id'),
  categoryCode: text('category_code').notNull(),
  ground: text('ground'),
  periodicity: text('periodicity').notNull(),
  iban: text('iban').notNull(),
  amountTiyn: bigint('amount_tiyn', { mode: 'bigint' }).notNull(),
  financialYear: integer('financial_year').notNull(),
  programme: text('programme').notNull(),
  payOn: date('pay_on').notNull(),
  demandDueOn: date('demand_due_on').notNull(),
  demandId: bigint('demand_id', { mode: 'number' }),
  status: text('status').notNull(),
  paidOn: date('paid_on'),
  returnedTiyn: bigint('returned_tiyn', { mode: 'bigint' }).notNull(),
  notice: text('notice').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export const paymentOrder = pgTable('payment_order', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  paymentId: bigint('payment_id', { mode: 'number' }).notNull(),
  demandId: bigint('demand_id', { mode: 'number' }).notNull(),
  reference: text('reference').notNull().unique(),
  attempt: integer('attempt').notNull(),
  iban: text('iban').notNull(),
  amountTiyn: bigint('amount_tiyn', { mode: 'bigint' }).notNull(),
  issuedOn: date('issued_on').notNull(),
  status: text('status').notNull(),
  settledOn: date('settled_on'),
  reason: text('reason'),
});

export const bankStatement = pgTable('bank_statement', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  fileName: text('file_name').notNull(),
  sha256: text('sha256').notNull().unique(),
  format: text('format').notNull(),
  receivedOn: date('received_on').notNull(),
  lines: integer('lines').notNull(),
  credited: integer('credited').notNull(),
  failed: integer('failed').notNull(),
  returned: integer('returned').notNull(),
  feesTiyn: bigint('fees_tiyn', { mode: 'bigint' }).notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull(),
});

export const paymentReturn = pgTable('payment_return', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  paymentId: bigint('payment_id', { mode: 'number' }).notNull(),
  orderId: bigint('order_id', { mode: 'number' }).notNull().unique(),
  amountTiyn: bigint('amount_tiyn', { mode: 'bigint' }).notNull(),
  reason: text('reason').notNull(),
  receivedOn: date('received_on').notNull(),
  updateDueOn: date('update_due_on').notNull(),
  updateClause: text('update_clause').notNull(),
  recordedOn: date('recorded_on').notNull(),
  correctedIban: text('corrected_iban'),
  reissueOrderId: bigint('reissue_order_id', { mode: 'number' }),
  status: text('status').notNull(),
});

export const overCredit = pgTable('over_credit', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  paymentId: bigint('payment_id', { mode: 'number' }),
  amountTiyn: bigint('amount_tiyn', { mode: 'bigint' }).notNull(),
  arrivedOn: date('arrived_on').notNull(),
  returnDueOn: date('return_due_on').notNull(),
  returnedOn: date('returned_on'),
  note: text('note'),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
});

export const bankFee = pgTable('bank_fee', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  statementId: bigint('statement_id', { mode: 'number' }),
  year: integer('year').notNull(),
  programme: text('programme').notNull(),
  amountTiyn: bigint('amount_tiyn', { mode: 'bigint' }).notNull(),
  recordedOn: date('recorded_on').notNull(),
});
