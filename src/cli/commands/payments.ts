/**
 * Payment commands: the holiday run (p.10, p.25) as a resumable job with a progress bar on a terminal,
 * and the budget allocation (p.21).
 */
import { EXIT, UsageError, type CliCommand, type CliInput } from '../command';
import { DB_OPTIONS, withDatabase } from './platform';
import { systemClock, type Ctx } from '../../context';
import { AppError } from '../../errors';
import { FakeMinistrySystem } from '../../adapters/ministry/fake';
import { registryForm7Stager } from '../../adapters/ministry-bulk/fake';
import { createPorts } from '../../main';
import { notifyHolidayPayments } from '../../payments/notify-holiday-payments';
import { driveHolidayRun, startHolidayRun, type HolidayRun } from '../../payments/run-holiday';
import { setAllocation } from '../../payments/set-allocation';
import { reconcilePayments, type Reconciliation } from '../../payments/reconcile';
import { tengeToTiyn } from '../../rules/money';

function list(v: CliInput['values'][string]): string[] {
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).map(String);
}

function usageOf(e: unknown): never {
  if (e instanceof AppError) throw new UsageError(`${e.code}${e.fields.length ? ': ' + e.fields.map((f) => `${f.path}: ${f.message.split(' | ').pop()}`).join('; ') : ''}`);
  throw e;
}

/** A one-line progress display: a bar on a terminal, plain lines otherwise (for logs and supervisors). */
function progressPrinter(input: CliInput): (run: HolidayRun) => void {
  let last = '';
  return (run) => {
    const done = run.payments + run.alreadyPaid;
    const phase = run.status === 'fetching' ? `fetching form 7: ${run.fetchedRows} rows, ${run.excludedDead} dead, ${run.excludedTerminated} terminated excluded` : run.status === 'creating' || run.status === 'done' ? `payments ${done}/${run.recipients}` : run.status;
    if (input.io.isTty) {
      const ratio = run.status === 'done' ? 1 : run.recipients > 0 && run.status === 'creating' ? done / run.recipients : 0;
      const width = 30;
      const filled = Math.round(ratio * width);
      input.io.err(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}% ${phase}`.padEnd(110) + (run.status === 'done' || run.status === 'failed' ? '\n' : ''));
    } else {
      const line = `progress ${run.status} fetched=${run.fetchedRows} recipients=${run.recipients} payments=${run.payments}\n`;
      if (line !== last) input.io.err(line);
      last = line;
    }
  };
}

const holidayRunCommand: CliCommand = {
  path: ['payments', 'holiday-run'],
  summary: 'Pay a holiday or memorable date to its categories without applications (p.5, p.10, p.25)',
  usage: '--date YYYY-MM-DD [--category CODE ...] [--programme CODE] [--page-size N] [--batch-size N] [--paged] [--no-notify] [--data-dir DIR] [--json]',
  help:
    'Fetches active pension and allowance recipients (form 7) of the categories the district list gives the date,\n' +
    'excludes the dead and the terminated, de-duplicates by IIN, commits the budget and creates the payments.\n' +
    'The run is durable: run the same command again after a crash and it resumes; after it finished, it creates\n' +
    'nothing new and reports the same totals. Exit code 1 when the run failed (e.g. BUDGET_EXCEEDED).\n' +
    'Form 7 is staged set-based through the ministry\'s bulk path; --paged reads it page by page through the\n' +
    'row port instead. --page-size: ministry rows per step (default 10000, up to 200000 in bulk).',
  options: { date: { type: 'string' }, category: { type: 'string', multiple: true }, programme: { type: 'string' }, json: { type: 'boolean' }, 'page-size': { type: 'string' }, 'batch-size': { type: 'string' }, paged: { type: 'boolean' }, 'no-notify': { type: 'boolean' }, ...DB_OPTIONS },
  async run(input) {
    const date = input.values.date as string | undefined;
    if (!date) throw new UsageError('--date YYYY-MM-DD is required');
    const pageSize = input.values['page-size'] === undefined ? 10_000 : Number(input.values['page-size']);
    const maxPage = input.values.paged ? 10_000 : 200_000;
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > maxPage) throw new UsageError(`--page-size must be 1..${maxPage}`);
    const batchSize = input.values['batch-size'] === undefined ? 50_000 : Number(input.values['batch-size']);
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new UsageError('--batch-size must be a whole number ≥ 1');
    return withDatabase(input, async (database, config) => {
      const ctx: Ctx = { database, actor: null, clock: systemClock };
      const started = await startHolidayRun(ctx, { date, categories: list(input.values.category), programme: input.values.programme as string | undefined }).catch(usageOf);
      const run = await driveHolidayRun(ctx, new FakeMinistrySystem({ database }), started.runId, { pageSize, batchSize, onProgress: progressPrinter(input), ...(input.values.paged ? {} : { stager: registryForm7Stager }) });
      const ports = createPorts(config, database);
      if (run.status === 'done' && ports.sms && ports.registeredPhones && !input.values['no-notify']) await notifyHolidayPayments({ database, clock: systemClock, sms: ports.sms, phones: ports.registeredPhones }, { runId: run.runId });
      const out = { runId: run.runId, recipients: run.recipients, payments: run.payments, totalTiyn: run.totalTiyn, status: run.status, ...(run.errorCode ? { errorCode: run.errorCode } : {}) };
      if (input.values.json) input.io.out(JSON.stringify(out) + '\n');
      else
        input.io.out(
          `Run ${run.runId} (${run.date}, ${run.categories.join(', ')}): ${run.status}. Recipients ${run.recipients}, payments ${run.payments}, total ${(run.totalTiyn / 100).toFixed(2)} KZT` +
            `; excluded: ${run.excludedDead} dead, ${run.excludedTerminated} terminated, ${run.excludedNoAccount} without a valid account; already paid ${run.alreadyPaid}.${run.errorCode ? ` Error: ${run.errorCode}.` : ''}\n`,
        );
      return run.status === 'done' ? EXIT.ok : EXIT.negative;
    });
  },
};

const budgetSetCommand: CliCommand = {
  path: ['payments', 'budget', 'set'],
  summary: 'Enter the budget allocation of a financial year and programme (p.21)',
  usage: '--year YYYY --tenge AMOUNT [--programme CODE] [--data-dir DIR]',
  options: { year: { type: 'string' }, tenge: { type: 'string' }, programme: { type: 'string' }, ...DB_OPTIONS },
  async run(input) {
    const year = Number(input.values.year);
    const tenge = input.values.tenge as string | undefined;
    if (!Number.isInteger(year) || !tenge) throw new UsageError('--year and --tenge are required');
    let tiyn: number;
    try {
      tiyn = tengeToTiyn(tenge);
    } catch (e) {
      throw new UsageError(`--tenge: ${(e as Error).message}`);
    }
    return withDatabase(input, async (database) => {
      const a = await setAllocation({ database, actor: null, clock: systemClock }, { year, allocatedTiyn: tiyn, programme: input.values.programme as string | undefined }).catch(usageOf);
      input.io.out(`Allocation ${a.year} ${a.programme}: ${a.allocatedTiyn} tiyn (committed ${a.committedTiyn}, free ${a.availableTiyn}).\n`);
      return EXIT.ok;
    });
  },
};

const tenge = (tiyn: number) => (tiyn / 100).toFixed(2);

/** The reconciliation as text: totals, one line per period × category × rural district, the budget check. */
function reconciliationText(r: Reconciliation, shown: number): string {
  const t = r.totals;
  const lines = [
    `Payments ${t.payments}: decided ${tenge(t.decidedTiyn)} KZT, demanded ${tenge(t.demandedTiyn)}, transferred ${tenge(t.transferredTiyn)}, paid ${tenge(t.paidTiyn)}, returned ${tenge(t.returnedTiyn)}, awaiting re-issue ${tenge(t.awaitingReissueTiyn)}; not yet paid ${tenge(t.differenceTiyn)}.`,
    'period   category                        rural district        payments        decided           paid     difference',
    ...r.rows.map((x) => `${x.period.padEnd(8)} ${x.categoryCode.padEnd(31)} ${x.ruralDistrictId.padEnd(20)} ${String(x.payments).padStart(9)} ${tenge(x.decidedTiyn).padStart(14)} ${tenge(x.paidTiyn).padStart(14)} ${tenge(x.differenceTiyn).padStart(14)}`),
    ...r.budget.map((b) => `Budget ${b.year} ${b.programme}: committed ${tenge(b.committedTiyn)} KZT vs payments ${tenge(b.paymentsCommittedTiyn)}; paid ${tenge(b.paidTiyn)} vs payments ${tenge(b.paymentsPaidTiyn)}: ${b.consistent ? 'consistent' : 'INCONSISTENT'}.`),
    `Not yet paid: ${r.differencesTotal} payment(s)${r.differencesTotal ? `; the first ${Math.min(shown, r.differences.length)}:` : '.'}`,
    ...r.differences.slice(0, shown).map((d) => `  #${d.paymentId} ${d.payOn} ${d.recipientIin} ${d.categoryCode} ${tenge(d.amountTiyn)} KZT ${d.status}, waiting for ${d.waitingFor}`),
  ];
  return lines.join('\n') + '\n';
}

const DAY_OR_MONTH = /^\d{4}-\d{2}(-\d{2})?$/;

const reconcileCommand: CliCommand = {
  path: ['payments', 'reconcile'],
  summary: 'Reconcile decided, demanded, transferred, paid and returned sums (p.21, p.26–p.31)',
  usage: '[--from YYYY-MM[-DD]] [--to YYYY-MM[-DD]] [--rural-district ID] [--category CODE] [--differences N] [--data-dir DIR] [--json]',
  help:
    'Per payment month, category and rural district: what was decided, demanded (p.27), transferred (p.28),\n' +
    'paid (p.29) and returned (p.30), the sums not yet paid payment by payment with the step each waits for,\n' +
    "and whether the budget's commitments and actuals equal the payments behind them (p.21). --from/--to take\n" +
    'a payment month or a payment date (inclusive). --differences: how many unpaid payments to list (default 20).\n' +
    'Exit code 1 when the budget does not match its payments.',
  options: { from: { type: 'string' }, to: { type: 'string' }, 'rural-district': { type: 'string' }, category: { type: 'string' }, differences: { type: 'string' }, json: { type: 'boolean' }, ...DB_OPTIONS },
  async run(input) {
    const from = input.values.from as string | undefined;
    const to = input.values.to as string | undefined;
    for (const [name, v] of [['--from', from], ['--to', to]] as const) if (v !== undefined && !DAY_OR_MONTH.test(v)) throw new UsageError(`${name} must be YYYY-MM or YYYY-MM-DD`);
    const shown = input.values.differences === undefined ? 20 : Number(input.values.differences);
    if (!Number.isInteger(shown) || shown < 0 || shown > 100_000) throw new UsageError('--differences must be 0..100000');
    const filter = {
      ...(from ? (from.length === 7 ? { from } : { fromDate: from }) : {}),
      ...(to ? (to.length === 7 ? { to } : { toDate: to }) : {}),
      ruralDistrictId: (input.values['rural-district'] as string | undefined) ?? null,
      categoryCode: (input.values.category as string | undefined) ?? null,
    };
    return withDatabase(input, async (database) => {
      const r = await reconcilePayments(database, filter, { differencesLimit: shown }).catch(usageOf);
      input.io.out(input.values.json ? JSON.stringify(r) + '\n' : reconciliationText(r, shown));
      return r.budget.every((b) => b.consistent) ? EXIT.ok : EXIT.negative;
    });
  },
};

export const PAYMENT_COMMANDS: readonly CliCommand[] = [holidayRunCommand, budgetSetCommand, reconcileCommand];
