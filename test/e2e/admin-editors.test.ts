/**
 * Issue 6 item 1 in a real browser: on a draft rules version the administrator adds a category of p.7
 * through its form (every field an input; wrong values are named in the user's language before anything
 * is sent), edits a holiday of p.5 and adds a memorable date, removes a category — each edit under its
 * legal reference and listed in the history; a version in force offers no edits. Then the rural
 * districts screen: a district is added and renamed under its act, and the auditor sees all of it
 * read-only; a calendar override is removed under its cancelling act. Screenshots: artifacts/screenshots/admin-category-form*.png, admin-holidays.png,
 * admin-rural-districts*.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Temporal } from 'temporal-polyfill';
import { formatMoney } from '../../src/web/format';
import kkAdmin from '../../src/web/locales/kk/admin.json';
import ruAdmin from '../../src/web/locales/ru/admin.json';
import { describeBrowser, SCREENSHOT_DIR, useBrowserApp } from './harness';

const today = Temporal.Now.plainDateISO('Asia/Almaty');
const LANG_KEY = 'komek.language';

describeBrowser('district administration: category, holiday and rural-district editors', () => {
  const app = useBrowserApp({ env: { KOMEK_DEMO_REGISTRY: 'false', KOMEK_DEMO_PERSONS: '0' }, viewport: { width: 1440, height: 1000 } });

  /** The open dialog alone (a full-page shot cuts a fixed dialog). */
  const dialogShot = async (page: Page, name: string) => {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.locator('.mantine-Modal-content').evaluate((el) => el.scrollTo(0, 0));
    await page.locator('.mantine-Modal-content').screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
  };
  const legal = async (page: Page, prefix: string, number: string) => {
    await page.getByTestId(`${prefix}-act`).fill('Көксу аудандық мәслихатының шешімі');
    await page.getByTestId(`${prefix}-number`).fill(number);
    await page.getByTestId(`${prefix}-date`).fill(today.toString());
    await page.getByTestId(`${prefix}-clause`).fill('1-т.');
  };

  it('edits categories and holidays of a draft through forms, and rural districts under their acts', async () => {
    const page = await app().newPage({ fresh: true });
    await app().signIn(page, 'admin');
    await page.getByTestId('nav-admin-rules').click();
    await page.getByTestId('rules-versions-table').getByRole('link', { name: '35-140' }).waitFor();

    // The version in force: categories are shown, never edited.
    await page.getByTestId('rules-versions-table').getByRole('link', { name: '35-140' }).click();
    await page.getByTestId('tab-categories').click();
    await page.getByTestId('categories-table').waitFor();
    expect(await page.getByTestId('category-add').count()).toBe(0);
    expect(await page.getByTestId('category-edit-7.9').count()).toBe(0);

    // A draft.
    await page.getByTestId('nav-admin-rules').click();
    await page.getByTestId('draft-code').fill('51-210');
    await page.getByTestId('draft-effective').fill(today.add({ days: 30 }).toString());
    await legal(page, 'legal', '51-210');
    await page.getByTestId('draft-create').click();
    await page.getByTestId('lifecycle-draft').waitFor();

    // A new category through its form: wrong values are named before anything is sent.
    await page.getByTestId('tab-categories').click();
    await page.getByTestId('category-add').click();
    const form = page.getByTestId('category-form');
    await form.waitFor();
    await page.getByTestId('cat-code').fill('7.9');
    await page.getByTestId('cat-amount-kind').selectOption('fixed');
    await page.getByTestId('cat-amount-tenge').fill('12,345');
    await page.getByTestId('cat-save').click();
    await form.getByText(kkAdmin.check.codeTaken).waitFor();
    await form.getByText(kkAdmin.check.money).waitFor();
    expect(await form.getByText(kkAdmin.check.required).count()).toBeGreaterThanOrEqual(3);
    await dialogShot(page, 'admin-category-form-errors');

    await page.getByTestId('cat-code').fill('7.12');
    await page.getByTestId('cat-name_kk').fill('Көпбалалы аналар');
    await page.getByTestId('cat-name_ru').fill('Многодетные матери');
    await page.getByTestId('cat-name_en').fill('Mothers of large families');
    await page.getByTestId('cat-ground').selectOption('6.4');
    await page.getByTestId('cat-periodicity').selectOption('yearly');
    await page.getByTestId('cat-amount-tenge').fill('25000.50');
    await page.getByTestId('cat-threshold-multiple').fill('1.25');
    await page.getByTestId('cat-max-times').fill('1');
    await page.getByTestId('cat-doc-add').click();
    await page.getByTestId('cat-doc-0-code').fill('large-family-certificate');
    await page.getByTestId('cat-doc-0-name_kk').fill('көпбалалы отбасы куәлігі');
    await page.getByTestId('cat-doc-0-name_ru').fill('удостоверение многодетной семьи');
    await page.getByTestId('cat-legal-clause').fill('7.12-т.');
    await dialogShot(page, 'admin-category-form');
    // A clause without its act is refused on the form too.
    await page.getByTestId('cat-save').click();
    await form.getByText(kkAdmin.check.required).first().waitFor();
    await page.getByTestId('cat-legal-act').fill('Көксу аудандық мәслихатының 51-210 шешімі');
    // Without the legal reference of the edit the server refuses and nothing changes.
    await page.getByTestId('cat-save').click();
    await page.getByTestId('cat-server-error').waitFor();
    await legal(page, 'cat-edit-legal', '51-210');
    await page.getByTestId('cat-save').click();
    await form.waitFor({ state: 'detached', timeout: 30_000 });
    const row = page.getByTestId('categories-table').getByRole('row').filter({ hasText: '7.12' });
    await row.waitFor();
    expect(await row.innerText()).toContain(formatMoney(2_500_050, 'kk'));
    expect(await row.innerText()).toContain('1.25×');

    // Editing keeps every field: open it again and change the amount only.
    await page.getByTestId('category-edit-7.12').click();
    await form.waitFor();
    expect(await page.getByTestId('cat-doc-0-code').inputValue()).toBe('large-family-certificate');
    expect(await page.getByTestId('cat-periodicity').inputValue()).toBe('yearly');
    await page.getByTestId('cat-amount-kind').selectOption('mci');
    await page.getByTestId('cat-amount-n').fill('12');
    await page.getByTestId('cat-save').click();
    await form.waitFor({ state: 'detached', timeout: 30_000 });
    await page.getByTestId('categories-table').getByRole('row').filter({ hasText: '7.12' }).getByText('12 × MCI').waitFor();

    // Removing a category of this version (earlier versions keep theirs).
    await page.getByTestId('category-remove-7.10').click();
    await page.getByTestId('category-remove-confirm-7.10').click();
    await page.getByTestId('category-edit-7.10').waitFor({ state: 'detached' });

    // Holidays of p.5: edit one, add one.
    await page.getByTestId('tab-holidays').click();
    await page.getByTestId('holidays-table').waitFor();
    await page.getByTestId('holiday-edit-0').click();
    const hform = page.getByTestId('holiday-form');
    await hform.waitFor();
    await page.getByTestId('hol-amount-kind').selectOption('fixed');
    await page.getByTestId('hol-amount-tenge').fill('30000');
    await page.getByTestId('hol-save').click();
    await hform.waitFor({ state: 'detached', timeout: 30_000 });
    await page.getByTestId('holiday-row-0').getByText(formatMoney(3_000_000, 'kk')).waitFor();

    await page.getByTestId('holiday-add').click();
    await hform.waitFor();
    await page.getByTestId('hol-month').selectOption('02');
    await page.getByTestId('hol-day').fill('30');
    await page.getByTestId('hol-name_kk').fill('Көпбалалы аналар күні');
    await page.getByTestId('hol-name_ru').fill('День многодетных матерей');
    await page.getByTestId('hol-save').click();
    await hform.getByText(kkAdmin.check.dayOfMonth).waitFor();
    await hform.getByText(kkAdmin.check.oneCategory).waitFor();
    await dialogShot(page, 'admin-holiday-form-errors');
    await page.getByTestId('hol-day').fill('14');
    await page.getByTestId('hol-categories').fill('large-family-mothers');
    await page.getByTestId('hol-categories').press('Enter');
    await page.getByTestId('hol-amount-n').fill('5');
    await page.getByTestId('hol-save').click();
    await hform.waitFor({ state: 'detached', timeout: 30_000 });
    await page.getByTestId('holidays-table').getByText('Көпбалалы аналар күні').waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await app().screenshot(page, 'admin-holidays');

    // The limit amount of p.8 from the draft's date: entered in tenge, stored in tiyn, marked official.
    const limit = 'koksu.limit-amount.one-time';
    await page.getByTestId('tab-parameters').click();
    await page.getByTestId(`series-value-${limit}`).fill('250000.50');
    await page.getByTestId(`series-status-${limit}`).selectOption('official');
    await page.getByTestId(`series-save-${limit}`).click();
    await page.getByText(formatMoney(25_000_050, 'kk')).first().waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await app().screenshot(page, 'admin-parameters');

    // Every edit is in the history with who made it.
    await page.getByRole('tab', { name: new RegExp(kkAdmin.tabs.history) }).click();
    for (const action of ['rules.draft.set-category', 'rules.draft.remove-category', 'rules.draft.set-holiday', 'rules.draft.set-parameter']) await page.getByTestId('history-table').getByText(action).first().waitFor();
    await page.getByTestId('history-table').getByText(kkAdmin.auditActions['rules_draft_set-category']).first().waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await app().screenshot(page, 'admin-draft-history');

    // Rural districts: add one and rename it, each under its act.
    await page.getByTestId('nav-admin-districts').click();
    await page.getByTestId('districts-table').waitFor();
    await page.getByTestId('district-add').click();
    await page.getByTestId('district-code').fill('Жаңа');
    await page.getByTestId('district-save').click();
    await page.getByTestId('district-form').getByText(kkAdmin.districts.codeFormat).waitFor();
    await page.getByTestId('district-code').fill('zhanaauyl');
    await page.getByTestId('district-name_kk').fill('Жаңа ауыл ауылдық округі');
    await page.getByTestId('district-name_ru').fill('Жанаульский сельский округ');
    await legal(page, 'legal', '112');
    await page.getByTestId('district-save').click();
    await page.getByTestId('district-row-zhanaauyl').waitFor();
    await page.getByTestId('district-rename-zhanaauyl').click();
    await page.getByTestId('district-name_kk').fill('Жаңаауыл ауылдық округі');
    await page.getByTestId('district-name_ru').fill('Жанааульский сельский округ');
    await legal(page, 'legal', '130');
    await page.getByTestId('district-save').click();
    await page.getByTestId('district-row-zhanaauyl').getByText('Жаңаауыл ауылдық округі').waitFor();
    await page.getByTestId('districts-history').getByText(kkAdmin.auditActions['rural-district_rename']).waitFor();
    await app().screenshot(page, 'admin-rural-districts');
    expect(app().problems(page)).toEqual([]);

    // A calendar override is removed only under the act that cancels it.
    await page.getByTestId('nav-admin-calendar').click();
    await page.getByTestId('overrides-table').waitFor();
    await page.locator('input[type=date]').first().fill('2027-05-17');
    await page.getByLabel(/Атауы \(kk\)/).fill('Құрбан айт');
    await page.getByLabel(/Атауы \(ru\)/).fill('Курбан айт');
    await legal(page, 'legal', '1');
    await page.getByRole('button', { name: kkAdmin.calendar.save }).click();
    await page.getByTestId('override-remove-2027-05-17').click();
    await legal(page, 'legal', '9');
    await page.getByTestId('override-remove-confirm-2027-05-17').click();
    await page.getByText(kkAdmin.calendar.none).waitFor();

    // The auditor reads everything and changes nothing (in Russian).
    await app().signOut(page);
    await app().signIn(page, 'auditor');
    await page.evaluate((key) => window.localStorage.setItem(key, 'ru'), LANG_KEY);
    await app().open(page, '/admin/rural-districts');
    await page.getByText(ruAdmin.districts.title).first().waitFor();
    await page.getByTestId('district-row-zhanaauyl').waitFor();
    expect(await page.getByTestId('district-add').count()).toBe(0);
    expect(await page.getByTestId('district-rename-zhanaauyl').count()).toBe(0);
    await app().screenshot(page, 'admin-rural-districts-auditor');
    await page.getByTestId('nav-admin-rules').click();
    await page.getByTestId('rules-versions-table').getByRole('link', { name: '51-210' }).click();
    await page.getByTestId('tab-categories').click();
    await page.getByTestId('categories-table').getByRole('row').filter({ hasText: '7.12' }).waitFor();
    expect(await page.getByTestId('category-add').count()).toBe(0);
    expect(await page.getByTestId('category-edit-7.12').count()).toBe(0);
    expect(app().problems(page)).toEqual([]);
  }, 300_000);
});
