/** Platform commands: serve, migrate, seed demo, user add, audit verify (issue 2 item 2). */
import { ConfigError, loadConfig, type Config } from '../../config';
import { EXIT, UsageError, type CliCommand, type CliInput } from '../command';
import type { Database } from '../../db/connect';
import { ROLES, type Role } from '../../auth/roles';

// Heavy modules (the database drivers, the HTTP app) load only when a command that needs them runs,
// so that `komek iin check` or `komek --help` start in a fraction of a second.
const lazy = {
  db: () => import('../../db/connect'),
  migrate: () => import('../../db/migrate'),
  seed: () => import('../../admin/seed-demo'),
  users: () => import('../../admin/add-user'),
  audit: () => import('../../audit/audit'),
  errors: () => import('../../errors'),
  main: () => import('../../main'),
  clock: async () => (await import('../../context')).systemClock,
};

export const DB_OPTIONS = { 'data-dir': { type: 'string' } } as const;

/** The configuration for a command, with --data-dir (and --port) taking precedence over the environment. */
export function configFor(input: CliInput): Config {
  try {
    return loadConfig(input.env, { dataDir: input.values['data-dir'] as string | undefined, port: input.values.port as string | undefined });
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(e.message);
    throw e;
  }
}

/** Opens and migrates the configured database for the duration of `fn`. */
export async function withDatabase<T>(input: CliInput, fn: (database: Database, config: Config) => Promise<T>): Promise<T> {
  const config = configFor(input);
  const database = await (await lazy.db()).openConfiguredDatabase(config.database);
  try {
    await (await lazy.migrate()).migrate(database);
    return await fn(database, config);
  } finally {
    await database.close();
  }
}

const serveCommand: CliCommand = {
  path: ['serve'],
  summary: 'Start the Komek server (migrates and seeds the demo dataset on a fresh database)',
  usage: '[--port N] [--data-dir DIR]',
  help: 'Without DATABASE_URL the embedded PGlite database lives in --data-dir (default ./data).',
  options: { port: { type: 'string' }, ...DB_OPTIONS },
  async run(input) {
    const config = configFor(input);
    const server = await (await lazy.main()).startServer(config);
    input.io.err(`Komek: http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${server.port} (${server.database.kind}${config.database.kind === 'pglite' ? `, data in ${config.database.dataDir}` : ''})\n`);
    await new Promise<void>((resolve) => {
      const stop = () => void server.close().then(resolve);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return EXIT.ok;
  },
};

const migrateCommand: CliCommand = {
  path: ['migrate'],
  summary: 'Apply the database migrations',
  usage: '[--data-dir DIR]',
  options: { ...DB_OPTIONS },
  async run(input) {
    const config = configFor(input);
    const database = await (await lazy.db()).openConfiguredDatabase(config.database);
    try {
      const applied = await (await lazy.migrate()).migrate(database);
      input.io.out(applied.length ? `Applied: ${applied.join(', ')}\n` : 'The database is up to date.\n');
    } finally {
      await database.close();
    }
    return EXIT.ok;
  },
};

const seedDemoCommand: CliCommand = {
  path: ['seed', 'demo'],
  summary: 'Seed the synthetic Koksu demo dataset (idempotent)',
  usage: '[--persons N] [--seed N] [--data-dir DIR]',
  options: { persons: { type: 'string' }, seed: { type: 'string' }, ...DB_OPTIONS },
  async run(input) {
    return withDatabase(input, async (database, config) => {
      const persons = input.values.persons === undefined ? config.demo.persons : Number(input.values.persons);
      const seed = input.values.seed === undefined ? config.demo.seed : Number(input.values.seed);
      if (!Number.isInteger(persons) || persons < 0) throw new UsageError('--persons must be a whole number ≥ 0');
      if (!Number.isInteger(seed) || seed < 0) throw new UsageError('--seed must be a whole number ≥ 0');
      const r = await (await lazy.seed()).seedDemo(database, await lazy.clock(), { ...config.demo, persons, seed, population: true });
      input.io.out(`Demo dataset (synthetic) ready. Users added: ${r.usersAdded.join(', ') || 'none'}.\n`);
      return EXIT.ok;
    });
  },
};

const userAddCommand: CliCommand = {
  path: ['user', 'add'],
  summary: 'Add a user with a role',
  usage: '--username NAME --full-name "Full Name" --role ROLE [--rural-district ID] [--data-dir DIR]',
  help: `The password is read from the KOMEK_NEW_PASSWORD environment variable or from standard input.\nRoles: ${ROLES.join(', ')}`,
  options: { username: { type: 'string' }, 'full-name': { type: 'string' }, role: { type: 'string' }, 'rural-district': { type: 'string' }, ...DB_OPTIONS },
  async run(input) {
    const { username, role } = input.values as Record<string, string | undefined>;
    const fullName = input.values['full-name'] as string | undefined;
    if (!username || !fullName || !role) throw new UsageError('--username, --full-name and --role are required');
    if (!(ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
    const password = input.env.KOMEK_NEW_PASSWORD ?? (await readStdin()).trim();
    if (password.length < 10) throw new UsageError('the password must have at least 10 characters (KOMEK_NEW_PASSWORD or standard input)');
    return withDatabase(input, async (database) => {
      const { AppError } = await lazy.errors();
      try {
        const user = await (await lazy.users()).addUser({ database, clock: await lazy.clock(), actor: null }, { username, fullName, role: role as Role, password, ruralDistrictId: (input.values['rural-district'] as string | undefined) ?? null });
        input.io.out(`Added ${user.username} (${user.role}), id ${user.id}\n`);
        return EXIT.ok;
      } catch (e) {
        if (e instanceof AppError) throw new UsageError(`${e.code}: ${e.fields.map((f) => `${f.path}: ${f.message.split(' | ').pop()}`).join('; ')}`);
        throw e;
      }
    });
  },
};

const auditVerifyCommand: CliCommand = {
  path: ['audit', 'verify'],
  summary: 'Verify the audit log hash chains; reports the first broken link',
  usage: '[--json] [--data-dir DIR]',
  options: { json: { type: 'boolean' }, ...DB_OPTIONS },
  async run(input) {
    return withDatabase(input, async (database) => {
      const r = await (await lazy.audit()).verifyAudit(database);
      if (input.values.json) input.io.out(JSON.stringify(r) + '\n');
      else if (r.ok) input.io.out(`Audit log intact: ${r.checked} entries checked.\n`);
      else input.io.out(`Audit log BROKEN at entry ${r.firstBroken!.id} (lane ${r.firstBroken!.lane}, seq ${r.firstBroken!.seq}): ${r.firstBroken!.reason}\n`);
      return r.ok ? EXIT.ok : EXIT.negative;
    });
  },
};

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export const PLATFORM_COMMANDS: readonly CliCommand[] = [serveCommand, migrateCommand, seedDemoCommand, userAddCommand, auditVerifyCommand];
