/**
 * Loading a district configuration (already parsed JSON + the file's name; reading the file happens
 * outside src/rules) and choosing the version of the district's Rules in force at a date: "15-63 as
 * adopted" or "15-63 as amended by 35-140" for Koksu.
 */
import { Temporal } from 'temporal-polyfill';
import type { Text } from '../explain';
import { NATIONAL_PARAMETERS } from '../params/national';
import { formatPath, isoDateOf, loadParameterSeries, type ParameterSeries } from '../params/series';
import { RulesError } from '../rules-error';
import { DistrictConfigSchema, type Category, type DistrictConfigData, type GroundCode, type Holiday } from './schema';

/** A validated district configuration with every dated parameter it may use (national + its own). */
export interface DistrictConfig extends DistrictConfigData {
  readonly fileName: string;
  readonly parameterSeries: ReadonlyMap<string, ParameterSeries>;
}

/** One version of the district's Rules and the categories and holidays it contains. */
export interface RulesVersion {
  readonly id: string;
  readonly act: string;
  readonly title: Text;
  readonly effectiveFrom: string;
  /** Last day in force (the day before the next version), or undefined while it is the latest. */
  readonly effectiveUntil: string | undefined;
  readonly effectiveFromStatus: 'official' | 'assumed' | 'example';
  readonly inForceClause: string;
  readonly categories: readonly Category[];
  readonly holidays: readonly Holiday[];
  readonly config: DistrictConfig;
}

function fail(fileName: string, path: readonly PropertyKey[], problem: string): never {
  const p = formatPath(path);
  throw new RulesError('INVALID_DISTRICT_CONFIG', `${fileName}: ${p}: ${problem}`, p);
}

/**
 * Validates a district configuration. A malformed file fails with a message naming the file, the path
 * inside it (e.g. `categories[3].amountRule.n`) and the problem (RulesError 'INVALID_DISTRICT_CONFIG').
 */
export function parseDistrictConfig(json: unknown, fileName: string, national: ReadonlyMap<string, ParameterSeries> = NATIONAL_PARAMETERS): DistrictConfig {
  const parsed = DistrictConfigSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    fail(fileName, issue.path, issue.message);
  }
  const data = parsed.data;

  const seriesMap = new Map(national);
  data.series.forEach((raw, i) => {
    let s: ParameterSeries;
    try {
      s = loadParameterSeries(raw, `series[${i}]`);
    } catch (e) {
      throw new RulesError('INVALID_DISTRICT_CONFIG', `${fileName}: ${(e as Error).message}`, (e as RulesError).path);
    }
    if (seriesMap.has(s.id)) fail(fileName, ['series', i, 'id'], `series "${s.id}" is already defined${national.has(s.id) ? ' nationally' : ''}`);
    seriesMap.set(s.id, s);
  });

  const needSeries = (path: PropertyKey[], id: string, unit: ParameterSeries['unit']) => {
    const s = seriesMap.get(id);
    if (!s) fail(fileName, path, `unknown parameter series "${id}"`);
    if (s.unit !== unit) fail(fileName, path, `series "${id}" has unit ${s.unit}, expected ${unit}`);
    return s;
  };
  needSeries(['parameters', 'thresholdMultiple'], data.parameters.thresholdMultiple, 'thousandths');
  const choice = needSeries(['parameters', 'subsistenceMinimumSeries'], data.parameters.subsistenceMinimumSeries, 'series');
  const choiceIndex = data.series.findIndex((s) => s.id === choice.id);
  choice.entries.forEach((e, j) => {
    if (typeof e.value === 'string') needSeries(['series', choiceIndex, 'entries', j, 'value'], e.value, 'tiyn');
  });

  const versionIds = new Set<string>();
  data.rulesVersions.forEach((v, i) => {
    if (versionIds.has(v.id)) fail(fileName, ['rulesVersions', i, 'id'], `duplicate rules version "${v.id}"`);
    versionIds.add(v.id);
    const prev = data.rulesVersions[i - 1];
    if (prev && v.effectiveFrom <= prev.effectiveFrom) fail(fileName, ['rulesVersions', i, 'effectiveFrom'], `must be after the previous version's ${prev.effectiveFrom}`);
  });

  const groundCodes = new Set<GroundCode>();
  data.grounds.forEach((g, i) => {
    if (groundCodes.has(g.code)) fail(fileName, ['grounds', i, 'code'], `duplicate ground ${g.code}`);
    groundCodes.add(g.code);
  });

  const rural = new Set<string>();
  data.ruralDistricts.forEach((r, i) => {
    if (rural.has(r.code)) fail(fileName, ['ruralDistricts', i, 'code'], `duplicate rural district "${r.code}"`);
    rural.add(r.code);
  });

  const typeCodes = new Set<string>();
  data.incomeCatalogue.types.forEach((t, i) => {
    if (typeCodes.has(t.code)) fail(fileName, ['incomeCatalogue', 'types', i, 'code'], `duplicate income type "${t.code}"`);
    typeCodes.add(t.code);
  });

  const codesByVersion = new Map<string, Set<string>>([...versionIds].map((v) => [v, new Set<string>()]));
  data.categories.forEach((c, i) => {
    for (const [k, v] of (c.versions ?? []).entries()) if (!versionIds.has(v)) fail(fileName, ['categories', i, 'versions', k], `unknown rules version "${v}"`);
    for (const v of c.versions ?? versionIds) {
      const codes = codesByVersion.get(v)!;
      if (codes.has(c.code)) fail(fileName, ['categories', i, 'code'], `category ${c.code} appears twice in rules version "${v}"`);
      codes.add(c.code);
    }
    const rule = c.amountRule;
    if (rule.kind === 'percent-of') needSeries(['categories', i, 'amountRule', 'parameter'], rule.parameter, 'tiyn');
    if (rule.kind === 'actual-cost-capped' && rule.capRule.kind === 'percent-of') needSeries(['categories', i, 'amountRule', 'capRule', 'parameter'], rule.capRule.parameter, 'tiyn');
    if (c.limitParameter !== undefined) needSeries(['categories', i, 'limitParameter'], c.limitParameter, 'tiyn');
    if (c.incomeTest.thresholdMultiple !== undefined && !c.incomeTest.required) fail(fileName, ['categories', i, 'incomeTest', 'thresholdMultiple'], 'a threshold multiple needs required: true');
  });
  data.holidays.forEach((h, i) => {
    if (h.amountRule.kind === 'percent-of') needSeries(['holidays', i, 'amountRule', 'parameter'], h.amountRule.parameter, 'tiyn');
  });

  return { ...data, fileName, parameterSeries: seriesMap };
}

/** The district's dated series by id (national or its own); throws if the configuration lacks it. */
export function seriesOf(config: DistrictConfig, id: string): ParameterSeries {
  const s = config.parameterSeries.get(id);
  if (!s) throw new RulesError('INVALID_DISTRICT_CONFIG', `${config.fileName}: unknown parameter series "${id}"`, id);
  return s;
}

/**
 * The version of the district's Rules in force on `relevantDate` (for an application: its registration
 * date). Versions are side by side in the configuration, each from its effective date until the next
 * starts. Throws RulesError('NO_RULES_VERSION') before the first version.
 */
const VERSIONS = new WeakMap<DistrictConfig, RulesVersion[]>();

export function selectRulesVersion(config: DistrictConfig, relevantDate: Temporal.PlainDate): RulesVersion {
  const date = isoDateOf(relevantDate);
  const versions = config.rulesVersions;
  let index = -1;
  versions.forEach((v, i) => {
    if (v.effectiveFrom <= date) index = i;
  });
  const v = versions[index];
  if (!v) {
    throw new RulesError('NO_RULES_VERSION', `${config.fileName}: no version of the Rules is in force on ${date} (the first takes effect on ${versions[0]?.effectiveFrom})`);
  }
  let built = VERSIONS.get(config);
  if (!built) {
    built = [];
    VERSIONS.set(config, built);
  }
  const cached = built[index];
  if (cached) return cached;
  const next = versions[index + 1];
  const version: RulesVersion = {
    id: v.id,
    act: v.act,
    title: { kk: v.title_kk, ru: v.title_ru, en: v.title_en },
    effectiveFrom: v.effectiveFrom,
    effectiveUntil: next ? Temporal.PlainDate.from(next.effectiveFrom).subtract({ days: 1 }).toString() : undefined,
    effectiveFromStatus: v.effectiveFromStatus,
    inForceClause: v.inForceClause,
    categories: config.categories.filter((c) => !c.versions || c.versions.includes(v.id)),
    holidays: config.holidays,
    config,
  };
  built[index] = version;
  return version;
}

/** The category with this code in a rules version; throws RulesError('UNKNOWN_CATEGORY'). */
export function findCategory(version: RulesVersion, code: string): Category {
  const c = version.categories.find((x) => x.code === code);
  if (!c) throw new RulesError('UNKNOWN_CATEGORY', `category ${code} is not in rules version "${version.id}" of ${version.config.fileName}`, 'category');
  return c;
}
