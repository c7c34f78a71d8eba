/**
 * Test fixtures of the batch paths (used only by the batch*.test.ts files): the two district configs they
 * judge under, and the traced path's verdict on batch households, which every batch shape must reproduce.
 */
import { Temporal } from 'temporal-polyfill';
import type { BatchHousehold } from './batch';
import { parseDistrictConfig, selectRulesVersion, type DistrictConfig } from './district/config';
import koksuJson from './districts/koksu.json';
import sampleJson from './districts/sample-fictional.json';
import { evaluateApplication, parseApplicationInput } from './evaluate';

export const koksu = parseDistrictConfig(koksuJson, 'koksu.json');
export const sample = parseDistrictConfig(sampleJson, 'sample-fictional.json');
export const d = (s: string) => Temporal.PlainDate.from(s);

/** The traced path's verdict on each household, applying on `asOfText` for `category`. */
export function traced(config: DistrictConfig, asOfText: string, category: string, households: readonly BatchHousehold[]) {
  const asOf = d(asOfText);
  const needsCost = selectRulesVersion(config, asOf).categories.find((c) => c.code === category)!.amountRule.kind === 'actual-cost-capped';
  return households.map((h) => {
    const input = parseApplicationInput({ applicationDate: asOfText, category, family: { members: h.members }, ...(needsCost ? { actualCostTiyn: h.actualCostTiyn, eventDate: asOfText } : {}) });
    return evaluateApplication(input, { asOf, config });
  });
}

/** The households with an actual cost each (i × 10 tenge where none is stated), for actual-cost categories (p.7). */
export const withCosts = (hs: BatchHousehold[]) => hs.map((h, i) => ({ ...h, actualCostTiyn: h.actualCostTiyn ?? i * 1000 }));
