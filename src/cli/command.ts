/**
 * The shape of a `komek` command. Each command lives in src/cli/commands/<group>.ts and is listed once
 * in src/cli/registry.ts. Exit codes are a contract: 0 success, 1 a negative answer (e.g. an invalid
 * IIN), 2 bad usage or bad input.
 */
import type { ParseArgsConfig } from 'node:util';

export const EXIT = { ok: 0, negative: 1, usage: 2 } as const;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** True when stdout is a terminal (progress bars are drawn only then). */
  readonly isTty: boolean;
}

export interface CliInput {
  readonly values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  readonly positionals: string[];
  readonly io: CliIo;
  /** The process environment, passed in once; only src/config.ts interprets it. */
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface CliCommand {
  /** Words that select the command, e.g. ['calendar', 'days-off']. */
  readonly path: readonly string[];
  readonly summary: string;
  /** Usage line after the command words, e.g. '--from YYYY-MM-DD --to YYYY-MM-DD [--json]'. */
  readonly usage: string;
  /** Longer help text shown by --help (options explained). */
  readonly help?: string;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  readonly allowPositionals?: boolean;
  run(input: CliInput): Promise<number>;
}

/** Thrown by a command for bad usage or input; printed to stderr, exit code 2. */
export class UsageError extends Error {}
