/**
 * Issue 5 in a real browser against a real server with the synthetic registry: the accountant enters the
 * year's allocation (p.21); a specialist runs the 1 October holiday through the wizard — without any
 * application (p.10, p.25) — and watches it finish; the State Corporation forms the demand and records the
 * application (p.27, p.28), the accountant the transfer, the State Corporation issues the orders and imports
 * the bank's statement (p.29); returns wait for re-issue (p.30); the reconciliation adds up.
 */
import { expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { describeBrowser, useBrowserApp } from './harness';

const year = Temporal.Now.plainDateISO('Asia/Almaty').year;

describeBrowser('holiday payments end to end', () => {
  const app = useBrowserApp({ env: { KOMEK_DEMO_REGISTRY: 'true', KOMEK_DEMO_PERSONS: '4000' }, viewport: { width: 1440, height: 1000 } });

  it('allocates the budget, runs a holiday without applications, pays through the State Corporation and reconciles', async () => {
    const page = await app().newPage({ fresh: true });
    await app().open(page);
    await app().signIn(page, 'accountant');
    await page.getByTestId('nav-payments-budget').click();
    await page.getByTestId('budget-year').fill(String(year));
    await page.getByTestId('budget-amount').fill('500000000');
    await page.getByTestId('budget-save').click();
    await page.getByTestId('budget-table').getByText(String(year)).first().waitFor();
    await app().screenshot(page, 'payments-budget');
    await app().signOut(page);

    await app().signIn(page, 'specialist');
    await page.getByTestId('nav-payments-runs').click();
    await page.getByTestId('run-holiday').click();
    await page.getByRole('option', { name: /^10-01/ }).click();
    await page.getByTestId('run-year').fill(String(year));
    await page.getByTestId('run-next').click();
    await page.getByTestId('run-cat-single-pensioners').waitFor();
    await app().screenshot(page, 'payments-holiday-wizard');
    await page.getByTestId('run-start').click();
    await page.getByTestId('runs-table').getByTestId('run-status-done').waitFor({ timeout: 120_000 });
    const paid = Number(await page.getByTestId('runs-table').getByTestId('run-payments').first().innerText());
    expect(paid).toBeGreaterThan(0);
    await app().screenshot(page, 'payments-holiday-run-done');
    expect(app().problems(page)).toEqual([]);
    await app().signOut(page);

    await app().signIn(page, 'statecorp');
    await page.getByTestId('nav-payments-calendar').click();
    await page.getByTestId('demand-form').click();
    await page.getByTestId('calendar-notice').waitFor();
    const application = page.locator('[data-testid$=-application]').first();
    await application.click();
    await page.getByTestId('demands-table').getByText(/Өтінім түсті|Application received|Заявка поступила/).first().waitFor();
    await app().signOut(page);

    await app().signIn(page, 'accountant');
    await page.getByTestId('nav-payments-calendar').click();
    await page.locator('[data-testid$=-transfer]').first().click();
    await page.locator('[data-testid=demands-table]').getByText(/Аударылды|Transferred|Перечислено/).first().waitFor();
    await app().signOut(page);

    await app().signIn(page, 'statecorp');
    await page.getByTestId('nav-payments-calendar').click();
    await page.locator('[data-testid$=-orders]').first().click();
    await page.locator('[data-testid$=-statement]').first().click();
    await page.getByTestId('calendar-notice').waitFor();
    await app().screenshot(page, 'payments-calendar');
    await page.getByTestId('nav-payments-returns').click();
    await page.getByTestId('returns-table').locator('tbody tr').first().waitFor();
    await app().screenshot(page, 'payments-returns');
    await page.getByTestId('nav-payments-reconciliation').click();
    await page.getByTestId('recon-totals').waitFor();
    await page.getByTestId('recon-chart').locator('svg').first().waitFor();
    await app().screenshot(page, 'payments-reconciliation');
    expect(app().problems(page)).toEqual([]);
  }, 300_000);

  it('records a sum over-credited to the State Corporation with its p.31 day, then its return (accountant)', async () => {
    const page = await app().newPage({ fresh: true });
    await app().open(page);
    await app().signIn(page, 'accountant');
    await page.getByTestId('nav-payments-over-credits').click();
    await page.getByTestId('over-credit-amount').fill('12 500');
    // Arrived Thursday 9 April 2026: due back by the last working day of April, Thursday the 30th.
    await page.getByTestId('over-credit-arrived').fill('2026-04-09');
    await page.getByTestId('over-credit-note').fill('double credit');
    await page.getByTestId('over-credit-save').click();
    await page.getByTestId('over-credit-recorded').waitFor();
    const due = page.locator('[data-testid^=over-credit-due-]').first();
    await expect.poll(() => due.innerText()).toContain('30.04.2026');
    await app().screenshot(page, 'payments-over-credits');
    await page.locator('[data-testid^=over-credit-returned-on-]').first().fill('2026-04-28');
    await page.locator('[data-testid^=over-credit-returned-]:not([data-testid*=-on-])').first().click();
    await page.locator('[data-testid^=over-credit-status-][data-tone=success]').first().waitFor();
    expect(app().problems(page)).toEqual([]);
    await app().signOut(page);

    await app().signIn(page, 'auditor');
    await page.getByTestId('nav-payments-over-credits').click();
    await page.getByTestId('over-credits-table').getByText('30.04.2026').first().waitFor();
    expect(await page.getByTestId('over-credit-save').count()).toBe(0);
    expect(app().problems(page)).toEqual([]);
  }, 180_000);
});
