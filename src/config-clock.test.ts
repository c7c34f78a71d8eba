import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { ConfigError, loadConfig } from './config';
import { clockStartingAt } from './main';

describe('KOMEK_CLOCK_START (rehearsing dates to come)', () => {
  it('is the real clock unless set, and refuses a value that is not an instant with its offset', () => {
    expect(loadConfig({}).clockStart).toBeUndefined();
    expect(loadConfig({ KOMEK_CLOCK_START: '2027-03-01T10:00:00+05:00' }).clockStart).toBe('2027-03-01T10:00:00+05:00');
    expect(() => loadConfig({ KOMEK_CLOCK_START: '2027-03-01' })).toThrow(ConfigError);
  });

  it('starts the server clock at the instant and lets it run', async () => {
    const clock = clockStartingAt('2027-03-01T10:00:00+05:00');
    const first = clock.now();
    expect(Math.abs(first.epochMilliseconds - Temporal.Instant.from('2027-03-01T05:00:00Z').epochMilliseconds)).toBeLessThan(5_000);
    await new Promise((r) => setTimeout(r, 30));
    expect(clock.now().epochMilliseconds).toBeGreaterThan(first.epochMilliseconds);
  });
});
