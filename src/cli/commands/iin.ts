/** `komek iin check`: validates an individual identification number (ЖСН / ИИН) as form 1 (p.11) needs it. */
import { EXIT, UsageError, type CliCommand } from '../command';
import { checkIin } from '../../rules/identifiers';

const iinCheckCommand: CliCommand = {
  path: ['iin', 'check'],
  summary: 'Check an IIN: length, digits, checksum, century digit; birth date and sex',
  usage: '<IIN> [--json]',
  help: 'Exit 0 when valid, 1 when invalid. --json prints { valid, birthDate, sex, reason }; reason is length | non-digit | checksum | century-digit; birthDate is null when digits 1–6 are not a real date.',
  options: { json: { type: 'boolean' } },
  allowPositionals: true,
  async run(input) {
    if (input.positionals.length !== 1) throw new UsageError('Give exactly one IIN, e.g. `komek iin check 950315300129`');
    const r = checkIin(input.positionals[0] ?? '');
    if (input.values.json) {
      input.io.out(JSON.stringify({ valid: r.valid, birthDate: r.birthDate?.toString() ?? null, sex: r.sex, reason: r.reason }) + '\n');
    } else if (r.valid) {
      input.io.out(`valid: born ${r.birthDate?.toString() ?? 'unknown (digits 1–6 are not a real date)'}, ${r.sex}\n`);
    } else {
      input.io.out(`invalid: ${r.reason}\n`);
    }
    return r.valid ? EXIT.ok : EXIT.negative;
  },
};

export const IIN_COMMANDS: readonly CliCommand[] = [iinCheckCommand];
