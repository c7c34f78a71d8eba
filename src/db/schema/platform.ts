/** Drizzle definitions of the platform tables (migration 0001_platform.sql). */
import { pgTable, text, boolean, uuid, timestamp, integer, bigint, bigserial, date } from 'drizzle-orm/pg-core';

export const ruralDistrict = pgTable('rural_district', {
  id: text('id').primaryKey(),
  nameKk: text('name_kk').notNull(),
  nameRu: text('name_ru').notNull(),
  example: boolean('example').notNull(),
  // Migration 0043: the act of the administrator's last change (add, rename).
  legalAct: text('legal_act'),
  legalNumber: text('legal_number'),
  legalDate: date('legal_date'),
  legalClause: text('legal_clause'),
  changedAt: timestamp('changed_at', { withTimezone: true }),
  changedBy: uuid('changed_by'),
});

export const appUser = pgTable('app_user', {
  id: uuid('id').primaryKey().defaultRandom(),
  username: text('username').notNull().unique(),
  fullName: text('full_name').notNull(),
  role: text('role').notNull(),
  ruralDistrictId: text('rural_district_id').references(() => ruralDistrict.id),
  passwordHash: text('password_hash').notNull(),
  active: boolean('active').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const appSession = pgTable('app_session', {
  id: text('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  endedAt: timestamp('ended_at', { withTimezone: true }),
});

export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

export const auditEntry = pgTable('audit_entry', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  lane: integer('lane').notNull(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  actorId: uuid('actor_id'),
  actorRole: text('actor_role'),
  action: text('action').notNull(),
  targetType: text('target_type').notNull(),
  targetId: text('target_id'),
  payload: text('payload').notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});
