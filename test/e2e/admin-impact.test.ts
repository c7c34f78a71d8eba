/**
 * Issue 6 in a real browser against a real server with a small synthetic registry: an administrator
 * drafts a version raising the income threshold (with its legal reference), previews its impact over the
 * registry, approves and schedules it for tomorrow; then the Rules in force are asked about the same
 * family on today's date and on a date after the effective date — the later one is judged by the new
 * version, the earlier one is not. (The server runs on the real clock, so "a case registered after the
 * effective date" is checked through the rules accessor + evaluate here; the workflow path itself — a case
 * registered through the applications API after the date carries the new version — is covered with a
 * moved clock in src/http/routes/admin-rules.test.ts.)
 */
import { expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import kkAdmin from '../../src/web/locales/kk/admin.json';
import { describeBrowser, useBrowserApp } from './harness';

const today = Temporal.Now.plainDateISO('Asia/Almaty');
const tomorrow = today.add({ days: 1 });
const later = today.add({ days: 10 });

describeBrowser('district administration: what-if impact and scheduled rules', () => {
  const app = useBrowserApp({ env: { KOMEK_DEMO_REGISTRY: 'true', KOMEK_DEMO_PERSONS: '4000' }, viewport: { width: 1440, height: 1000 } });

  it('drafts a higher threshold, previews its impact, schedules it, and only later dates are judged by it', async () => {
    const page = await app().newPage({ fresh: true });
    await app().open(page);
    await app().signIn(page, 'admin');
    await page.getByTestId('nav-admin-rules').click();
    await page.getByTestId('rules-versions-table').getByRole('link', { name: '35-140' }).waitFor();
    expect(await page.getByTestId('lifecycle-in-force').count()).toBe(1);

    // A draft: the decision that will adopt it and the date it takes effect.
    await page.getByTestId('draft-code').fill('50-200');
    await page.getByTestId('draft-effective').fill(tomorrow.toString());
    const legal = async () => {
      await page.getByTestId('legal-act').fill('Көксу аудандық мәслихатының шешімі');
      await page.getByTestId('legal-number').fill('50-200');
      await page.getByTestId('legal-date').fill(today.toString());
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
    await page.getByTestId('impact-view').waitFor({ timeout: 60_000 });
    await page.getByTestId('impact-chart').locator('svg').first().waitFor();
    const gained = Number((await page.getByTestId('impact-gained').innerText()).replace(/[^\d]/g, ''));
    const lost = Number((await page.getByTestId('impact-lost').innerText()).replace(/[^\d]/g, ''));
    expect(gained).toBeGreaterThan(0);
    expect(lost).toBe(0);
    expect(await page.getByTestId('impact-changes').locator('tbody tr').count()).toBeGreaterThan(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await app().screenshot(page, 'admin-impact-preview');

    // The exports answer with the list (CSV, kk headers) and a workbook.
    const csvHref = await page.getByTestId('impact-csv').getAttribute('href');
    const impactId = /impacts\/(\d+)\//.exec(csvHref ?? '')?.[1];
    const exported = await page.evaluate(async (href) => {
      const r = await fetch(href);
      return { status: r.status, text: await r.text() };
    }, csvHref!);
    expect(exported.status).toBe(200);
    expect(exported.text.trim().split('\n').length).toBeGreaterThan(gained);

    // Approve (no more edits in place) and schedule for tomorrow.
    await page.getByTestId('version-approve').click();
    await page.getByTestId('lifecycle-approved').waitFor();
    await page.getByTestId('version-schedule').click();
    await page.getByTestId('lifecycle-scheduled').waitFor();
    await page.getByTestId('tab-parameters').waitFor();
    expect(await page.getByTestId('threshold-save').count()).toBe(0);
    await page.getByRole('tab', { name: new RegExp(kkAdmin.tabs.history) }).click();
    await page.getByTestId('history-table').getByText('rules.schedule').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await app().screenshot(page, 'admin-rules-history');

    // The same family, per-capita income between the old and the new threshold, on each date.
    const verdicts = await page.evaluate(
      async ({ impactId, today, later }) => {
        const impact = (await (await fetch(`/api/admin/impacts/${impactId}`)).json()) as { impact: { current: { thresholdTiyn: Record<string, number> }; draft: { thresholdTiyn: Record<string, number> } } };
        const low = impact.impact.current.thresholdTiyn['7.9']!;
        const high = impact.impact.draft.thresholdTiyn['7.9']!;
        const perCapita = Math.round((low + high) / 2);
        const ask = async (applicationDate: string) => {
          const r = await fetch('/api/admin/rules/evaluate', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ applicationDate, category: '7.9', family: { members: [{ incomes: [{ type: 'wages', amountTiyn: perCapita * 3 }] }] } }),
          });
          return (await r.json()) as { rulesVersion: string; outcome: string };
        };
        return { low, high, before: await ask(today), after: await ask(later) };
      },
      { impactId: impactId!, today: today.toString(), later: later.toString() },
    );
    expect(verdicts.high).toBeGreaterThan(verdicts.low);
    expect(verdicts.before).toMatchObject({ rulesVersion: '35-140', outcome: 'refuse' });
    expect(verdicts.after).toMatchObject({ rulesVersion: '50-200', outcome: 'grant' });

    // The versions list shows the scheduled version beside the one in force.
    await page.getByTestId('nav-admin-rules').click();
    await page.getByTestId('lifecycle-scheduled').waitFor();

    // The announced Kurban Ait date enters the calendar with its legal reference.
    await page.getByTestId('nav-admin-calendar').click();
    await page.getByTestId('overrides-table').waitFor();
    await page.locator('input[type=date]').first().fill('2027-05-17');
    await page.getByLabel(/Атауы \(kk\)/).fill('Құрбан айт');
    await page.getByLabel(/Атауы \(ru\)/).fill('Курбан айт');
    await page.getByTestId('legal-act').fill('ҚР Үкіметінің қаулысы');
    await page.getByTestId('legal-number').fill('1');
    await page.getByTestId('legal-date').fill(today.toString());
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
    await page.getByTestId('legal-date').fill(today.toString());
    await page.getByTestId('legal-clause').fill('1-т.');
    await page.getByRole('button', { name: kkAdmin.commissions.create }).click();
    const card = page.getByTestId('commission-card').first();
    await card.waitFor();
    await card.getByLabel(kkAdmin.commissions.fullName).fill('Нұрланова Гүлнар');
    await card.getByLabel(kkAdmin.commissions.position).fill('аудан әкімінің орынбасары');
    await card.getByRole('button', { name: kkAdmin.commissions.addMember }).click();
    await card.getByText('Нұрланова Гүлнар').waitFor();

    // A specialist registers applications of some of the households that gain (today: judged by 35-140).
    const heads = await page.evaluate(async (impactId) => {
      const r = (await (await fetch(`/api/admin/impacts/${impactId}`)).json()) as { changes: { headIin: string | null; headName: string | null; ruralDistrictId: string; headIban: string | null }[] };
      return r.changes.filter((c) => c.headIin && c.headIban).slice(0, 12);
    }, impactId!);
    await app().signOut(page);
    await app().signIn(page, 'specialist');
    const statuses = await page.evaluate(async (heads) => {
      const out: number[] = [];
      for (const h of heads) {
        const [lastName, firstName] = (h.headName ?? 'X Y').split(' ');
        const r = await fetch('/api/applications', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ applicant: { iin: h.headIin, lastName, firstName }, categoryCode: '7.9', ruralDistrictId: h.ruralDistrictId, address: 'Koksu', mobile: '+77011234567', iban: h.headIban, documents: [] }),
        });
        out.push(r.status);
      }
      return out;
    }, heads);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThan(0);

    // The dashboard reads at a glance; panels without a source say so.
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('panel-applications').waitFor();
    await app().settle(page);
    await app().screenshot(page, 'dashboard-specialist');
    expect(app().problems(page)).toEqual([]);
  }, 240_000);
});
