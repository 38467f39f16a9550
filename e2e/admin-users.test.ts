import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  expectNoProblems,
  launch,
  login,
  open,
  sidewaysScroll,
  snap,
} from './support/browser.ts';
import { MANAGER } from './support/network.ts';

const PHONE = { width: 390, height: 844 };
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("the application manager's users page", () => {
  it('lists the accounts in a table and opens a nurse’s actions with her care relationships in Dutch dates', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page, MANAGER);
    await page.waitForURL((url) => url.pathname === '/admin/users');
    const table = page.getByRole('table', { name: 'Accounts van de organisatie' });
    await table.getByRole('row').nth(1).waitFor();
    expect(await table.getByRole('columnheader').allTextContents()).toEqual([
      'Naam',
      'Rol',
      'Team',
      'Status',
      'Acties',
    ]);
    const open_ = table.getByRole('button', { name: /^Acties voor Sanne de Boer/ });
    expect(await open_.textContent()).toBe('Acties');
    await open_.click();
    expect(await open_.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('heading', { name: 'Zorgrelaties', level: 3 }).waitFor();
    const relationships = await page.locator('ul.admin-relationships li').allTextContents();
    expect(relationships.length).toBeGreaterThan(0);
    // Dates as a Dutch reader writes them (3 dec 2026), never as the database keeps them.
    for (const line of relationships) {
      expect(line).toMatch(/^Gezin \S+ · sinds \d{1,2} \S+ \d{4}/);
      expect(line).not.toMatch(ISO_DATE);
    }
    expect(await sidewaysScroll(page), 'the users page scrolls sideways').toBeLessThanOrEqual(0);
    await expectAccessible(page, 'admin users');
    await snap(page, '50-admin-users');
    expectNoProblems(session);
    await session.context.close();
  });

  it('asks for a new nurse’s account: the request waits for a second person and the form is emptied', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page, MANAGER);
    await page.waitForURL((url) => url.pathname === '/admin/users');
    const form = page
      .locator('form')
      .filter({ has: page.getByRole('heading', { name: 'Gebruiker aanmaken' }) });
    const email = form.getByLabel('E-mailadres');
    await email.fill(`nieuwe.collega.${Date.now()}@voorbeeld.nl`);
    await form.getByLabel('Naam').fill('Nieuwe Collega');
    await form.getByLabel('Rol').selectOption('nurse');
    await form.getByRole('button', { name: 'Aanmaken' }).click();
    expect(await page.getByTestId('admin-message').textContent()).toBe(
      'Aanvraag ingediend; wacht op goedkeuring.',
    );
    expect(await email.inputValue()).toBe('');
    expect(await form.getByLabel('Naam').inputValue()).toBe('');
    expectNoProblems(session);
    await session.context.close();
  });

  it('fits a phone: the banner wraps and the table scrolls inside its box', async () => {
    const session = await open(browser, PHONE);
    const { page } = session;
    await login(page, MANAGER);
    await page.waitForURL((url) => url.pathname === '/admin/users');
    await page.getByRole('table', { name: 'Accounts van de organisatie' }).getByRole('row').nth(1).waitFor();
    expect(await sidewaysScroll(page), 'the users page scrolls sideways on a phone').toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    const logout = await page.getByRole('button', { name: 'Uitloggen' }).boundingBox();
    expect(logout && logout.x + logout.width).toBeLessThanOrEqual(PHONE.width);
    expectNoProblems(session);
    await session.context.close();
  });
});
