/**
 * Sign-in errors in a real browser: the server's message arrives in the language chosen on the sign-in
 * page, and repeated failures end in the temporary-lockout message. Runs on its own server (the lockout
 * blocks this client for the rest of the run), with a low failure limit.
 */
import { expect, it } from 'vitest';
import { ERRORS } from '../../src/errors';
import ruAuth from '../../src/web/locales/ru/auth.json';
import enAuth from '../../src/web/locales/en/auth.json';
import { describeBrowser, useBrowserApp } from './harness';

describeBrowser('sign-in errors', () => {
  const app = useBrowserApp({ env: { KOMEK_LOGIN_MAX_FAILURES: '3' } });

  it("shows wrong credentials in Russian when Russian is chosen, then the lockout after repeated failures", async () => {
    const page = await app().newPage({ fresh: true });
    await app().open(page);
    await page.getByTestId('lang-ru').click();
    await page.getByRole('heading', { name: ruAuth.title }).waitFor();

    const alert = page.getByTestId('signin-error');
    await page.getByTestId('signin-username').fill('head');
    await page.getByTestId('signin-password').fill('wrong-password-1');
    await page.getByTestId('signin-submit').click();
    await alert.waitFor();
    expect(await alert.getAttribute('data-code')).toBe('INVALID_CREDENTIALS');
    expect(await alert.innerText()).toContain(ERRORS.INVALID_CREDENTIALS.ru);
    expect(await alert.innerText()).toContain(ruAuth.failedTitle);
    await app().screenshot(page, 'signin-error-ru');

    let code: string | null = null;
    for (let attempt = 2; attempt <= 6 && code !== 'LOGIN_LOCKED'; attempt++) {
      await page.getByTestId('signin-password').fill(`wrong-password-${attempt}`);
      await page.getByTestId('signin-submit').click();
      await page.getByTestId('signin-submit').and(page.locator(':not([data-loading])')).waitFor();
      code = await alert.getAttribute('data-code');
    }
    expect(code).toBe('LOGIN_LOCKED');
    expect(await alert.innerText()).toContain(ruAuth.lockedTitle);
    expect(await alert.innerText()).toContain(ERRORS.LOGIN_LOCKED.ru);

    // Even the right password is refused while locked, and the message follows the language switch.
    await page.getByTestId('lang-en').click();
    await page.getByTestId('signin-password').fill('komek-demo');
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('signin-error').getByText(enAuth.lockedTitle).waitFor();
    expect(await alert.innerText()).toContain(ERRORS.LOGIN_LOCKED.en);
    await app().screenshot(page, 'signin-locked-en');
    await page.close();
  });
});
