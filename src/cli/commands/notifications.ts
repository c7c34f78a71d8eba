/** `komek notifications dispatch`: sends the queued decision notices of p.19 (SMS, cabinet, print fallback). */
import { EXIT, UsageError, type CliCommand } from '../command';
import { DB_OPTIONS, withDatabase } from './platform';
import { systemClock } from '../../context';
import { createPorts } from '../../main';
import { dispatchNotifications, type MobileCitizensLookup } from '../../notifications/dispatch-notifications';

const dispatchCommand: CliCommand = {
  path: ['notifications', 'dispatch'],
  summary: 'Send queued decision notices (p.19): SMS, personal cabinet, else the print queue',
  usage: '[--limit N] [--data-dir DIR]',
  help: 'Idempotent and safe to run from several workers at once (rows are taken with FOR UPDATE SKIP LOCKED).\nPrints the counts: sent, delivered, failed, retried, queued for print.',
  options: { limit: { type: 'string' }, ...DB_OPTIONS },
  async run(input) {
    const limit = input.values.limit === undefined ? 1000 : Number(input.values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit must be a whole number ≥ 1');
    return withDatabase(input, async (database, config) => {
      const ports = createPorts(config, database, systemClock);
      const mobileCitizens: MobileCitizensLookup | undefined = ports.mobileCitizens;
      if (!ports.sms || !ports.cabinet || !mobileCitizens) throw new UsageError('the SMS, cabinet and mobile-citizens ports are not configured');
      const r = await dispatchNotifications({ database, clock: systemClock, ports: { sms: ports.sms, cabinet: ports.cabinet, mobileCitizens } }, { limit });
      input.io.out(`Handled ${r.handled}: sent ${r.sent}, delivered ${r.delivered}, failed ${r.failed}, retried later ${r.retried}, queued for print ${r.printQueued}.\n`);
      return EXIT.ok;
    });
  },
};

export const NOTIFICATION_COMMANDS: readonly CliCommand[] = [dispatchCommand];
