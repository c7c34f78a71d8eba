/**
 * The contract of the mobile-citizens database (p.19), run against each implementation (today the fake
 * over the synthetic registry), then the fake's agreement with the generator.
 */
import { it, expect, beforeAll, describe } from 'vitest';
import { describeDb } from '../../../test/db';
import { seedTestRegistry } from '../../../test/registry';
import type { SyntheticHousehold } from '../../demo/population';
import { normalizeMobile, type MobileCitizens } from './port';
import { FakeMobileCitizens } from './fake';

interface Subject {
  readonly mobile: MobileCitizens;
  /** A registered number in E.164. */
  readonly registered: string;
  /** A well-formed number that is not registered. */
  readonly unregistered: string;
}

/** Writes an E.164 Kazakh number the way people type it: `8 (701) 123-45-67`. */
function local(e164: string): string {
  const d = e164.slice(2);
  return `8 (${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8)}`;
}

function mobileContract(subject: () => Subject): void {
  it('knows a registered number in any common notation', async () => {
    const s = subject();
    expect(await s.mobile.isRegistered(s.registered)).toBe(true);
    expect(await s.mobile.isRegistered(local(s.registered))).toBe(true);
    expect(await s.mobile.isRegistered(s.registered.slice(1))).toBe(true);
  });

  it('answers false for an unregistered number and for text that is not a mobile number', async () => {
    const s = subject();
    expect(await s.mobile.isRegistered(s.unregistered)).toBe(false);
    expect(await s.mobile.isRegistered('not a phone')).toBe(false);
    expect(await s.mobile.isRegistered('+1 202 555 0100')).toBe(false);
  });
}

describe('normalizeMobile', () => {
  it('turns the common Kazakh notations into E.164 and rejects others', () => {
    expect(normalizeMobile('+7 701 123 45 67')).toBe('+77011234567');
    expect(normalizeMobile('8 (701) 123-45-67')).toBe('+77011234567');
    expect(normalizeMobile('77011234567')).toBe('+77011234567');
    expect(normalizeMobile('7011234567')).toBe('+77011234567');
    expect(normalizeMobile('+7 727 123 45 67')).toBeNull();
    expect(normalizeMobile('12345')).toBeNull();
  });
});

describeDb('mobile-citizens database (fake)', (getDb) => {
  let households: SyntheticHousehold[] = [];
  beforeAll(async () => {
    households = await seedTestRegistry(getDb());
  });
  const persons = () => households.flatMap((h) => h.persons);

  describe('contract', () => {
    mobileContract(() => {
      const registered = persons().find((p) => p.phone && p.phoneRegistered)?.phone;
      const unregistered = persons().find((p) => p.phone && !p.phoneRegistered)?.phone;
      if (!registered || !unregistered) throw new Error('the test population lacks a registered or an unregistered phone');
      return { mobile: new FakeMobileCitizens({ database: getDb() }), registered, unregistered };
    });
  });

  it('agrees with the generated registration flag for every phone of the first households', async () => {
    const mobile = new FakeMobileCitizens({ database: getDb() });
    const sample = persons().filter((p) => p.phone).slice(0, 150);
    const answers = await Promise.all(sample.map((p) => mobile.isRegistered(p.phone as string)));
    expect(answers).toEqual(sample.map((p) => p.phoneRegistered));
    expect(answers.some((a) => a) && answers.some((a) => !a)).toBe(true);
  });
});
