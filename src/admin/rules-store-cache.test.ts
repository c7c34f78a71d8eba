import { afterEach, expect, it, vi } from 'vitest';
import { describeDb } from '../../test/db';
import { fixedClock, runCommand } from '../context';
import { bumpRulesGeneration, getLatestRulesConfig, RULES_GENERATION_CACHE_MS } from './rules-store';

describeDb('the per-process cache of the rules generation', (getDb) => {
  afterEach(() => vi.restoreAllMocks());
  const generation = async () => (await getLatestRulesConfig(getDb())).generation;

  it('sees a change made through this process at once, and one made by another process within RULES_GENERATION_CACHE_MS', async () => {
    let ms = 5_000_000;
    vi.spyOn(performance, 'now').mockImplementation(() => ms);
    const g0 = Number(await generation());
    await runCommand({ database: getDb(), clock: fixedClock('2025-03-04T05:00:00Z'), actor: null }, { action: 'test.rules-change', targetType: 'rules_version' }, async ({ sql }) => {
      await bumpRulesGeneration(sql);
      return { result: null, targetId: null };
    });
    expect(Number(await generation())).toBe(g0 + 1);
    // Another process moves the counter.
    await getDb().query('update rules_generation set generation = generation + 1 where id = 1');
    ms += RULES_GENERATION_CACHE_MS - 1;
    expect(Number(await generation())).toBe(g0 + 1);
    ms += 2;
    expect(Number(await generation())).toBe(g0 + 2);
  });
});
