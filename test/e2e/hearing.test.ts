/**
 * The hearing before a refusal (p.18; Administrative Procedural Code arts. 73–74) in a real browser against
 * a real server. The server's clock is set (KOMEK_CLOCK_START) to a working day D0 at 10:00. A specialist
 * takes a paper application through the intake wizard — the applicant acts through a representative
 * (an expired power of attorney is refused on the spot, then a valid one is entered), declares a child,
 * and wants the notices in Russian. The precinct survey finds the declared data unreliable and the
 * special commission concludes "does not need" (through the API: those screens are the case-flow test's).
 * The specialist proposes the refusal on p.20.1 with the hearing's date, time and place: the notice is
 * produced at once — no mobile number, so in the print queue, in Russian, with its PDF — and the State
 * Corporation prints it and hands it to the representative. The applicant's oral objection, the hearing
 * protocol (read the same day) and the remarks are recorded; the head's refusal that day is refused
 * (HEARING_WINDOW_OPEN: 3 working days must pass after the notice). The server is stopped and started
 * again on the same data with its clock at D0 + 3 working days, and the head refuses: form 4 and the
 * form 6 notice (in Russian, print queue). Screenshots: artifacts/screenshots/hearing-*.png.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { addWorkingDays, buildCalendar, isWorkingDay } from '../../src/rules/calendar';
import { makeValidIban, makeValidIin } from '../../src/rules/identifiers';
import { ERRORS } from '../../src/errors';
import enCases from '../../src/web/locales/en/cases.json';
import kkCases from '../../src/web/locales/kk/cases.json';
import kkDocuments from '../../src/web/locales/kk/documents.json';
import ruCases from '../../src/web/locales/ru/cases.json';
import ruDocuments from '../../src/web/locales/ru/documents.json';
import { DEMO_PASSWORD, describeBrowser, pickOption as pick, saveScreenshot as shot, settlePage as settle, useClockedBrowser } from './harness';

const cal = buildCalendar();
const quarterOf = (d: Temporal.PlainDate) => `${d.year}-${Math.ceil(d.month / 3)}`;

/** D0: a working day at least a week ahead whose +3 working days fall in the same quarter; D3 = D0 + 3 WD. */
function chooseDates(): { d0: Temporal.PlainDate; d1: Temporal.PlainDate; d3: Temporal.PlainDate } {
  let d0 = Temporal.Now.plainDateISO('Asia/Almaty').add({ days: 7 });
  for (;;) {
    if (isWorkingDay(cal, d0)) {
      const d3 = addWorkingDays(cal, d0, 3);
      if (quarterOf(d0) === quarterOf(d3)) return { d0, d1: addWorkingDays(cal, d0, 1), d3 };
    }
    d0 = d0.add({ days: 1 });
  }
}
const { d0, d1, d3 } = chooseDates();
const at10 = (d: Temporal.PlainDate) => `${d.toString()}T10:00:00+05:00`;
const dmy = (d: Temporal.PlainDate) => `${String(d.day).padStart(2, '0')}.${String(d.month).padStart(2, '0')}.${d.year}`;
const SERVER_ENV = { KOMEK_LOG_LEVEL: 'info', KOMEK_DEMO_PERSONS: '2000', KOMEK_EGOV_FAILURE_RATE: '0', KOMEK_SESSION_HOURS: '720' };

/** Synthetic persons unknown to the registry: the documents are presented on paper (p.11). */
const applicant = { iin: makeValidIin(Temporal.PlainDate.from('1979-06-15'), 'female', 7311)!, lastName: 'Петрова', firstName: 'Анна', birthDate: '1979-06-15', iban: makeValidIban('KSN', '0000055500111') };
const representative = { iin: makeValidIin(Temporal.PlainDate.from('1955-02-03'), 'male', 7312)!, lastName: 'Петров', firstName: 'Иван' };
const child = { iin: makeValidIin(Temporal.PlainDate.from('2012-09-01'), 'male', 7313)!, lastName: 'Петров', firstName: 'Олег', birthDate: '2012-09-01' };

describeBrowser('the hearing before a refusal: notice, objection, protocol, remarks, final refusal (p.18–p.20)', () => {
  const browser = useClockedBrowser({ name: 'hearing', env: SERVER_ENV, clockStart: at10(d0), viewport: { width: 1366, height: 900 } });
  const { dataDir, problems } = browser;
  const newPage = () => browser.newPage();
  const as = (page: Page, base: string, user: string) => browser.signIn(page, base, user);
  /** A step through the API, signed in as `user` (the screens of these steps are the case-flow test's). */
  const api = async (base: string, user: string, id: string, path: string, body: unknown) => {
    await browser.context().clearCookies();
    const login = await browser.context().request.post(`${base}/api/auth/login`, { data: { username: user, password: DEMO_PASSWORD } });
    expect(login.status()).toBe(200);
    const r = await browser.context().request.post(`${base}/api/applications/${id}/${path}`, { data: body });
    if (r.status() !== 200) throw new Error(`${path}: ${r.status()} ${await r.text()}`);
  };
  const openCase = async (page: Page, base: string, id: string) => {
    await page.goto(`${base}/cases/${id}`);
    await page.getByTestId('case-reg-number').waitFor();
    await settle(page);
  };
  const openStep = async (page: Page, name: string) => {
    await page.getByTestId(`step-open-${name}`).click();
    await page.getByTestId(`step-form-${name}`).waitFor();
  };
  /** Submits the open step form; returns the alert's text when the server refused it, else null. */
  const submit = async (page: Page, name: string): Promise<string | null> => {
    await page.getByTestId(`step-submit-${name}`).click();
    const form = page.getByTestId(`step-form-${name}`);
    await Promise.race([form.waitFor({ state: 'detached' }), form.getByRole('alert').first().waitFor()]);
    if (await form.isVisible()) return (await form.getByRole('alert').allInnerTexts()).join(' | ');
    await settle(page);
    return null;
  };
  const step = async (page: Page, name: string, fill?: () => Promise<void>, screenshot?: string) => {
    await openStep(page, name);
    if (fill) await fill();
    if (screenshot) await shot(page, screenshot);
    const refused = await submit(page, name);
    if (refused !== null) throw new Error(`step ${name} failed: ${refused}`);
  };
  const status = (page: Page) => page.getByTestId('case-status').first().innerText();
  const pdfText = async (base: string, url: string): Promise<string | null> => {
    const res = await browser.context().request.get(`${base}${url}`);
    expect(res.status()).toBe(200);
    const bytes = await res.body();
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    if (!existsSync('/usr/bin/pdftotext')) return null;
    const file = join(dataDir, 'notice.pdf');
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  };

  it('notifies of the preliminary refusal, records the objection, the protocol and the remarks, and refuses only after the windows', async () => {
    let base = browser.url();
    const page = await newPage();

    // Intake through the wizard: the applicant acts through her father under a power of attorney.
    await as(page, base, 'specialist');
    await page.getByTestId('nav-cases-new').click();
    await page.getByTestId('intake-iin').fill(applicant.iin);
    await page.getByTestId('intake-last').fill(applicant.lastName);
    await page.getByTestId('intake-first').fill(applicant.firstName);
    await page.getByTestId('intake-birth').fill(applicant.birthDate);
    await page.getByTestId('intake-rep-on').check();
    await page.getByTestId('intake-rep-iin').fill(representative.iin);
    await page.getByTestId('intake-rep-last').fill(representative.lastName);
    await page.getByTestId('intake-rep-first').fill(representative.firstName);
    await page.getByTestId('intake-poa-number').fill('НД-2024-118');
    await page.getByTestId('intake-poa-date').fill('2024-01-10');
    // A power of attorney that ran out a year ago: the wizard says so and does not go on.
    await page.getByTestId('intake-poa-valid-until').fill(d0.subtract({ years: 1 }).toString());
    const expired = enCases.intake.poaExpired.split('{{')[0]!;
    await page.getByText(kkCases.intake.poaExpired.split('{{')[0]!.trim(), { exact: false }).or(page.getByText(expired.trim(), { exact: false })).first().waitFor();
    expect(await page.getByTestId('intake-next').isDisabled()).toBe(true);
    await shot(page, 'hearing-1-intake-poa-expired');
    await page.getByTestId('intake-poa-valid-until').fill(d0.add({ years: 1 }).toString());
    expect(await page.getByTestId('intake-next').isDisabled()).toBe(false);
    await shot(page, 'hearing-2-intake-representative');
    await page.getByTestId('intake-next').click();

    await page.getByTestId('intake-category').click();
    await page.getByRole('option', { name: /^7\.9 — / }).click();
    await page.getByTestId('intake-district').click();
    await page.getByRole('option').first().click();
    await page.getByTestId('intake-address').fill('Балпық би ауылы, Жамбыл көшесі, 7');
    await page.getByTestId('intake-iban').fill(applicant.iban);
    await page.getByTestId('intake-language').getByText(kkCases.languages.ru).click();
    await page.waitForTimeout(500); // the control's indicator slides over
    await shot(page, 'hearing-3-intake-application-language');
    await page.getByTestId('intake-next').click();

    await page.getByTestId('intake-add-member').click();
    await page.getByTestId('intake-member-0-iin').fill(child.iin);
    await page.getByTestId('intake-member-0-last').fill(child.lastName);
    await page.getByTestId('intake-member-0-first').fill(child.firstName);
    await pick(page, 'intake-member-0-relation', kkCases.relations.child);
    await page.getByTestId('intake-member-0-birth').fill(child.birthDate);
    await shot(page, 'hearing-4-intake-family');
    await page.getByTestId('intake-next').click();
    await page.getByTestId('intake-checklist').waitFor();
    for (const doc of ['identity', 'income']) {
      await page.getByTestId(`intake-doc-${doc}`).check();
      await page.getByTestId('intake-checklist').getByRole('row').filter({ has: page.getByTestId(`intake-doc-${doc}`) }).getByRole('checkbox').nth(1).check();
    }
    await page.getByTestId('intake-submit').click();
    await page.getByTestId('intake-registered').waitFor();
    await page.getByTestId('intake-open-case').click();
    await page.getByTestId('case-reg-number').waitFor();
    const id = page.url().split('/cases/')[1]!;
    const regNumber = await page.getByTestId('case-reg-number').innerText();
    const caseText = await page.locator('main').innerText();
    expect(caseText).toContain(representative.iin);
    expect(caseText).toContain(child.iin);
    expect(caseText).toContain(kkCases.languages.ru);

    // The precinct commission finds the declared household unreliable; the special commission: "does not need".
    await api(base, 'specialist', id, 'route-to-precinct-commission', {});
    await api(base, 'precinct', id, 'survey', { actNumber: 'А-041', actDate: d0.toString(), commission: 'Учаскелік комиссия № 2', needs: false, observations: 'Үйде өтініште көрсетілмеген жұмыс істейтін ересек тұрады', conclusionReason: 'Мәліметтер расталмады' });
    await api(base, 'specialist', id, 'income', {});
    await api(base, 'special', id, 'special-conclusion', { needs: false, reason: 'Отбасы құрамы туралы мәліметтер дәйексіз' });

    // The specialist proposes the refusal (p.20.1) with the hearing on the next working day, 11:00, room 204.
    await as(page, base, 'specialist');
    await openCase(page, base, id);
    expect(await status(page)).toBe(kkCases.status.CONCLUDED);
    await step(
      page,
      'proposeRefusal',
      async () => {
        await pick(page, 'field-refusalGround', kkCases.options.refusalGround.p_20_1);
        await page.getByTestId('field-plannedDecisionOn').fill(d3.toString());
        await page.getByTestId('field-hearingAt').fill(`${d1.toString()}T11:00`);
        await page.getByTestId('field-hearingPlace').fill('Балпық би, Жеңіс к-сі 15, 204-кабинет');
        await page.getByTestId('field-text').fill('Учаскелік комиссия өтініште көрсетілмеген жұмыс істейтін ересекті анықтады (2-нысан акті).');
      },
      'hearing-5-propose-refusal-form',
    );
    await page.getByTestId('case-hearing').waitFor();
    expect(await status(page)).toBe(kkCases.status.HEARING);
    expect(await page.getByTestId('case-hearing-when').innerText()).toContain(`${dmy(d1)} 11:00`);
    // The notice is produced at once: no mobile number → the print queue, in the applicant's language.
    const notices = page.getByTestId('case-notices');
    await notices.getByText(kkDocuments.forms.hearing, { exact: false }).waitFor();
    expect(await notices.innerText()).toContain(kkDocuments.noticeStatus.queued);
    expect(await notices.innerText()).toContain(kkCases.languages.ru);
    await shot(page, 'hearing-6-notice-queued');
    const noticePdf = await pdfText(base, `/api/applications/${id}/documents/hearing?lang=ru`);
    if (noticePdf !== null) {
      expect(noticePdf).toContain('подпункт 1) пункта 20 Правил');
      expect(noticePdf).toContain(`${dmy(d1)} 11:00`);
      expect(noticePdf).toContain('(2 рабочих дня)');
    }

    // The State Corporation prints it and hands it to the representative.
    await as(page, base, 'statecorp');
    await page.getByTestId('nav-print-queue').click();
    const row = page.getByTestId('print-queue-table').getByRole('row').filter({ hasText: regNumber });
    await row.waitFor();
    expect(await row.innerText()).toContain(kkDocuments.forms.hearing);
    expect(await row.getByRole('link', { name: kkDocuments.forms.hearing }).getAttribute('href')).toBe(`/api/applications/${id}/documents/hearing?lang=ru`);
    await shot(page, 'hearing-7-print-queue');
    await row.getByRole('button').click();
    await row.getByText(kkDocuments.noticeStatus.printed).waitFor();
    await row.getByRole('button').click();
    await page.getByTestId('print-received-by').fill(`${representative.lastName} ${representative.firstName} (сенімхат НД-2024-118)`);
    await page.getByTestId('print-hand-confirm').click();
    await row.waitFor({ state: 'detached' });

    // The oral objection, the hearing protocol (read the same day) and the remarks.
    await as(page, base, 'specialist');
    await openCase(page, base, id);
    await step(page, 'recordObjection', async () => {
      await page.getByTestId('field-oral').check();
      await page.getByTestId('field-text').fill('Ересек адам уақытша тұрады, отбасы мүшесі емес.');
    });
    await step(
      page,
      'recordHearingProtocol',
      async () => {
        await page.getByTestId('field-place').fill('Балпық би, Жеңіс к-сі 15, 204-кабинет');
        await page.getByTestId('field-startTime').fill('11:00');
        await page.getByTestId('field-endTime').fill('11:40');
        await page.getByTestId('field-body').fill('Көксу ауданының жұмыспен қамту және әлеуметтік бағдарламалар бөлімі');
        await page.getByTestId('field-official').fill('Бөлім басшысы');
        await page.getByTestId('field-secretary').fill('Бас маман');
        await page.getByTestId('field-participant').fill(`${representative.lastName} ${representative.firstName} (өкіл)`);
        await page.getByTestId('field-matter').fill('Бас тарту туралы алдын ала шешім, 20.1-т.');
        await page.getByTestId('field-explanations').fill('Өкіл ересек адамның уақытша тұратынын түсіндірді.');
        await page.getByTestId('field-readOn').fill(d0.toString());
      },
      'hearing-8-protocol-form',
    );
    await step(page, 'recordProtocolRemarks', async () => {
      await page.getByTestId('field-text').fill('Хаттамаға ескерту: ересек адамның жалдау шарты ұсынылды.');
    });
    const hearingText = await page.getByTestId('case-hearing').innerText();
    expect(hearingText).toContain(kkCases.case.protocolRecorded);
    await shot(page, 'hearing-9-objection-protocol-remarks');

    // The head cannot refuse yet: 3 working days must pass after the notice (p.18).
    await as(page, base, 'head');
    await openCase(page, base, id);
    await openStep(page, 'refuse');
    const tooEarly = await submit(page, 'refuse');
    expect(tooEarly).toContain(ERRORS.HEARING_WINDOW_OPEN.kk);
    expect(tooEarly).toContain(`Шешімді ${dmy(d3)} бастап қабылдауға болады`);
    await shot(page, 'hearing-10-refusal-too-early');
    expect(await status(page)).toBe(kkCases.status.HEARING);

    // Three working days later (the server restarted on the same data with its clock at D0 + 3 WD).
    base = await browser.restartAt(at10(d3));
    await as(page, base, 'head');
    await openCase(page, base, id);
    await shot(page, 'hearing-11-head-before-refusal');
    await step(page, 'refuse');
    await page.getByTestId('case-decision').waitFor();
    expect(await status(page)).toBe(kkCases.status.REFUSED);
    expect(await page.getByTestId('case-decision').innerText()).toContain('20.1');
    expect(await page.getByTestId('doc-4').innerText()).toBe(kkDocuments.forms['4']);
    expect(await page.getByTestId('doc-6').innerText()).toBe(kkDocuments.forms['6']);
    await page.getByTestId('case-notices').getByText(kkDocuments.forms['6'], { exact: false }).waitFor();
    await shot(page, 'hearing-12-refused');
    const form6 = await pdfText(base, `/api/applications/${id}/documents/6?lang=ru`);
    if (form6 !== null) {
      expect(form6).toContain('подпункт 1) пункта 20');
      expect(form6).toContain('Административным процедурно-процессуальным кодексом');
    }

    // The refusal notice (form 6) waits in the print queue, in Russian.
    await as(page, base, 'statecorp');
    await page.getByTestId('nav-print-queue').click();
    const refusal = page.getByTestId('print-queue-table').getByRole('row').filter({ hasText: regNumber });
    await refusal.waitFor();
    expect(await refusal.getByRole('link', { name: kkDocuments.forms['6'] }).getAttribute('href')).toBe(`/api/applications/${id}/documents/6?lang=ru`);
    await shot(page, 'hearing-13-print-queue-form6');

    // The same case page in Russian: the hearing, its notice and the refusal.
    await openCase(page, base, id);
    await page.getByTestId('lang-ru').click();
    await page.getByTestId('case-status').getByText(ruCases.status.REFUSED).waitFor();
    expect(await page.getByTestId('case-hearing-when').innerText()).toContain(ruCases.case.hearingWhen.split('{{')[0]!.trim());
    expect(await page.getByTestId('case-notices').innerText()).toContain(ruDocuments.forms.hearing);
    await shot(page, 'hearing-14-refused-ru');

    expect(problems).toEqual([]);
  }, 600_000);
});
