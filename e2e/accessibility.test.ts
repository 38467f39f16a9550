import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDraftContact, createFamily, uniqueName } from './support/api.ts';
import {
  expectAccessible,
  expectNoProblems,
  launch,
  login,
  open,
  snap,
  TABLET,
  WIDE,
} from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('accessibility of every page', () => {
  it('has no serious or critical axe violations at 1280 and 768 px, and a working skip link', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page);
    const family = await createFamily(page, uniqueName('Toegankelijk'));
    const contactId = await createDraftContact(page, family);
    const pages: Array<[string, string]> = [
      ['worklist', '/worklist'],
      ['register', '/families/new'],
      ['family', `/families/${family.id}`],
      ['contact-new', `/families/${family.id}/contacts/new?child=${family.childId}`],
      ['contact-existing', `/contacts/${contactId}`],
      ['tips', '/tips'],
      ['instruments', '/instruments'],
      ['instrument-fill', '/instruments/fill/oefenlijst'],
      ['interventions', '/interventions'],
      ['sources', '/sources'],
      ['not-found', '/no-such-page'],
    ];
    for (const [name, path] of pages) {
      for (const viewport of [WIDE, TABLET]) {
        await page.setViewportSize(viewport);
        await page.goto(path);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await page.waitForLoadState('networkidle');
        await expectAccessible(page, `${name} at ${viewport.width}px`);
      }
      await snap(page, `90-page-${name}`);
    }

    // The skip link is the first stop and moves focus to the main content.
    await page.goto('/worklist');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Naar de inhoud');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    // Logged out: the log-in page too.
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL(/\/login/);
    await expectAccessible(page, 'log-in after log-out');
    expectNoProblems(session);
    await session.context.close();
  });
});
