/** Drizzle definition of the notification outbox (migration 0025_notifications.sql, p.19). */
import { pgTable, text, uuid, timestamp, integer, bigserial, date, unique } from 'drizzle-orm/pg-core';

export const notification = pgTable(
  'notification',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    applicationId: uuid('application_id').notNull(),
    decisionId: uuid('decision_id').notNull(),
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
  (t) => [unique().on(t.decisionId, t.channel)],
);
