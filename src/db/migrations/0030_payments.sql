-- Payments through the State Corporation (Koksu Rules p.21, p.25–p.32): the budget limit, the payment
-- schedule and the p.27–p.29 chain (demand → application → transfer → payment orders), bank statements,
-- returns and re-issues (p.30), over-credited sums (p.31), bank fees (p.32), and holiday runs without
-- applications (p.10, p.25) as durable jobs. Money is integer tiyn in bigint; civil dates are `date`
-- (Asia/Almaty). Read by src/payments (use cases, one per file).

-- p.21: the allocation of the district budget per financial year and budget programme. `committed` grows
-- at decisions (and holiday runs), `paid` at crediting; committed can never pass allocated (the CHECK is
-- the last line of defence behind the conditional UPDATE of src/payments/budget.ts).
create table budget_allocation (
  year int not null check (year between 2000 and 2100),
  programme text not null check (programme ~ '^[0-9A-Za-z.-]{1,32}$'),
  allocated_tiyn bigint not null check (allocated_tiyn >= 0),
  committed_tiyn bigint not null default 0 check (committed_tiyn >= 0),
  paid_tiyn bigint not null default 0 check (paid_tiyn >= 0),
  -- p.32: bank service fees paid from the local budget (not part of the assistance commitment).
  fees_tiyn bigint not null default 0 check (fees_tiyn >= 0),
  note text,
  version int not null default 1,
  updated_at timestamptz not null,
  primary key (year, programme),
  check (committed_tiyn <= allocated_tiyn)
);

-- Every movement of the budget, for reconciliation: one row per allocation change, decision, run, payment
-- batch, return or fee — never one per holiday recipient.
create table budget_entry (
  id bigserial primary key,
  year int not null,
  programme text not null,
  kind text not null check (kind in ('allocation', 'commit', 'release', 'actual', 'actual-reversal', 'fee')),
  amount_tiyn bigint not null,
  ref text not null,
  at timestamptz not null
);
create index budget_entry_year on budget_entry (year, programme, id);

-- p.27–p.29: one budget demand (сұраныс) and what follows from it, each step with its statutory deadline.
create table payment_demand (
  id bigserial primary key,
  kind text not null check (kind in ('one-time', 'periodic')),
  -- Periodic demands: the payment month (its first day); one-time demands: null.
  payment_month date,
  formed_on date not null,
  demand_due_on date not null,
  application_due_on date not null,
  application_received_on date,
  transfer_due_on date,
  transferred_on date,
  orders_due_on date,
  orders_issued_on date,
  payments int not null,
  amount_tiyn bigint not null,
  status text not null check (status in ('formed', 'applied', 'transferred', 'ordered', 'closed')),
  -- [{ step, date, clause, explanation: {kk, ru, en} }]
  deadlines jsonb not null default '[]',
  created_at timestamptz not null
);

-- The durable job of a holiday or memorable-date run (p.10, p.25). One row per (date, categories):
-- running again resumes or reports the same run.
create table payment_run (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('holiday')),
  run_key text not null unique,
  holiday_date date not null,
  -- The holiday's month-day in the district list ('05-09') and the chosen categories, sorted.
  holiday_code text not null,
  categories jsonb not null,
  programme text not null,
  status text not null check (status in ('fetching', 'budget', 'creating', 'done', 'failed')),
  -- Keyset cursors: the last ministry row id staged, the last staged candidate id turned into a payment.
  fetch_after_id bigint not null default 0,
  create_after_id bigint not null default 0,
  candidates_max_id bigint,
  fetched_rows int not null default 0,
  excluded_dead int not null default 0,
  excluded_terminated int not null default 0,
  excluded_no_account int not null default 0,
  recipients int not null default 0,
  committed_tiyn bigint not null default 0,
  payments int not null default 0,
  already_paid int not null default 0,
  total_tiyn bigint not null default 0,
  error_code text,
  error_detail text,
  started_at timestamptz not null,
  updated_at timestamptz not null,
  finished_at timestamptz
);

-- Recipients staged by a run, deduplicated by IIN (one row per person, the highest holiday amount).
create table holiday_candidate (
  id bigserial primary key,
  run_id uuid not null references payment_run(id),
  iin text not null,
  full_name text not null,
  rural_district_id text not null,
  category text not null,
  iban text not null,
  amount_tiyn bigint not null check (amount_tiyn > 0),
  unique (run_id, iin)
);

-- One payment obligation: unique by (basis, period, recipient) so a double click, a retry or a crash never
-- pays twice. A re-issue to a corrected account is a new payment ORDER of the same payment, not a new payment.
create table payment (
  id bigserial primary key,
  -- 'decision:<uuid>' or 'holiday:<MM-DD>'
  basis text not null,
  -- 'once' (one-time decisions), 'YYYY-MM' (monthly), 'YYYY-Qn' (quarterly), 'YYYY' (holiday, per year)
  period text not null,
  recipient_iin text not null,
  decision_id uuid,
  application_id uuid,
  run_id uuid,
  recipient_name text,
  rural_district_id text,
  category_code text not null,
  ground text,
  periodicity text not null check (periodicity in ('one-time', 'monthly', 'quarterly')),
  iban text not null,
  amount_tiyn bigint not null check (amount_tiyn > 0),
  financial_year int not null,
  programme text not null,
  -- The payment date of the schedule (payment month's first day for periodic payments).
  pay_on date not null,
  -- p.27: when the State Corporation must form the demand that includes it.
  demand_due_on date not null,
  demand_id bigint references payment_demand(id),
  status text not null default 'scheduled' check (status in ('scheduled', 'demanded', 'ordered', 'paid', 'failed', 'returned', 'cancelled')),
  paid_on date,
  returned_tiyn bigint not null default 0,
  -- Notice to the recipient (holiday payments need no application, p.10): queued for the notifier.
  notice text not null default 'queued' check (notice in ('queued', 'sent', 'none')),
  created_at timestamptz not null,
  unique (basis, period, recipient_iin)
);
create index payment_demand_idx on payment (demand_id) where demand_id is not null;
create index payment_due_idx on payment (demand_due_on) where status = 'scheduled';
create index payment_decision_idx on payment (decision_id) where decision_id is not null;

-- Payment orders (p.29): each attempt to credit a payment; a re-issue after a return is a new order.
create table payment_order (
  id bigserial primary key,
  payment_id bigint not null references payment(id),
  demand_id bigint not null references payment_demand(id),
  -- The order's reference in export files and bank statements, e.g. 'KMK-000000000123-1'.
  reference text not null unique,
  attempt int not null,
  iban text not null,
  amount_tiyn bigint not null check (amount_tiyn > 0),
  issued_on date not null,
  status text not null check (status in ('issued', 'credited', 'failed', 'returned')),
  settled_on date,
  reason text,
  unique (payment_id, attempt)
);
create index payment_order_demand on payment_order (demand_id, id);

-- Imported bank statement files: the same file twice changes nothing.
create table bank_statement (
  id bigserial primary key,
  file_name text not null,
  sha256 text not null unique,
  format text not null,
  received_on date not null,
  lines int not null,
  credited int not null,
  failed int not null,
  returned int not null,
  fees_tiyn bigint not null,
  imported_at timestamptz not null
);

-- p.30: a sum returned by the payment organisation; the information system is updated within 3 WD and
-- the payment re-issued to a corrected account.
create table payment_return (
  id bigserial primary key,
  payment_id bigint not null references payment(id),
  order_id bigint not null unique references payment_order(id),
  amount_tiyn bigint not null check (amount_tiyn > 0),
  reason text not null,
  received_on date not null,
  update_due_on date not null,
  update_clause text not null,
  recorded_on date not null,
  corrected_iban text,
  reissue_order_id bigint references payment_order(id),
  status text not null check (status in ('open', 'reissued', 'closed'))
);

-- p.31: over-credited sums on the State Corporation's account, returned by the last WD of the month.
create table over_credit (
  id bigserial primary key,
  payment_id bigint references payment(id),
  amount_tiyn bigint not null check (amount_tiyn > 0),
  arrived_on date not null,
  return_due_on date not null,
  returned_on date,
  note text,
  recorded_at timestamptz not null
);

-- p.32: bank service fees, charged to the local budget under the State Corporation's contract.
create table bank_fee (
  id bigserial primary key,
  statement_id bigint references bank_statement(id),
  year int not null,
  programme text not null,
  amount_tiyn bigint not null check (amount_tiyn >= 0),
  recorded_on date not null
);
