-- Registration numbers (p.12) and form 1-3 receipt numbers from one sequence per year instead of a
-- counter row: a counter row is locked until commit by every registration and serialised them all.
-- A number is never reused; a registration that rolls back leaves a gap (documented in docs/cases.md).
-- Years 2023–2040 are created here; a later migration adds the following years.
drop table case_counter;
do $$
begin
  for y in 2023..2040 loop
    execute format('create sequence application_number_%s', y);
    execute format('create sequence intake_receipt_number_%s', y);
  end loop;
end $$;
