-- Notifications of decisions (Koksu Rules p.19): form 5 (grant) or form 6 (refusal), as an outbox written
-- in the decision's own transaction and sent after commit by `komek notifications dispatch` (any number of
-- workers: rows are taken with `for update skip locked`; every send carries the row id as idempotency key).
--   sms     — automatic SMS when the number is registered in the mobile-citizens database;
--   print   — printed by the authorized body or the State Corporation and handed over when the applicant
--             comes (no number, number not registered, or the SMS failed);
--   cabinet — portal applications: personal cabinet notice within 1 working day of the decision (due_on).
create table notification (
  id bigserial primary key,
  application_id uuid not null references application(id),
  decision_id uuid not null references decision(id),
  form text not null check (form in ('5', '6')),
  channel text not null check (channel in ('sms', 'print', 'cabinet')),
  lang text not null check (lang in ('kk', 'ru')),
  phone text,
  -- The text as sent (SMS, cabinet); for print, the notice's summary line.
  body text not null,
  status text not null check (status in ('queued', 'sent', 'delivered', 'failed', 'printed', 'handed-over')),
  attempts int not null default 0,
  next_attempt_at timestamptz not null,
  due_on date,
  last_error text,
  provider_message_id text,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  sent_at timestamptz,
  delivered_at timestamptz,
  failed_at timestamptz,
  printed_at timestamptz,
  printed_by uuid,
  handed_over_at timestamptz,
  handed_over_by uuid,
  handed_over_to text,
  -- One notice per decision and channel: enqueueing twice changes nothing.
  unique (decision_id, channel)
);
create index notification_due on notification (next_attempt_at, id) where status = 'queued' and channel in ('sms', 'cabinet');
create index notification_sent_sms on notification (id) where status = 'sent' and channel = 'sms';
create index notification_print_queue on notification (id) where channel = 'print' and status in ('queued', 'printed');
create index notification_application on notification (application_id);
