import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  expectNoProblems,
  launch,
  login,
  open,
  SCREENSHOTS,
  snap,
} from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('parent tips', () => {
  it('prints the tips for an age band to PDF, in Dutch and in English', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page);
    await page.goto('/tips?band=2_4');
    const handout = page.getByTestId('tips-handout');
    await expect
      .poll(() => handout.getByRole('heading').textContent())
      .toBe('Tips voor ouders van een peuter (2 tot 4 jaar)');
    const dutch = (await handout.textContent()) ?? '';
    expect(dutch.toLowerCase()).not.toMatch(/hechting|gehechtheid/);
    await expectAccessible(page, 'tips');
    await snap(page, '40-tips-nl');

    // Print view: only the handout, no navigation or buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.banner').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: /Afdrukken/ }).isVisible()).toBe(false);
    expect(await handout.isVisible()).toBe(true);
    mkdirSync(SCREENSHOTS, { recursive: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    writeFileSync(join(SCREENSHOTS, '..', 'tips-2-4-nl.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    await page.emulateMedia({ media: 'screen' });

    // The parent reads English: the handout switches, the screen stays Dutch.
    await page.getByRole('radio', { name: 'English' }).check();
    await expect
      .poll(() => handout.getByRole('heading').textContent())
      .toMatch(/^Tips for parents of a toddler/);
    expect(await handout.getAttribute('lang')).toBe('en-GB');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Tips voor ouders');
    const english = await page.pdf({ format: 'A4' });
    writeFileSync(join(SCREENSHOTS, '..', 'tips-2-4-en.pdf'), english);
    expect(english.subarray(0, 5).toString()).toBe('%PDF-');
    await snap(page, '41-tips-en');
    expectNoProblems(session);
    await session.context.close();
  });
});
