/**
 * `komek rules export | import | impact` (issue 6 items 4–5): the district configuration in force as a
 * file in the shipped format, a file imported as a draft (validated: file, path, problem; nothing stored
 * on error), and the what-if impact of a draft file over the registry. (`komek rules evaluate` lives in
 * rules-evaluate.ts.)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { EXIT, UsageError, type CliCommand } from '../command';
import { DB_OPTIONS, withDatabase } from './platform';
import { systemClock } from '../../context';
import { AppError } from '../../errors';
import { computeImpact } from '../../admin/compute-impact';
import { importDistrictConfig } from '../../admin/import-district-config';
import { getRulesVersion, getRulesVersionRow, parseConfigOrFail } from '../../admin/rules-store';
import { selectRulesVersion } from '../../rules/district/config';
import { parseCivilDate } from '../../rules/calendar/calendar';

const today = () => Temporal.Now.plainDateISO('Asia/Almaty');

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${basename(file)}: not valid JSON (${(e as Error).message})`);
  }
}

function explain(e: unknown): never {
  if (e instanceof AppError) throw new UsageError(e.fields.length ? e.fields.map((f) => f.message.split(' | ').pop()).join('\n') : e.code);
  throw e;
}

const exportCommand: CliCommand = {
  path: ['rules', 'export'],
  summary: 'Write the district configuration in force (the shipped file format) to a file',
  usage: '--out FILE [--date YYYY-MM-DD] [--data-dir DIR]',
  help: 'The version in force on --date (default: today in Asia/Almaty), exactly as stored: it can be imported again.',
  options: { out: { type: 'string' }, date: { type: 'string' }, ...DB_OPTIONS },
  async run(input) {
    const out = input.values.out as string | undefined;
    if (!out) throw new UsageError('--out FILE is required');
    const date = input.values.date ? parseCivilDate(input.values.date as string) : today();
    return withDatabase(input, async (database) => {
      const { rowId } = await getRulesVersion(database, date).catch(explain);
      const row = await getRulesVersionRow(database, rowId, date);
      writeFileSync(out, `${JSON.stringify(row.config, null, 2)}\n`);
      input.io.out(`Exported rules version ${row.code} (in force on ${date.toString()}) to ${out}\n`);
      return EXIT.ok;
    });
  },
};

const importCommand: CliCommand = {
  path: ['rules', 'import'],
  summary: 'Import a district configuration file as a draft rules version',
  usage: '--file FILE [--data-dir DIR]',
  help: 'The file is validated first; an error names the file, the path inside it and the problem (exit 2), and nothing is stored.',
  options: { file: { type: 'string' }, ...DB_OPTIONS },
  async run(input) {
    const file = input.values.file as string | undefined;
    if (!file) throw new UsageError('--file FILE is required');
    const json = readJson(file);
    parseConfigOrFailCli(json, basename(file));
    return withDatabase(input, async (database) => {
      const v = await importDistrictConfig({ database, actor: null, clock: systemClock }, { json, fileName: basename(file) }).catch(explain);
      input.io.out(`Imported ${basename(file)} as draft ${v.code} (id ${v.id}, effective from ${v.effectiveFrom}; ${v.exampleCount} values marked example)\n`);
      return EXIT.ok;
    });
  },
};

function parseConfigOrFailCli(json: unknown, fileName: string) {
  try {
    return parseConfigOrFail(json, fileName);
  } catch (e) {
    return explain(e);
  }
}

const impactCommand: CliCommand = {
  path: ['rules', 'impact'],
  summary: 'What-if: eligible households and yearly cost under the version in force vs a draft file',
  usage: '--draft FILE [--as-of YYYY-MM-DD] [--data-dir DIR] [--json]',
  help:
    'Both versions are judged on --as-of (default: the draft\'s latest version\'s effective date) over every household of the registry (reg_*),\n' +
    "on the income quarter before today's quarter (or before --as-of when that is earlier). Only categories with an income test are counted.",
  options: { draft: { type: 'string' }, 'as-of': { type: 'string' }, json: { type: 'boolean' }, ...DB_OPTIONS },
  async run(input) {
    const file = input.values.draft as string | undefined;
    if (!file) throw new UsageError('--draft FILE is required');
    const draftConfig = parseConfigOrFailCli(readJson(file), basename(file));
    const asOf = input.values['as-of'] ? parseCivilDate(input.values['as-of'] as string) : Temporal.PlainDate.from(draftConfig.rulesVersions.at(-1)!.effectiveFrom);
    const now = today();
    return withDatabase(input, async (database) => {
      const { version: current } = await getRulesVersion(database, asOf).catch(explain);
      const draft = selectRulesVersion(draftConfig, asOf);
      const r = await computeImpact(database, { current, draft, asOf, incomeDate: Temporal.PlainDate.compare(now, asOf) < 0 ? now : asOf });
      const side = (s: typeof r.current) => ({ rulesVersion: s.rulesVersion, eligibleHouseholds: s.eligibleHouseholds, eligiblePersons: s.eligiblePersons, yearlyCostTiyn: s.yearlyCostTiyn });
      const out = { asOf: r.asOf, incomeQuarter: r.incomeQuarter, households: r.households, categories: r.categories, current: side(r.current), draft: side(r.draft), gained: r.gained, lost: r.lost, seconds: r.seconds };
      if (input.values.json) input.io.out(`${JSON.stringify(out, null, 2)}\n`);
      else {
        const tenge = (t: number) => (t / 100).toLocaleString('ru-RU', { maximumFractionDigits: 0 });
        input.io.out(
          `Impact on ${r.asOf} over ${r.households} households (income quarter ${r.incomeQuarter}; categories ${r.categories.join(', ')}):\n` +
            `  current ${out.current.rulesVersion}: ${out.current.eligibleHouseholds} households, ${out.current.eligiblePersons} persons, ${tenge(out.current.yearlyCostTiyn)} ₸ a year\n` +
            `  draft   ${out.draft.rulesVersion}: ${out.draft.eligibleHouseholds} households, ${out.draft.eligiblePersons} persons, ${tenge(out.draft.yearlyCostTiyn)} ₸ a year\n` +
            `  gained ${r.gained}, lost ${r.lost} (${r.seconds.total.toFixed(2)} s)\n`,
        );
      }
      return EXIT.ok;
    });
  },
};

export const RULES_ADMIN_COMMANDS: readonly CliCommand[] = [exportCommand, importCommand, impactCommand];
