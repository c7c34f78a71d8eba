-- Removing a calendar override is a change like any other (issue 6 item 2): it carries the act that
-- cancels it (act, number, date, clause), kept on the row beside who removed it and when.
alter table calendar_override add column removal_act text;
alter table calendar_override add column removal_number text;
alter table calendar_override add column removal_date date;
alter table calendar_override add column removal_clause text;
