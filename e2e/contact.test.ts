import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDraftContact, createFamily, getContact, uniqueName, worklistFamily } from './support/api.ts';
import {
  expectAccessible,
  expectNoProblems,
  focusStopsCoveredBy,
  isoDate,
  launch,
  login,
  open,
  PHYSICIAN,
  SCREENSHOTS,
  snap,
  tabTo,
} from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const cue = (page: Page, name: string | RegExp) => page.getByRole('checkbox', { name });
const band = (page: Page) => page.getByTestId('advice-band').textContent();

function dutchDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat('nl-NL', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

describe('contact moment', () => {
  it('records a full contact that ends in a referral and a follow-up on the worklist', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page);
    const family = await createFamily(page, uniqueName('Verwijzing'));

    await page.goto(`/families/${family.id}`);
    await page.getByRole('link', { name: /Contactmoment starten/ }).click();
    await page.waitForURL(/\/contacts\/new/);
    await expect.poll(() => page.getByText('Leeftijd bij dit contact: 14 maanden').count()).toBe(1);
    // Age-fitting prompts: the 15-month Van Wiechen items, and the guide says what to say first.
    expect(await page.getByText(/Kenmerk 12: speelt "geven en nemen"/).count()).toBe(1);
    expect(await page.getByText('Wat je als eerste zegt').count()).toBe(1);
    expect(await band(page)).toBe('Nog onduidelijk');

    for (const name of [
      /Kind zoekt bij spanning de ouder niet op/,
      /Ouder reageert weinig sensitief/,
      /merkt niet dat het kind spanning heeft/,
      /weinig plezier samen/,
    ]) {
      await cue(page, name).first().check();
    }
    await expect.poll(() => band(page)).toBe('Meer onveilig');

    await page.getByText('Ouder', { exact: true }).first().click();
    const depression = page.getByRole('group', { name: /Ouder is depressief/ }).first();
    await depression.getByRole('radio', { name: 'aanwezig' }).check();
    await depression.getByRole('radio', { name: 'ouder vertelt' }).check();

    await cue(page, /blijvend problemen met de regulatie/).check();
    await cue(page, /blijft ongerust/).check();
    const referral = page.getByTestId('recommendation-refer_outside');
    await expect.poll(() => referral.isVisible()).toBe(true);
    expect(await referral.textContent()).toMatch(/2 van de 4 verwijscriteria/);
    expect(
      await referral.getByRole('link', { name: /JGZ-richtlijn Ouder-kindrelatie/ }).count(),
    ).toBeGreaterThan(0);
    await expectAccessible(page, 'contact moment with advice');
    await snap(page, '20-contact-referral-advice');

    await page.getByRole('radio', { name: 'Meer onveilig' }).check();
    await page
      .getByLabel('Afspraken met de ouder')
      .fill('Verwijzing naar het IMH-team besproken; moeder denkt erover na.');
    await page
      .getByLabel('Onderwerp om bij het volgende contact terug te laten komen')
      .fill('Hoe gaat het met slapen');
    await page.getByLabel(/geeft toestemming/).check();
    const followUp = isoDate(3);
    await page.getByLabel('Datum vervolg').fill(followUp);
    await snap(page, '21-contact-agreement');
    await page.getByRole('button', { name: 'Contactmoment afronden' }).click();

    await page.waitForURL(new RegExp(`/families/${family.id}$`));
    await expect.poll(() => page.getByText('Contactmoment afgerond en opgeslagen.').count()).toBe(1);
    // The agreement is in its own panel (and also summed up at the top of the file).
    const agreements = page.getByRole('region', { name: 'Afspraken en vervolg' });
    await expect.poll(() => agreements.getByText(/Verwijzing naar het IMH-team besproken/).count()).toBe(1);
    expect(await page.getByText(`vervolg op ${dutchDate(followUp)}`).count()).toBe(1);
    await expectAccessible(page, 'family file after the contact');
    await snap(page, '22-family-after-contact');

    await page.goto(`/worklist?due=week&q=${encodeURIComponent(family.name)}`);
    const row = page.getByRole('row', { name: new RegExp(family.name) });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain(dutchDate(followUp));
    await snap(page, '23-worklist-follow-up');
    expectNoProblems(session);
    await session.context.close();
  });

  it('can be recorded with the keyboard only', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page);
    const family = await createFamily(page, uniqueName('Toetsenbord'));
    await page.goto(`/families/${family.id}`);
    await page.getByRole('heading', { level: 1 }).waitFor();

    await tabTo(page, 'Contactmoment starten');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/contacts\/new/);
    await page.getByTestId('advice-panel').waitFor();

    await tabTo(page, 'Kind zoekt de ouder op');
    await page.keyboard.press('Space');
    await tabTo(page, 'Ouder en kind gaan ontspannen');
    await page.keyboard.press('Space');
    await tabTo(page, 'Ouder en kind hebben samen plezier');
    await page.keyboard.press('Space');
    await expect.poll(() => band(page)).toBe('Veilig');
    await snap(page, '30-keyboard-contact-focus');

    await tabTo(page, 'De ouder blijft ongerust');
    await page.keyboard.press('Space');
    // Radio groups: Tab enters the group, arrow keys choose.
    await tabTo(page, 'Veilig');
    await page.keyboard.press('Space');
    await tabTo(page, 'Afspraken met de ouder');
    await page.keyboard.type('Tips over samen spelen meegegeven.');
    await tabTo(page, 'Contactmoment afronden');
    await page.keyboard.press('Enter');

    await page.waitForURL(new RegExp(`/families/${family.id}$`));
    const agreements = page.getByRole('region', { name: 'Afspraken en vervolg' });
    await expect.poll(() => agreements.getByText('Tips over samen spelen meegegeven.').count()).toBe(1);
    const timeline = page.getByRole('region', { name: 'Tijdlijn van contacten' });
    await expect.poll(() => timeline.getByText('Veilig').count()).toBe(1);
    expectNoProblems(session);
    await session.context.close();
  });

  it('keeps the field reached with Tab in view above the sticky save bar', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page);
    const family = await createFamily(page, uniqueName('Focus'));
    await page.goto(`/families/${family.id}/contacts/new?child=${family.childId}`);
    await page.getByTestId('advice-panel').waitFor();
    // The checklists, factors and agreement: well over a screen of focus stops below the fold.
    expect(await focusStopsCoveredBy(page, '.savebar', 150)).toEqual([]);
    expectNoProblems(session);
    await session.context.close();
  });

  it('keeps a draft through a reload', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page);
    const family = await createFamily(page, uniqueName('Concept'));
    await page.goto(`/families/${family.id}/contacts/new?child=${family.childId}`);
    await page.getByTestId('advice-panel').waitFor();
    await cue(page, /laat zich door de ouder troosten/).check();
    await cue(page, /samen plezier/).check();
    await page.getByLabel('Eigen aantekeningen').fill('Nog navragen: slaap');
    await expect.poll(() => page.getByText(/Concept bewaard in deze browser/).count()).toBe(1);

    await page.reload();
    await page.getByTestId('advice-panel').waitFor();
    expect(await cue(page, /laat zich door de ouder troosten/).isChecked()).toBe(true);
    expect(await cue(page, /samen plezier/).isChecked()).toBe(true);
    expect(await page.getByLabel('Eigen aantekeningen').inputValue()).toBe('Nog navragen: slaap');
    expect(await page.getByText(/teruggezet uit deze browser/).count()).toBe(1);
    await snap(page, '31-draft-restored');
    expectNoProblems(session);
    await session.context.close();
  });

  it('keeps the work when the session expires during a save, and saves it after logging in again', async () => {
    const session = await open(browser);
    const { page, context } = session;
    await login(page);
    const family = await createFamily(page, uniqueName('Sessie'));
    await page.goto(`/families/${family.id}/contacts/new?child=${family.childId}`);
    await page.getByTestId('advice-panel').waitFor();
    await cue(page, /Het contact verloopt spontaan/).check();
    await context.clearCookies();
    await page.getByRole('button', { name: 'Tussentijds opslaan' }).click();
    await page.waitForURL(/\/login\?.*reason=expired/);
    await expect
      .poll(() => page.getByText('Je sessie is verlopen. Log opnieuw in; je werk is bewaard.').count())
      .toBe(1);
    await login(page);
    await page.goto(`/families/${family.id}/contacts/new?child=${family.childId}`);
    await page.getByTestId('advice-panel').waitFor();
    expect(await cue(page, /Het contact verloopt spontaan/).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Tussentijds opslaan' }).click();
    await page.waitForURL(/\/contacts\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByText('Opgeslagen als concept.').count()).toBe(1);
    expect(await cue(page, /Het contact verloopt spontaan/).isChecked()).toBe(true);
    expectNoProblems(session);
    await context.close();
  });

  it('shows a colleague’s concurrent edit and never overwrites it silently', async () => {
    const first = await open(browser);
    await login(first.page);
    const family = await worklistFamily(first.page);
    const contactId = await createDraftContact(first.page, family);
    // A colleague from the same team: the youth physician.
    const second = await open(browser);
    await login(second.page, PHYSICIAN);

    // Both have the contact open at version 1.
    for (const s of [first, second]) {
      await s.page.goto(`/contacts/${contactId}`);
      await s.page.getByTestId('advice-panel').waitFor();
    }
    await cue(first.page, /laat zich door de ouder troosten/).check();
    await first.page.getByRole('button', { name: 'Tussentijds opslaan' }).click();
    await expect.poll(() => first.page.getByText('Opgeslagen als concept.').count()).toBe(1);

    await cue(second.page, /samen plezier/).check();
    await second.page.getByRole('button', { name: 'Tussentijds opslaan' }).click();
    const dialog = second.page.getByRole('dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain('Een collega heeft dit contactmoment intussen gewijzigd');
    expect(await dialog.textContent()).toContain('Versie van Sanne de Boer');
    expect(await dialog.getByRole('row', { name: /laat zich door de ouder troosten/ }).count()).toBe(1);
    await expectAccessible(second.page, 'conflict dialog');
    await snap(second.page, '32-conflict-dialog');
    await second.page.screenshot({ path: join(SCREENSHOTS, '32-conflict-dialog-viewport-1280.png') });
    // Nothing of the second edit reached the server yet.
    expect(Object.keys((await getContact(second.page, contactId)).contact.cues)).toEqual([
      'child_accepts_comfort',
    ]);

    await dialog.getByRole('button', { name: /Samenvoegen/ }).click();
    expect(await cue(second.page, /laat zich door de ouder troosten/).isChecked()).toBe(true);
    expect(await cue(second.page, /samen plezier/).isChecked()).toBe(true);
    await second.page.getByRole('button', { name: 'Tussentijds opslaan' }).click();
    await expect.poll(() => second.page.getByText('Opgeslagen als concept.').count()).toBe(1);
    const stored = await getContact(second.page, contactId);
    expect(Object.keys(stored.contact.cues).sort()).toEqual(['child_accepts_comfort', 'shared_enjoyment']);
    expectNoProblems(first);
    expectNoProblems(second);
    await first.context.close();
    await second.context.close();
  });
});
