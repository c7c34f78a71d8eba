/**
 * The web shell in a real browser against a real server: sign-in, the kk → ru → en switch and its
 * persistence, role-aware navigation, Users and Audit log for the administrator, session expiry, sign-out.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ROLE_NAMES } from '../../src/auth/roles';
import kkCommon from '../../src/web/locales/kk/common.json';
import ruCommon from '../../src/web/locales/ru/common.json';
import enCommon from '../../src/web/locales/en/common.json';
import kkAuth from '../../src/web/locales/kk/auth.json';
import enAuth from '../../src/web/locales/en/auth.json';
import kkAudit from '../../src/web/locales/kk/audit.json';
import ruUsers from '../../src/web/locales/ru/users.json';
import { describeBrowser, useBrowserApp } from './harness';

const text = (page: Page, testId: string) => page.getByTestId(testId).innerText();
const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

describeBrowser('web shell', () => {
  const app = useBrowserApp();

  it('signs a specialist in, switches kk → ru → en, keeps the language after a reload, and signs out', async () => {
    const page = await app().newPage({ fresh: true });
    await app().open(page);

    // The sign-in page starts in Kazakh and says the data is synthetic.
    expect(await htmlLang(page)).toBe('kk');
    await expect(page.getByRole('heading', { name: kkAuth.title }).isVisible()).resolves.toBe(true);
    expect(await text(page, 'demo-notice')).toContain(kkAuth.demoNotice);
    await app().screenshot(page, 'signin-kk');

    // Empty fields are caught before anything is sent.
    await page.getByTestId('signin-submit').click();
    await expect(page.getByText(kkAuth.usernameRequired).isVisible()).resolves.toBe(true);

    await app().signIn(page, 'specialist');
    expect(await text(page, 'nav-home')).toBe(kkCommon.nav.home);
    expect(await text(page, 'current-role')).toContain(ROLE_NAMES.SPECIALIST.kk);
    expect(await text(page, 'demo-banner')).toContain(kkCommon.demo.banner);
    expect(await page.getByTestId('nav-users').count()).toBe(0);
    expect(await page.getByTestId('nav-audit').count()).toBe(0);
    await app().screenshot(page, 'home-specialist-kk');

    await page.getByTestId('lang-ru').click();
    await page.getByTestId('nav-home').getByText(ruCommon.nav.home).waitFor();
    expect(await htmlLang(page)).toBe('ru');
    expect(await text(page, 'current-role')).toContain(ROLE_NAMES.SPECIALIST.ru);
    await app().screenshot(page, 'home-specialist-ru');

    await page.getByTestId('lang-en').click();
    await page.getByTestId('nav-home').getByText(enCommon.nav.home).waitFor();
    expect(await htmlLang(page)).toBe('en');
    expect(kkCommon.nav.home).not.toBe(ruCommon.nav.home);
    expect(ruCommon.nav.home).not.toBe(enCommon.nav.home);

    await page.reload();
    await page.getByTestId('main-nav').waitFor();
    expect(await text(page, 'nav-home')).toBe(enCommon.nav.home);
    expect(await htmlLang(page)).toBe('en');
    expect(await page.title()).toContain(enCommon.nav.home);
    await app().screenshot(page, 'home-specialist-en');

    // A page the role may not open is refused, not shown.
    await page.goto(`${app().baseUrl}/audit`);
    await page.getByTestId('page-forbidden').waitFor();

    await app().signOut(page);
    expect(await text(page, 'signin-notice')).toContain(enAuth.signedOut);
    // Signed out means signed out: reloading shows the sign-in page, not the shell.
    await page.reload();
    await page.getByTestId('signin-submit').waitFor();
    expect(await page.getByTestId('main-nav').count()).toBe(0);
    expect(app().problems(page)).toEqual([]);
    await page.close();
  });

  it('shows wrong credentials as an error in the chosen language', async () => {
    const page = await app().newPage({ fresh: true });
    await app().open(page);
    await page.getByTestId('signin-username').fill('specialist');
    await page.getByTestId('signin-password').fill('not-the-password');
    await page.getByTestId('signin-submit').click();
    const alert = page.getByTestId('signin-error');
    await alert.waitFor();
    expect(await alert.getAttribute('data-code')).toBe('INVALID_CREDENTIALS');
    expect(await alert.innerText()).toContain(kkAuth.failedTitle);
    await app().screenshot(page, 'signin-error-kk');
    await page.close();
  });

  it('shows an administrator Users and Audit log, lets them add a user and verify the audit chain', async () => {
    const page = await app().newPage({ fresh: true });
    await app().signIn(page, 'admin');
    expect(await text(page, 'nav-users')).toBe(kkCommon.nav.users);
    expect(await text(page, 'nav-audit')).toBe(kkCommon.nav.audit);

    await page.getByTestId('nav-users').click();
    const table = page.getByTestId('users-table');
    await table.getByText('specialist', { exact: true }).waitFor();
    const listed = ((await (await page.request.get(`${app().baseUrl}/api/users`)).json()) as { users: unknown[] }).users.length;
    expect(await table.locator('tbody tr').count()).toBe(Math.min(listed, 25));
    await app().screenshot(page, 'users-admin-kk');

    // Add a user: the client's own checks first, then the server's field message under its field.
    await page.getByTestId('users-add').click();
    await page.getByTestId('users-form-submit').click();
    expect(await page.getByText(kkCommon.form.required).count()).toBeGreaterThanOrEqual(4);
    await page.getByTestId('users-form-username').fill('operator2');
    await page.getByTestId('users-form-fullName').fill('Айгүл Серікқызы Нұрланова');
    await page.getByTestId('users-form-role').click();
    await page.getByRole('option', { name: ROLE_NAMES.STATE_CORP.kk }).click();
    await page.getByTestId('users-form-password').fill('short');
    await page.getByTestId('users-form-submit').click();
    await page.getByTestId('users-add-modal').getByText(/ең азы: 10/).waitFor();
    await app().screenshot(page, 'users-add-field-error-kk');
    await page.getByTestId('users-form-password').fill('a-long-enough-password');
    await page.getByTestId('users-form-submit').click();
    await page.getByTestId('users-created').waitFor();
    await table.getByText('operator2', { exact: true }).waitFor();

    await page.getByTestId('nav-audit').click();
    const audit = page.getByTestId('audit-table');
    await audit.getByText('user.add').first().waitFor();
    await page.getByTestId('audit-verify').click();
    const result = page.getByTestId('audit-verify-result');
    await result.waitFor();
    expect(await result.getAttribute('data-ok')).toBe('true');
    await app().screenshot(page, 'audit-admin-kk');
    await page.getByRole('button', { name: kkAudit.show }).first().click();
    await page.getByText(kkAudit.after, { exact: true }).waitFor();
    await app().screenshot(page, 'audit-entry-kk');
    expect(app().problems(page)).toEqual([]);
    await page.close();
  });

  it('pages through a long user list and a long audit log', async () => {
    const page = await app().newPage({ fresh: true });
    await app().signIn(page, 'admin');
    // 45 more users: over 50 audit entries and a user list longer than two table pages.
    for (let i = 1; i <= 45; i++) {
      const res = await page.request.post(`${app().baseUrl}/api/users`, {
        data: { username: `bulk${String(i).padStart(2, '0')}`, fullName: `Сынақ Пайдаланушы ${i}`, role: 'SPECIALIST', password: 'bulk-password-1' },
      });
      expect(res.status()).toBe(201);
    }

    await page.getByTestId('nav-users').click();
    const users = page.getByTestId('users-table');
    await users.locator('tbody tr').nth(24).waitFor();
    expect(await users.locator('tbody tr').count()).toBe(25);
    const total = await page.getByTestId('table-range').innerText();
    expect(total).toMatch(/\b1–25\b/);
    await users.getByRole('button', { name: '3' }).click();
    await page.getByTestId('table-range').getByText(/\b51–/).waitFor();

    await page.getByTestId('nav-audit').click();
    const audit = page.getByTestId('audit-table');
    await audit.locator('tbody tr').nth(49).waitFor();
    expect(await audit.locator('tbody tr').count()).toBe(50);
    const firstPageIds = (await audit.locator('tbody tr td:first-child').allInnerTexts()).map(Number);
    await page.getByTestId('audit-older').click();
    await page.getByTestId('audit-page').getByText(/2/).waitFor();
    await expect.poll(async () => Number(await audit.locator('tbody tr td:first-child').first().innerText()), { timeout: 30_000 }).toBeLessThan(Math.min(...firstPageIds));
    const secondPageIds = (await audit.locator('tbody tr td:first-child').allInnerTexts()).map(Number);
    expect(secondPageIds.length).toBeGreaterThan(0);
    expect(Math.max(...secondPageIds)).toBeLessThan(Math.min(...firstPageIds));
    await page.getByTestId('audit-newer').click();
    await page.getByTestId('audit-page').getByText(/1/).waitFor();
    // The page number changes before the newer rows arrive: wait for the rows themselves.
    await expect.poll(async () => (await audit.locator('tbody tr td:first-child').allInnerTexts()).map(Number), { timeout: 30_000 }).toEqual(firstPageIds);
    expect(app().problems(page)).toEqual([]);
    await page.close();
  });

  it('gives the auditor the same pages read-only', async () => {
    const page = await app().newPage({ fresh: true });
    await app().signIn(page, 'auditor');
    await page.getByTestId('nav-users').click();
    await page.getByTestId('users-read-only').waitFor();
    expect(await page.getByTestId('users-add').count()).toBe(0);
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-table').waitFor();
    await page.close();
  });

  it("shows a rural akim's office its role and rural district on the home page", async () => {
    const page = await app().newPage({ fresh: true });
    await app().signIn(page, 'akim');
    expect(await text(page, 'home-role')).toBe(ROLE_NAMES.RURAL_AKIM.kk);
    const districts = (await (await page.request.get(`${app().baseUrl}/api/rural-districts`)).json()) as { ruralDistricts: { name_kk: string }[] };
    const role = await text(page, 'current-role');
    expect(districts.ruralDistricts.some((d) => role.includes(d.name_kk))).toBe(true);
    expect(await page.getByTestId('home-duties').locator('li').count()).toBeGreaterThan(0);
    await app().screenshot(page, 'home-akim-kk');
    await page.close();
  });

  it('returns to the sign-in page with a message when the session has ended', async () => {
    const page = await app().newPage({ fresh: true });
    await app().signIn(page, 'admin');
    await app().context.clearCookies();
    await page.getByTestId('nav-users').click();
    const notice = page.getByTestId('signin-notice');
    await notice.waitFor();
    expect(await notice.getAttribute('data-notice')).toBe('sessionExpired');
    expect(await notice.innerText()).toContain(kkAuth.sessionExpired);
    await app().screenshot(page, 'session-expired-kk');
    await page.close();
  });

  it('works on a phone-sized screen: the menu opens from the burger button', async () => {
    const page = await app().newPage({ fresh: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await app().open(page);
    await page.getByTestId('lang-ru').click();
    await app().signIn(page, 'admin');
    // The collapsed menu is slid off the left edge of the screen.
    const before = await page.getByTestId('nav-users').boundingBox();
    expect(before && before.x + before.width).toBeLessThanOrEqual(0);
    await page.getByTestId('nav-burger').click();
    await expect.poll(async () => (await page.getByTestId('nav-users').boundingBox())?.x ?? -1).toBeGreaterThanOrEqual(0);
    await page.getByTestId('nav-users').click();
    await page.getByRole('heading', { name: ruUsers.title }).waitFor();
    await app().screenshot(page, 'users-phone-ru');
    expect(app().problems(page)).toEqual([]);
    await page.close();
  });
});
