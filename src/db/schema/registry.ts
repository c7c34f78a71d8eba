/** Drizzle definitions of the synthetic state registry (migration 0010_registry.sql). */
import { sql } from 'drizzle-orm';
import { pgTable, text, boolean, bigint, date, smallint, integer, timestamp, primaryKey, index } from 'drizzle-orm/pg-core';
import { ruralDistrict } from './platform';

export const regHousehold = pgTable('reg_household', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
  ruralDistrictId: text('rural_district_id').notNull().references(() => ruralDistrict.id),
  village: text('village').notNull(),
  street: text('street').notNull(),
  house: text('house').notNull(),
  synthetic: boolean('synthetic').notNull(),
});

export const regPerson = pgTable(
  'reg_person',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    iin: text('iin').notNull().unique(),
    lastName: text('last_name').notNull(),
    firstName: text('first_name').notNull(),
    patronymic: text('patronymic'),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    sex: text('sex').notNull().$type<'male' | 'female'>(),
    householdId: bigint('household_id', { mode: 'number' }).notNull().references(() => regHousehold.id),
    relation: text('relation').notNull(),
    ruralDistrictId: text('rural_district_id').notNull().references(() => ruralDistrict.id),
    address: text('address').notNull(),
    phone: text('phone'),
    phoneRegistered: boolean('phone_registered').notNull().default(false),
    iban: text('iban'),
    deathDate: date('death_date', { mode: 'string' }),
    disabilityGroup: smallint('disability_group'),
    childDisability: boolean('child_disability').notNull().default(false),
    diseaseCode: text('disease_code'),
    probation: text('probation').$type<'probation' | 'released'>(),
    probationSince: date('probation_since', { mode: 'string' }),
    synthetic: boolean('synthetic').notNull(),
  },
  (t) => [
    index('reg_person_household_idx').on(t.householdId),
    index('reg_person_name_idx').using('btree', sql`(lower(${t.lastName} || ' ' || ${t.firstName})) text_pattern_ops`),
    index('reg_person_phone_idx').on(t.phone).where(sql`${t.phone} is not null`),
  ],
);

export const regIncome = pgTable(
  'reg_income',
  {
    personId: bigint('person_id', { mode: 'number' }).notNull().references(() => regPerson.id),
    /** First day of the month. */
    month: date('month', { mode: 'string' }).notNull(),
    type: text('type').notNull(),
    amountTiyn: bigint('amount_tiyn', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.month, t.type] })],
);

export const regBenefit = pgTable(
  'reg_benefit',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    personId: bigint('person_id', { mode: 'number' }).notNull().references(() => regPerson.id),
    kind: text('kind').notNull().$type<'pension' | 'allowance'>(),
    type: text('type').notNull(),
    category: text('category').notNull(),
    amountTiyn: bigint('amount_tiyn', { mode: 'number' }).notNull(),
    dateFrom: date('date_from', { mode: 'string' }).notNull(),
    dateTo: date('date_to', { mode: 'string' }),
    iban: text('iban'),
  },
  (t) => [index('reg_benefit_person_idx').on(t.personId), index('reg_benefit_kind_idx').on(t.kind, t.category, t.id)],
);

export const regProperty = pgTable(
  'reg_property',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    personId: bigint('person_id', { mode: 'number' }).notNull().references(() => regPerson.id),
    kind: text('kind').notNull(),
    subtype: text('subtype').notNull(),
    quantity: bigint('quantity', { mode: 'number' }).notNull(),
    unit: text('unit').notNull(),
  },
  (t) => [index('reg_property_person_idx').on(t.personId)],
);

export const regAssistance = pgTable(
  'reg_assistance',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    personId: bigint('person_id', { mode: 'number' }).notNull().references(() => regPerson.id),
    ground: text('ground').notNull(),
    category: text('category').notNull(),
    status: text('status').notNull().$type<'assigned' | 'applied'>(),
    periodicity: text('periodicity').notNull(),
    amountTiyn: bigint('amount_tiyn', { mode: 'number' }).notNull(),
    dateFrom: date('date_from', { mode: 'string' }).notNull(),
    dateTo: date('date_to', { mode: 'string' }),
  },
  (t) => [index('reg_assistance_person_idx').on(t.personId)],
);

export const regSeed = pgTable('reg_seed', {
  id: smallint('id').primaryKey().default(1),
  seed: text('seed').notNull(),
  persons: integer('persons').notNull(),
  households: integer('households').notNull(),
  asOf: date('as_of', { mode: 'string' }).notNull(),
  seededAt: timestamp('seeded_at', { withTimezone: true }).notNull().defaultNow(),
  synthetic: boolean('synthetic').notNull().default(true),
});
