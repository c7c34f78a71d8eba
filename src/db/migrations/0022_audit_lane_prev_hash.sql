-- The audit lane head keeps the hash it replaced (prev_hash), so that one UPDATE … RETURNING moves the
-- head and gives the new entry both its prev_hash and its hash: appending an entry is one statement and
-- the lane lock is taken by the command's last write (src/audit/audit.ts auditCtes), not by a separate
-- SELECT … FOR UPDATE round trip. The hash is sha256(prev_hash || payload), as before.
alter table audit_lane add column prev_hash text;
