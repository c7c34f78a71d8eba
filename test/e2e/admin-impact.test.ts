/**
 * Issue 6 in a real browser against a real server with a small synthetic registry. The server's clock is
 * set (KOMEK_CLOCK_START) to a Monday D1 at 10:00; an administrator drafts a version raising the income
 * threshold (with its legal reference), previews its impact over the registry, approves and schedules
 * it for E = D1 + 7 days. A specialist registers, through the intake screen, the application of a family
 * whose per-capita income lies between the old and the new threshold (case A, registered before E); the
 * server is then stopped and started again on the same data with its clock at E + 1 day, and the
 * application of another such family is registered (case B). Both go through the case workflow (precinct
 * survey, income computation): case A is judged by the version in force on its date (35-140, old
 * threshold, income above it), case B by the new one (50-200, new threshold) and granted, the decision's
 * explanation citing the new version. The dates are chosen so that D1, E and E + 1 fall in one quarter.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { formatMoney } from '../../src/web/format';
import kkAdmin from '../../src/web/locales/kk/admin.json';
import kkCases from '../../src/web/locales/kk/cases.json';
import { describeBrowser, pickOption as pick, saveScreenshot as shot, settlePage as settle, submitStep as step, useClockedBrowser } from './harness';

const quarterOf = (d: Temporal.PlainDate) => `${d.year}-${Math.ceil(d.month / 3)}`;

/** D1: a Monday at least a week ahead, such that D1 … E + 1 lie in one quarter (same income quarter and subsistence minimum). */
function chooseDates(): { d1: Temporal.PlainDate; effective: Temporal.PlainDate; d2: Temporal.PlainDate } {
  let d1 = Temporal.Now.plainDateISO('Asia/Almaty').add({ days: 7 });
  d1 = d1.add({ days: (8 - d1.dayOfWeek) % 7 });
  for (;;) {
    const effective = d1.add({ days: 7 });
    const d2 = effective.add({ days: 1 });
    if (quarterOf(d1) === quarterOf(d2)) return { d1, effective, d2 };
    d1 = d1.add({ days: 7 });
  }
}
const { d1, effective, d2 } = chooseDates();
const at10 = (d: Temporal.PlainDate) => `${d.toString()}T10:00:00+05:00`;
const SERVER_ENV = { KOMEK_LOG_LEVEL: 'info', KOMEK_DEMO_REGISTRY: 'true', KOMEK_DEMO_PERSONS: '4000', KOMEK_EGOV_FAILURE_RATE: '0', KOMEK_SESSION_HOURS: '720' };

interface Head {
  headIin: string;
  headName: string;
  ruralDistrictId: string;
  headIban: string;
  perCapitaTiyn: number;
}

describeBrowser('district administration: what-if impact, a scheduled version, and cases on either side of its date', () => {
  const browser = useClockedBrowser({ name: 'admin-impact', env: SERVER_ENV, clockStart: at10(d1), viewport: { width: 1440, height: 1000 } });
  const { problems } = browser;
  const newPage = () => browser.newPage();
  const as = (page: Page, base: string, user: string) => browser.signIn(page, base, user);
  const caseJson = (page: Page, base: string, id: string) =>
    page.evaluate(async (url) => (await (await fetch(url)).json()) as { case: { application: { rulesVersion: string; registeredOn: string }; income: { thresholdTiyn: number | string | null; perCapitaTiyn: number | string | null } | null; decision: { outcome: string; rulesVersion: string } | null } }, `${base}/api/applications/${id}`);

  /** The specialist registers the head's application through the intake screen (form 1, p.11); returns the case id. */
  const intake = async (page: Page, base: string, head: Head, districtName: string, label: string) => {
    await page.getByTestId('nav-cases-new').click();
    const [lastName, firstName] = head.headName.split(' ');
    await page.getByTestId('intake-iin').fill(head.headIin);
    await page.getByTestId('intake-last').fill(lastName ?? 'Белгісіз');
    await page.getByTestId('intake-first').fill(firstName ?? 'Белгісіз');
    await page.getByTestId('intake-next').click();
    await page.getByTestId('intake-category').click();
    await page.getByRole('option', { name: /^7\.9 — / }).click();
    await page.getByTestId('intake-district').click();
    await page.getByRole('option', { name: districtName, exact: true }).click();
    await page.getByTestId('intake-address').fill('Балпық би ауылы, Абай көшесі, 12');
    await page.getByTestId('intake-iban').fill(head.headIban);
    await shot(page, `admin-impact-${label}-intake`);
    // On to the last step (the family comes from the state systems: none is declared; no documents are needed).
    for (let i = 0; i < 4 && !(await page.getByTestId('intake-submit').isVisible()); i++) {
      await page.getByTestId('intake-next').click();
      await page.waitForTimeout(300);
    }
    await page.getByTestId('intake-checklist').waitFor();
    await page.getByTestId('intake-submit').click();
    await page.getByTestId('intake-registered').waitFor();
    await shot(page, `admin-impact-${label}-registered`);
    await page.getByTestId('intake-open-case').click();
    await page.getByTestId('case-reg-number').waitFor();
    return { id: page.url().split('/cases/')[1]!, regNumber: await page.getByTestId('case-reg-number').innerText(), base };
  };
  /** Precinct survey (p.13), then the specialist computes the per-capita income (p.16). */
  const surveyAndIncome = async (page: Page, base: string, c: { id: string; regNumber: string }) => {
    await step(page, 'routeToPrecinctCommission');
    await as(page, base, 'precinct');
    await page.goto(`${base}/cases/${c.id}`);
    await page.getByTestId('case-reg-number').waitFor();
    await step(page, 'recordSurvey', async () => {
      await page.getByTestId('field-actNumber').fill('А-017');
      await page.getByTestId('field-commission').fill('Учаскелік комиссия № 1');
      await page.getByTestId('field-housing').fill('Жеке үй, 3 бөлме');
      await pick(page, 'field-needs', kkCases.yesno.needs.yes);
      await page.getByTestId('field-conclusionReason').fill('Отбасының табысы төмен');
    });
    await as(page, base, 'specialist');
    await page.goto(`${base}/cases/${c.id}`);
    await page.getByTestId('case-reg-number').waitFor();
    await step(page, 'computeIncome');
    await page.getByTestId('case-income').waitFor();
  };

  it('drafts a higher threshold, previews and schedules it; a case registered after its date is judged by it, an earlier one is not', async () => {
    let base = browser.url();
    const page = await newPage();
    await as(page, base, 'admin');
    await page.getByTestId('nav-admin-rules').click();
    await page.getByTestId('rules-versions-table').getByRole('link', { name: '35-140' }).waitFor();
    expect(await page.getByTestId('lifecycle-in-force').count()).toBe(1);

    // A draft: the decision that will adopt it and the date it takes effect.
    await page.getByTestId('draft-code').fill('50-200');
    await page.getByTestId('draft-effective').fill(effective.toString());
    const legal = async () => {
      await page.getByTestId('legal-act').fill('Көксу аудандық мәслихатының шешімі');
      await page.getByTestId('legal-number').fill('50-200');
      await page.getByTestId('legal-date').fill(d1.toString());
      await page.getByTestId('legal-clause').fill('1-т.');
    };
    await legal();
    await page.getByTestId('draft-create').click();
    await page.getByTestId('threshold-card').waitFor();
    expect(await page.getByTestId('lifecycle-draft').count()).toBe(1);
    expect(await page.getByTestId('example-badge').innerText()).toMatch(/\d+/);

    // Raise the threshold multiple from 1.0 to 1.5 from the effective date.
    await legal();
    await page.getByTestId('threshold-multiple').fill('1.5');
    await page.getByTestId('threshold-save').click();
    await page.getByTestId('threshold-card').getByText('1.5 ×').waitFor();

    // The what-if preview over the whole registry.
    await page.getByTestId('impact-run').click();
    await page.getByTestId('impact-view').waitFor({ timeout: 180_000 });
    await page.getByTestId('impact-chart').locator('svg').first().waitFor();
    const gained = Number((await page.getByTestId('impact-gained').innerText()).replace(/[^\d]/g, ''));
    expect(gained).toBeGreaterThan(1);
    expect(Number((await page.getByTestId('impact-lost').innerText()).replace(/[^\d]/g, ''))).toBe(0);
    expect(await page.getByTestId('impact-changes').locator('tbody tr').count()).toBeGreaterThan(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'admin-impact-preview');

    // The exports answer with the list (CSV, kk headers).
    const csvHref = await page.getByTestId('impact-csv').getAttribute('href');
    const impactId = /impacts\/(\d+)\//.exec(csvHref ?? '')?.[1];
    const exported = await page.evaluate(async (href) => {
      const r = await fetch(href);
      return { status: r.status, text: await r.text() };
    }, csvHref!);
    expect(exported.status).toBe(200);
    expect(exported.text.trim().split('\n').length).toBeGreaterThan(gained);

    // The thresholds of 7.9 under each version, and two families that gain (income between them).
    const found = await page.evaluate(async (impactId) => {
      const r = (await (await fetch(`/api/admin/impacts/${impactId}`)).json()) as {
        impact: { current: { thresholdTiyn: Record<string, number> }; draft: { thresholdTiyn: Record<string, number> } };
        changes: { category: string; change: string; headIin: string | null; headName: string | null; ruralDistrictId: string; headIban: string | null; perCapitaTiyn: number }[];
      };
      const districts = (await (await fetch('/api/rural-districts')).json()) as { ruralDistricts: { id: string; name_kk: string }[] };
      const heads = r.changes.filter((c) => c.category === '7.9' && c.change === 'gained' && c.headIin && c.headIban && (c.headName ?? '').split(' ').length >= 2);
      return { low: r.impact.current.thresholdTiyn['7.9']!, high: r.impact.draft.thresholdTiyn['7.9']!, heads, districts: districts.ruralDistricts };
    }, impactId!);
    expect(found.high).toBeGreaterThan(found.low);
    expect(found.heads.length).toBeGreaterThanOrEqual(2);
    const [headA, headB] = found.heads as unknown as [Head, Head];
    const districtName = (h: Head) => found.districts.find((d) => d.id === h.ruralDistrictId)!.name_kk;

    // Approve (no more edits in place) and schedule for E.
    await page.getByTestId('version-approve').click();
    await page.getByTestId('lifecycle-approved').waitFor();
    await page.getByTestId('version-schedule').click();
    await page.getByTestId('lifecycle-scheduled').waitFor();
    expect(await page.getByTestId('threshold-save').count()).toBe(0);
    await page.getByRole('tab', { name: new RegExp(kkAdmin.tabs.history) }).click();
    await page.getByTestId('history-table').getByText('rules.schedule').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'admin-rules-history');

    // The announced Kurban Ait date enters the calendar with its legal reference.
    await page.getByTestId('nav-admin-calendar').click();
    await page.getByTestId('overrides-table').waitFor();
    await page.locator('input[type=date]').first().fill('2027-05-17');
    await page.getByLabel(/Атауы \(kk\)/).fill('Құрбан айт');
    await page.getByLabel(/Атауы \(ru\)/).fill('Курбан айт');
    await page.getByTestId('legal-act').fill('ҚР Үкіметінің қаулысы');
    await page.getByTestId('legal-number').fill('1');
    await page.getByTestId('legal-date').fill(d1.toString());
    await page.getByTestId('legal-clause').fill('1-т.');
    await page.getByRole('button', { name: kkAdmin.calendar.save }).click();
    await page.getByTestId('overrides-table').getByText('Құрбан айт', { exact: true }).waitFor();

    // The special commission, created by the akim's decision, with its chair.
    await page.getByTestId('nav-admin-commissions').click();
    await page.getByTestId('commission-kind').click();
    await page.getByRole('option', { name: kkAdmin.commissions.kinds.special }).click();
    await page.getByTestId('commission-name').fill('Арнайы комиссия');
    await page.getByTestId('legal-act').fill('Көксу ауданы әкімінің шешімі');
    await page.getByTestId('legal-number').fill('7');
    await page.getByTestId('legal-date').fill(d1.toString());
    await page.getByTestId('legal-clause').fill('1-т.');
    await page.getByRole('button', { name: kkAdmin.commissions.create }).click();
    const card = page.getByTestId('commission-card').first();
    await card.waitFor();
    await card.getByLabel(kkAdmin.commissions.fullName).fill('Нұрланова Гүлнар');
    await card.getByLabel(kkAdmin.commissions.position).fill('аудан әкімінің орынбасары');
    await card.getByRole('button', { name: kkAdmin.commissions.addMember }).click();
    await card.getByText('Нұрланова Гүлнар').waitFor();

    // Case A, registered on D1 (before E): the specialist's intake, the survey, the income.
    await as(page, base, 'specialist');
    const caseA = await intake(page, base, headA, districtName(headA), 'case-a');
    await surveyAndIncome(page, base, caseA);
    const a = await caseJson(page, base, caseA.id);
    expect(a.case.application.registeredOn < effective.toString()).toBe(true);
    expect(a.case.application.rulesVersion).toBe('35-140');
    expect(Number(a.case.income!.thresholdTiyn)).toBe(found.low);
    expect(Number(a.case.income!.perCapitaTiyn)).toBeGreaterThan(found.low);
    expect(await page.getByTestId('case-income').innerText()).toContain(formatMoney(found.low, 'kk'));
    await shot(page, 'admin-impact-case-a-income');

    // The server stops; it starts again on the same data with its clock on E + 1 day.
    await page.close();
    base = await browser.restartAt(at10(d2));
    const page2 = await newPage();

    // Case B, registered on E + 1: judged by 50-200 — the new threshold — and granted.
    await as(page2, base, 'specialist');
    const caseB = await intake(page2, base, headB, districtName(headB), 'case-b');
    await surveyAndIncome(page2, base, caseB);
    const b = await caseJson(page2, base, caseB.id);
    expect(b.case.application.registeredOn >= effective.toString()).toBe(true);
    expect(b.case.application.rulesVersion).toBe('50-200');
    expect(Number(b.case.income!.thresholdTiyn)).toBe(found.high);
    expect(Number(b.case.income!.perCapitaTiyn)).toBeLessThanOrEqual(found.high);
    expect(await page2.getByTestId('case-income').innerText()).toContain(formatMoney(found.high, 'kk'));

    await as(page2, base, 'special');
    await page2.goto(`${base}/cases/${caseB.id}`);
    await page2.getByTestId('case-reg-number').waitFor();
    await step(page2, 'recordSpecialConclusion', async () => {
      await pick(page2, 'field-needs', kkCases.yesno.needs.yes);
    });
    await as(page2, base, 'accountant');
    const budget = await page2.request.put(`${base}/api/budget/${d2.year}`, { data: { allocatedTiyn: 100_000_000_00 } });
    expect(budget.status()).toBe(200);
    await as(page2, base, 'head');
    await page2.goto(`${base}/cases/${caseB.id}`);
    await page2.getByTestId('case-reg-number').waitFor();
    await step(page2, 'grant');
    await page2.getByTestId('case-decision').waitFor();
    const explanation = await page2.getByTestId('case-explanation').innerText();
    expect(explanation).toContain('50-200');
    expect(explanation).toContain('20.3-т.');
    const decided = await caseJson(page2, base, caseB.id);
    expect(decided.case.decision).toMatchObject({ outcome: 'grant', rulesVersion: '50-200' });
    await shot(page2, 'admin-impact-case-b-granted');

    // Case A, seen after E, keeps the version of its own date and the old threshold.
    await page2.goto(`${base}/cases/${caseA.id}`);
    await page2.getByTestId('case-income').waitFor();
    expect(await page2.getByTestId('case-income').innerText()).toContain(formatMoney(found.low, 'kk'));
    expect((await caseJson(page2, base, caseA.id)).case.application.rulesVersion).toBe('35-140');
    await shot(page2, 'admin-impact-case-a-after');

    // The department's dashboard reads at a glance, with both cases and case B's grant on it.
    await as(page2, base, 'specialist');
    await page2.getByTestId('nav-dashboard').click();
    await page2.getByTestId('panel-applications').waitFor();
    await page2.getByTestId('panel-decisions').waitFor();
    await settle(page2);
    await shot(page2, 'dashboard-specialist');

    // The versions list shows the new version in force and the old one archived.
    await as(page2, base, 'admin');
    await page2.getByTestId('nav-admin-rules').click();
    await page2.getByTestId('rules-versions-table').getByRole('link', { name: '50-200' }).waitFor();
    expect(await page2.getByTestId('lifecycle-in-force').count()).toBe(1);
    await shot(page2, 'admin-rules-after-effective');
    expect(problems).toEqual([]);
  }, 900_000);
});
