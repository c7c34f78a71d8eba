/**
 * The `komek` command: finds the command by its words, parses its options, prints --help, maps
 * UsageError to exit code 2.
 */
import { parseArgs } from 'node:util';
import { EXIT, UsageError, type CliCommand, type CliIo } from './command';
import { COMMANDS } from './registry';

function helpText(cmd: CliCommand): string {
  const lines = [`komek ${cmd.path.join(' ')} ${cmd.usage}`.trimEnd(), '', cmd.summary];
  if (cmd.help) lines.push('', cmd.help);
  const opts = Object.entries(cmd.options);
  if (opts.length) {
    lines.push('', 'Options:');
    for (const [name, o] of opts) lines.push(`  --${name}${o.type === 'string' ? ' <value>' : ''}${o.multiple ? ' (repeatable)' : ''}`);
  }
  lines.push('  --help');
  return lines.join('\n') + '\n';
}

function overview(): string {
  const rows = COMMANDS.map((c) => `  komek ${[...c.path, c.usage].join(' ').padEnd(60)} ${c.summary}`);
  return ['Komek (Көмек) — social assistance for a district, as its Rules say.', '', 'Commands:', ...rows, '', 'Run `komek <command> --help` for details.', ''].join('\n');
}

export async function runCli(argv: string[], env: Readonly<Record<string, string | undefined>>, io: CliIo): Promise<number> {
  const matches = COMMANDS.filter((c) => c.path.every((w, i) => argv[i] === w)).sort((a, b) => b.path.length - a.path.length);
  const cmd = matches[0];
  if (!cmd) {
    if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
      io.out(overview());
      return EXIT.ok;
    }
    io.err(`Unknown command: komek ${argv.join(' ')}\n\n${overview()}`);
    return EXIT.usage;
  }
  const rest = argv.slice(cmd.path.length);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(helpText(cmd));
    return EXIT.ok;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: cmd.options, allowPositionals: cmd.allowPositionals ?? false, strict: true });
  } catch (e) {
    io.err(`${(e as Error).message}\n\n${helpText(cmd)}`);
    return EXIT.usage;
  }
  try {
    return await cmd.run({ values: parsed.values as never, positionals: parsed.positionals, io, env });
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n`);
      return EXIT.usage;
    }
    throw e;
  }
}

export const processIo: CliIo = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
  isTty: Boolean(process.stdout.isTTY),
};
