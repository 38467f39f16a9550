import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrf, uniqueName } from './support/api.ts';
import { expectNoProblems, launch, login, open } from './support/browser.ts';
import { randomBsn } from './support/national-id.ts';
import { inviteViaApi, PHONE, portalAccess, snapPhone } from './support/portal.ts';

/**
 * DigiD through the organisation's OIDC provider, played by the test provider's sign-in page (global-setup.ts
 * configures it for the Dutch demo organisation): the parent activates with the letter's code and DigiD, then
 * logs in with DigiD alone. The BSN on the mother's file is what DigiD must vouch for.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Signs in at the provider's page with the given number and lands back in the portal. */
async function signInAtProvider(page: Page, bsn: string): Promise<void> {
  await page.getByRole('heading', { name: 'Test-inlogpagina' }).waitFor();
  await page.getByLabel('Burgerservicenummer').fill(bsn);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

describe('parent portal: DigiD', () => {
  it('activates with the letter and DigiD, then logs in with DigiD alone; another number is refused', async () => {
    const nurseSession = await open(browser);
    const nurse = nurseSession.page;
    await login(nurse);
    const name = uniqueName('DigiD');
    const bsn = randomBsn();
    const created = await nurse.request.post('/api/families', {
      headers: { 'x-csrf-token': await csrf(nurse) },
      data: {
        name,
        children: [{ givenName: 'Fenna', familyName: name, birthDate: '2025-11-02' }],
        caregivers: [{ givenName: 'Iris', familyName: name, role: 'mother', nationalId: bsn }],
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const familyId = ((await created.json()) as { id: string }).id;
    const [mother] = await portalAccess(nurse, familyId);
    const code = await inviteViaApi(nurse, familyId, mother?.personId ?? '');

    const parent = await open(browser, PHONE);
    const { page } = parent;
    await page.goto(`/portaal/activeren#${code}`);
    await expect.poll(() => page.getByLabel('Code uit de brief').inputValue()).toBe(code);
    await page.getByLabel('Je e-mail').fill(`${name.replace(/\W/g, '').toLowerCase()}@voorbeeld.nl`);
    await snapPhone(page, 'portal-50-activate-digid');

    // Someone else's DigiD with this letter: refused, and the letter stays usable.
    await page.getByRole('button', { name: 'Maak je account met DigiD' }).click();
    await signInAtProvider(page, randomBsn());
    await page.waitForURL((url) => url.pathname === '/portaal/activeren');
    await page.getByText('Deze code hoort niet bij jou.').waitFor();
    // What she typed is still there: the letter's link is not needed again.
    expect(await page.getByLabel('Code uit de brief').inputValue()).toBe(code);
    expect(await page.getByLabel('Je e-mail').inputValue()).toContain('@voorbeeld.nl');
    await snapPhone(page, 'portal-51-digid-mismatch');

    await page.getByRole('button', { name: 'Maak je account met DigiD' }).click();
    await signInAtProvider(page, bsn);
    await page.waitForURL((url) => url.pathname === '/portaal');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await snapPhone(page, 'portal-52-digid-home');

    // Later, on a fresh browser: DigiD alone logs her in.
    await parent.context.close();
    const again = await open(browser, PHONE);
    await again.page.goto('/portaal/inloggen');
    await again.page.getByRole('link', { name: 'Inloggen met DigiD' }).click();
    await signInAtProvider(again.page, bsn);
    await again.page.waitForURL((url) => url.pathname === '/portaal');
    await again.page.getByRole('heading', { level: 1 }).first().waitFor();
    const me = await again.page.request.get('/api/portal/me');
    expect(me.status()).toBe(200);

    // A number that opens no account is sent back with a message, not logged in.
    const stranger = await open(browser, PHONE);
    await stranger.page.goto('/portaal/inloggen');
    await stranger.page.getByRole('link', { name: 'Inloggen met DigiD' }).click();
    await signInAtProvider(stranger.page, randomBsn());
    await stranger.page.waitForURL((url) => url.pathname === '/portaal/inloggen');
    await stranger.page.getByText('We vinden geen account van jou.').waitFor();
    await snapPhone(stranger.page, 'portal-53-digid-unknown');

    expectNoProblems(nurseSession);
    expectNoProblems(again);
    await again.context.close();
    await stranger.context.close();
    await nurseSession.context.close();
  });
});
