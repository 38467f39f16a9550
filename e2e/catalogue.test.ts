import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueName } from './support/api.ts';
import { expectAccessible, expectNoProblems, launch, login, open, snap } from './support/browser.ts';
import { familyNeedingReferral } from './support/network.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const codes = (page: Page) =>
  page
    .getByTestId('intervention')
    .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-code') ?? ''));
const count = async (page: Page) =>
  Number(((await page.getByTestId('intervention-count').textContent()) ?? '').split(' ')[0]);

describe('interventions catalogue', () => {
  it('filters by age, setting, target group and effectiveness, and shows details with the source', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page);
    await page.goto('/interventions');
    await expect.poll(() => count(page)).toBeGreaterThan(10);
    const all = await count(page);
    await expectAccessible(page, 'catalogue');
    await snap(page, '50-catalogue');

    await page.getByLabel('Leeftijd van het kind in maanden').fill('24');
    await expect.poll(() => codes(page)).toContain('vipp_sd');
    await page.getByLabel('Leeftijd van het kind in maanden').fill('6');
    await expect.poll(() => codes(page)).not.toContain('vipp_sd');
    await page.getByLabel('Leeftijd van het kind in maanden').fill('');

    await page.getByLabel('Waar').selectOption('outside_jgz');
    await expect.poll(() => count(page)).toBeLessThan(all);
    expect(await codes(page)).not.toContain('vipp_sd');
    await page.getByLabel('Waar').selectOption('all');
    await expect.poll(() => count(page)).toBe(all);

    await page.getByLabel('Effectiviteit').selectOption('strong_indications');
    await expect.poll(() => count(page)).toBeLessThan(all);
    expect(await codes(page)).toContain('vipp_sd');
    await page.getByLabel('Effectiviteit').selectOption('all');

    await expect.poll(() => count(page)).toBe(all);
    await page.getByLabel('Doelgroep bevat').fill('sensitief');
    await expect.poll(() => count(page)).toBeLessThan(all);
    expect(await codes(page)).toContain('vipp_sd');
    await snap(page, '51-catalogue-filtered');

    const card = page.locator('[data-code="vipp_sd"]');
    await card.getByText('Details').click();
    expect(await card.textContent()).toMatch(/Bron(nen)?: JGZ-richtlijn Ouder-kindrelatie/);

    await page.getByRole('button', { name: 'Filters wissen' }).click();
    await expect.poll(() => count(page)).toBe(all);
    expectNoProblems(session);
    await session.context.close();
  });

  it('shows which interventions fit the family at hand', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page);
    // What fits follows the engine's advice at the family's contact (here: refer to an IMH team), not the age.
    const family = await familyNeedingReferral(page, uniqueName('Passend'));
    await page.goto(`/families/${family.id}`);
    await page.getByRole('link', { name: 'Interventies die bij dit gezin passen' }).click();
    await expect.poll(() => page.getByText(/Wat past, volgt het advies/).count()).toBe(1);
    await expect.poll(() => page.getByText('Past bij dit gezin').count()).toBeGreaterThan(0);
    // Arriving from the family file, the filter is on.
    expect(await page.getByLabel('Alleen wat bij dit gezin past').isChecked()).toBe(true);
    await expect.poll(async () => (await codes(page)).includes('centering_pregnancy')).toBe(false);
    expect(await codes(page)).toContain('imh_team');
    await expectAccessible(page, 'catalogue for a family');
    await snap(page, '52-catalogue-family');
    expectNoProblems(session);
    await session.context.close();
  });
});
