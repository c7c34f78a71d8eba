/// <reference types="vite/client" />
/**
 * Runs the legal scenarios written as data in eligibility-*.json: each names the district, the date
 * judged, the input, the expected result (or error code) and the clauses its explanation must cite.
 */
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import koksuJson from '../districts/koksu.json';
import sampleJson from '../districts/sample-fictional.json';
import { parseDistrictConfig, type DistrictConfig } from '../district/config';
import { evaluateApplication, parseApplicationInput } from '../evaluate';
import type { TraceStep } from '../explain';
import { RulesError } from '../rules-error';
import { TerminationInputSchema, terminateAssistance } from '../termination';

interface Scenario {
  name: string;
  kind: 'evaluate' | 'terminate';
  district: 'koksu' | 'sample';
  asOf: string;
  input: unknown;
  expected: Record<string, unknown>;
  clauses: string[];
}

const districts: Record<Scenario['district'], DistrictConfig> = {
  koksu: parseDistrictConfig(koksuJson, 'koksu.json'),
  sample: parseDistrictConfig(sampleJson, 'sample-fictional.json'),
};

const files = import.meta.glob<{ scenarios: Scenario[] }>('./eligibility-*.json', { eager: true, import: 'default' });

function run(s: Scenario): { result: Record<string, unknown>; trace: readonly TraceStep[] } {
  const config = districts[s.district];
  const asOf = Temporal.PlainDate.from(s.asOf);
  if (s.kind === 'terminate') {
    const t = TerminationInputSchema.parse(s.input);
    const r = terminateAssistance({ ground: t.ground, circumstanceDate: Temporal.PlainDate.from(t.circumstanceDate), assistanceGround: t.assistanceGround }, config);
    return { result: { terminates: r.terminates, stopFrom: r.stopFrom?.toString() ?? null }, trace: r.trace };
  }
  const r = evaluateApplication(parseApplicationInput(s.input), { asOf, config });
  return { result: r as unknown as Record<string, unknown>, trace: r.trace };
}

const all = Object.entries(files).flatMap(([file, mod]) => mod.scenarios.map((s) => ({ file, s })));

describe('legal scenarios (eligibility, amounts, refusals, termination)', () => {
  it('has at least 20 scenarios', () => expect(all.length).toBeGreaterThanOrEqual(20));

  for (const { file, s } of all) {
    it(`${file.replace('./', '')}: ${s.name}`, () => {
      if ('error' in s.expected) {
        let code: string | undefined;
        try {
          run(s);
        } catch (e) {
          if (!(e instanceof RulesError)) throw e;
          code = e.code;
        }
        expect(code).toBe(s.expected.error);
        return;
      }
      const { result, trace } = run(s);
      expect(result).toMatchObject(s.expected);
      const cited = new Set(trace.map((t) => t.clause));
      for (const c of s.clauses) expect([...cited], `clause ${c} cited`).toContain(c);
      for (const step of trace) {
        for (const lang of ['kk', 'ru', 'en'] as const) {
          expect(step.text[lang].length, `${step.clause} has ${lang} text`).toBeGreaterThan(0);
          expect(step.text[lang], `${step.clause} ${lang} has every placeholder filled`).not.toMatch(/\{\w+\}/);
        }
      }
    });
  }
});
