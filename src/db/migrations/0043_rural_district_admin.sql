-- Rural districts administered in the application (issue 6 item 1): the administrator adds and renames
-- them, each change with the akim's or maslikhat's act that makes it (act, number, date, clause). The
-- code (id) never changes, so the users bound to a district (rural akims), the cases and the registry keep
-- pointing at it. A row changed by the administrator is no longer refreshed from the shipped file.
alter table rural_district add column legal_act text;
alter table rural_district add column legal_number text;
alter table rural_district add column legal_date date;
alter table rural_district add column legal_clause text;
alter table rural_district add column changed_at timestamptz;
alter table rural_district add column changed_by uuid;
