/**
 * Starts Komek: opens the configured database (PGlite in a directory by default, PostgreSQL with
 * DATABASE_URL), migrates it, seeds the demo dataset on a fresh database, wires the ports (the only
 * place that chooses real or fake adapters) and serves HTTP.
 */
import { serve } from '@hono/node-server';
import { readFileSync } from 'node:fs';
import pino from 'pino';
import { Temporal } from 'temporal-polyfill';
import type { Config } from './config';
import { openConfiguredDatabase, type Database } from './db/connect';
import { migrate } from './db/migrate';
import { createApp } from './http/app';
import { systemClock, type Clock } from './context';
import { seedDemo } from './admin/seed-demo';
import type { Ports } from './ports';
import { createX509EdsVerifier } from './adapters/eds/x509-verifier';
import { DEMO_CA } from './adapters/portal/fake-portal';
import { createFakeSmsGateway } from './adapters/sms/fake';
import { createFakeCabinet } from './adapters/cabinet/fake';
import { startNotificationWorker } from './notifications/notification-worker';
import { FakeMinistrySystem } from './adapters/ministry/fake';
import { createFakeBank } from './adapters/bank/fake';
import { registryForm7Stager } from './adapters/ministry-bulk/fake';
import { registryPhones } from './adapters/mobile-citizens/registry-phones';
import { FakeMobileCitizens } from './adapters/mobile-citizens/fake';
import { FakeEgovGateway } from './adapters/egov/fake';
import { resumeUnfinishedHolidayRuns, stopHolidayRuns } from './payments/holiday-run-worker';

/** Chooses the implementation of every outside system. Fakes serve the synthetic registry. */
export function createPorts(_config: Config, _database: Database, clock: Clock = systemClock): Ports {
  return {
    // KOMEK_TRUSTED_CA_FILE names the CA that portal EDS signatures must chain to (e.g. the NCA RK root);
    // without it only the KOMEK DEMO CA of the fake portal is trusted. An NCANode-style verification
    // service plugs in here instead: createNcanodeEdsVerifier (src/adapters/eds/).
    eds: createX509EdsVerifier({ trustedCaPem: _config.trustedCaFile ? readFileSync(_config.trustedCaFile, 'utf8') : DEMO_CA.certificatePem, clock }),
    sms: createFakeSmsGateway(),
    cabinet: createFakeCabinet(),
    ministry: new FakeMinistrySystem({ database: _database }),
    bank: createFakeBank({ returnEvery: 50 }),
    ministryBulk: registryForm7Stager,
    registeredPhones: registryPhones(_database),
    mobileCitizens: new FakeMobileCitizens({ database: _database }),
    egov: new FakeEgovGateway({ database: _database, latencyMs: _config.egov.latencyMs, failureRate: _config.egov.failureRate, now: () => clock.now() }),
  };
}

export interface RunningServer {
  readonly port: number;
  readonly database: Database;
  close(): Promise<void>;
}

/** A clock that starts at `iso` and runs at the real pace (KOMEK_CLOCK_START: rehearsing dates to come). */
export function clockStartingAt(iso: string): Clock {
  const offsetMs = Temporal.Instant.from(iso).epochMilliseconds - systemClock.now().epochMilliseconds;
  return { now: () => systemClock.now().add({ milliseconds: offsetMs }) };
}

export async function startServer(config: Config, opts: { clock?: Clock; onLog?: (line: string) => void } = {}): Promise<RunningServer> {
  const log = pino({ level: config.logLevel });
  const clock = opts.clock ?? (config.clockStart ? clockStartingAt(config.clockStart) : systemClock);
  // Every legal date (registration p.12, the hearing windows p.18, deadlines) follows this clock: say so loudly.
  if (config.clockStart && !opts.clock) log.warn({ clockStart: config.clockStart }, 'KOMEK_CLOCK_START is set: the server clock is NOT the real time (rehearsals and tests only — never in production)');
  const database = await openConfiguredDatabase(config.database);
  const applied = await migrate(database);
  if (applied.length) log.info({ applied }, 'migrations applied');
  if (config.demo.seedOnStart) {
    const seeded = await seedDemo(database, clock, config.demo);
    if (seeded.usersAdded.length) log.info({ users: seeded.usersAdded }, 'demo dataset seeded (synthetic)');
  }
  const ports = createPorts(config, database, clock);
  const { app } = createApp({ database, clock, config, log, ports });
  // Decision notices (p.19) leave by SMS / personal cabinet within a minute of the decision.
  const notices =
    ports.sms && ports.cabinet && ports.mobileCitizens
      ? startNotificationWorker({ database, clock, ports: { sms: ports.sms, cabinet: ports.cabinet, mobileCitizens: ports.mobileCitizens }, onError: (e) => log.error({ err: e }, 'notification dispatch failed') }, { intervalMs: 60_000 })
      : null;
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  log.info({ port, database: database.kind }, `Komek is listening on http://${config.host}:${port}`);
  // Holiday runs a stopped process left unfinished resume on their own (p.10: paid without applications).
  await resumeUnfinishedHolidayRuns({ database, clock, ports, log, stepRows: config.payments.holidayRunStepRows });
  return {
    port,
    database,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await notices?.stop();
      await stopHolidayRuns(database);
      await database.close();
    },
  };
}
