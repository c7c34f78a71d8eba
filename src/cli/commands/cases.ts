/**
 * `komek cases remind`: the deadline monitor's durable job — one reminder row per case, step, level and
 * hard date for the responsible role (idempotent; safe to run from cron and from several workers).
 * `komek cases portal-key`: issues the key of the portal system client (form 1-1 intake).
 */
import { EXIT, UsageError, type CliCommand } from '../command';
import { DB_OPTIONS, withDatabase } from './platform';
import { systemClock } from '../../context';

const remindCommand: CliCommand = {
  path: ['cases', 'remind'],
  summary: 'Record reminders of at-risk and overdue case deadlines for the responsible roles (idempotent)',
  usage: '[--as-of YYYY-MM-DD] [--data-dir DIR]',
  help: 'A case is at risk from its target date (1–2 working days before the statutory limit) and overdue after its hard date.\nRunning it again the same day adds nothing.',
  options: { 'as-of': { type: 'string' }, ...DB_OPTIONS },
  async run(input) {
    const { Temporal } = await import('temporal-polyfill');
    const { remindDeadlines } = await import('../../cases/remind-deadlines');
    return withDatabase(input, async (database, config) => {
      const raw = input.values['as-of'] as string | undefined;
      let asOf;
      try {
        asOf = raw ? Temporal.PlainDate.from(raw, { overflow: 'reject' }) : systemClock.now().toZonedDateTimeISO(config.timeZone).toPlainDate();
      } catch {
        throw new UsageError(`--as-of must be a date YYYY-MM-DD, got "${raw}"`);
      }
      const r = await remindDeadlines(database, { asOf, at: systemClock.now() });
      input.io.out(`Reminders added on ${asOf.toString()}: ${r.added} (at risk ${r.atRisk}, overdue ${r.overdue}).\n`);
      return EXIT.ok;
    });
  },
};

const portalKeyCommand: CliCommand = {
  path: ['cases', 'portal-key'],
  summary: 'Issue (or replace) the key of a portal system client for POST /api/portal/applications',
  usage: '--id ID --name NAME [--data-dir DIR]',
  help: 'Prints the key once; only its SHA-256 is stored. The portal sends it as "Authorization: Bearer <key>".',
  options: { id: { type: 'string' }, name: { type: 'string' }, ...DB_OPTIONS },
  async run(input) {
    const id = input.values.id as string | undefined;
    const name = input.values.name as string | undefined;
    if (!id || !/^[a-z0-9._-]{2,64}$/.test(id) || !name) throw new UsageError('--id (a-z0-9._-) and --name are required');
    const { issuePortalClientKey } = await import('../../cases/accept-portal-application');
    return withDatabase(input, async (database) => {
      const r = await issuePortalClientKey({ database, clock: systemClock, actor: null }, { id, name });
      input.io.out(`${r.key}\n`);
      return EXIT.ok;
    });
  },
};

export const CASE_COMMANDS: readonly CliCommand[] = [remindCommand, portalKeyCommand];
