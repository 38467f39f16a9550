import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectNoProblems, launch, open } from './support/browser.ts';
import { snapPhone } from './support/portal.ts';

const FLEMISH_PARENT = 'ouder.be@demo.nestwerk.test';

describe('parent portal in Flanders', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('speaks Flemish from the first visit of a Belgian browser, and its menu fits a 320 px phone', async () => {
    const session = await open(browser, { width: 320, height: 740 }, 'nl-BE');
    const { page } = session;
    await page.goto('/portaal/inloggen');
    // Nothing remembered yet: the browser's language says Belgium, so the page names Kind en Gezin, not the JGZ.
    const main = page.locator('main');
    await expect.poll(() => main.textContent()).toContain('Kind en Gezin');
    expect(await main.textContent()).not.toContain('JGZ');

    await page.getByLabel('E-mail').fill(FLEMISH_PARENT);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(inject('demoPassword'));
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/portaal');
    await page.getByRole('link', { name: 'Doorverwijzingen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Doorverwijzingen' }).waitFor();
    expect(await main.textContent()).toContain('Kind en Gezin');

    // Every menu item keeps its words inside its own cell: the longest Flemish one breaks at its soft hyphen.
    for (const width of [320, 360]) {
      await page.setViewportSize({ width, height: 740 });
      const cells = await page.locator('.portal__nav a').evaluateAll((links) =>
        links.map((a) => {
          // The words' own box (all their lines), against the link's box less its padding.
          const range = document.createRange();
          range.selectNodeContents(a);
          const words = range.getBoundingClientRect();
          const box = a.getBoundingClientRect();
          const style = getComputedStyle(a);
          const fits =
            words.left >= box.left + Number.parseFloat(style.paddingLeft) - 0.5 &&
            words.right <= box.right - Number.parseFloat(style.paddingRight) + 0.5;
          return { text: a.textContent, fits };
        }),
      );
      expect(
        cells.filter((c) => !c.fits),
        `${width} px`,
      ).toEqual([]);
    }
    await snapPhone(page, 'portal-50-flanders-referrals');
    expectNoProblems(session);
    await session.context.close();
  });
});
