-- A workflow step sent as ONE statement (src/cases/run-step.ts): its data-modifying CTEs (the step's own
-- write, the audit entry) always run, so the statement must fail as a whole when the case's UPDATE found
-- the case changed since it was read (version moved). This raises SQLSTATE KM409; the step then reads the
-- case again, or answers CONFLICT when the user named the version they saw.
create function komek_expect_saved(saved bigint) returns bigint
language plpgsql as $$
begin
  if saved <> 1 then
    raise exception 'the case changed since it was read' using errcode = 'KM409';
  end if;
  return saved;
end
$$;
