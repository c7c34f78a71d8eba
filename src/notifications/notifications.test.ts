import { beforeAll, describe, expect, it } from 'vitest';
import { describeDb, createTestDatabase, dbKinds } from '../../test/db';
import { insertDecidedCase } from '../../test/decided-case';
import { seedRuralDistricts, KOKSU_RURAL_DISTRICTS } from '../admin/seed-demo';
import { fixedClock } from '../context';
import { createFakeSmsGateway } from '../adapters/sms/fake';
import { createFakeCabinet } from '../adapters/cabinet/fake';
import { enqueueDecisionNotice } from './enqueue-decision-notice';
import { dispatchNotifications, type MobileCitizensLookup, type NotificationPorts } from './dispatch-notifications';
import { listApplicationNotifications, listPrintQueue } from './list-notifications';
import { markNoticePrinted } from './mark-notice-printed';
import { markNoticeHandedOver } from './mark-notice-handed-over';
import { startNotificationWorker } from './notification-worker';
import { smsText, cabinetText } from './notice-texts';
import { Temporal } from 'temporal-polyfill';
import { AppError } from '../errors';
import type { Database } from '../db/connect';

const REGISTERED = '+77011234567';
const NOT_REGISTERED = '+77779998877';
const mobileCitizens: MobileCitizensLookup = { isRegistered: async (p) => p === REGISTERED };
const at = Temporal.Instant.from('2025-03-14T06:00:00Z');

function makePorts() {
  const sms = createFakeSmsGateway();
  const cabinet = createFakeCabinet();
  const ports: NotificationPorts = { sms, cabinet, mobileCitizens };
  return { sms, cabinet, ports };
}

async function decide(database: Database, opts: Parameters<typeof insertDecidedCase>[1] & { portal?: boolean; lang?: 'kk' | 'ru' }) {
  return database.transaction(async ({ sql }) => {
    const c = await insertDecidedCase(sql, opts);
    const queued = await enqueueDecisionNotice(sql, { applicationId: c.applicationId, decisionId: c.decisionId, outcome: opts.outcome, phone: opts.mobile ?? null, portal: opts.portal ?? false, at, ...(opts.lang ? { lang: opts.lang } : {}) });
    return { ...c, queued };
  });
}

describe('notice texts (p.19)', () => {
  const grant = { outcome: 'grant' as const, decisionNumber: 'ШЕШ-2025-000017', decidedOn: '2025-03-14', regNumber: 'KOK-2025-000101', amountTiyn: 4_325_000, refusalGround: null };
  const refuse = { ...grant, outcome: 'refuse' as const, amountTiyn: null, refusalGround: 'p.20.3' };

  it('state the decision number, date and amount of a grant in Kazakh and Russian', () => {
    expect(smsText(grant, 'kk')).toContain('№ШЕШ-2025-000017, 14.03.2025');
    expect(smsText(grant, 'kk')).toContain('43 250,00 тг');
    expect(smsText(grant, 'ru')).toContain('решение №ШЕШ-2025-000017 от 14.03.2025');
  });

  it('name the p.20 clause of a refusal and how to appeal', () => {
    expect(smsText(refuse, 'kk')).toContain('20.3-т.');
    expect(smsText(refuse, 'kk')).toContain('шағым');
    expect(smsText(refuse, 'ru')).toContain('п. 20.3');
    expect(smsText(refuse, 'ru')).toContain('обжаловать');
    expect(cabinetText(refuse, 'ru').text).toContain('среднедушевой доход выше');
  });

  it('stay within four SMS segments of Cyrillic text (4 × 67 characters)', () => {
    for (const f of [grant, refuse]) for (const lang of ['kk', 'ru'] as const) expect(smsText(f, lang).length).toBeLessThanOrEqual(268);
  });
});

describeDb('decision notices (p.19)', (getDb) => {
  beforeAll(async () => {
    await seedRuralDistricts(getDb(), KOKSU_RURAL_DISTRICTS);
  });

  it('queue an SMS for a number, a print-queue entry without one, and a cabinet notice due within 1 working day for portal applications', async () => {
    const withPhone = await decide(getDb(), { outcome: 'grant', mobile: REGISTERED });
    expect(withPhone.queued.map((q) => q.channel)).toEqual(['sms']);
    const noPhone = await decide(getDb(), { outcome: 'refuse' });
    expect(noPhone.queued.map((q) => q.channel)).toEqual(['print']);
    // Decided on Friday 14 March 2025: the next working day is Monday 17 March.
    const portal = await decide(getDb(), { outcome: 'grant', channel: 'PORTAL', mobile: REGISTERED, portal: true, decidedOn: '2025-03-14' });
    expect(portal.queued.map((q) => [q.channel, q.dueOn])).toEqual([['sms', null], ['cabinet', '2025-03-17']]);
  });

  it('enqueue nothing twice for the same decision', async () => {
    const c = await decide(getDb(), { outcome: 'grant', mobile: REGISTERED });
    const again = await getDb().transaction(({ sql }) => enqueueDecisionNotice(sql, { applicationId: c.applicationId, decisionId: c.decisionId, outcome: 'grant', phone: REGISTERED, portal: false, at }));
    expect(again).toEqual([]);
    expect(await listApplicationNotifications(getDb(), c.applicationId)).toHaveLength(1);
  });

  it('write nothing when the decision transaction rolls back', async () => {
    let applicationId = '';
    await expect(
      getDb().transaction(async ({ sql }) => {
        const c = await insertDecidedCase(sql, { outcome: 'grant', mobile: REGISTERED });
        applicationId = c.applicationId;
        await enqueueDecisionNotice(sql, { applicationId: c.applicationId, decisionId: c.decisionId, outcome: 'grant', phone: REGISTERED, portal: false, at });
        throw new Error('decision failed');
      }),
    ).rejects.toThrow('decision failed');
    expect(await listApplicationNotifications(getDb(), applicationId)).toEqual([]);
  });
});

describeDb('dispatching notices (p.19)', (getDb) => {
  beforeAll(async () => {
    await seedRuralDistricts(getDb(), KOKSU_RURAL_DISTRICTS);
  });

  async function drain(ports: NotificationPorts, clock = fixedClock('2025-03-14T06:05:00Z')) {
    // Each dispatcher run handles every due row; earlier suites' rows may be due as well.
    return dispatchNotifications({ database: getDb(), ports, clock }, { limit: 1000 });
  }

  it('sends an SMS to a registered number, then records its delivery', async () => {
    const { sms, ports } = makePorts();
    const c = await decide(getDb(), { outcome: 'grant', mobile: REGISTERED, lang: 'ru' });
    await drain(ports);
    const mine = sms.sent.filter((m) => m.text.includes(c.decisionNumber));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.phone).toBe(REGISTERED);
    expect(mine[0]!.text).toContain('Социальная помощь назначена');
    expect((await listApplicationNotifications(getDb(), c.applicationId)).map((n) => n.status)).toEqual(['sent']);
    await drain(ports, fixedClock('2025-03-14T06:07:00Z'));
    expect((await listApplicationNotifications(getDb(), c.applicationId)).map((n) => n.status)).toEqual(['delivered']);
  });

  it('prints instead when the number is not in the mobile-citizens database', async () => {
    const { sms, ports } = makePorts();
    const c = await decide(getDb(), { outcome: 'refuse', mobile: NOT_REGISTERED });
    await drain(ports);
    expect(sms.sent.filter((m) => m.text.includes(c.decisionNumber))).toEqual([]);
    const notices = await listApplicationNotifications(getDb(), c.applicationId);
    expect(notices.map((n) => [n.channel, n.status, n.lastError])).toEqual([
      ['sms', 'failed', 'NOT_IN_MOBILE_CITIZENS_DATABASE'],
      ['print', 'queued', null],
    ]);
  });

  it('retries an unavailable gateway later with the same key and sends once', async () => {
    const { sms, ports } = makePorts();
    const c = await decide(getDb(), { outcome: 'grant', mobile: REGISTERED });
    sms.failNext(1, 'unavailable');
    const clock = fixedClock('2025-03-14T06:05:00Z');
    // Only this case's row can fail first: earlier rows were sent by the previous tests' runs.
    await drain(ports, clock);
    let [n] = await listApplicationNotifications(getDb(), c.applicationId);
    expect([n!.status, n!.attempts]).toEqual(['queued', 1]);
    await drain(ports, clock); // not due yet: the retry waits a minute
    expect(sms.sent.filter((m) => m.text.includes(c.decisionNumber))).toHaveLength(0);
    clock.advance({ minutes: 2 });
    await drain(ports, clock);
    [n] = await listApplicationNotifications(getDb(), c.applicationId);
    expect(['sent', 'delivered']).toContain(n!.status);
    expect(sms.sent.filter((m) => m.text.includes(c.decisionNumber))).toHaveLength(1);
  });

  it('falls back to print when the gateway rejects the number or the SMS is undeliverable', async () => {
    const { sms, ports } = makePorts();
    const rejected = await decide(getDb(), { outcome: 'grant', mobile: REGISTERED });
    sms.failNext(1, 'rejected');
    await drain(ports);
    expect((await listApplicationNotifications(getDb(), rejected.applicationId)).map((n) => [n.channel, n.status])).toEqual([
      ['sms', 'failed'],
      ['print', 'queued'],
    ]);
    const lost = await decide(getDb(), { outcome: 'grant', mobile: REGISTERED });
    sms.undeliverableTo(REGISTERED);
    await drain(ports);
    await drain(ports, fixedClock('2025-03-14T06:07:00Z'));
    const notices = await listApplicationNotifications(getDb(), lost.applicationId);
    expect(notices.map((n) => [n.channel, n.status, n.lastError])).toEqual([
      ['sms', 'failed', 'SMS_UNDELIVERABLE'],
      ['print', 'queued', null],
    ]);
  });

  it('delivers the portal cabinet notice, retrying while the portal is down', async () => {
    const { cabinet, ports } = makePorts();
    const c = await decide(getDb(), { outcome: 'refuse', channel: 'PORTAL', portal: true, refusalGround: 'p.20.1' });
    cabinet.failNext(1);
    const clock = fixedClock('2025-03-14T06:05:00Z');
    await drain(ports, clock);
    clock.advance({ minutes: 2 });
    await drain(ports, clock);
    const mine = cabinet.delivered.filter((d) => d.decisionNumber === c.decisionNumber);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.form).toBe('6');
    expect(mine[0]!.iin).toBe(c.applicantIin);
    expect(mine[0]!.text).toContain('20-тармағының 1)-тармақшасы');
    const notices = await listApplicationNotifications(getDb(), c.applicationId);
    expect(notices.map((n) => [n.channel, n.status])).toEqual([
      ['print', 'queued'],
      ['cabinet', 'delivered'],
    ]);
  });

  it('lets the print queue be printed, then handed over — in that order only', async () => {
    const c = await decide(getDb(), { outcome: 'refuse' });
    const [notice] = (await listPrintQueue(getDb(), { status: 'queued', limit: 10_000 })).filter((n) => n.applicationId === c.applicationId);
    expect(notice).toBeDefined();
    const ctx = { database: getDb(), actor: { id: '00000000-0000-0000-0000-000000000001', username: 'x', fullName: 'X', role: 'STATE_CORP' as const, ruralDistrictId: null }, clock: fixedClock('2025-03-17T04:00:00Z') };
    await expect(markNoticeHandedOver(ctx, { id: notice!.id, receivedBy: 'Жұмабаева Ә.' })).rejects.toMatchObject({ code: 'NOTICE_WRONG_STATUS' });
    const printed = await markNoticePrinted(ctx, { id: notice!.id });
    expect(printed.status).toBe('printed');
    await expect(markNoticePrinted(ctx, { id: notice!.id })).rejects.toBeInstanceOf(AppError);
    const handed = await markNoticeHandedOver(ctx, { id: notice!.id, receivedBy: 'Жұмабаева Ә.' });
    expect([handed.status, handed.handedOverTo]).toEqual(['handed-over', 'Жұмабаева Ә.']);
    expect((await listPrintQueue(getDb(), { limit: 10_000 })).some((n) => n.id === notice!.id)).toBe(false);
  });
});

describe.each(dbKinds().filter((k) => k === 'postgres'))('several dispatchers at once [%s]', (kind) => {
  it('send every SMS exactly once', async () => {
    const h = await createTestDatabase(kind, { poolSize: 8 });
    try {
      await seedRuralDistricts(h.database, KOKSU_RURAL_DISTRICTS);
      for (let i = 0; i < 40; i++) await decide(h.database, { outcome: 'grant', mobile: REGISTERED });
      let sends = 0;
      const { sms, ports } = makePorts();
      const counting: NotificationPorts = { ...ports, sms: { send: async (m) => (sends++, sms.send(m)), deliveryStatus: (id) => sms.deliveryStatus(id) } };
      const clock = fixedClock('2025-03-14T06:05:00Z');
      const reports = await Promise.all([0, 1, 2, 3].map(() => dispatchNotifications({ database: h.database, ports: counting, clock }, { limit: 100 })));
      expect(reports.reduce((s, r) => s + r.sent, 0)).toBe(40);
      expect(sends).toBe(40);
    } finally {
      await h.drop();
    }
  });
});

describeDb('the background notification worker', (getDb) => {
  beforeAll(async () => {
    await seedRuralDistricts(getDb(), KOKSU_RURAL_DISTRICTS);
  });

  it('sends a queued SMS on its own and stops cleanly', async () => {
    const { sms, ports } = makePorts();
    const c = await decide(getDb(), { outcome: 'grant', mobile: REGISTERED });
    const worker = startNotificationWorker({ database: getDb(), ports, clock: fixedClock('2025-03-14T06:05:00Z') }, { intervalMs: 20 });
    for (let i = 0; i < 200 && !sms.sent.some((m) => m.text.includes(c.decisionNumber)); i++) await new Promise((r) => setTimeout(r, 25));
    await worker.stop();
    expect(sms.sent.filter((m) => m.text.includes(c.decisionNumber))).toHaveLength(1);
  });
});
