/** Drizzle definitions of the case tables (migrations 0020_cases.sql, 0021_cases_numbers.sql); the SQL documents each column. */
import { pgTable, text, boolean, uuid, timestamp, integer, bigint, bigserial, date, jsonb } from 'drizzle-orm/pg-core';

const tz = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
const day = (name: string) => date(name, { mode: 'string' });
const tiyn = (name: string) => bigint(name, { mode: 'number' });

export const person = pgTable('person', {
  iin: text('iin').primaryKey(),
  lastName: text('last_name').notNull(),
  firstName: text('first_name').notNull(),
  patronymic: text('patronymic'),
  birthDate: day('birth_date'),
  searchName: text('search_name').notNull(),
  updatedAt: tz('updated_at').notNull(),
});

export const application = pgTable('application', {
  id: uuid('id').primaryKey().defaultRandom(),
  regNumber: text('reg_number').notNull().unique(),
  regYear: integer('reg_year').notNull(),
  regSeq: integer('reg_seq').notNull(),
  channel: text('channel').notNull(),
  status: text('status').notNull(),
  applicantIin: text('applicant_iin').notNull(),
  representativeIin: text('representative_iin'),
  poaNumber: text('poa_number'),
  poaDate: day('poa_date'),
  poaValidUntil: day('poa_valid_until'),
  ground: text('ground'),
  categoryCode: text('category_code').notNull(),
  iban: text('iban'),
  mobile: text('mobile'),
  /** Language of the notices sent to the applicant (kk | ru), chosen at intake (migration 0026). */
  noticeLang: text('notice_lang').notNull().default('kk'),
  ruralDistrictId: text('rural_district_id').notNull(),
  addressText: text('address_text').notNull(),
  family: jsonb('family').notNull(),
  eventOn: day('event_on'),
  actualCostTiyn: tiyn('actual_cost_tiyn'),
  receivedAt: tz('received_at').notNull(),
  registeredOn: day('registered_on').notNull(),
  rulesVersion: text('rules_version').notNull(),
  track: text('track').notNull(),
  extensionClause: text('extension_clause'),
  extensionReason: text('extension_reason'),
  extensionRecordedOn: day('extension_recorded_on'),
  documentsAcceptedOn: day('documents_accepted_on'),
  routedOn: day('routed_on'),
  surveyReceivedOn: day('survey_received_on'),
  fileReceivedOn: day('file_received_on'),
  specialReceivedOn: day('special_received_on'),
  portalRequestId: text('portal_request_id'),
  edsSignerIin: text('eds_signer_iin'),
  edsSignerName: text('eds_signer_name'),
  createdBy: uuid('created_by'),
  deadlines: jsonb('deadlines').notNull(),
  nextStep: text('next_step'),
  nextRole: text('next_role'),
  nextTargetOn: day('next_target_on'),
  nextHardOn: day('next_hard_on'),
  decisionHardOn: day('decision_hard_on'),
  version: integer('version').notNull(),
  updatedAt: tz('updated_at').notNull(),
});

export const intakeReceipt = pgTable('intake_receipt', {
  id: uuid('id').primaryKey().defaultRandom(),
  number: text('number').notNull().unique(),
  channel: text('channel').notNull(),
  applicantIin: text('applicant_iin').notNull(),
  applicantName: text('applicant_name').notNull(),
  categoryCode: text('category_code').notNull(),
  ruralDistrictId: text('rural_district_id'),
  missing: jsonb('missing').notNull(),
  expired: jsonb('expired').notNull(),
  issuedOn: day('issued_on').notNull(),
  issuedAt: tz('issued_at').notNull(),
  issuedBy: uuid('issued_by'),
  employeeName: text('employee_name'),
});

export const caseDocument = pgTable('case_document', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  applicationId: uuid('application_id'),
  receiptId: uuid('receipt_id'),
  code: text('code').notNull(),
  title: text('title'),
  number: text('number'),
  issuedOn: day('issued_on'),
  expiresOn: day('expires_on'),
  originalSeen: boolean('original_seen').notNull(),
  recordedAt: tz('recorded_at').notNull(),
});

export const dataRequest = pgTable('data_request', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  applicationId: uuid('application_id'),
  receiptId: uuid('receipt_id'),
  kind: text('kind').notNull(),
  requestId: text('request_id').notNull(),
  body: text('body').notNull(),
  items: jsonb('items').notNull(),
  iins: jsonb('iins').notNull(),
  requestedAt: tz('requested_at').notNull(),
  dueOn: day('due_on'),
  answeredAt: tz('answered_at'),
  answers: jsonb('answers'),
});

export const survey = pgTable('survey', {
  applicationId: uuid('application_id').primaryKey(),
  actNumber: text('act_number').notNull(),
  actDate: day('act_date').notNull(),
  commission: text('commission').notNull(),
  refused: boolean('refused').notNull(),
  housing: text('housing'),
  subsidiaryFarm: text('subsidiary_farm'),
  property: text('property'),
  observations: text('observations'),
  familyIncomes: jsonb('family_incomes').notNull(),
  needs: boolean('needs'),
  conclusionNumber: text('conclusion_number'),
  conclusionReason: text('conclusion_reason'),
  recordedAt: tz('recorded_at').notNull(),
  recordedBy: uuid('recorded_by'),
  forwardedOn: day('forwarded_on'),
});

export const incomeCalculation = pgTable('income_calculation', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  applicationId: uuid('application_id').notNull(),
  required: boolean('required').notNull(),
  quarter: text('quarter'),
  members: integer('members'),
  countedTiyn: tiyn('counted_tiyn'),
  perCapitaTiyn: tiyn('per_capita_tiyn'),
  thresholdTiyn: tiyn('threshold_tiyn'),
  aboveThreshold: boolean('above_threshold'),
  inputs: jsonb('inputs').notNull(),
  trace: jsonb('trace').notNull(),
  computedAt: tz('computed_at').notNull(),
});

export const specialConclusion = pgTable('special_conclusion', {
  applicationId: uuid('application_id').primaryKey(),
  needs: boolean('needs').notNull(),
  amountTiyn: tiyn('amount_tiyn'),
  reason: text('reason'),
  concludedOn: day('concluded_on').notNull(),
  recordedAt: tz('recorded_at').notNull(),
  recordedBy: uuid('recorded_by'),
});

export const hearing = pgTable('hearing', {
  applicationId: uuid('application_id').primaryKey(),
  refusalGround: text('refusal_ground').notNull(),
  preliminaryText: text('preliminary_text').notNull(),
  notifiedOn: day('notified_on').notNull(),
  plannedDecisionOn: day('planned_decision_on').notNull(),
  hearingAt: tz('hearing_at'),
  hearingMeans: text('hearing_means'),
  hearingPlace: text('hearing_place'),
  objectionDueOn: day('objection_due_on').notNull(),
  objectionOn: day('objection_on'),
  objectionText: text('objection_text'),
  objectionOral: boolean('objection_oral'),
  protocol: jsonb('protocol'),
  protocolReadOn: day('protocol_read_on'),
  remarksDueOn: day('remarks_due_on'),
  remarksOn: day('remarks_on'),
  remarksText: text('remarks_text'),
  recordedAt: tz('recorded_at').notNull(),
});

export const decision = pgTable('decision', {
  id: uuid('id').primaryKey().defaultRandom(),
  applicationId: uuid('application_id').notNull().unique(),
  number: text('number').notNull().unique(),
  decidedOn: day('decided_on').notNull(),
  decidedAt: tz('decided_at').notNull(),
  outcome: text('outcome').notNull(),
  refusalGround: text('refusal_ground'),
  amountTiyn: tiyn('amount_tiyn'),
  periodicity: text('periodicity'),
  firstPaymentDate: day('first_payment_date'),
  periods: integer('periods'),
  categoryCode: text('category_code').notNull(),
  ground: text('ground'),
  rulesVersion: text('rules_version').notNull(),
  basis: jsonb('basis').notNull(),
  lateReason: text('late_reason'),
  decidedBy: uuid('decided_by'),
});

export const termination = pgTable('termination', {
  applicationId: uuid('application_id').primaryKey(),
  ground: integer('ground').notNull(),
  eventOn: day('event_on').notNull(),
  stopsFrom: day('stops_from').notNull(),
  reason: text('reason'),
  basis: jsonb('basis').notNull(),
  recordedAt: tz('recorded_at').notNull(),
  recordedBy: uuid('recorded_by'),
});

export const changeReport = pgTable('change_report', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  applicationId: uuid('application_id').notNull(),
  circumstance: text('circumstance').notNull(),
  eventOn: day('event_on').notNull(),
  reportedOn: day('reported_on').notNull(),
  dueOn: day('due_on').notNull(),
  late: boolean('late').notNull(),
  recordedAt: tz('recorded_at').notNull(),
});

export const caseReminder = pgTable('case_reminder', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  applicationId: uuid('application_id').notNull(),
  step: text('step').notNull(),
  role: text('role').notNull(),
  level: text('level').notNull(),
  targetOn: day('target_on').notNull(),
  hardOn: day('hard_on').notNull(),
  createdOn: day('created_on').notNull(),
  createdAt: tz('created_at').notNull(),
});

export const portalClient = pgTable('portal_client', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  keyHash: text('key_hash').notNull().unique(),
  active: boolean('active').notNull(),
  createdAt: tz('created_at').notNull(),
});
