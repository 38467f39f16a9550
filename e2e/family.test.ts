import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueName } from './support/api.ts';
import { expectAccessible, expectNoProblems, isoDate, launch, login, open, snap } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('family file', () => {
  it('registers a family with an unborn child and opens a prenatal contact for it', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page);
    await page.getByRole('link', { name: 'Nieuw gezin inschrijven' }).click();
    await page.waitForURL(/\/families\/new/);
    await expectAccessible(page, 'register family');

    // Submitting empty names every missing field, linked from a summary.
    await page.getByRole('button', { name: 'Gezin inschrijven' }).click();
    const summary = page.getByRole('alert');
    await expect.poll(() => summary.textContent()).toMatch(/Het formulier heeft \d+ fout/);
    await expectAccessible(page, 'register family with errors');
    await snap(page, '10-register-errors');

    const name = uniqueName('Ongeboren');
    const due = isoDate(120);
    await page.getByLabel('Gezinsnaam').fill(name);
    await page.getByLabel('Postcode').fill('3512 JK');
    await page.getByLabel('Gemeente').fill('Utrecht');
    await page.getByRole('radio', { name: 'Nee, nog op komst' }).check();
    await page.getByLabel(/Voornaam of roepnaam/).fill('Baby');
    await page.getByLabel('Uitgerekende datum').fill(due);
    await page.getByLabel('Eerste kind van dit gezin').check();
    await page.locator('#caregiver-0-given').fill('Yara');
    await page.locator('#caregiver-0-year').fill('2007');
    await page.getByLabel(/Laag opgeleid/).check();
    await snap(page, '11-register-unborn');
    await page.getByRole('button', { name: 'Gezin inschrijven' }).click();

    await page.waitForURL(/\/families\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(name);
    const household = page.getByRole('region', { name: 'Gezin en rollen' });
    expect(await household.textContent()).toMatch(/ongeboren, \d+ weken zwanger/);
    expect(await household.textContent()).toContain('moeder');
    await expectAccessible(page, 'family file (unborn)');
    await snap(page, '12-family-unborn');

    // Edit the family's details.
    await page.getByRole('button', { name: 'Gezinsgegevens wijzigen' }).click();
    await page.locator('#edit-family-municipality').fill('Nieuwegein');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => page.getByText('3512 JK Nieuwegein').count()).toBe(1);

    await page.getByRole('link', { name: /Contactmoment starten/ }).click();
    await page.waitForURL(/\/contacts\/new/);
    await page.getByTestId('advice-panel').waitFor();
    expect(await page.getByLabel('Soort contact').inputValue()).toBe('prenatal_visit');
    expect(
      await page
        .locator('#prompts')
        .getByText(/Het kind is nog niet geboren/)
        .count(),
    ).toBe(1);
    // Parent and child together cannot be seen before the birth: what to listen for instead, no checklist.
    expect(await page.getByTestId('cues-unborn').textContent()).toMatch(
      /band begint wel al in de zwangerschap/,
    );
    expect(await page.getByRole('group', { name: /Signalen van een veilige relatie/ }).count()).toBe(0);
    // Of the referral criteria, the two about the child wait for the birth; the parent's can be ticked.
    const criterion = (name: RegExp) => page.locator('#criteria').getByRole('checkbox', { name });
    expect(await criterion(/regulatie van gedrag/).isDisabled()).toBe(true);
    expect(await criterion(/verstoord contact/).isDisabled()).toBe(true);
    expect(await criterion(/De ouder blijft ongerust/).isEnabled()).toBe(true);
    // The parent-level factors (with the pregnancy ones) are open for a prenatal visit.
    const unplanned = page.getByRole('group', { name: /Zwangerschap was niet gepland/ });
    await unplanned.getByRole('radio', { name: 'aanwezig' }).check();
    await page
      .getByRole('group', { name: /Moeder had tijdens de zwangerschap langdurig/ })
      .getByRole('radio', { name: 'aanwezig' })
      .check();
    // The two ticked factors, plus a teenage mother (born 2007) that follows from her age (Tabel 2.2).
    await expect.poll(() => page.getByTestId('advice-cumulative-risk').textContent()).toMatch(/Ja: 3/);
    await snap(page, '13-prenatal-contact');

    // The baby is born: record the birth date on the child.
    await page.goto(page.url().replace(/\/contacts\/new.*$/, ''));
    await page.getByRole('button', { name: /^Baby .* wijzigen$/ }).click();
    const editor = page.getByRole('form', { name: /^Baby .* wijzigen$/ });
    await editor.getByRole('radio', { name: 'Ja, geboren' }).check();
    await editor.getByLabel('Geboortedatum').fill(isoDate(-2));
    await expectAccessible(page, 'edit a person');
    await editor.getByRole('button', { name: 'Opslaan' }).click();
    await expect
      .poll(() => page.getByRole('region', { name: 'Gezin en rollen' }).textContent())
      .toMatch(/0 maanden · geboren/);
    // Once born, a contact asks what was seen between parent and child.
    await page.getByRole('link', { name: /Contactmoment starten/ }).click();
    await page.waitForURL(/\/contacts\/new/);
    await page.getByRole('group', { name: /Signalen van een veilige relatie/ }).waitFor();
    expect(await page.getByTestId('cues-unborn').count()).toBe(0);
    expect(
      await page
        .locator('#criteria')
        .getByRole('checkbox', { name: /verstoord contact/ })
        .isEnabled(),
    ).toBe(true);
    expectNoProblems(session);
    await session.context.close();
  });
});
