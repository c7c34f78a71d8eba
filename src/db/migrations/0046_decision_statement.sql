-- The decision sent as ONE statement (src/cases/decide.ts, src/cases/run-step.ts): the decision, its
-- notices, its payments, the p.21 budget commitment of each financial year, the case's UPDATE and the audit
-- entry are data-modifying CTEs of one statement, which is its own transaction. A commitment the allocation
-- does not cover makes its CTE return no row; the data-modifying CTEs around it still run, so the statement
-- must fail as a whole: this raises SQLSTATE KM402 naming (DETAIL) the 1-based position of the first
-- financial year that did not fit, and the step answers BUDGET_EXCEEDED for that year. `saved` is the
-- checked count of the case's UPDATE (komek_expect_saved, migration 0023), evaluated first as an argument,
-- so a case that changed meanwhile is reported as such (KM409), not as a budget refusal.
create function komek_expect_committed(saved bigint, committed bigint[]) returns bigint
language plpgsql as $$
begin
  for i in 1 .. coalesce(array_length(committed, 1), 0) loop
    if committed[i] <> 1 then
      raise exception 'the budget allocation does not cover the commitment of financial year %', i using errcode = 'KM402', detail = i::text;
    end if;
  end loop;
  return saved;
end
$$;
