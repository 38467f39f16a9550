import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFamily, uniqueName } from './support/api.ts';
import { expectNoProblems, launch, login, open, snap } from './support/browser.ts';
import { expectAccessibleBothWidths, motherInPortal, snapPhone } from './support/portal.ts';

describe('parent portal: self-report before a visit', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a parent whose answers signal risk sees where to get help now, and the nurse sees the report at the next contact', async () => {
    const nurse = await open(browser);
    await login(nurse.page);
    const family = await createFamily(nurse.page, uniqueName('Zelfmelding'));
    const parent = await motherInPortal(browser, nurse.page, family);
    const { page } = parent;

    await page.getByRole('navigation').getByRole('link', { name: 'Hoe gaat het?', exact: true }).click();
    await page.getByRole('heading', { name: 'Hoe gaat het?', level: 1 }).waitFor();
    await page.getByLabel('Hoe gaat het met jou?').fill('Ik slaap slecht en zie er tegenop.');
    await page.getByLabel('Waar wil je over praten?').fill('Het huilen van de baby in de avond.');
    for (const question of [
      'Voelde je je vaak somber, neerslachtig of zonder hoop?',
      'Had je vaak weinig zin in dingen, of weinig plezier in wat je deed?',
    ]) {
      await page.getByRole('group', { name: question }).getByLabel('Ja', { exact: true }).check();
    }
    for (const question of [
      'Je nerveus, bang of gespannen voelen',
      'Niet kunnen stoppen met piekeren, of het piekeren niet in de hand hebben',
    ]) {
      await page.getByRole('group', { name: question }).getByLabel('Bijna elke dag').check();
    }
    await page.getByRole('button', { name: 'Versturen' }).click();
    const help = page.getByTestId('help-now');
    await help.waitFor();
    expect(await help.textContent()).toContain('113');
    await expectAccessibleBothWidths(page, 'portal self-report sent with help');
    await snapPhone(page, 'portal-26-self-report-help');

    // The next contact: the nurse opens a new contact moment and sees the parent's own words, marked as such.
    await nurse.page.goto(`/families/${family.id}/contacts/new?child=${family.childId}`);
    const reports = nurse.page.getByTestId('self-reports');
    await reports.waitFor();
    const text = (await reports.textContent()) ?? '';
    expect(text).toContain('Gemeld door ouder');
    expect(text).toContain('Ik slaap slecht en zie er tegenop.');
    expect(text).toContain('Het huilen van de baby in de avond.');
    await snap(nurse.page, 'portal-30-contact-self-report');

    // The nurse was told at once.
    const notifications = await nurse.page.request.get('/api/notifications');
    expect(await notifications.text()).toContain('parent_self_report');
    expectNoProblems(parent);
    expectNoProblems(nurse);
    await parent.context.close();
    await nurse.context.close();
  });
});
