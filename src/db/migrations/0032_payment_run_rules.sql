-- Holiday runs judged by the Rules in the database (issue 5 gap 1): a run records, when it starts, what
-- the rules version in force on the holiday gives it — the holiday's names, the categories paid, each
-- one's amount with its clause and explanation, and the version's code — so a run resumed after a crash
-- or a restart pays every recipient by the same Rules even if the department changes them meanwhile.
-- Runs started before this migration have none and take the version in force on their holiday.
alter table payment_run add column selection jsonb;
