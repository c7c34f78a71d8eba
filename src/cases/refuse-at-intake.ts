/**
 * p.11: an incomplete set of documents or an expired document → the application is NOT accepted; the
 * applicant gets a receipt on form 1-3 listing what is missing or expired. Nothing is registered: the
 * receipt (its own yearly number, e.g. KOK-R-2025-000007), the documents shown and the form 1-2 answers
 * are kept with it, and the audit entry `application.refuse-at-intake`. Called inside the intake transaction.
 */
import type { Temporal } from 'temporal-polyfill';
import type { Sql } from '../db/connect';
import type { Actor } from '../context';
import type { CaseEnv } from './case-env';
import type { DocumentCheck, DocumentInput, PersonInput } from './intake-form';
import { insertDocumentsAndRequests, type RegisterInput } from './register-application';

export interface IntakeReceipt {
  readonly id: string;
  readonly number: string;
  readonly issuedOn: string;
  readonly missing: DocumentCheck['missing'];
  readonly expired: DocumentCheck['expired'];
}

export async function refuseAtIntake(
  sql: Sql,
  env: CaseEnv,
  actor: Actor | null,
  input: {
    readonly channel: string;
    readonly applicant: PersonInput;
    readonly categoryCode: string;
    readonly ruralDistrictId: string;
    readonly check: DocumentCheck;
    readonly documents: readonly DocumentInput[];
    readonly dataRequests: RegisterInput['dataRequests'];
    readonly at: Temporal.Instant;
    readonly day: Temporal.PlainDate;
  },
): Promise<IntakeReceipt> {
  const year = input.day.year;
  const name = [input.applicant.lastName, input.applicant.firstName, input.applicant.patronymic ?? ''].join(' ').trim();
  const [row] = await sql.query<{ id: string; number: string }>(
    `with n as (select nextval($1::regclass) as last)
     insert into intake_receipt (number, channel, applicant_iin, applicant_name, category_code, rural_district_id, missing, expired, issued_on, issued_at, issued_by, employee_name)
     select $2 || lpad(n.last::text, 6, '0'), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13 from n returning id, number`,
    [
      `intake_receipt_number_${year}`, `${env.numberPrefix}-R-${year}-`, input.channel, input.applicant.iin, name, input.categoryCode, input.ruralDistrictId,
      JSON.stringify(input.check.missing), JSON.stringify(input.check.expired), input.day.toString(), input.at.toString(), actor?.id ?? null, actor?.fullName ?? null,
    ],
  );
  await insertDocumentsAndRequests(sql, { applicationId: null, receiptId: row!.id }, input.documents, input.dataRequests, input.at);
  return { id: row!.id, number: row!.number, issuedOn: input.day.toString(), missing: input.check.missing, expired: input.check.expired };
}
