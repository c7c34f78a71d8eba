/**
 * `komek rules evaluate`: evaluates one application described in a JSON file under a district's Rules
 * and prints the decision, amount, deadlines and the clauses applied (docs/rules-evaluate.md).
 * A refusal is a successful evaluation (exit 0); a bad option or an invalid file exits 2.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { EXIT, UsageError, type CliCommand } from '../command';
import { defaultCalendar } from '../../rules/calendar/calendar';
import { decisionDeadline, periodDeadline, precinctRoutingDeadline, preliminaryDecisionNoticeDeadline } from '../../rules/deadlines';
import { parseDistrictConfig, type DistrictConfig } from '../../rules/district/config';
import { isoDate } from '../../rules/district/schema';
import { evaluateApplication, parseApplicationInput, type DeadlineProvider, type EvaluationResult } from '../../rules/evaluate';
import type { Deadline } from '../../rules/explain';
import { formatTenge } from '../../rules/money';
import { formatPath } from '../../rules/params/series';
import { RulesError } from '../../rules/rules-error';

const DISTRICTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../rules/districts');
const DISTRICT_FILES: Readonly<Record<string, string>> = { koksu: 'koksu.json', sample: 'sample-fictional.json' };

/** The case file: the application plus, optionally, the district and the date judged. */
const CaseFileSchema = z.object({
  district: z.enum(['koksu', 'sample']).default('koksu'),
  /** The date the evaluation judges (decision date); default: the application date. */
  asOf: isoDate.optional(),
  application: z.unknown(),
});

/** Loads a district configuration shipped with Komek. */
export function loadDistrict(code: string): DistrictConfig {
  const file = DISTRICT_FILES[code];
  if (!file) throw new UsageError(`unknown district "${code}" (known: ${Object.keys(DISTRICT_FILES).join(', ')})`);
  return parseDistrictConfig(JSON.parse(readFileSync(join(DISTRICTS_DIR, file), 'utf8')), file);
}

/** The deadlines of an application on the national working-day calendar (p.12, p.18). */
export function calendarDeadlines(config: DistrictConfig): DeadlineProvider {
  return (q) => {
    const cal = defaultCalendar();
    const options = { convention: config.countingConvention };
    const out: Deadline[] = [];
    if (q.surveyRequired) out.push(precinctRoutingDeadline(cal, { registeredOn: q.registrationDate }, options));
    const decision = q.track === 'p14-p15' ? periodDeadline(cal, 'decisionExtended', q.registrationDate, options) : decisionDeadline(cal, { registeredOn: q.registrationDate }, options);
    out.push(decision);
    if (q.refusal) out.push(preliminaryDecisionNoticeDeadline(cal, { plannedDecisionOn: decision.date }));
    return out;
  };
}

function toJson(r: EvaluationResult, district: DistrictConfig, asOf: string) {
  return {
    district: district.code,
    asOf,
    outcome: r.outcome,
    amountTiyn: r.amountTiyn,
    amountTenge: r.amountTiyn === null ? null : formatTenge(r.amountTiyn),
    periodicity: r.periodicity,
    category: r.category,
    categoryIsExample: r.categoryIsExample,
    ground: r.ground,
    rulesVersion: r.rulesVersion,
    refusalGrounds: r.refusalGrounds,
    hearingRequired: r.hearingRequired,
    perCapitaIncomeTiyn: r.perCapitaIncomeTiyn,
    thresholdTiyn: r.thresholdTiyn,
    deadlines: r.deadlines.map((d) => ({ clause: d.clause, date: d.date.toString(), explanation: d.explanation })),
    clauses: r.trace,
  };
}

const evaluateCommand: CliCommand = {
  path: ['rules', 'evaluate'],
  summary: 'Evaluate one application under the district Rules: decision, amount, deadlines, clauses',
  usage: '--file case.json [--json] [--lang kk|ru|en]',
  help: [
    'The file holds { "district": "koksu" | "sample", "asOf": "YYYY-MM-DD", "application": { ... } }',
    '(see docs/rules-evaluate.md and docs/examples/). A refusal is a result, exit 0; an invalid file exits 2',
    'naming the bad field. --json prints the full result with the trace of every clause applied.',
  ].join('\n'),
  options: { file: { type: 'string' }, json: { type: 'boolean' }, lang: { type: 'string' } },
  async run(input) {
    const file = input.values.file;
    if (typeof file !== 'string') throw new UsageError('--file case.json is required');
    const lang = input.values.lang ?? 'kk';
    if (lang !== 'kk' && lang !== 'ru' && lang !== 'en') throw new UsageError(`--lang must be kk, ru or en, got "${String(lang)}"`);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new UsageError(`${file}: ${(e as Error).message}`);
    }
    const parsed = CaseFileSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new UsageError(`${file}: ${formatPath(issue.path)}: ${issue.message}`);
    }
    const district = loadDistrict(parsed.data.district);
    let result: EvaluationResult;
    let asOfText: string;
    try {
      const application = parseApplicationInput(parsed.data.application, 'application');
      asOfText = parsed.data.asOf ?? application.applicationDate;
      result = evaluateApplication(application, { asOf: Temporal.PlainDate.from(asOfText), config: district, deadlines: calendarDeadlines(district) });
    } catch (e) {
      if (e instanceof RulesError) throw new UsageError(`${file}: ${e.code}: ${e.message}`);
      if (e instanceof Error && e.name === 'CalendarRangeError') throw new UsageError(`${file}: ${e.message}`);
      throw e;
    }
    if (input.values.json) {
      input.io.out(JSON.stringify(toJson(result, district, asOfText), null, 2) + '\n');
      return EXIT.ok;
    }
    const lines = [
      `${district.name_kk} / ${district.name_ru} — ${result.rulesVersion.id}, ${asOfText}`,
      `outcome: ${result.outcome}${result.amountTiyn !== null ? `, ${formatTenge(result.amountTiyn)} KZT (${result.periodicity})` : ''}${result.refusalGrounds.length ? ` — ${result.refusalGrounds.join(', ')}` : ''}`,
      ...result.deadlines.map((d) => `deadline ${d.clause} ${d.date.toString()}: ${d.explanation[lang]}`),
      '',
      ...result.trace.map((t) => `[${t.clause}] ${t.text[lang]}`),
      '',
    ];
    input.io.out(lines.join('\n'));
    return EXIT.ok;
  },
};

export const RULES_COMMANDS: readonly CliCommand[] = [evaluateCommand];
