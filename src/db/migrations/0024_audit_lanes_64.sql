-- 64 audit lanes instead of 8 (src/audit/audit.ts AUDIT_LANES): a lane head is locked from a command's
-- last statement until its COMMIT (WAL flush included), and with 32 concurrent requests two commands
-- often drew the same of 8 lanes and the second waited a whole commit. New lanes start at the genesis.
insert into audit_lane (lane, seq, hash)
select l, 0, repeat('0', 64) from generate_series(8, 63) as l
on conflict (lane) do nothing;
