import { beforeAll, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeDb } from '../../test/db';
import { createTestApp, type TestApp } from '../../test/app';
import type { Role } from '../auth/roles';
import { form1, inMemoryGateway, person, testEds } from '../cases/test-fixtures';

const hasPdftotext = spawnSync('pdftotext', ['-v']).status === 0;
if (!hasPdftotext) console.warn('SKIPPED: pdftotext (poppler-utils) is not installed; case document text is not checked');
const dir = mkdtempSync(join(tmpdir(), 'komek-case-docs-'));

const poor = person('Ахметова', 'Айгүл', '1985-05-05', { monthlyWagesTiyn: 2_000_000 });
const sick = person('Нұрланова', 'Гүлжан', '1990-02-02');

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describeDb('case documents and notices over HTTP', (getDb) => {
  let t: TestApp;
  let district: string;
  let otherDistrict: string;
  let granted: string;
  const call = async (role: Role, method: string, path: string, body?: unknown) => {
    const res = await t.request(role, method, path, body, { 'accept-language': 'en' });
    return res;
  };
  const step = async (role: Role, id: string, path: string, body: unknown = {}) => {
    const r = await call(role, 'POST', `/api/applications/${id}/${path}`, body);
    if (r.status !== 200) throw new Error(`${path}: ${r.status} ${await r.text()}`);
    return (await r.json()) as Json;
  };
  const pdfText = async (res: Response): Promise<string> => {
    const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    return hasPdftotext ? execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ') : '';
  };

  beforeAll(async () => {
    t = await createTestApp(getDb(), { now: '2025-03-04T05:00:00Z', env: { KOMEK_SESSION_HOURS: '720' }, ports: { egov: inMemoryGateway([poor]), eds: testEds } });
    const ds = await t.database.query<{ id: string }>('select id from rural_district order by id limit 2');
    district = ds[0]!.id;
    otherDistrict = ds[1]!.id;
    await t.database.query(`insert into budget_allocation (year, programme, allocated_tiyn, updated_at) values (2025, '451-007', 100000000000, now())`);
    const r = await call('SPECIALIST', 'POST', '/api/applications', form1(poor, '7.9', district));
    const app = ((await r.json()) as Json).application as { id: string };
    granted = app.id;
    await step('SPECIALIST', app.id, 'route-to-precinct-commission');
    await step('PRECINCT_COMMISSION', app.id, 'survey', { actNumber: 'A-17', actDate: '2025-03-04', commission: 'Балпық би учаскелік комиссиясы', housing: 'Жеке үй, 2 бөлме', needs: true, conclusionReason: 'Табысы шектен төмен' });
    await step('SPECIALIST', app.id, 'income');
    await step('SPECIAL_COMMISSION', app.id, 'special-conclusion', { needs: true });
    await step('HEAD', app.id, 'decision', { outcome: 'grant' });
  });

  it('prints forms 1, 2, 3, 4 and 5 of a granted case in Kazakh and Russian with the case’s own data', async () => {
    for (const form of ['1', '2', '3', '4', '5']) {
      for (const lang of ['kk', 'ru']) {
        const res = await call('SPECIALIST', 'GET', `/api/applications/${granted}/documents/${form}?lang=${lang}`);
        expect(res.status, `form ${form} ${lang}`).toBe(200);
        expect(res.headers.get('content-type')).toBe('application/pdf');
        const text = await pdfText(res);
        if (hasPdftotext) expect(text).toContain('Ахметова Айгүл');
      }
    }
    const decision = await pdfText(await call('AUDITOR', 'GET', `/api/applications/${granted}/documents/4?lang=kk`));
    if (hasPdftotext) {
      expect(decision).toContain('ӘЛЕУМЕТТІК КӨМЕК КӨРСЕТУ (КӨРСЕТУДЕН БАС ТАРТУ) ТУРАЛЫ ШЕШІМ');
      expect(decision).toContain('Шешімнің тармақтар бойынша түсіндірмесі');
      expect(decision).toContain('58 980,00 теңге'); // 15 MCI of 2025 (3,932 tenge)
      expect(decision).toContain('A-17');
    }
    const act = await pdfText(await call('PRECINCT_COMMISSION', 'GET', `/api/applications/${granted}/documents/2?lang=ru`));
    if (hasPdftotext) expect(act).toContain('Жеке үй, 2 бөлме');
  });

  it('answers DOCUMENT_NOT_AVAILABLE for a refusal notice of a granted case', async () => {
    const res = await call('SPECIALIST', 'GET', `/api/applications/${granted}/documents/6`);
    expect(res.status).toBe(409);
    expect(((await res.json()) as Json).error.code).toBe('DOCUMENT_NOT_AVAILABLE');
  });

  it('keeps a rural akim to their own rural district', async () => {
    const [akim] = await t.database.query<{ ruralDistrictId: string }>(`select rural_district_id as "ruralDistrictId" from app_user where role = 'RURAL_AKIM' limit 1`);
    const res = await call('RURAL_AKIM', 'GET', `/api/applications/${granted}/documents/1`);
    expect(res.status).toBe(akim!.ruralDistrictId === district ? 200 : 403);
    const r = await call('SPECIALIST', 'POST', '/api/applications', form1(poor, '7.9', otherDistrict));
    const other = ((await r.json()) as Json).application?.id as string | undefined;
    if (other) expect((await call('RURAL_AKIM', 'GET', `/api/applications/${other}/documents/1`)).status).toBe(akim!.ruralDistrictId === otherDistrict ? 200 : 403);
  });

  it('prints the form 1-3 receipt of an application refused at intake', async () => {
    const r = await call('SPECIALIST', 'POST', '/api/applications', form1(sick, '7.3', district));
    const body = (await r.json()) as Json;
    expect(body.outcome).toBe('refused-at-intake');
    const res = await call('SPECIALIST', 'GET', `/api/intake-receipts/${body.receipt.id}/document?lang=kk`);
    expect(res.status).toBe(200);
    const text = await pdfText(res);
    if (hasPdftotext) {
      expect(text).toContain('ӨТІНІШ ҚАБЫЛДАУДАН БАС ТАРТУ ТУРАЛЫ ҚОЛХАТ');
      expect(text).toContain(body.receipt.number);
    }
  });

  it('queues the decision notice and shows its status on the case', async () => {
    const res = await call('SPECIALIST', 'GET', `/api/applications/${granted}/notifications`);
    expect(res.status).toBe(200);
    const { notices } = (await res.json()) as Json;
    expect(notices.map((n: Json) => [n.form, n.channel, n.status])).toEqual([['5', 'sms', 'queued']]);
    expect((await call('ACCOUNTANT', 'GET', `/api/applications/${granted}/notifications`)).status).toBe(403);
    expect((await call('ACCOUNTANT', 'GET', '/api/notifications/print-queue')).status).toBe(403);
    expect((await call('STATE_CORP', 'GET', '/api/notifications/print-queue')).status).toBe(200);
  });
});
