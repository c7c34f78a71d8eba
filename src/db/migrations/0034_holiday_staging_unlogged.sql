-- Holiday runs within 3× of a raw COPY (issue 5 item 10): the staged form 7 recipients (holiday_candidate)
-- are derived data — a run's staging is what its keyset ranges of form 7 give, and a run can always stage
-- them again — so the table is UNLOGGED: staging a million recipients no longer writes their rows and their
-- index to the WAL (a third of the run's WAL, and the checkpoints it forced). After a crash of the database
-- server PostgreSQL empties an unlogged table; a run that finds its staging gone stages again from the start
-- of form 7 (src/payments/run-holiday.ts, restageIfLost), releases what it had committed and not yet paid,
-- and commits the budget again for the recipients it has not paid — nobody is paid twice (the payment's
-- unique key) and nobody is missed. Payments, runs and the budget stay logged.
alter table holiday_candidate set unlogged;
