import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import koksuJson from '../districts/koksu.json';
import sampleJson from '../districts/sample-fictional.json';
import { subsistenceMinimumAt } from '../amounts';
import { resolveParameter } from '../params/series';
import { RulesError } from '../rules-error';
import { findCategory, parseDistrictConfig, selectRulesVersion } from './config';

const d = (s: string) => Temporal.PlainDate.from(s);
const clone = <T>(x: T): T => structuredClone(x);

function errorOf(f: () => unknown): RulesError {
  try {
    f();
  } catch (e) {
    if (e instanceof RulesError) return e;
    throw e;
  }
  throw new Error('expected a RulesError');
}

describe('district configuration', () => {
  const koksu = parseDistrictConfig(koksuJson, 'koksu.json');

  it('loads Koksu with its ten rural districts, seven grounds and category 7.11 that is not an example', () => {
    expect(koksu.ruralDistricts).toHaveLength(10);
    expect(koksu.grounds.map((g) => g.code)).toEqual(['6.1', '6.2', '6.3', '6.4', '6.5', '6.6', '6.7']);
    const c711 = findCategory(selectRulesVersion(koksu, d('2025-03-01')), '7.11');
    expect(c711.example).toBe(false);
    expect(c711.amountRule).toEqual({ kind: 'percent-of', parameter: 'sanatorium-guaranteed-sum', percent: 70 });
    expect(c711.incomeTest.required).toBe(false);
  });

  it('labels every Koksu category other than 7.11 (as amended) "example — to be confirmed against decision 15-63"', () => {
    for (const c of koksu.categories.filter((c) => c.example)) expect(c.note).toMatch(/example — to be confirmed against decision 15-63/);
    expect(koksu.categories.filter((c) => !c.example).map((c) => c.code)).toEqual(['7.11']);
  });

  it('loads the fictional Sample district with the same code: a district is only configuration', () => {
    const sample = parseDistrictConfig(sampleJson, 'sample-fictional.json');
    expect(sample.fictional).toBe(true);
    expect(sample.name_kk).toBe('Үлгі ауданы');
    expect(selectRulesVersion(sample, d('2025-01-01')).id).toBe('S-1');
  });

  it('selects "15-63 as adopted" the day before 35-140 takes effect and "as amended by 35-140" on that day', () => {
    expect(selectRulesVersion(koksu, d('2024-12-23')).id).toBe('15-63');
    const amended = selectRulesVersion(koksu, d('2024-12-24'));
    expect(amended.id).toBe('35-140');
    expect(amended.effectiveFromStatus).toBe('assumed');
    expect(selectRulesVersion(koksu, d('2024-12-23')).effectiveUntil).toBe('2024-12-23');
  });

  it('moves the version boundary when the effective date of 35-140 is changed in the configuration', () => {
    const json = clone(koksuJson);
    json.rulesVersions[1]!.effectiveFrom = '2025-01-05';
    const cfg = parseDistrictConfig(json, 'koksu.json');
    expect(selectRulesVersion(cfg, d('2025-01-04')).id).toBe('15-63');
    expect(selectRulesVersion(cfg, d('2025-01-05')).id).toBe('35-140');
  });

  it('has no rules version before 15-63 takes effect', () => {
    expect(errorOf(() => selectRulesVersion(koksu, d('2023-06-01'))).code).toBe('NO_RULES_VERSION');
  });

  it('resolves every series of both districts, and the applicable subsistence minimum, on every day 2023..2027 to one value or "no value in force"', () => {
    const sample = parseDistrictConfig(sampleJson, 'sample-fictional.json');
    for (const cfg of [koksu, sample]) {
      for (let day = d('2023-01-01'); Temporal.PlainDate.compare(day, d('2027-12-31')) <= 0; day = day.add({ days: 1 })) {
        const iso = day.toString();
        for (const s of cfg.parameterSeries.values()) {
          // Oracle without the resolver: the entries whose [from, until or next from) contains the day.
          const claim = s.entries.filter((e, i) => {
            const next = s.entries[i + 1];
            return e.from <= iso && (e.until !== undefined ? iso <= e.until : next === undefined || iso < next.from);
          });
          expect(claim.length).toBeLessThanOrEqual(1);
          const r = resolveParameter(s, day);
          expect(r.kind === 'value' ? r.value : null).toBe(claim[0]?.value ?? null);
        }
        let sm: number | string;
        try {
          sm = subsistenceMinimumAt(cfg, day).value;
        } catch (e) {
          sm = (e as RulesError).code;
        }
        expect(typeof sm === 'number' ? sm > 0 : sm === 'NO_VALUE_IN_FORCE').toBe(true);
      }
    }
  });

  describe('rejects a malformed file with the file, the path inside it and the problem', () => {
    it('a category amount multiple that is not a number', () => {
      const json = clone(koksuJson) as any;
      json.categories[3].amountRule.n = 'ten';
      const e = errorOf(() => parseDistrictConfig(json, 'koksu.json'));
      expect(e.code).toBe('INVALID_DISTRICT_CONFIG');
      expect(e.path).toBe('categories[3].amountRule.n');
      expect(e.message).toMatch(/^koksu\.json: categories\[3\]\.amountRule\.n: .*number/);
    });

    it('an unknown amount rule kind', () => {
      const json = clone(koksuJson) as any;
      json.categories[0].amountRule = { kind: 'percent', n: 3 };
      expect(errorOf(() => parseDistrictConfig(json, 'k.json')).path).toBe('categories[0].amountRule.kind');
    });

    it('a ground that p.6 does not have', () => {
      const json = clone(koksuJson) as any;
      json.categories[2].ground = '6.9';
      expect(errorOf(() => parseDistrictConfig(json, 'k.json')).path).toBe('categories[2].ground');
    });

    it('a percent-of rule naming a parameter that does not exist', () => {
      const json = clone(koksuJson) as any;
      json.categories[10].amountRule.parameter = 'no-such-sum';
      const e = errorOf(() => parseDistrictConfig(json, 'k.json'));
      expect(e.path).toBe('categories[10].amountRule.parameter');
      expect(e.message).toMatch(/unknown parameter series "no-such-sum"/);
    });

    it('overlapping entries in a district parameter series', () => {
      const json = clone(koksuJson) as any;
      json.series[0].entries.push({ ...json.series[0].entries[0] });
      const e = errorOf(() => parseDistrictConfig(json, 'k.json'));
      expect(e.code).toBe('INVALID_DISTRICT_CONFIG');
      expect(e.path).toBe('series[0].entries[1]');
      expect(e.message).toMatch(/^k\.json: series\[0\]\.entries\[1\]: .*overlaps/);
    });

    it('a holiday on a day that does not exist', () => {
      const json = clone(koksuJson) as any;
      json.holidays[1].date = '02-30';
      expect(errorOf(() => parseDistrictConfig(json, 'k.json')).path).toBe('holidays[1].date');
    });

    it('the same category code twice in one rules version', () => {
      const json = clone(koksuJson) as any;
      json.categories[1].code = '7.1';
      const e = errorOf(() => parseDistrictConfig(json, 'k.json'));
      expect(e.path).toBe('categories[1].code');
      expect(e.message).toMatch(/appears twice/);
    });

    it('rules versions out of date order', () => {
      const json = clone(koksuJson) as any;
      json.rulesVersions[1].effectiveFrom = '2023-01-01';
      expect(errorOf(() => parseDistrictConfig(json, 'k.json')).path).toBe('rulesVersions[1].effectiveFrom');
    });

    it('a missing required field', () => {
      const json = clone(koksuJson) as any;
      delete json.incomeCatalogue.livestockAndLandExcluded;
      expect(errorOf(() => parseDistrictConfig(json, 'k.json')).path).toBe('incomeCatalogue.livestockAndLandExcluded');
    });
  });
});
