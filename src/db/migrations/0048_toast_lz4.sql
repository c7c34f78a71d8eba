-- Large values (a decision's frozen basis with its trace, an income calculation, the state systems' answers,
-- audit payloads) are compressed when stored. PostgreSQL's default method, pglz, cost about 7 % of the
-- server's CPU in the case workflow (bench:cases, perf); lz4 compresses several times faster at a similar
-- ratio. New values of every column use the database's default from the next connection on; stored values
-- stay as they are (both methods are read transparently). Only where the server is built with lz4 and the
-- migrating role may alter the database; PGlite has pglz only and is left as is.
do $$
begin
  if exists (select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any(enumvals)) then
    execute format('alter database %I set default_toast_compression = %L', current_database(), 'lz4');
  end if;
exception when insufficient_privilege then
  raise notice 'default_toast_compression left as is: the migrating role does not own the database';
end
$$;
