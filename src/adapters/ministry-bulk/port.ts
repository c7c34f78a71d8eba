/**
 * The ministry's information system, bulk path (form 7, p.25): instead of returning a page of rows to
 * Node, the adapter delivers one keyset range of active recipients straight into Komek's staging table
 * (holiday_candidate) — the way a form 7 extract is loaded in production (COPY of the received file) and
 * the way the development fake does it (INSERT … SELECT from the synthetic registry). Same contract as
 * MinistrySystem.activeRecipients (src/adapters/ministry/port.ts): benefits in force on `asOf` of the
 * given categories, in id order after `afterId`; plus the holiday run's own rules applied while staging:
 * the dead and the terminated excluded, rows without a valid IBAN excluded, one staged row per IIN with the
 * highest amount of the categories that apply.
 */
import type { Temporal } from 'temporal-polyfill';
import type { Sql } from '../../db/connect';

export interface StageQuery {
  readonly runId: string;
  readonly asOf: Temporal.PlainDate;
  /** Form 7 category → the holiday category it is paid as and the amount (tiyn). */
  readonly categories: readonly { readonly form7: string; readonly holidayCategory: string; readonly amountTiyn: number }[];
  /** Ministry rows with a greater id only. */
  readonly afterId: number;
  /** Number of ministry rows (by id) this call covers at most. */
  readonly limit: number;
}

export interface StageResult {
  /** Ministry rows read in the range (before exclusions). */
  readonly rows: number;
  readonly dead: number;
  readonly terminated: number;
  readonly noAccount: number;
  /** Recipients (IINs) staged for the first time by this range. */
  readonly staged: number;
  /** The id to continue after, or null when the range reached the end. */
  readonly nextAfterId: number | null;
}

export interface Form7Stager {
  /** Stages one range inside the caller's transaction (`sql`), so staging and the run's cursor commit together. */
  stageActiveRecipients(sql: Sql, query: StageQuery): Promise<StageResult>;
}
