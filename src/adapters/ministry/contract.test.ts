/**
 * The contract every implementation of the ministry's system (form 7, p.25) must keep, run against each
 * entry of IMPLEMENTATIONS-style subjects below (today the fake over the synthetic registry). Then the
 * fake's agreement with the generator.
 */
import { it, expect, beforeAll, describe } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { describeDb } from '../../../test/db';
import { seedTestRegistry, TEST_REGISTRY } from '../../../test/registry';
import { checkIin } from '../../rules/identifiers';
import type { SyntheticHousehold } from '../../demo/population';
import type { ActiveRecipientsQuery, Form7Row, MinistrySystem } from './port';
import { FakeMinistrySystem } from './fake';

interface Subject {
  readonly ministry: MinistrySystem;
  readonly asOf: Temporal.PlainDate;
}

/** Walks every page of a query and returns all rows and the number of pages. */
async function walk(ministry: MinistrySystem, query: Omit<ActiveRecipientsQuery, 'afterId'>): Promise<{ rows: Form7Row[]; pages: number }> {
  const rows: Form7Row[] = [];
  let afterId: number | undefined;
  let pages = 0;
  for (;;) {
    const page = await ministry.activeRecipients(afterId === undefined ? query : { ...query, afterId });
    pages++;
    rows.push(...page.rows);
    if (page.nextAfterId === null) return { rows, pages };
    afterId = page.nextAfterId;
  }
}

/** The form 7 contract, for any implementation. */
function ministryContract(subject: () => Subject): void {
  it('pages in strictly increasing id order, and small pages give exactly the rows of one big page', async () => {
    const s = subject();
    const small = await walk(s.ministry, { asOf: s.asOf, limit: 37 });
    const big = await walk(s.ministry, { asOf: s.asOf, limit: 10_000 });
    expect(small.rows.length).toBeGreaterThan(37);
    expect(small.pages).toBeGreaterThan(1);
    expect(small.rows.map((r) => r.id)).toEqual(big.rows.map((r) => r.id));
    for (let i = 1; i < small.rows.length; i++) expect((small.rows[i] as Form7Row).id).toBeGreaterThan((small.rows[i - 1] as Form7Row).id);
  });

  it('returns only benefits in force on asOf, with valid IINs and whole-tiyn amounts', async () => {
    const s = subject();
    const { rows } = await walk(s.ministry, { asOf: s.asOf, limit: 500 });
    for (const r of rows) {
      expect(Temporal.PlainDate.compare(r.period.from, s.asOf)).toBeLessThanOrEqual(0);
      if (r.period.to) expect(Temporal.PlainDate.compare(r.period.to, s.asOf)).toBeGreaterThanOrEqual(0);
      expect(checkIin(r.iin).valid).toBe(true);
      expect(Number.isSafeInteger(r.amountTiyn) && r.amountTiyn > 0).toBe(true);
    }
  });

  it('filters by benefit kind and by category', async () => {
    const s = subject();
    const pensions = await walk(s.ministry, { asOf: s.asOf, benefitKinds: ['pension'], limit: 1000 });
    expect(pensions.rows.length).toBeGreaterThan(0);
    expect(pensions.rows.every((r) => r.kind === 'pension')).toBe(true);
    const disability = await walk(s.ministry, { asOf: s.asOf, categories: ['disability-1', 'disability-2'], limit: 1000 });
    expect(disability.rows.length).toBeGreaterThan(0);
    expect(disability.rows.every((r) => r.category === 'disability-1' || r.category === 'disability-2')).toBe(true);
    const none = await s.ministry.activeRecipients({ asOf: s.asOf, categories: [], limit: 10 });
    expect(none).toEqual({ rows: [], nextAfterId: null });
  });

  it('rejects a page size outside 1..10,000', async () => {
    const s = subject();
    await expect(s.ministry.activeRecipients({ asOf: s.asOf, limit: 0 })).rejects.toThrow(RangeError);
    await expect(s.ministry.activeRecipients({ asOf: s.asOf, limit: 10_001 })).rejects.toThrow(RangeError);
  });
}

describeDb('ministry system (fake)', (getDb) => {
  let households: SyntheticHousehold[] = [];
  beforeAll(async () => {
    households = await seedTestRegistry(getDb());
  });

  describe('contract', () => {
    ministryContract(() => ({ ministry: new FakeMinistrySystem({ database: getDb() }), asOf: TEST_REGISTRY.asOf }));
  });

  it('lists exactly the generated benefits in force on asOf, with the recipient\'s identity and district', async () => {
    const asOf = TEST_REGISTRY.asOf.toString();
    const persons = new Map(households.flatMap((h) => h.persons.map((p) => [p.id, { p, h }] as const)));
    const expected = households
      .flatMap((h) => h.benefits)
      .filter((b) => b.from <= asOf && (b.to === null || b.to >= asOf))
      .map((b) => {
        const who = persons.get(b.personId);
        return `${b.id}|${who?.p.iin}|${who?.h.ruralDistrictId}|${b.category}|${b.amountTiyn}|${b.iban}`;
      });
    const { rows } = await walk(new FakeMinistrySystem({ database: getDb() }), { asOf: TEST_REGISTRY.asOf, limit: 250 });
    expect(rows.map((r) => `${r.id}|${r.iin}|${r.ruralDistrictId}|${r.category}|${r.amountTiyn}|${r.iban}`)).toEqual(expected);
  });

  it('answers for another date from the benefits in force then', async () => {
    const earlier = TEST_REGISTRY.asOf.subtract({ years: 3 });
    const { rows } = await walk(new FakeMinistrySystem({ database: getDb() }), { asOf: earlier, limit: 1000 });
    const count = households.flatMap((h) => h.benefits).filter((b) => b.from <= earlier.toString() && (b.to === null || b.to >= earlier.toString())).length;
    expect(rows).toHaveLength(count);
  });
});
