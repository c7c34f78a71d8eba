/** Drizzle definition of the notification outbox (migrations 0025_notifications.sql, 0026: hearing notices, p.18–p.19). */
import { sql } from 'drizzle-orm';
import { pgTable, text, uuid, timestamp, integer, bigserial, date, unique, uniqueIndex } from 'drizzle-orm/pg-core';

export const notification = pgTable(
  'notification',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    applicationId: uuid('application_id').notNull(),
    /** Null exactly for the hearing notice (form 'hearing'). */
    decisionId: uuid('decision_id'),
    form: text('form').notNull(),
    channel: text('channel').notNull(),
    lang: text('lang').notNull(),
    phone: text('phone'),
    body: text('body').notNull(),
    status: text('status').notNull(),
    attempts: integer('attempts').notNull(),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    dueOn: date('due_on'),
    lastError: text('last_error'),
    providerMessageId: text('provider_message_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    failedAt: timestamp('failed_at', { withTimezone: true }),
    printedAt: timestamp('printed_at', { withTimezone: true }),
    printedBy: uuid('printed_by'),
    handedOverAt: timestamp('handed_over_at', { withTimezone: true }),
    handedOverBy: uuid('handed_over_by'),
    handedOverTo: text('handed_over_to'),
  },
  (t) => [unique().on(t.decisionId, t.channel), uniqueIndex('notification_hearing_channel').on(t.applicationId, t.channel).where(sql`form = 'hearing'`)],
);
