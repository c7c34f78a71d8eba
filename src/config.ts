/**
 * Komek's configuration: read once from the environment (and CLI flags), validated at start. This is
 * the only module that interprets environment variables; everything else receives a `Config`.
 * Every setting is documented in README.md ("Settings").
 */
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const EnvSchema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL').optional(),
  KOMEK_DATA_DIR: z.string().min(1).default('./data'),
  PORT: int(0, 65535).default(3000), // 0: any free port (tests)
  HOST: z.string().min(1).default('127.0.0.1'),
  KOMEK_DISTRICT: z.string().regex(/^[a-z0-9-]+$/, 'a district file name such as "koksu"').default('koksu'),
  KOMEK_DEMO_PERSONS: int(0, 50_000_000).default(40_000),
  KOMEK_DEMO_SEED: int(0, 2 ** 31 - 1).default(20241206),
  KOMEK_DEMO_PASSWORD: z.string().min(8).default('komek-demo'),
  KOMEK_SEED_ON_START: bool.default(true),
  // Load the synthetic registry (reg_*) of KOMEK_DEMO_PERSONS persons on a fresh database at start.
  KOMEK_DEMO_REGISTRY: bool.default(true),
  KOMEK_SESSION_HOURS: int(1, 24 * 30).default(12),
  KOMEK_LOGIN_MAX_FAILURES: int(1, 100).default(5),
  KOMEK_LOGIN_LOCK_MINUTES: int(1, 24 * 60).default(15),
  KOMEK_BODY_LIMIT_KB: int(1, 100_000).default(1024),
  KOMEK_COOKIE_SECURE: bool.default(false),
  KOMEK_TIME_ZONE: z.string().min(1).default('Asia/Almaty'),
  KOMEK_OFFICE_HOURS: z.string().regex(/^\d\d:\d\d-\d\d:\d\d$/, 'HH:MM-HH:MM').default('09:00-18:30'),
  KOMEK_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KOMEK_EGOV_LATENCY_MS: int(0, 60_000).default(0),
  KOMEK_EGOV_FAILURE_RATE: z.coerce.number().min(0).max(1).default(0),
  KOMEK_TRUSTED_CA_FILE: z.string().min(1).optional(),
  // Rehearsals and browser tests of dates to come: the server's clock starts at this instant and runs on.
  KOMEK_CLOCK_START: z.iso.datetime({ offset: true }).optional(),
  // Holiday runs: form 7 rows staged, and payments written, per step (one transaction each).
  KOMEK_HOLIDAY_RUN_STEP_ROWS: int(1, 200_000).default(50_000),
});

export type Config = {
  readonly database: { readonly kind: 'postgres'; readonly url: string } | { readonly kind: 'pglite'; readonly dataDir: string };
  readonly port: number;
  readonly host: string;
  readonly district: string;
  readonly demo: { readonly persons: number; readonly seed: number; readonly password: string; readonly seedOnStart: boolean; readonly population: boolean };
  readonly sessionHours: number;
  readonly login: { readonly maxFailures: number; readonly lockMinutes: number };
  readonly bodyLimitBytes: number;
  readonly cookieSecure: boolean;
  readonly timeZone: string;
  readonly officeHours: { readonly start: string; readonly end: string };
  readonly logLevel: z.infer<typeof EnvSchema>['KOMEK_LOG_LEVEL'];
  readonly egov: { readonly latencyMs: number; readonly failureRate: number };
  readonly trustedCaFile: string | undefined;
  /** The instant the server's clock starts at (it then runs at the real pace); undefined: the real clock. */
  readonly clockStart: string | undefined;
  readonly payments: { readonly holidayRunStepRows: number };
};

/** Settings given on the command line win over the environment. */
export interface ConfigFlags {
  readonly port?: string | number | undefined;
  readonly dataDir?: string | undefined;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Komek cannot start: the configuration has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads and validates the whole configuration at once, reporting every problem, not just the first. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>, flags: ConfigFlags = {}): Config {
  const raw: Record<string, string | undefined> = {};
  for (const key of Object.keys(EnvSchema.shape)) {
    const v = env[key];
    if (v !== undefined && v !== '') raw[key] = v;
  }
  if (flags.port !== undefined) raw.PORT = String(flags.port);
  if (flags.dataDir !== undefined) raw.KOMEK_DATA_DIR = flags.dataDir;
  const parsed = EnvSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}${i.path[0] === 'PORT' && flags.port !== undefined ? ' (from --port)' : ''}`));
  }
  const e = parsed.data;
  const [start, end] = e.KOMEK_OFFICE_HOURS.split('-') as [string, string];
  if (start >= end) throw new ConfigError([`KOMEK_OFFICE_HOURS: the start ${start} must be before the end ${end}`]);
  return {
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL } : { kind: 'pglite', dataDir: e.KOMEK_DATA_DIR },
    port: e.PORT,
    host: e.HOST,
    district: e.KOMEK_DISTRICT,
    demo: { persons: e.KOMEK_DEMO_PERSONS, seed: e.KOMEK_DEMO_SEED, password: e.KOMEK_DEMO_PASSWORD, seedOnStart: e.KOMEK_SEED_ON_START, population: e.KOMEK_DEMO_REGISTRY },
    sessionHours: e.KOMEK_SESSION_HOURS,
    login: { maxFailures: e.KOMEK_LOGIN_MAX_FAILURES, lockMinutes: e.KOMEK_LOGIN_LOCK_MINUTES },
    bodyLimitBytes: e.KOMEK_BODY_LIMIT_KB * 1024,
    cookieSecure: e.KOMEK_COOKIE_SECURE,
    timeZone: e.KOMEK_TIME_ZONE,
    officeHours: { start, end },
    logLevel: e.KOMEK_LOG_LEVEL,
    egov: { latencyMs: e.KOMEK_EGOV_LATENCY_MS, failureRate: e.KOMEK_EGOV_FAILURE_RATE },
    trustedCaFile: e.KOMEK_TRUSTED_CA_FILE,
    clockStart: e.KOMEK_CLOCK_START,
    payments: { holidayRunStepRows: e.KOMEK_HOLIDAY_RUN_STEP_ROWS },
  };
}

/** The names of every setting, for README and `komek --help`. */
export const SETTING_NAMES = Object.keys(EnvSchema.shape);
