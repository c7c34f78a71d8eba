-- The impact preview reads two streams per id range instead of three (issue 6 item 4; see 0041):
-- reg_household_size also carries the household's rural district, and every household has a row for its
-- living members ('infinity'), 0 when it has none — so the household list itself comes from this table.
-- reg_household gets the same statement triggers as reg_person and reg_income.

alter table reg_household_size add column rural_district_id text;
alter table reg_household_size drop constraint reg_household_size_members_check;
alter table reg_household_size add constraint reg_household_size_members_check check (members >= 0);

create or replace function reg_refresh_quarters(households bigint[]) returns void language plpgsql as $$
begin
  delete from reg_household_size s using unnest(households) t(id) where s.household_id = t.id;
  delete from reg_income_quarter q using unnest(households) t(id) where q.household_id = t.id;
  insert into reg_household_size (household_id, alive_until, rural_district_id, members)
    select h.id, coalesce(p.death_date, 'infinity'::date), h.rural_district_id, count(*)
    from unnest(households) t(id) join reg_household h on h.id = t.id join reg_person p on p.household_id = h.id group by 1, 2, 3
    union all
    select h.id, 'infinity'::date, h.rural_district_id, 0
    from unnest(households) t(id) join reg_household h on h.id = t.id
    where not exists (select 1 from reg_person p where p.household_id = h.id and p.death_date is null);
  insert into reg_income_quarter (quarter, household_id, type, alive_until, amount_tiyn)
    select date_trunc('quarter', i.month::timestamp)::date, p.household_id, i.type, coalesce(p.death_date, 'infinity'::date), sum(i.amount_tiyn)
    from unnest(households) t(id) join reg_person p on p.household_id = t.id join reg_income i on i.person_id = p.id
    group by 1, 2, 3, 4;
end $$;

create or replace function reg_rebuild_quarters() returns void language plpgsql as $$
begin
  truncate reg_household_size, reg_income_quarter;
  insert into reg_household_size (household_id, alive_until, rural_district_id, members)
    select * from (
      select p.household_id, coalesce(p.death_date, 'infinity'::date), h.rural_district_id, count(*)
      from reg_person p join reg_household h on h.id = p.household_id group by 1, 2, 3
      union all
      select h.id, 'infinity'::date, h.rural_district_id, 0
      from reg_household h where not exists (select 1 from reg_person p where p.household_id = h.id and p.death_date is null)
    ) x order by 1, 2;
  insert into reg_income_quarter (quarter, household_id, type, alive_until, amount_tiyn)
    select date_trunc('quarter', i.month::timestamp)::date, p.household_id, i.type, coalesce(p.death_date, 'infinity'::date), sum(i.amount_tiyn)
    from reg_income i join reg_person p on p.id = i.person_id group by 1, 2, 3, 4 order by 1, 2, 3, 4;
end $$;

create function reg_household_quarters_ins() returns trigger language plpgsql as $$
begin
  if not reg_quarters_bulk() then perform reg_refresh_quarters(array(select id from new_rows)); end if;
  return null;
end $$;

create function reg_household_quarters_upd() returns trigger language plpgsql as $$
begin
  if not reg_quarters_bulk() then perform reg_refresh_quarters(array(select id from new_rows union select id from old_rows)); end if;
  return null;
end $$;

create function reg_household_quarters_del() returns trigger language plpgsql as $$
begin
  if not reg_quarters_bulk() then perform reg_refresh_quarters(array(select id from old_rows)); end if;
  return null;
end $$;

create trigger reg_household_quarters_ins after insert on reg_household referencing new table as new_rows for each statement execute function reg_household_quarters_ins();
create trigger reg_household_quarters_upd after update on reg_household referencing old table as old_rows new table as new_rows for each statement execute function reg_household_quarters_upd();
create trigger reg_household_quarters_del after delete on reg_household referencing old table as old_rows for each statement execute function reg_household_quarters_del();
-- reg_person references reg_household, so truncating reg_household truncates reg_person too (and its trigger empties both aggregates).
create trigger reg_household_quarters_truncate after truncate on reg_household for each statement execute function reg_person_quarters_truncate();

select reg_rebuild_quarters();
alter table reg_household_size alter column rural_district_id set not null;
analyze reg_household_size;
analyze reg_income_quarter;
