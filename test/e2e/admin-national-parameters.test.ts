/**
 * Issue 6 item 1 in a real browser: the administrator opens the national dated parameters, sees each
 * series with its shipped entries, is told in Kazakh what is wrong (an amount that is not tenge with two
 * decimals; a date before the series starts, from the server), then adds the 2027 MCI under the budget
 * law — the entry is listed as added, with its act and who added it. The auditor reads the same screen in
 * Russian with no form. Screenshots: artifacts/screenshots/admin-national-parameters-kk.png,
 * admin-national-parameters-ru.png.
 */
import { expect, it } from 'vitest';
import kk from '../../src/web/locales/kk/national.json';
import ru from '../../src/web/locales/ru/national.json';
import { formatMoney } from '../../src/web/format';
import { describeBrowser, useBrowserApp } from './harness';

const LANG_KEY = 'komek.language';

describeBrowser('national dated parameters', () => {
  const app = useBrowserApp({ env: { KOMEK_DEMO_REGISTRY: 'false', KOMEK_DEMO_PERSONS: '0' }, viewport: { width: 1440, height: 1000 } });

  it('the administrator adds the 2027 MCI under its act; the auditor reads it in Russian', async () => {
    const page = await app().newPage({ fresh: true });
    await app().signIn(page, 'admin');
    await page.getByTestId('nav-admin-national').click();
    await page.getByText(kk.title).first().waitFor();
    for (const id of ['mci', 'subsistence-minimum.national', 'minimum-wage', 'sanatorium-guaranteed-sum']) await page.getByTestId(`national-series-${id}`).waitFor();
    await page.getByTestId('national-entry-mci-2026-01-01-shipped').waitFor();

    // Not an amount: named before anything is sent.
    await page.getByTestId('national-series').selectOption('mci');
    await page.getByTestId('national-from').fill('2022-06-01');
    await page.getByTestId('national-value').fill('4600,555');
    await page.getByTestId('national-legal-act').fill('Республикалық бюджет туралы Қазақстан Республикасының Заңы');
    await page.getByTestId('national-legal-number').fill('150-VIII');
    await page.getByTestId('national-legal-date').fill('2026-12-05');
    await page.getByTestId('national-legal-clause').fill('9-бап');
    await page.getByTestId('national-save').click();
    await page.getByTestId('national-add').getByText(kk.add.badAmount).first().waitFor();

    // Before the series starts: refused by the server, the field named in Kazakh.
    await page.getByTestId('national-value').fill('4600');
    await page.getByTestId('national-save').click();
    await page.getByTestId('national-add').getByText('2023-01-01').first().waitFor();
    expect(await page.getByTestId('national-entry-mci-2022-06-01-added').count()).toBe(0);

    await page.getByTestId('national-from').fill('2027-01-01');
    await page.getByTestId('national-save').click();
    await page.getByTestId('national-saved').waitFor();
    const row = page.getByTestId('national-entry-mci-2027-01-01-added');
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain(formatMoney(460_000, 'kk'));
    expect(text).toContain('150-VIII');
    expect(text).toContain(kk.origin.added);
    await app().screenshot(page, 'admin-national-parameters-kk');

    // The auditor: the same entries, read-only, in Russian.
    await app().signOut(page);
    await app().signIn(page, 'auditor');
    await page.evaluate((key) => window.localStorage.setItem(key, 'ru'), LANG_KEY);
    await app().open(page, '/admin/parameters');
    await page.getByText(ru.title).first().waitFor();
    await page.getByText(ru.readOnly).waitFor();
    expect(await page.getByTestId('national-entry-mci-2027-01-01-added').innerText()).toContain(ru.origin.added);
    expect(await page.getByTestId('national-add').count()).toBe(0);
    await app().screenshot(page, 'admin-national-parameters-ru');
    expect(app().problems(page)).toEqual([]);
  }, 300_000);
});
