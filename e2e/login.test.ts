import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, expectNoProblems, launch, login, NURSE, open, snap } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('log-in', () => {
  it('says clearly when the password is wrong, and lets the nurse in with the right one', async () => {
    const session = await open(browser);
    const { page } = session;
    await page.goto('/worklist');
    await page.waitForURL(/\/login/);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('nl-NL');
    await expectAccessible(page, 'log-in');
    await snap(page, '01-login');

    await page.getByLabel('E-mailadres').fill(NURSE);
    await page.getByLabel('Wachtwoord', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('Het e-mailadres of het wachtwoord klopt niet.');
    await expectAccessible(page, 'log-in with error');
    await snap(page, '02-login-wrong-password');

    await page.getByLabel('Wachtwoord', { exact: true }).fill(inject('demoPassword'));
    await page.getByRole('button', { name: 'Inloggen' }).click();
    // Back where the nurse wanted to go before logging in.
    await page.waitForURL(/\/worklist/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Werklijst');
    expectNoProblems(session);
    await session.context.close();
  });

  it('switches to English and keeps the choice after a reload', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Worklist');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en-GB');
    expect(await page.getByRole('navigation', { name: 'Main menu' }).isVisible()).toBe(true);
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Worklist');
    await expectAccessible(page, 'worklist in English');
    await snap(page, '03-worklist-english');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Werklijst');
    expectNoProblems(session);
    await session.context.close();
  });

  it('uses Flemish wording for a nurse of an organisation in Flanders', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page, 'verpleegkundige.be@demo.nestwerk.test');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('nl-BE');
    await expect.poll(() => page.getByLabel('Opvolging').count()).toBe(1);
    await page.goto('/families/new');
    await page.getByRole('radio', { name: 'Nee, nog op komst' }).check();
    await expect.poll(() => page.getByLabel('Vermoedelijke bevallingsdatum').count()).toBe(1);
    expect(await page.getByLabel(/Postnummer/).count()).toBe(1);
    await snap(page, '08-register-flemish');
    expectNoProblems(session);
    await session.context.close();
  });

  it('asks to log in again when the session expired, with the work kept', async () => {
    const session = await open(browser);
    const { page, context } = session;
    await login(page);
    await page.getByRole('link', { name: 'Gezin inschrijven', exact: true }).first().click();
    await page.getByLabel('Gezinsnaam').fill('Bewaard na verlopen sessie');
    // The session ends (idle time-out, server restart): the cookie no longer opens anything.
    await context.clearCookies();
    await page.getByRole('link', { name: 'Werklijst' }).click();
    await page.waitForURL(/\/login/);
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('Je sessie is verlopen');
    await snap(page, '04-login-session-expired');
    await page.getByLabel('E-mailadres').fill(NURSE);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(inject('demoPassword'));
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL(/\/worklist/);
    await page.getByRole('link', { name: 'Gezin inschrijven', exact: true }).first().click();
    await expect.poll(() => page.getByLabel('Gezinsnaam').inputValue()).toBe('Bewaard na verlopen sessie');
    expectNoProblems(session);
    await context.close();
  });
});
