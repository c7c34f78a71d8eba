-- Cases: applications for social assistance from intake to decision, hearing and termination
-- (Koksu Rules p.11–p.22). Read by src/cases (use cases) and src/documents (forms 1, 1-1, 1-2, 1-3, 2–6).
-- Civil dates are `date` (Asia/Almaty), instants `timestamptz`, money integer tiyn (`bigint`).

-- Persons known to Komek, by IIN (from form 1, the e-gov gateway or the demo registry).
create table person (
  iin text primary key check (iin ~ '^[0-9]{12}$'),
  last_name text not null,
  first_name text not null,
  patronymic text,
  birth_date date,
  -- "last first patronymic" in lower case: the name-prefix search uses its text_pattern_ops index.
  search_name text not null,
  updated_at timestamptz not null default now()
);
create index person_search_name on person (search_name text_pattern_ops);

-- An application (form 1 paper, form 1-1 portal). Registered on arrival (p.12): no row exists for an
-- application refused at intake (that is an intake_receipt, form 1-3).
create table application (
  id uuid primary key default gen_random_uuid(),
  -- Registration number per year, e.g. KOK-2025-000123 (p.12); year and sequence kept for ordering.
  reg_number text not null unique,
  reg_year int not null,
  reg_seq int not null,
  -- AUTHORIZED_BODY | RURAL_AKIM | STATE_CORP | PORTAL (p.11)
  channel text not null check (channel in ('AUTHORIZED_BODY','RURAL_AKIM','STATE_CORP','PORTAL')),
  -- One of the statuses of src/cases/case-status.ts; changed only through its transition table.
  status text not null,
  applicant_iin text not null references person(iin),
  -- Representative (Civil Code art. 167) with the power of attorney's number, date and validity.
  representative_iin text references person(iin),
  poa_number text,
  poa_date date,
  poa_valid_until date,
  ground text check (ground in ('6.1','6.2','6.3','6.4','6.5','6.6','6.7')),
  category_code text not null,
  iban text,
  mobile text,
  rural_district_id text not null references rural_district(id),
  address_text text not null,
  -- Family as declared on form 1 and/or returned by the gateway: [{iin, fullName, birthDate, relation, occupation, incomes:[{type, amountTiyn, month?}]}]
  family jsonb not null default '[]',
  -- For categories with an application time limit (event date) and actual-cost categories (documented cost).
  event_on date,
  actual_cost_tiyn bigint,
  received_at timestamptz not null,
  registered_on date not null,
  rules_version text not null,
  -- 'standard' (8 WD) or 'extended' (20 WD, p.14/p.15 with the recorded basis below).
  track text not null default 'standard' check (track in ('standard','extended')),
  extension_clause text check (extension_clause in ('p.14','p.15')),
  extension_reason text,
  extension_recorded_on date,
  documents_accepted_on date,
  -- Milestones (dates of receipt that start the p.12–p.17 periods).
  routed_on date,
  survey_received_on date,
  file_received_on date,
  special_received_on date,
  -- Portal (form 1-1): the portal's request id and the verified EDS signer.
  portal_request_id text,
  eds_signer_iin text,
  eds_signer_name text,
  created_by uuid,
  -- Deadlines recomputed at every transition: the full list (with explanations) and the next one.
  deadlines jsonb not null default '[]',
  next_step text,
  next_role text,
  next_target_on date,
  next_hard_on date,
  decision_hard_on date,
  version int not null default 1,
  updated_at timestamptz not null,
  unique (reg_year, reg_seq)
);
create index application_applicant on application (applicant_iin);
create index application_queue on application (next_role, next_target_on) where next_role is not null;
create index application_district on application (rural_district_id, status);
create unique index application_portal_request on application (portal_request_id) where portal_request_id is not null;

-- Gap-free yearly counters: 'application:2025' for registration numbers, 'receipt:2025' for form 1-3.
create table case_counter (key text primary key, last int not null);

-- Form 1-3: receipt of refusal to accept an application (p.11). Nothing is registered.
create table intake_receipt (
  id uuid primary key default gen_random_uuid(),
  number text not null unique,
  channel text not null,
  applicant_iin text not null,
  applicant_name text not null,
  category_code text not null,
  rural_district_id text,
  -- [{code, name_kk, name_ru}] missing and [{code, name_kk, name_ru, expiresOn}] expired at intake.
  missing jsonb not null,
  expired jsonb not null,
  issued_on date not null,
  issued_at timestamptz not null,
  issued_by uuid,
  employee_name text
);
create index intake_receipt_applicant on intake_receipt (applicant_iin);

-- Documents presented by the applicant (p.11: only where the information systems lack the data).
create table case_document (
  id bigserial primary key,
  application_id uuid references application(id),
  receipt_id uuid references intake_receipt(id),
  code text not null,
  title text,
  number text,
  issued_on date,
  expires_on date,
  original_seen boolean not null default false,
  recorded_at timestamptz not null
);
create index case_document_application on case_document (application_id);

-- Requests to information systems (form 1-2) and to other bodies (p.14), with their answers.
create table data_request (
  id bigserial primary key,
  application_id uuid references application(id),
  receipt_id uuid references intake_receipt(id),
  -- 'form-1-2' (e-gov gateway) or 'other-body' (p.14/p.15 request by letter or system)
  kind text not null check (kind in ('form-1-2','other-body')),
  request_id text not null,
  body text not null,
  items jsonb not null,
  iins jsonb not null,
  requested_at timestamptz not null,
  due_on date,
  answered_at timestamptz,
  answers jsonb
);
create index data_request_application on data_request (application_id);

-- Precinct commission: act of survey (form 2) and conclusion (form 3), or the refusal to be surveyed (p.20.2).
create table survey (
  application_id uuid primary key references application(id),
  act_number text not null,
  act_date date not null,
  commission text not null,
  refused boolean not null,
  housing text,
  subsidiary_farm text,
  property text,
  observations text,
  family_incomes jsonb not null default '[]',
  needs boolean,
  conclusion_number text,
  conclusion_reason text,
  recorded_at timestamptz not null,
  recorded_by uuid,
  forwarded_on date
);

-- Per-capita income (p.16; Social Code art. 127) with the rules core's trace.
create table income_calculation (
  id bigserial primary key,
  application_id uuid not null references application(id),
  required boolean not null,
  quarter text,
  members int,
  counted_tiyn bigint,
  per_capita_tiyn bigint,
  threshold_tiyn bigint,
  above_threshold boolean,
  inputs jsonb not null,
  trace jsonb not null,
  computed_at timestamptz not null
);
create index income_calculation_application on income_calculation (application_id, id);

-- Special commission's conclusion (p.17): need, recommended amount.
create table special_conclusion (
  application_id uuid primary key references application(id),
  needs boolean not null,
  amount_tiyn bigint,
  reason text,
  concluded_on date not null,
  recorded_at timestamptz not null,
  recorded_by uuid
);

-- Hearing before a refusal (p.18; APC arts. 73–74).
create table hearing (
  application_id uuid primary key references application(id),
  -- p.20 sub-point of the preliminary refusal: '20.1' .. '20.4'
  refusal_ground text not null,
  preliminary_text text not null,
  notified_on date not null,
  planned_decision_on date not null,
  hearing_at timestamptz,
  hearing_means text,
  objection_due_on date not null,
  objection_on date,
  objection_text text,
  objection_oral boolean,
  -- Protocol (p.18): place, date, start/end time, body, official, secretary, participant, matter,
  -- explanations, questions and answers, signed.
  protocol jsonb,
  protocol_read_on date,
  remarks_due_on date,
  remarks_on date,
  remarks_text text,
  recorded_at timestamptz not null
);

-- Decision (form 4) with its FROZEN basis: never recomputed after it is taken.
create table decision (
  id uuid primary key default gen_random_uuid(),
  application_id uuid not null unique references application(id),
  number text not null unique,
  decided_on date not null,
  decided_at timestamptz not null,
  outcome text not null check (outcome in ('grant','refuse')),
  refusal_ground text,
  amount_tiyn bigint,
  periodicity text,
  first_payment_date date,
  periods int,
  category_code text not null,
  ground text,
  rules_version text not null,
  -- { inputs, rulesVersion, amount, clauses, trace, incomeCalculation, specialConclusion, deadline }
  basis jsonb not null,
  late_reason text,
  decided_by uuid
);

-- Termination (p.22): ground 1..5, event date, the first day without payment.
create table termination (
  application_id uuid primary key references application(id),
  ground int not null check (ground between 1 and 5),
  event_on date not null,
  stops_from date not null,
  reason text,
  basis jsonb not null,
  recorded_at timestamptz not null,
  recorded_by uuid
);

-- Recipient's report of a change affecting the right (p.22, within 10 WD).
create table change_report (
  id bigserial primary key,
  application_id uuid not null references application(id),
  circumstance text not null,
  event_on date not null,
  reported_on date not null,
  due_on date not null,
  late boolean not null,
  recorded_at timestamptz not null
);
create index change_report_application on change_report (application_id);

-- Reminders of deadlines, for the responsible role; filled by the idempotent `komek cases remind` job.
create table case_reminder (
  id bigserial primary key,
  application_id uuid not null references application(id),
  step text not null,
  role text not null,
  level text not null check (level in ('at-risk','overdue')),
  target_on date not null,
  hard_on date not null,
  created_on date not null,
  created_at timestamptz not null,
  unique (application_id, step, level, hard_on)
);

-- The portal (form 1-1) is a system client identified by a key (only its SHA-256 is stored).
create table portal_client (
  id text primary key,
  name text not null,
  key_hash text not null unique,
  active boolean not null default true,
  created_at timestamptz not null
);
