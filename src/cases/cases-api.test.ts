import { beforeAll, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { describeDb } from '../../test/db';
import { createTestApp, type TestApp } from '../../test/app';
import type { Role } from '../auth/roles';
import { addWorkingDays, buildCalendar } from '../rules/calendar';
import { countWorkingDays } from '../rules/deadlines';
import { issuePortalClientKey } from './accept-portal-application';
import { remindDeadlines } from './remind-deadlines';
import { form1, inMemoryGateway, person, testEds, testSignature, type TestPerson } from './test-fixtures';

const cal = buildCalendar();
const poor = person('Ахметова', 'Айгүл', '1985-05-05', { monthlyWagesTiyn: 2_000_000 }); // 20,000 tenge a month
const rich = person('Бекова', 'Дана', '1980-01-10', { monthlyWagesTiyn: 90_000_000 }); // 900,000 tenge a month
const extended = person('Жұмабаева', 'Гүлнар', '1979-02-02', { monthlyWagesTiyn: 1_000_000 });
const mother = person('Сейітова', 'Ләззат', '1988-08-08', { childDisability: true });
const veteran = person('Омаров', 'Бақыт', '1925-05-09', { disabilityGroup: 1 });
const stranger = person('Белгісіз', 'Адам', '1990-09-09');
const portalApplicant = person('Порталова', 'Әсел', '1991-01-01', { monthlyWagesTiyn: 1_500_000 });
const late = person('Кешікова', 'Сәуле', '1970-07-07', { monthlyWagesTiyn: 1_000_000 });
const akimCase = person('Ауылова', 'Мәдина', '1975-03-03', { monthlyWagesTiyn: 1_000_000 });
const flooded = person('Суова', 'Алма', '1965-06-06', { monthlyWagesTiyn: 1_000_000 });
const evader = person('Қашқынова', 'Жанар', '1982-12-12', { monthlyWagesTiyn: 1_000_000 });
const KNOWN: TestPerson[] = [poor, rich, extended, mother, veteran, portalApplicant, late, akimCase, flooded, evader];

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describeDb('the application workflow through the API', (getDb) => {
  let t: TestApp;
  let district: string;
  let otherDistrict: string;
  const call = async (role: Role | null, method: string, path: string, body?: unknown, lang = 'en'): Promise<{ status: number; body: Json }> => {
    const res = await t.request(role, method, path, body, { 'accept-language': lang });
    return { status: res.status, body: (await res.json()) as Json };
  };
  const step = async (role: Role, id: string, path: string, body: unknown = {}) => {
    const r = await call(role, 'POST', `/api/applications/${id}/${path}`, body);
    if (r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const count = async (table: string) => Number((await t.database.query<{ n: string }>(`select count(*)::text as n from ${table}`))[0]!.n);
  const intake = async (role: Role, form: unknown) => call(role, 'POST', '/api/applications', form);
  const register = async (p: TestPerson, category: string, extra: Json = {}, role: Role = 'SPECIALIST') => {
    const r = await intake(role, form1(p, category, extra.ruralDistrictId ?? district, extra));
    if (r.status !== 201 || r.body.outcome !== 'registered') throw new Error(`intake: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.application as { id: string; regNumber: string; registeredOn: string; nextStep: string; decisionHardOn: string };
  };

  beforeAll(async () => {
    t = await createTestApp(getDb(), { now: '2025-03-04T05:00:00Z', env: { KOMEK_SESSION_HOURS: '720' }, ports: { egov: inMemoryGateway(KNOWN), eds: testEds } });
    const ds = await t.database.query<{ id: string }>('select id from rural_district order by id limit 2');
    district = ds[0]!.id;
    otherDistrict = ds[1]!.id;
    await t.database.query(`insert into budget_allocation (year, programme, allocated_tiyn, updated_at) values (2025, '451-007', 100000000000, now()), (2026, '451-007', 100000000000, now())`);
    for (const role of ['SPECIALIST', 'HEAD', 'RURAL_AKIM', 'STATE_CORP', 'PRECINCT_COMMISSION', 'SPECIAL_COMMISSION', 'AUDITOR'] as const) await t.cookieFor(role);
  });

  it('grants assistance through the survey path: registration, precinct commission, income, special commission, decision with its frozen basis', async () => {
    t.clock.set('2025-03-04T05:00:00Z');
    const app = await register(poor, '7.9');
    expect(app.regNumber).toMatch(/^KOK-2025-\d{6}$/);
    expect(app.registeredOn).toBe('2025-03-04');
    expect(app.nextStep).toBe('routeToPrecinctCommission');
    expect(app.decisionHardOn).toBe(countWorkingDays(cal, Temporal.PlainDate.from('2025-03-04'), 8).toString());

    expect((await step('SPECIALIST', app.id, 'route-to-precinct-commission')).status).toBe('AT_PRECINCT_COMMISSION');
    const surveyed = await step('PRECINCT_COMMISSION', app.id, 'survey', { actNumber: 'A-1', actDate: '2025-03-04', commission: 'Precinct 1', housing: 'house', needs: true, conclusionReason: 'low income' });
    expect(surveyed.status).toBe('SURVEYED');
    expect(surveyed.nextStep).toBe('computeIncome');
    const income = await step('SPECIALIST', app.id, 'income');
    expect(income.status).toBe('AT_SPECIAL_COMMISSION');
    // Q4 2024 wages 3 × 20,000 tenge for one member: 20,000 tenge per capita, in tiyn.
    expect(income.result.perCapitaTiyn).toBe(2_000_000);
    expect(income.result.aboveThreshold).toBe(false);
    expect((await step('SPECIAL_COMMISSION', app.id, 'special-conclusion', { needs: true })).status).toBe('CONCLUDED');
    const granted = await step('HEAD', app.id, 'decision', { outcome: 'grant' });
    expect(granted.status).toBe('GRANTED');
    // 7.9: 15 MCI; the MCI of 2025 is 3,932 tenge.
    expect(granted.result.amountTiyn).toBe(15 * 393_200);
    expect(granted.nextStep).toBeNull();

    const page = await call('AUDITOR', 'GET', `/api/applications/${app.id}`);
    expect(page.status).toBe(200);
    const c = page.body.case;
    expect(c.decision.basis.clauses).toEqual(expect.arrayContaining(['p.20.3', 'p.18']));
    expect(c.decision.basis.rulesVersion.id).toBe('35-140');
    expect(c.survey.actNumber).toBe('A-1');
    expect(c.dataRequests.length).toBeGreaterThan(0);
    expect(c.timeline.map((e: Json) => e.action)).toEqual(['application.register', 'application.routeToPrecinctCommission', 'application.recordSurvey', 'application.computeIncome', 'application.recordSpecialConclusion', 'application.grant']);
  });

  it('never undoes a decision: deciding again is ILLEGAL_TRANSITION and the decision stays', async () => {
    const [row] = await t.database.query<{ id: string }>(`select application_id as id from decision where outcome = 'grant' limit 1`);
    const again = await call('HEAD', 'POST', `/api/applications/${row!.id}/decision`, { outcome: 'grant' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ILLEGAL_TRANSITION');
    expect(await count('decision')).toBe(1);
  });

  it('refuses through the hearing: no refusal without it, the notice ≥ 3 WD ahead, the objection, the protocol and the remarks windows', async () => {
    t.clock.set('2025-03-04T05:00:00Z');
    const app = await register(rich, '7.9');
    await step('SPECIALIST', app.id, 'route-to-precinct-commission');
    await step('PRECINCT_COMMISSION', app.id, 'survey', { actNumber: 'A-2', actDate: '2025-03-04', commission: 'Precinct 1', needs: false, conclusionReason: 'income' });
    const income = await step('SPECIALIST', app.id, 'income');
    expect(income.result.aboveThreshold).toBe(true);
    await step('SPECIAL_COMMISSION', app.id, 'special-conclusion', { needs: false, reason: 'income above the threshold' });

    const grant = await call('HEAD', 'POST', `/api/applications/${app.id}/decision`, { outcome: 'grant' });
    expect(grant.body.error.code).toBe('REFUSAL_NEEDS_HEARING');
    const refuseNow = await call('HEAD', 'POST', `/api/applications/${app.id}/decision`, { outcome: 'refuse' });
    expect(refuseNow.body.error.code).toBe('ILLEGAL_TRANSITION');

    const tooSoon = await call('SPECIALIST', 'POST', `/api/applications/${app.id}/preliminary-refusal`, { refusalGround: 'p.20.3', text: 'Income above the threshold', plannedDecisionOn: '2025-03-06' });
    expect(tooSoon.status).toBe(422);
    expect(tooSoon.body.error.code).toBe('HEARING_NOTICE_TOO_LATE');

    const planned = addWorkingDays(cal, Temporal.PlainDate.from('2025-03-04'), 3).toString();
    const hearing = await step('SPECIALIST', app.id, 'preliminary-refusal', { refusalGround: 'p.20.3', text: 'Income above the threshold', plannedDecisionOn: planned, hearingMeans: 'video-conference' });
    expect(hearing.status).toBe('HEARING');
    const objectionDue = hearing.result.objectionDueOn as string;
    expect(objectionDue).toBe(countWorkingDays(cal, Temporal.PlainDate.from('2025-03-04'), 2).toString());

    t.clock.set('2025-03-05T05:00:00Z');
    await step('SPECIALIST', app.id, 'objection', { receivedOn: '2025-03-05', text: 'My income has fallen', oral: true });
    const noProtocol = await call('HEAD', 'POST', `/api/applications/${app.id}/decision`, { outcome: 'refuse' });
    expect(noProtocol.body.error.code).toBe('HEARING_WINDOW_OPEN');
    const protocol = await step('SPECIALIST', app.id, 'hearing-protocol', {
      place: 'Balpyk bi', date: '2025-03-05', startTime: '10:00', endTime: '10:30', body: 'Department of employment', official: 'Head', secretary: 'Clerk', participant: rich.lastName,
      matter: 'Preliminary refusal p.20.3', explanations: 'Income of Q4 2024', questionsAndAnswers: [{ question: 'Income now?', answer: 'Lower' }], signed: true, readOn: '2025-03-05',
    });
    const remarksDue = protocol.result.remarksDueOn as string;
    t.clock.set(`${planned}T05:00:00Z`);
    const windowOpen = await call('HEAD', 'POST', `/api/applications/${app.id}/decision`, { outcome: 'refuse' });
    expect(windowOpen.body.error.code).toBe('HEARING_WINDOW_OPEN');
    t.clock.set(`${addWorkingDays(cal, Temporal.PlainDate.from(remarksDue), 1).toString()}T05:00:00Z`);
    const lateRemarks = await call('SPECIALIST', 'POST', `/api/applications/${app.id}/protocol-remarks`, { receivedOn: addWorkingDays(cal, Temporal.PlainDate.from(remarksDue), 1).toString(), text: 'late' });
    expect(lateRemarks.body.error.code).toBe('HEARING_WINDOW_CLOSED');
    const refused = await step('HEAD', app.id, 'decision', { outcome: 'refuse', lateReason: 'hearing windows' });
    expect(refused.status).toBe('REFUSED');
    expect(refused.result.refusalGround).toBe('p.20.3');
    const page = (await call('SPECIALIST', 'GET', `/api/applications/${app.id}`)).body.case;
    expect(page.hearing.protocol.secretary).toBe('Clerk');
    expect(page.decision.basis.refusalGrounds[0]).toBe('p.20.3');
  });

  it('refuses at intake with a form 1-3 receipt listing missing and expired documents, registering nothing', async () => {
    t.clock.set('2025-03-04T05:00:00Z');
    const before = await count('application');
    const r = await intake('SPECIALIST', form1(stranger, '7.3', district, { documents: [{ code: 'identity', number: 'N1', issuedOn: '2015-01-01', expiresOn: '2025-01-01', originalSeen: true }] }));
    expect(r.status).toBe(201);
    expect(r.body.outcome).toBe('refused-at-intake');
    expect(r.body.receipt.number).toMatch(/^KOK-R-2025-\d{6}$/);
    expect(r.body.receipt.missing.map((m: Json) => m.code)).toEqual(['disease-certificate']);
    expect(r.body.receipt.expired).toEqual([expect.objectContaining({ code: 'identity', expiresOn: '2025-01-01' })]);
    expect(await count('application')).toBe(before);
    const receipt = await call('SPECIALIST', 'GET', `/api/intake-receipts/${r.body.receipt.id}`);
    expect(receipt.body.receipt.applicantIin).toBe(stranger.iin);
    const audit = await t.database.query<{ action: string }>(`select action from audit_entry where target_id = $1`, [r.body.receipt.id]);
    expect(audit.map((a) => a.action)).toEqual(['application.refuse-at-intake']);
  });

  it('runs the 20-working-day track only on a recorded p.14 basis, with requests and answers tracked', async () => {
    t.clock.set('2025-03-04T05:00:00Z');
    const app = await register(extended, '7.9');
    await step('SPECIALIST', app.id, 'route-to-precinct-commission');
    await step('PRECINCT_COMMISSION', app.id, 'survey', { actNumber: 'A-3', actDate: '2025-03-04', commission: 'Precinct 1', needs: true });
    const noReason = await call('SPECIALIST', 'POST', `/api/applications/${app.id}/extended-track`, { clause: 'p.16', reason: 'x' });
    expect(noReason.status).toBe(400);
    const ext = await step('SPECIALIST', app.id, 'extended-track', { clause: 'p.14', reason: 'Land register did not answer; request to the land department' });
    expect(ext.status).toBe('DATA_REQUESTED');
    expect(ext.decisionHardOn).toBe(countWorkingDays(cal, Temporal.PlainDate.from('2025-03-04'), 20).toString());
    const req = await step('SPECIALIST', app.id, 'data-requests', { body: 'Land department', items: ['land plots'] });
    await step('SPECIALIST', app.id, 'data-answers', { requestId: req.result.requestId, answer: { landPlots: [] } });
    await step('SPECIALIST', app.id, 'income');
    await step('SPECIAL_COMMISSION', app.id, 'special-conclusion', { needs: true });
    const granted = await step('HEAD', app.id, 'decision', { outcome: 'grant' });
    expect(granted.status).toBe('GRANTED');
    const page = (await call('SPECIALIST', 'GET', `/api/applications/${app.id}`)).body.case;
    expect(page.application.extensionClause).toBe('p.14');
    expect(page.dataRequests.find((d: Json) => d.kind === 'other-body').answers).toEqual({ landPlots: [] });
    expect(page.decision.basis.deadline.track).toBe('extended');
  });

  it('accepts a portal application with a valid EDS signature, and refuses an invalid one storing only the audit entry', async () => {
    t.clock.set('2025-03-04T05:00:00Z');
    const { key } = await issuePortalClientKey({ database: t.database, clock: t.clock, actor: null }, { id: 'egov-portal', name: 'e-Gov portal' });
    const payload = JSON.stringify({ requestId: 'portal-req-0001', form: form1(portalApplicant, '7.9', district) });
    const body = { payloadBase64: Buffer.from(payload).toString('base64'), signatureBase64: testSignature(payload, portalApplicant.iin) };
    const noKey = await t.app.request('/api/portal/applications', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(noKey.status).toBe(401);
    const post = (b: unknown) => t.app.request('/api/portal/applications', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key}`, 'accept-language': 'ru' }, body: JSON.stringify(b) });

    const beforeApps = await count('application');
    const forged = await post({ ...body, signatureBase64: testSignature(payload.replace('7.9', '7.1'), portalApplicant.iin) });
    expect(forged.status).toBe(422);
    const forgedBody = (await forged.json()) as Json;
    expect(forgedBody.error.code).toBe('EDS_INVALID');
    expect(forgedBody.error.message).toContain('ЭЦП');
    expect(await count('application')).toBe(beforeApps);
    expect((await t.database.query(`select 1 from audit_entry where action = 'application.portal-rejected'`)).length).toBe(1);

    const ok = await post(body);
    expect(ok.status).toBe(201);
    const created = (await ok.json()) as Json;
    const page = (await call('SPECIALIST', 'GET', `/api/applications/${created.application.id}`)).body.case;
    expect(page.application.channel).toBe('PORTAL');
    expect(page.application.edsSignerIin).toBe(portalApplicant.iin);
    const replay = await post(body);
    expect(replay.status).toBe(200);
    expect(((await replay.json()) as Json).application.id).toBe(created.application.id);
    expect(await count('application')).toBe(beforeApps + 1);
    // The same new request delivered twice at once: registered once, both answers name it.
    const payload2 = JSON.stringify({ requestId: 'portal-req-0002', form: form1(portalApplicant, '7.9', district) });
    const body2 = { payloadBase64: Buffer.from(payload2).toString('base64'), signatureBase64: testSignature(payload2, portalApplicant.iin) };
    const both = await Promise.all([post(body2), post(body2)]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 201]);
    const ids = await Promise.all(both.map(async (r) => ((await r.json()) as Json).application.id as string));
    expect(ids[0]).toBe(ids[1]);
    expect(await count('application')).toBe(beforeApps + 2);
  });

  it('reimburses sanatorium treatment under 7.11: 70 % of the guaranteed sum, no income test, once a year', async () => {
    t.clock.set('2025-03-04T05:00:00Z');
    const docs = [{ code: 'sanatorium-cost', number: 'S-1', issuedOn: '2025-02-20', originalSeen: true }];
    const app = await register(mother, '7.11', { documents: docs, actualCostTiyn: 40_000_000 });
    expect(app.nextStep).toBe('computeIncome');
    const income = await step('SPECIALIST', app.id, 'income');
    expect(income.result.incomeTested).toBe(false);
    await step('SPECIAL_COMMISSION', app.id, 'special-conclusion', { needs: true });
    const granted = await step('HEAD', app.id, 'decision', { outcome: 'grant' });
    // 70 % of 305,374.72 tenge = 213,762.304 tenge → 21,376,230 tiyn.
    expect(granted.result.amountTiyn).toBe(21_376_230);
    expect(granted.result.clauses).not.toContain('p.20.3');

    const second = await register(mother, '7.11', { documents: docs, actualCostTiyn: 40_000_000 });
    await step('SPECIALIST', second.id, 'income');
    await step('SPECIAL_COMMISSION', second.id, 'special-conclusion', { needs: true });
    const again = await call('HEAD', 'POST', `/api/applications/${second.id}/decision`, { outcome: 'grant' });
    expect(again.body.error.code).toBe('REFUSAL_NEEDS_HEARING');
  });

  it('terminates on death: payments stop from the next month, and a terminated case cannot be terminated again', async () => {
    t.clock.set('2025-03-04T05:00:00Z');
    const app = await register(veteran, '7.1', { documents: [{ code: 'veteran-certificate', number: 'V-1', issuedOn: '1990-05-09', originalSeen: true }] });
    await step('SPECIALIST', app.id, 'income');
    await step('SPECIAL_COMMISSION', app.id, 'special-conclusion', { needs: true });
    const granted = await step('HEAD', app.id, 'decision', { outcome: 'grant', periods: 12, firstPaymentDate: '2025-04-01' });
    expect(granted.result.periodicity).toBe('monthly');
    t.clock.set('2025-03-24T05:00:00Z');
    const report = await step('SPECIALIST', app.id, 'change-reports', { circumstance: 'Death of the recipient', eventOn: '2025-03-20' });
    expect(report.result.late).toBe(false);
    const ended = await step('SPECIALIST', app.id, 'termination', { ground: 1, eventOn: '2025-03-20', reason: 'death certificate' });
    expect(ended.status).toBe('TERMINATED');
    expect(ended.result.stopsFrom).toBe('2025-04-01');
    const again = await call('SPECIALIST', 'POST', `/api/applications/${app.id}/termination`, { ground: 1, eventOn: '2025-03-20' });
    expect(again.body.error.code).toBe('ILLEGAL_TRANSITION');
  });

  it('refuses bad input with a clear code in the user’s language and changes nothing', async () => {
    t.clock.set('2025-03-04T05:00:00Z');
    const before = { apps: await count('application'), audit: await count('audit_entry'), receipts: await count('intake_receipt') };
    const badIin = await call('SPECIALIST', 'POST', '/api/applications', form1({ ...poor, iin: '850505400001' }, '7.9', district), 'ru');
    expect(badIin.status).toBe(400);
    expect(badIin.body.error.code).toBe('INVALID_IIN');
    expect(badIin.body.error.fields[0]).toEqual({ path: 'applicant.iin', message: 'Неверный ИИН (12 цифр, контрольная цифра).' });
    const badDate = await call('SPECIALIST', 'POST', '/api/applications', form1(poor, '7.9', district, { documents: [{ code: 'identity', issuedOn: '2025-02-30', originalSeen: true }] }), 'kk');
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.fields[0].path).toBe('documents[0].issuedOn');
    const badIban = await call('SPECIALIST', 'POST', '/api/applications', form1(poor, '7.9', district, { iban: 'KZ000000000000000000' }));
    expect(badIban.body.error.code).toBe('INVALID_IBAN');
    const poa = await call('SPECIALIST', 'POST', '/api/applications', form1(poor, '7.9', district, { representative: { person: { iin: rich.iin, lastName: 'B', firstName: 'D' }, powerOfAttorney: { number: 'P-1', date: '2024-01-01', validUntil: '2025-01-01' } } }));
    expect(poa.body.error.code).toBe('POWER_OF_ATTORNEY_INVALID');
    const wrongRole = await call('PRECINCT_COMMISSION', 'POST', '/api/applications', form1(poor, '7.9', district));
    expect(wrongRole.status).toBe(403);
    expect(wrongRole.body.error.code).toBe('FORBIDDEN');
    const outside = await call('RURAL_AKIM', 'POST', '/api/applications', form1(poor, '7.9', otherDistrict));
    expect(outside.body.error.code).toBe('OUTSIDE_RURAL_DISTRICT');
    const category = await call('SPECIALIST', 'POST', '/api/applications', form1(poor, '7.99', district));
    expect(category.body.error.code).toBe('UNKNOWN_CATEGORY');
    expect({ apps: await count('application'), audit: await count('audit_entry'), receipts: await count('intake_receipt') }).toEqual(before);
  });

  it('refuses a decision past the hard deadline without a recorded reason, and takes it with one', async () => {
    t.clock.set('2025-03-04T05:00:00Z');
    const app = await register(late, '7.9');
    await step('SPECIALIST', app.id, 'route-to-precinct-commission');
    await step('PRECINCT_COMMISSION', app.id, 'survey', { actNumber: 'A-9', actDate: '2025-03-04', commission: 'Precinct 1', needs: true });
    await step('SPECIALIST', app.id, 'income');
    await step('SPECIAL_COMMISSION', app.id, 'special-conclusion', { needs: true });
    t.clock.set(`${addWorkingDays(cal, Temporal.PlainDate.from(app.decisionHardOn), 1).toString()}T05:00:00Z`);
    const queue = await call('HEAD', 'GET', '/api/applications/queue?timing=overdue');
    expect(queue.body.cases.map((c: Json) => c.id)).toContain(app.id);
    const refused = await call('HEAD', 'POST', `/api/applications/${app.id}/decision`, { outcome: 'grant' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('DECISION_LATE_REASON_REQUIRED');
    expect((await t.database.query(`select 1 from decision where application_id = $1`, [app.id])).length).toBe(0);
    const stale = await call('HEAD', 'POST', `/api/applications/${app.id}/decision`, { outcome: 'grant', lateReason: 'x late', expectedVersion: 1 });
    expect(stale.body.error.code).toBe('CONFLICT');
    const granted = await step('HEAD', app.id, 'decision', { outcome: 'grant', lateReason: 'The special commission met late' });
    expect(granted.result.late).toBe(true);
  });

  it('shows each role its queue with at-risk and overdue cases, and the reminder job is idempotent', async () => {
    t.clock.set('2025-03-04T05:00:00Z');
    const app = await register(akimCase, '7.9', {}, 'RURAL_AKIM');
    const akimQueue = await call('RURAL_AKIM', 'GET', '/api/applications/queue');
    expect(akimQueue.body.cases.find((c: Json) => c.id === app.id)).toMatchObject({ nextStep: 'routeToPrecinctCommission', timing: 'at-risk' });
    t.clock.set('2025-03-10T05:00:00Z');
    const overdue = await call('RURAL_AKIM', 'GET', '/api/applications/queue?timing=overdue');
    expect(overdue.body.cases.map((c: Json) => c.id)).toContain(app.id);
    const asOf = Temporal.PlainDate.from('2025-03-10');
    const first = await remindDeadlines(t.database, { asOf, at: t.clock.now() });
    expect(first.added).toBeGreaterThan(0);
    const again = await remindDeadlines(t.database, { asOf, at: t.clock.now() });
    expect(again.added).toBe(0);
    const search = await call('AUDITOR', 'GET', `/api/applications?name=${encodeURIComponent('ауылова')}`);
    expect(search.body.applications.map((a: Json) => a.id)).toEqual([app.id]);
    const byIin = await call('AUDITOR', 'GET', `/api/applications?iin=${akimCase.iin}`);
    expect(byIin.body.applications).toHaveLength(1);
  });

  it('runs a disaster case (6.1) through the rural akim: survey forwarded within 2 WD, and p.22.3 is not applied to it', async () => {
    t.clock.set('2025-03-04T05:00:00Z');
    const app = await register(flooded, '7.7', { documents: [{ code: 'disaster-act', number: 'D-1', issuedOn: '2025-03-01', originalSeen: true }], actualCostTiyn: 30_000_000, eventDate: '2025-03-01' }, 'RURAL_AKIM');
    expect(app.nextStep).toBe('routeToPrecinctCommission');
    await step('RURAL_AKIM', app.id, 'route-to-precinct-commission');
    const surveyed = await step('PRECINCT_COMMISSION', app.id, 'survey', { actNumber: 'A-10', actDate: '2025-03-04', commission: 'Precinct 1', needs: true });
    expect(surveyed.nextStep).toBe('forwardSurvey');
    expect(surveyed.nextHardOn).toBe(countWorkingDays(cal, Temporal.PlainDate.from('2025-03-04'), 2).toString());
    const early = await call('SPECIALIST', 'POST', `/api/applications/${app.id}/income`, {});
    expect(early.body.error.code).toBe('ILLEGAL_TRANSITION');
    const forwarded = await step('RURAL_AKIM', app.id, 'forward-survey');
    expect(forwarded.nextStep).toBe('computeIncome');
    expect((await call('RURAL_AKIM', 'POST', `/api/applications/${app.id}/forward-survey`, {})).body.error.code).toBe('ILLEGAL_TRANSITION');
    await step('SPECIALIST', app.id, 'income');
    await step('SPECIAL_COMMISSION', app.id, 'special-conclusion', { needs: true, amountTiyn: 30_000_000 });
    const granted = await step('HEAD', app.id, 'decision', { outcome: 'grant' });
    expect(granted.result.amountTiyn).toBe(30_000_000);
    const placement = await call('SPECIALIST', 'POST', `/api/applications/${app.id}/termination`, { ground: 3, eventOn: '2025-03-04' });
    expect(placement.status).toBe(422);
    expect(placement.body.error.code).toBe('TERMINATION_GROUND_NOT_APPLICABLE');
  });

  it('takes the refusal to be surveyed (p.20.2) to the hearing straight from the survey', async () => {
    t.clock.set('2025-03-04T05:00:00Z');
    const app = await register(evader, '7.9');
    await step('SPECIALIST', app.id, 'route-to-precinct-commission');
    const surveyed = await step('PRECINCT_COMMISSION', app.id, 'survey', { actNumber: 'A-11', actDate: '2025-03-04', commission: 'Precinct 1', refused: true, observations: 'The applicant did not let the commission in' });
    expect(surveyed.nextStep).toBe('proposeRefusal');
    const wrongGround = await call('SPECIALIST', 'POST', `/api/applications/${app.id}/preliminary-refusal`, { refusalGround: 'p.20.3', text: 'x x x', plannedDecisionOn: '2025-03-10' });
    expect(wrongGround.body.error.code).toBe('ILLEGAL_TRANSITION');
    expect((await call('SPECIALIST', 'POST', `/api/applications/${app.id}/income`, {})).body.error.code).toBe('ILLEGAL_TRANSITION');
    const hearing = await step('SPECIALIST', app.id, 'preliminary-refusal', { refusalGround: 'p.20.2', text: 'Refused the survey', plannedDecisionOn: '2025-03-10' });
    expect(hearing.status).toBe('HEARING');
  });

  it('lists every case route in the OpenAPI document with its roles', async () => {
    const doc = (await call(null, 'GET', '/api/openapi.json')).body;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/applications', '/api/portal/applications', '/api/applications/{id}/decision', '/api/applications/{id}/hearing-protocol', '/api/applications/queue']));
    expect(doc.paths['/api/applications/{id}/decision'].post.description).toContain('Allowed roles: HEAD');
  });
});
