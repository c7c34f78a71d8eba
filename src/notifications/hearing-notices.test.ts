/**
 * The hearing notice of p.18 goes out (SMS to a number in the mobile-citizens database, else the print
 * queue; the personal cabinet for portal applications), and every notice — the hearing notice and the
 * decision's form 5/6 — is written in the language the applicant chose at intake.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { describeDb } from '../../test/db';
import { createTestApp, type TestApp } from '../../test/app';
import type { Role } from '../auth/roles';
import { fixedClock } from '../context';
import { addWorkingDays, buildCalendar } from '../rules/calendar';
import { createFakeSmsGateway } from '../adapters/sms/fake';
import { createFakeCabinet } from '../adapters/cabinet/fake';
import { issuePortalClientKey } from '../cases/accept-portal-application';
import { form1, inMemoryGateway, person, testEds, testSignature, type TestPerson } from '../cases/test-fixtures';
import { dispatchNotifications, type NotificationPorts } from './dispatch-notifications';
import { listApplicationNotifications } from './list-notifications';
import { hearingCabinetText, hearingSmsText, type HearingNoticeFacts } from './notice-texts';

const cal = buildCalendar();
const REGISTERED = '+77011234567';
const NOT_REGISTERED = '+77779998877';

describe('hearing notice texts (p.18)', () => {
  const f: HearingNoticeFacts = {
    regNumber: 'KOK-2025-000101', refusalGround: 'p.20.3', notifiedOn: '2025-03-04', objectionDueOn: '2025-03-06', plannedDecisionOn: '2025-03-07',
    hearingLocal: '05.03.2025 10:00', hearingPlace: 'Балпық би, Жеңіс к-сі 15, 204', hearingMeans: null,
  };

  it('state the ground with its clause, the hearing, the objection window and the decision day in Kazakh', () => {
    const kk = hearingSmsText(f, 'kk');
    expect(kk).toContain('20.3-т.');
    expect(kk).toContain('Тыңдау: 05.03.2025 10:00, Балпық би');
    expect(kk).toContain('06.03.2025 қоса алғанда (2 жұмыс күні)');
    expect(kk).toContain('07.03.2025');
    expect(hearingCabinetText(f, 'kk').text).toContain('20-тармағының 3)-тармақшасы — жан басына шаққандағы орташа табыс');
  });

  it('and in Russian', () => {
    const ru = hearingSmsText(f, 'ru');
    expect(ru).toContain('п. 20.3 Правил');
    expect(ru).toContain('Заслушивание: 05.03.2025 10:00');
    expect(ru).toContain('до 06.03.2025 включительно (2 рабочих дня)');
    expect(hearingCabinetText(f, 'ru').title).toBe('Уведомление о предварительном решении об отказе и о заслушивании');
  });

  it('say how to object when no hearing time is set', () => {
    const none = { ...f, hearingLocal: null, hearingPlace: null };
    expect(hearingSmsText(none, 'ru')).toContain('Время и место заслушивания сообщит уполномоченный орган');
    expect(hearingSmsText(none, 'kk')).toContain('уәкілетті орган хабарлайды');
  });

  it('stay within five SMS segments of Cyrillic text', () => {
    for (const lang of ['kk', 'ru'] as const) expect(hearingSmsText(f, lang).length).toBeLessThanOrEqual(5 * 67);
  });
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const russian = person('Иванова', 'Мария', '1980-01-10', { monthlyWagesTiyn: 90_000_000 });
const kazakh = person('Бекова', 'Дана', '1981-02-11', { monthlyWagesTiyn: 90_000_000 });
const unregistered = person('Нөмірова', 'Сәуле', '1982-03-12', { monthlyWagesTiyn: 90_000_000 });
const portal = person('Порталова', 'Ольга', '1983-04-13', { monthlyWagesTiyn: 90_000_000 });
const KNOWN: TestPerson[] = [russian, kazakh, unregistered, portal];

describeDb('hearing notices and the applicant’s language (p.18, p.19)', (getDb) => {
  let t: TestApp;
  let district: string;
  const sms = createFakeSmsGateway();
  const cabinet = createFakeCabinet();
  const ports: NotificationPorts = { sms, cabinet, mobileCitizens: { isRegistered: async (p) => p === REGISTERED } };
  const dispatch = (iso: string) => dispatchNotifications({ database: t.database, ports, clock: fixedClock(iso) }, { limit: 1000 });

  const call = async (role: Role, method: string, path: string, body?: unknown) => {
    const res = await t.request(role, method, path, body, { 'accept-language': 'en' });
    return { status: res.status, body: (await res.json()) as Json };
  };
  const step = async (role: Role, id: string, path: string, body: unknown = {}) => {
    const r = await call(role, 'POST', `/api/applications/${id}/${path}`, body);
    if (r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  /** Through the survey path to a negative special conclusion (income above the threshold). */
  const toConcluded = async (id: string) => {
    await step('SPECIALIST', id, 'route-to-precinct-commission');
    await step('PRECINCT_COMMISSION', id, 'survey', { actNumber: 'A-1', actDate: '2025-03-04', commission: 'Precinct 1', needs: false, conclusionReason: 'income' });
    await step('SPECIALIST', id, 'income');
    await step('SPECIAL_COMMISSION', id, 'special-conclusion', { needs: false, reason: 'income above the threshold' });
  };
  const register = async (p: TestPerson, extra: Json) => {
    const r = await call('SPECIALIST', 'POST', '/api/applications', form1(p, '7.9', district, extra));
    if (r.status !== 201 || r.body.outcome !== 'registered') throw new Error(`intake: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.application as { id: string; regNumber: string };
  };
  const planned = addWorkingDays(cal, Temporal.PlainDate.from('2025-03-04'), 3).toString();
  const propose = (id: string) =>
    step('SPECIALIST', id, 'preliminary-refusal', { refusalGround: 'p.20.3', text: 'Income above the threshold', plannedDecisionOn: planned, hearingAt: '2025-03-05T05:00:00Z', hearingPlace: 'Балпық би, Жеңіс к-сі 15, каб. 204' });

  beforeAll(async () => {
    t = await createTestApp(getDb(), { now: '2025-03-04T05:00:00Z', env: { KOMEK_SESSION_HOURS: '720' }, ports: { egov: inMemoryGateway(KNOWN), eds: testEds } });
    district = (await t.database.query<{ id: string }>('select id from rural_district order by id limit 1'))[0]!.id;
    await t.database.query(`insert into budget_allocation (year, programme, allocated_tiyn, updated_at) values (2025, '451-007', 100000000000, now()) on conflict do nothing`);
  });

  it('records the language chosen at intake and refuses any other', async () => {
    const bad = await call('SPECIALIST', 'POST', '/api/applications', form1(russian, '7.9', district, { language: 'en' } as Json));
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: Json) => f.path)).toContain('language');
    t.clock.set('2025-03-04T05:00:00Z');
    const app = await register(russian, { language: 'ru' });
    const page = (await call('SPECIALIST', 'GET', `/api/applications/${app.id}`)).body.case;
    expect(page.application.noticeLang).toBe('ru');
  });

  it('sends the preliminary refusal and hearing notice by SMS in Russian, then the refusal (form 6) in Russian too', async () => {
    t.clock.set('2025-03-04T05:00:00Z');
    const app = await register(russian, { language: 'ru', mobile: REGISTERED });
    await toConcluded(app.id);
    const hearing = await propose(app.id);
    expect(hearing.result.notices).toEqual(['sms']);
    const [queued] = await listApplicationNotifications(t.database, app.id);
    expect(queued).toMatchObject({ form: 'hearing', channel: 'sms', lang: 'ru', phone: REGISTERED, status: 'queued', decisionId: null });
    const audit = await t.database.query<{ payload: string | Json }>(`select payload from audit_entry where target_id = $1 and action = 'application.proposeRefusal'`, [app.id]);
    const payload = (typeof audit[0]!.payload === 'string' ? JSON.parse(audit[0]!.payload) : audit[0]!.payload) as Json;
    expect(payload.after.notices).toEqual(['sms']);

    await dispatch('2025-03-04T05:01:00Z');
    const sent = sms.sent.filter((m) => m.text.includes(app.regNumber));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain('Предварительное решение');
    expect(sent[0]!.text).toContain('п. 20.3 Правил');
    expect(sent[0]!.text).toContain('Заслушивание: 05.03.2025 10:00, Балпық би');
    expect(sent[0]!.text).toContain(`(2 рабочих дня)`);
    expect((await listApplicationNotifications(t.database, app.id)).map((n) => n.status)).toEqual(['sent']);

    // The head cannot refuse on the notice day: the answer names the first day a decision may be taken.
    const early = await call('HEAD', 'POST', `/api/applications/${app.id}/decision`, { outcome: 'refuse' });
    expect(early.body.error.code).toBe('HEARING_WINDOW_OPEN');
    expect(early.body.error.fields[0].message).toBe('The decision may be taken from 07.03.2025: at least 3 working days must pass after the notice (p.18).');

    t.clock.set(`${addWorkingDays(cal, Temporal.PlainDate.from(hearing.result.objectionDueOn as string), 1).toString()}T05:00:00Z`);
    await step('HEAD', app.id, 'decision', { outcome: 'refuse' });
    const all = await listApplicationNotifications(t.database, app.id);
    expect(all.map((n) => [n.form, n.channel, n.lang])).toEqual([['hearing', 'sms', 'ru'], ['6', 'sms', 'ru']]);
    expect(all[1]!.body).toContain('В социальной помощи отказано');
  });

  it('puts the notice in the print queue, in Kazakh, when the application gives no mobile number; its PDF is the hearing notice', async () => {
    t.clock.set('2025-03-04T05:00:00Z');
    const app = await register(kazakh, { mobile: undefined });
    await toConcluded(app.id);
    expect((await propose(app.id)).result.notices).toEqual(['print']);
    const queue = (await call('STATE_CORP', 'GET', '/api/notifications/print-queue')).body.notices as Json[];
    const mine = queue.find((n) => n.applicationId === app.id)!;
    expect(mine).toMatchObject({ form: 'hearing', lang: 'kk', status: 'queued', decisionNumber: null });
    expect(mine.body).toBe('Бас тарту туралы алдын ала шешім және тыңдау туралы хабарлама');
    const pdf = await t.request('SPECIALIST', 'GET', `/api/applications/${app.id}/documents/hearing?lang=kk`);
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('falls back to the print queue when the number is not in the mobile-citizens database', async () => {
    t.clock.set('2025-03-04T05:00:00Z');
    const app = await register(unregistered, { mobile: NOT_REGISTERED, language: 'ru' });
    await toConcluded(app.id);
    await propose(app.id);
    await dispatch('2025-03-04T05:02:00Z');
    await dispatch('2025-03-04T05:03:00Z');
    const all = await listApplicationNotifications(t.database, app.id);
    expect(all.map((n) => [n.form, n.channel, n.status, n.lang])).toEqual([['hearing', 'sms', 'failed', 'ru'], ['hearing', 'print', 'queued', 'ru']]);
    expect(all[0]!.lastError).toBe('NOT_IN_MOBILE_CITIZENS_DATABASE');
  });

  it('delivers the notice to the personal cabinet of a portal applicant, in the language of form 1-1', async () => {
    t.clock.set('2025-03-04T05:00:00Z');
    const { key } = await issuePortalClientKey({ database: t.database, clock: t.clock, actor: null }, { id: 'egov-portal-h', name: 'e-Gov portal' });
    const payload = JSON.stringify({ requestId: 'portal-hearing-0001', form: form1(portal, '7.9', district, { language: 'ru', mobile: REGISTERED }) });
    const res = await t.app.request('/api/portal/applications', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ payloadBase64: Buffer.from(payload).toString('base64'), signatureBase64: testSignature(payload, portal.iin) }),
    });
    expect(res.status).toBe(201);
    const app = ((await res.json()) as Json).application as { id: string; regNumber: string };
    await toConcluded(app.id);
    expect((await propose(app.id)).result.notices).toEqual(['sms', 'cabinet']);
    const cab = (await listApplicationNotifications(t.database, app.id)).find((n) => n.channel === 'cabinet')!;
    expect(cab.dueOn).toBe('2025-03-04');
    await dispatch('2025-03-04T05:04:00Z');
    const delivered = cabinet.delivered.filter((d) => d.decisionNumber === app.regNumber);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({ form: 'hearing', iin: portal.iin, portalRequestId: 'portal-hearing-0001', title: 'Уведомление о предварительном решении об отказе и о заслушивании' });
    expect(delivered[0]!.text).toContain('подпункт 3) пункта 20 Правил');
  });

  it('queues nothing when the proposal fails (one transaction)', async () => {
    t.clock.set('2025-03-04T05:00:00Z');
    const app = await register(kazakh, {});
    await toConcluded(app.id);
    const tooLate = await call('SPECIALIST', 'POST', `/api/applications/${app.id}/preliminary-refusal`, { refusalGround: 'p.20.3', text: 'Income above the threshold', plannedDecisionOn: '2025-03-05' });
    expect(tooLate.body.error.code).toBe('HEARING_NOTICE_TOO_LATE');
    expect(await listApplicationNotifications(t.database, app.id)).toEqual([]);
  });
});
