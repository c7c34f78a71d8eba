/**
 * The State Corporation and the payment organisations behind it (PAYMENT_ORG: second-tier banks, Kazpost):
 * they receive payment orders (p.29), credit recipients' accounts, fail orders they cannot credit (closed
 * account, invalid IBAN), return sums later (p.30), and charge service fees (p.32). The answer comes back as
 * a bank statement: one line per order, in the file format of docs/payment-files.md, imported by
 * src/payments/import-bank-statement.ts (the same path as a file uploaded by a person).
 */

/** One payment order as sent (p.29). */
export interface PaymentOrderLine {
  readonly reference: string;
  readonly recipientIin: string;
  readonly recipientName: string;
  readonly iban: string;
  readonly amountTiyn: number;
}

export const STATEMENT_STATUSES = ['credited', 'failed', 'returned'] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];

/** Reasons a payment organisation gives for a failed or returned order. */
export const BANK_REASONS = ['account-closed', 'invalid-iban', 'recipient-deceased', 'account-blocked', 'name-mismatch'] as const;
export type BankReason = (typeof BANK_REASONS)[number];

export interface StatementLine {
  readonly reference: string;
  readonly status: StatementStatus;
  readonly amountTiyn: number;
  /** ISO date of crediting, failure or return. */
  readonly date: string;
  readonly reason: BankReason | null;
  /** p.32: the service fee charged for this order. */
  readonly feeTiyn: number;
}

export interface SubmitOrdersInput {
  /** The batch's id (the demand's), unique per submission. */
  readonly batchId: string;
  /** ISO date the orders are issued. */
  readonly issuedOn: string;
  readonly orders: readonly PaymentOrderLine[];
}

export interface PaymentOrganisation {
  /** Accepts a batch of payment orders; answers how many it accepted for processing. */
  submitOrders(input: SubmitOrdersInput): Promise<{ readonly accepted: number }>;
  /** The statement of a submitted batch as a file (CSV of docs/payment-files.md), or null if not ready. */
  statementFile(batchId: string): Promise<{ readonly fileName: string; readonly content: string } | null>;
}
