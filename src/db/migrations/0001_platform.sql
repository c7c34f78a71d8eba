-- Platform: rural districts, users and roles, sessions, login throttling, the hash-chained audit log.

create table rural_district (
  id text primary key,
  name_kk text not null,
  name_ru text not null,
  example boolean not null default false
);

create table app_user (
  id uuid primary key default gen_random_uuid(),
  username text not null unique check (username ~ '^[a-z0-9._-]{2,64}$'),
  full_name text not null,
  role text not null check (role in ('SPECIALIST','HEAD','RURAL_AKIM','STATE_CORP','PRECINCT_COMMISSION','SPECIAL_COMMISSION','ACCOUNTANT','AUDITOR','ADMIN')),
  rural_district_id text references rural_district(id),
  password_hash text not null,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  check (role <> 'RURAL_AKIM' or rural_district_id is not null)
);

-- A session is known by the SHA-256 of its cookie token; the token itself is never stored.
create table app_session (
  id text primary key,
  user_id uuid not null references app_user(id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ended_at timestamptz
);
create index app_session_user on app_session(user_id);

create table login_throttle (
  key text primary key,
  failures int not null,
  window_started_at timestamptz not null,
  locked_until timestamptz
);

-- The audit log: append-only, in several hash chains ("lanes") so that concurrent transactions do not
-- queue on one chain head. Each entry's hash = sha256(previous hash in its lane || payload).
create table audit_lane (
  lane int primary key,
  seq bigint not null,
  hash text not null
);
insert into audit_lane (lane, seq, hash)
select l, 0, repeat('0', 64) from generate_series(0, 7) as l;

create table audit_entry (
  id bigserial primary key,
  lane int not null references audit_lane(lane),
  seq bigint not null,
  at timestamptz not null,
  actor_id uuid,
  actor_role text,
  action text not null,
  target_type text not null,
  target_id text,
  payload text not null,
  prev_hash text not null,
  hash text not null,
  unique (lane, seq)
);
create index audit_entry_target on audit_entry(target_type, target_id);
create index audit_entry_actor on audit_entry(actor_id, id);

create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_entry is append-only';
end $$;
create trigger audit_entry_no_update before update or delete on audit_entry
  for each row execute function audit_entry_is_append_only();
