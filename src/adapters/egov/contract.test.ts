/**
 * The contract every e-government gateway (form 1-2, p.11) must keep, run against each implementation
 * listed in IMPLEMENTATIONS (today the fake over the synthetic registry; a real adapter adds an entry that
 * knows a test person of its environment). Fake-only behaviour (failures, latency, agreement with the
 * generator) is tested after the contract.
 */
import { it, expect, beforeAll, describe } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { describeDb } from '../../../test/db';
import { seedTestRegistry, TEST_REGISTRY } from '../../../test/registry';
import { checkIin, makeValidIin } from '../../rules/identifiers';
import type { Database } from '../../db/connect';
import type { SyntheticHousehold, SyntheticPerson } from '../../demo/population';
import { EGOV_ITEMS, type EgovAnswer, type EgovGateway } from './port';
import { FakeEgovGateway } from './fake';

interface Subject {
  readonly gateway: EgovGateway;
  /** A living adult the registers know, in a household of two or more. */
  readonly knownIin: string;
  /** A valid IIN the registers do not know. */
  readonly unknownIin: string;
  readonly asOf: Temporal.PlainDate;
}

function found<A extends EgovAnswer>(answer: A | undefined): Extract<A, { status: 'found' }>['data'] {
  if (!answer || answer.status !== 'found') throw new Error(`expected a found answer, got ${JSON.stringify(answer)}`);
  return (answer as Extract<A, { status: 'found' }>).data;
}

/** The e-gov contract, for any implementation. */
function egovContract(subject: () => Subject): void {
  it('answers every requested IIN once and every requested item, echoing the request id', async () => {
    const s = subject();
    const r = await s.gateway.request({ requestId: 'contract-1', iins: [s.knownIin, s.unknownIin, s.knownIin], items: EGOV_ITEMS, asOf: s.asOf });
    expect(r.requestId).toBe('contract-1');
    expect(r.answeredAt).toBeInstanceOf(Temporal.Instant);
    expect(Object.keys(r.answers).sort()).toEqual([s.knownIin, s.unknownIin].sort());
    for (const iin of [s.knownIin, s.unknownIin]) expect(Object.keys(r.answers[iin] ?? {}).sort()).toEqual([...EGOV_ITEMS].sort());
  });

  it('gives a known person\'s identity consistent with the IIN, and not-found for an unknown IIN', async () => {
    const s = subject();
    const r = await s.gateway.request({ requestId: 'contract-2', iins: [s.knownIin, s.unknownIin], items: ['identity', 'disability'], asOf: s.asOf });
    const identity = found(r.answers[s.knownIin]?.identity);
    const check = checkIin(s.knownIin);
    expect(identity.iin).toBe(s.knownIin);
    expect(identity.sex).toBe(check.sex);
    expect(identity.birthDate.equals(check.birthDate as Temporal.PlainDate)).toBe(true);
    expect(r.answers[s.unknownIin]?.identity).toEqual({ status: 'not-found', data: null });
    expect(r.answers[s.unknownIin]?.disability).toEqual({ status: 'not-found', data: null });
  });

  it('answers a malformed IIN with an INVALID_IIN error', async () => {
    const s = subject();
    const bad = `${s.knownIin.slice(0, 11)}${(Number(s.knownIin[11]) + 1) % 10}`;
    const r = await s.gateway.request({ requestId: 'contract-3', iins: [bad], items: ['identity'], asOf: s.asOf });
    expect(r.answers[bad]?.identity).toEqual({ status: 'error', data: { code: 'INVALID_IIN' } });
  });

  it('lists the person in their own family with valid IINs for every member', async () => {
    const s = subject();
    const r = await s.gateway.request({ requestId: 'contract-4', iins: [s.knownIin], items: ['family'], asOf: s.asOf });
    const family = found(r.answers[s.knownIin]?.family);
    expect(family.members.length).toBeGreaterThanOrEqual(2);
    expect(family.members.some((m) => m.iin === s.knownIin && m.relation === family.relation)).toBe(true);
    for (const m of family.members) expect(checkIin(m.iin).valid).toBe(true);
  });

  it('reports incomes only for the twelve full months before the month of asOf', async () => {
    const s = subject();
    const r = await s.gateway.request({ requestId: 'contract-5', iins: [s.knownIin], items: ['incomes'], asOf: s.asOf });
    const incomes = found(r.answers[s.knownIin]?.incomes);
    expect(incomes.to.equals(s.asOf.toPlainYearMonth().subtract({ months: 1 }))).toBe(true);
    expect(incomes.from.equals(s.asOf.toPlainYearMonth().subtract({ months: 12 }))).toBe(true);
    for (const m of incomes.months) {
      expect(Temporal.PlainYearMonth.compare(m.month, incomes.from)).toBeGreaterThanOrEqual(0);
      expect(Temporal.PlainYearMonth.compare(m.month, incomes.to)).toBeLessThanOrEqual(0);
      expect(Number.isSafeInteger(m.amountTiyn) && m.amountTiyn >= 0).toBe(true);
    }
  });

  it('gives only pensions and allowances in force on asOf', async () => {
    const s = subject();
    const r = await s.gateway.request({ requestId: 'contract-6', iins: [s.knownIin], items: ['pensions'], asOf: s.asOf });
    for (const b of found(r.answers[s.knownIin]?.pensions)) {
      expect(Temporal.PlainDate.compare(b.from, s.asOf)).toBeLessThanOrEqual(0);
      if (b.to) expect(Temporal.PlainDate.compare(b.to, s.asOf)).toBeGreaterThanOrEqual(0);
    }
  });
}

// ------------------------------------------------------------------------------------------ the fake

const age = (p: SyntheticPerson): number => Temporal.PlainDate.from(p.birthDate).until(TEST_REGISTRY.asOf, { largestUnit: 'years' }).years;

/** A living adult with wages and a pension or allowance in a household of several, from the generator. */
function pickPerson(households: readonly SyntheticHousehold[]): { household: SyntheticHousehold; person: SyntheticPerson } {
  for (const household of households) {
    if (household.persons.length < 3) continue;
    for (const person of household.persons) {
      if (person.deathDate || age(person) < 18) continue;
      const hasIncome = household.incomes.some((i) => i.personId === person.id && i.type === 'wages');
      const hasBenefit = household.benefits.some((b) => b.personId === person.id && b.to === null);
      if (hasIncome && hasBenefit && household.persons.every((p) => !p.deathDate)) return { household, person };
    }
  }
  throw new Error('no suitable test person in the synthetic population');
}

/** A valid IIN outside the synthetic population (born 1 Jan 1901, which the generator never produces). */
function unknownIin(): string {
  for (let serial = 0; ; serial++) {
    const iin = makeValidIin(Temporal.PlainDate.from('1901-01-01'), 'male', serial);
    if (iin) return iin;
  }
}

describeDb('e-gov gateway (fake)', (getDb) => {
  let households: SyntheticHousehold[] = [];
  let subjectPerson: { household: SyntheticHousehold; person: SyntheticPerson };
  const gateway = (db: Database, extra: Partial<ConstructorParameters<typeof FakeEgovGateway>[0]> = {}): FakeEgovGateway => new FakeEgovGateway({ database: db, ...extra });

  beforeAll(async () => {
    households = await seedTestRegistry(getDb());
    subjectPerson = pickPerson(households);
  });

  describe('contract', () => {
    egovContract(() => ({ gateway: gateway(getDb()), knownIin: subjectPerson.person.iin, unknownIin: unknownIin(), asOf: TEST_REGISTRY.asOf }));
  });

  it('serves exactly the incomes, benefits and family the generator produced', async () => {
    const { household, person } = subjectPerson;
    const r = await gateway(getDb()).request({ requestId: 'oracle', iins: [person.iin], items: ['incomes', 'pensions', 'family', 'property', 'address'], asOf: TEST_REGISTRY.asOf });
    const a = r.answers[person.iin];
    expect(found(a?.incomes).months.map((m) => ({ month: m.month.toString(), type: m.type, amountTiyn: m.amountTiyn })).sort((x, y) => (x.month + x.type).localeCompare(y.month + y.type))).toEqual(
      household.incomes.filter((i) => i.personId === person.id).map((i) => ({ month: i.month, type: i.type, amountTiyn: i.amountTiyn })).sort((x, y) => (x.month + x.type).localeCompare(y.month + y.type)),
    );
    expect(found(a?.pensions).map((b) => `${b.category}:${b.amountTiyn}`).sort()).toEqual(
      household.benefits.filter((b) => b.personId === person.id && b.from <= TEST_REGISTRY.asOf.toString() && (b.to === null || b.to >= TEST_REGISTRY.asOf.toString())).map((b) => `${b.category}:${b.amountTiyn}`).sort(),
    );
    expect(found(a?.family).members.map((m) => m.iin)).toEqual(household.persons.map((p) => p.iin));
    expect(found(a?.property)).toHaveLength(household.property.filter((p) => p.personId === person.id).length);
    expect(found(a?.address)).toMatchObject({ ruralDistrictId: household.ruralDistrictId, village: household.village, street: household.street, house: household.house });
  });

  it('does not know a person before their birth and hides a death after asOf', async () => {
    const all = households.flatMap((h) => h.persons);
    const dead = all.find((p) => p.deathDate !== null);
    if (!dead?.deathDate) throw new Error('no death in the test population');
    const beforeDeath = Temporal.PlainDate.from(dead.deathDate).subtract({ days: 1 });
    const r = await gateway(getDb()).request({ requestId: 'dates', iins: [dead.iin], items: ['identity'], asOf: beforeDeath });
    expect(found(r.answers[dead.iin]?.identity).deathDate).toBeNull();
    const r2 = await gateway(getDb()).request({ requestId: 'dates', iins: [dead.iin], items: ['identity'], asOf: TEST_REGISTRY.asOf });
    expect(found(r2.answers[dead.iin]?.identity).deathDate?.toString()).toBe(dead.deathDate);
    const r3 = await gateway(getDb()).request({ requestId: 'dates', iins: [dead.iin], items: ['identity'], asOf: Temporal.PlainDate.from(dead.birthDate).subtract({ days: 1 }) });
    expect(r3.answers[dead.iin]?.identity?.status).toBe('not-found');
  });

  it('fails a configured share of answers, the same ones for the same request id', async () => {
    const iins = households.flatMap((h) => h.persons).slice(0, 100).map((p) => p.iin);
    const g = gateway(getDb(), { failureRate: 0.3, seed: 'flaky' });
    const errorsOf = async (requestId: string): Promise<string[]> => {
      const r = await g.request({ requestId, iins, items: ['identity', 'disability'], asOf: TEST_REGISTRY.asOf });
      return Object.entries(r.answers).flatMap(([iin, a]) => Object.entries(a).filter(([, v]) => v?.status === 'error').map(([item]) => `${iin}:${item}`));
    };
    const first = await errorsOf('req-A');
    expect(first.length).toBeGreaterThan(30);
    expect(first.length).toBeLessThan(90);
    expect(await errorsOf('req-A')).toEqual(first);
    expect(await errorsOf('req-B')).not.toEqual(first);
    const none = await gateway(getDb(), { failureRate: 0 }).request({ requestId: 'req-A', iins, items: ['identity'], asOf: TEST_REGISTRY.asOf });
    expect(Object.values(none.answers).every((a) => a.identity?.status === 'found')).toBe(true);
    expect(() => gateway(getDb(), { failureRate: 1.5 })).toThrow(RangeError);
  });

  it('waits the configured latency, drawn per request within the range', async () => {
    const waits: number[] = [];
    const g = gateway(getDb(), { latencyMs: { min: 200, max: 900 }, sleep: async (ms) => void waits.push(ms), now: () => Temporal.Instant.from('2026-11-25T05:00:00Z') });
    const r = await g.request({ requestId: 'slow-1', iins: [subjectPerson.person.iin], items: ['identity'], asOf: TEST_REGISTRY.asOf });
    await g.request({ requestId: 'slow-1', iins: [subjectPerson.person.iin], items: ['identity'], asOf: TEST_REGISTRY.asOf });
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBe(waits[1]);
    expect(waits[0]).toBeGreaterThanOrEqual(200);
    expect(waits[0]).toBeLessThanOrEqual(900);
    expect(r.answeredAt.toString()).toBe('2026-11-25T05:00:00Z');
  });

  it('reports disability, disease and probation as the registry holds them', async () => {
    const all = households.flatMap((h) => h.persons).filter((p) => !p.deathDate);
    const disabled = all.find((p) => p.disabilityGroup !== null);
    const child = all.find((p) => p.childDisability);
    const ill = all.find((p) => p.diseaseCode !== null);
    const onProbation = all.find((p) => p.probation !== null);
    const picked = [disabled, child, ill, onProbation].filter((p): p is SyntheticPerson => p !== undefined);
    expect(picked).toHaveLength(4);
    const r = await gateway(getDb()).request({ requestId: 'registers', iins: picked.map((p) => p.iin), items: ['disability', 'disease', 'probation'], asOf: TEST_REGISTRY.asOf });
    for (const p of picked) {
      expect(found(r.answers[p.iin]?.disability)).toEqual({ group: p.disabilityGroup, childDisability: p.childDisability });
      expect(found(r.answers[p.iin]?.disease)).toEqual({ code: p.diseaseCode });
      expect(found(r.answers[p.iin]?.probation).status).toBe(p.probation);
    }
  });
});
