import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueName } from './support/api.ts';
import { expectAccessible, expectNoProblems, launch, login, open, snap } from './support/browser.ts';
import { IMH, MANAGER, TEAM_LEAD } from './support/network.ts';
import { sendReferralViaApi } from './support/referral-api.ts';

const ANALYST = 'gemeente@demo.nestwerk.test';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('partner side and start pages', () => {
  it.each([
    [IMH, '/intake', 'Intake: binnengekomen verwijzingen'],
    [MANAGER, '/admin/users', 'Gebruikers'],
    [ANALYST, '/dashboard', 'Gemeentelijk dashboard'],
    [TEAM_LEAD, '/team', 'Teamoverzicht'],
  ])('%s lands on %s, never on an error', async (email, path, heading) => {
    const session = await open(browser);
    const { page } = session;
    await login(page, email);
    await page.waitForURL((url) => url.pathname === path);
    await page.getByRole('heading', { level: 1, name: new RegExp(heading) }).waitFor();
    expect(await page.getByText('Er ging iets mis').count()).toBe(0);
    // The brand link and the root lead to the same start page.
    await page.goto('/');
    await page.waitForURL((url) => url.pathname === path);
    await page.getByRole('heading', { level: 1, name: new RegExp(heading) }).waitFor();
    expect(await page.getByText('Er ging iets mis').count()).toBe(0);
    expectNoProblems(session);
    await session.context.close();
  });

  it('shows the IMH team a readable reason, an age in years and months, and the referrer as the referrer', async () => {
    const nurse = await open(browser);
    await login(nurse.page);
    const name = uniqueName('Intakeproef');
    const { referralId } = await sendReferralViaApi(nurse.page, {
      name,
      ageMonths: 30,
      partnerKind: 'imh_specialist',
      municipality: 'Utrecht',
      postcode: '3511 AB',
    });
    await nurse.context.close();

    const session = await open(browser);
    const { page } = session;
    await login(page, IMH);
    await page.goto('/intake');
    const link = page.locator(`a[href="/intake/${referralId}"]`);
    await link.waitFor();
    const row = page.locator('tr', { has: link });
    const cells = await row.locator('td').allTextContents();
    const [age, reason, referrer] = cells;
    expect(age).toBe('2 jaar en 6 mnd');
    expect(reason).not.toMatch(/^[,\s]*$/);
    expect(reason).toContain('Problemen met regulatie');
    expect(reason).toContain('De ouder blijft ongerust');
    expect(referrer).toContain('Sanne de Boer');
    await expectAccessible(page, 'intake list');
    await snap(page, '90-partner-intake-list');

    await link.click();
    await page.waitForURL(new RegExp(`/intake/${referralId}$`));
    const shared = page.getByTestId('shared-referral');
    await shared.waitFor();
    const text = (await shared.textContent()) ?? '';
    expect(text).not.toContain('Jouw naam');
    expect(await shared.locator('dt', { hasText: /^Verwijzer/ }).count()).toBe(1);
    expect(text).toContain('2 jaar en 6 mnd');
    expect(text).not.toContain('30 maanden');
    await expectAccessible(page, 'intake detail');
    await snap(page, '91-partner-intake-detail');
    expectNoProblems(session);
    await session.context.close();
  });
});
