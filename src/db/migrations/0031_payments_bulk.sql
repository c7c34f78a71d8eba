-- Holiday runs at a million recipients (issue 5 item 10): set-based staging of form 7 rows needs the IBAN
-- check in SQL, and the payment table keeps only the indexes its queries need.

-- ISO 13616 mod-97 check of a Kazakh IBAN, the same rule as checkIban in src/rules/identifiers.ts (a
-- property test keeps the two equal): letters become two-digit numbers (A=10 … Z=35), the first four
-- characters move to the end, the number mod 97 must be 1. A plain SQL function, inlined by the planner.
create function komek_iban_ok(iban text) returns boolean language sql immutable parallel safe as $$
  select case
    when iban !~ '^KZ[0-9]{2}[A-Z0-9]{16}$' then false
    -- All-digit bank code and account (the usual case): only 'KZ' (20 35) needs converting.
    when substr(iban, 5) ~ '^[0-9]{16}$' then (substr(iban, 5) || '2035' || substr(iban, 3, 2))::numeric % 97 = 1
    else (
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
      substr(iban, 5) || substr(iban, 1, 4),
    'A', '10'), 'B', '11'), 'C', '12'), 'D', '13'), 'E', '14'), 'F', '15'), 'G', '16'), 'H', '17'), 'I', '18'),
    'J', '19'), 'K', '20'), 'L', '21'), 'M', '22'), 'N', '23'), 'O', '24'), 'P', '25'), 'Q', '26'), 'R', '27'),
    'S', '28'), 'T', '29'), 'U', '30'), 'V', '31'), 'W', '32'), 'X', '33'), 'Y', '34'), 'Z', '35')
  )::numeric % 97 = 1 end
$$;

-- Forming demands scans the scheduled payments by date once a day; a partial index on every payment row
-- cost more at a million inserts than it saves there.
drop index payment_due_idx;
-- The demand reference is written only by formDemands, which takes the id it just inserted; the per-row
-- foreign-key trigger is not worth its cost on million-row inserts.
alter table payment drop constraint payment_demand_id_fkey;
-- Staged recipients are written only by a run's own steps under its row lock; the per-row foreign-key
-- trigger cost a quarter of the staging time at a million rows.
alter table holiday_candidate drop constraint holiday_candidate_run_id_fkey;
-- One index on the staging table: recipients are keyed and walked by (run, IIN) — the de-duplication key
-- is also the keyset cursor of the creating step (payment_run.create_after_iin).
alter table holiday_candidate drop constraint holiday_candidate_pkey;
alter table holiday_candidate drop column id;
alter table holiday_candidate drop constraint holiday_candidate_run_id_iin_key;
alter table holiday_candidate add primary key (run_id, iin);
alter table payment_run add column create_after_iin text not null default '';
