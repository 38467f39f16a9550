import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectNoProblems, launch, login, open, snap, TABLET } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('questionnaires', () => {
  it('says the guideline instruments need a licensed definition, and scores a loaded one as an indication', async () => {
    const session = await open(browser, TABLET);
    const { page } = session;
    await login(page);
    await page.goto('/instruments');
    for (const id of ['lsvg', 'ari_cp_2_5', 'aisi_6_12']) {
      expect(await page.locator(`[id="${id}"]`).textContent()).toContain(
        'De vragen van deze lijst worden niet meegeleverd',
      );
    }
    await expectAccessible(page, 'instruments');
    await snap(page, '60-instruments');

    await page.getByRole('link', { name: 'Samen invullen' }).first().click();
    await page.waitForURL(/\/instruments\/fill\/oefenlijst/);
    // On a tablet: large answer buttons, one tap each.
    await page
      .getByRole('group', { name: /geniet van momenten/ })
      .getByRole('radio', { name: 'Soms' })
      .check();
    await page
      .getByRole('group', { name: /moe of opgebrand/ })
      .getByRole('radio', { name: 'Bijna altijd' })
      .check();
    await page
      .getByRole('group', { name: /wat mijn kind nodig heeft/ })
      .getByRole('radio', { name: 'Vaak' })
      .check();
    await page
      .getByRole('group', { name: /zorgen over hoe het thuis gaat/ })
      .getByRole('radio', { name: 'Bijna altijd' })
      .check();
    await expect.poll(() => page.getByText('4 van 4 beantwoord').count()).toBe(1);
    await page.getByRole('button', { name: 'Uitkomst tonen' }).click();
    const result = page.getByTestId('score-result');
    await expect.poll(() => result.isVisible()).toBe(true);
    const text = (await result.textContent()) ?? '';
    expect(text).toContain('een indicatie, geen diagnose');
    expect(text).toContain('Aanleiding om samen verder te praten');
    expect(text).toContain('vanaf 6');
    expect(text.toLowerCase()).not.toMatch(/diagnose:|gediagnosticeerd/);
    await expectAccessible(page, 'questionnaire result');
    await snap(page, '61-instrument-score');
    expectNoProblems(session);
    await session.context.close();
  });
});
