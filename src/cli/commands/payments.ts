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

export const PAYMENT_COMMANDS: readonly CliCommand[] = [holidayRunCommand, budgetSetCommand];
