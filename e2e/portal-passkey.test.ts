import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFamily, uniqueName } from './support/api.ts';
import { baseURL, launch, login, open } from './support/browser.ts';
import { inviteViaApi, PHONE, portalAccess, snapPhone } from './support/portal.ts';

/**
 * WebAuthn needs a host name as relying party id, and an IP address is none: the parent's browser opens the
 * portal at localhost (same server, same port). Without NESTWERK_PUBLIC_ORIGIN the server takes the origin
 * from the Host header, so passkeys are bound to `localhost`.
 */
function parentOrigin(): string {
  return baseURL().replace('//127.0.0.1:', '//localhost:');
}

/** A platform authenticator with user verification, as on a phone with a fingerprint reader. */
async function addVirtualAuthenticator(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
    },
  });
}

describe('parent portal: passkeys', () => {
  let browser: Browser;
  let parentContext: BrowserContext | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await parentContext?.close();
    await browser?.close();
  });

  it('a parent activates with a passkey, logs out, and logs in again with it', async () => {
    const nurse = await open(browser);
    await login(nurse.page);
    const family = await createFamily(nurse.page, uniqueName('Passkey'));
    const [mother] = await portalAccess(nurse.page, family.id);
    expect(mother).toBeDefined();
    const code = await inviteViaApi(nurse.page, family.id, String(mother?.personId));

    parentContext = await browser.newContext({
      baseURL: parentOrigin(),
      viewport: PHONE,
      locale: 'nl-NL',
      timezoneId: 'Europe/Amsterdam',
    });
    const page = await parentContext.newPage();
    const problems: string[] = [];
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    await addVirtualAuthenticator(page);

    await page.goto(`/portaal/activeren#${code}`);
    await expect.poll(() => page.getByLabel('Code uit de brief').inputValue()).toBe(code);
    const passkeyChoice = page.getByRole('radio', { name: /Met een passkey/ });
    await expect.poll(() => passkeyChoice.isChecked()).toBe(true);
    expect(await page.getByText('Aangeraden').count()).toBe(1);
    // With the passkey chosen there is no password to make up.
    expect(await page.getByLabel('Wachtwoord', { exact: true }).count()).toBe(0);
    const email = `${family.name.replace(/\W/g, '').toLowerCase()}@voorbeeld.nl`;
    await page.getByLabel('Je e-mail').fill(email);
    await snapPhone(page, 'portal-40-activate-choice');
    // Nothing wider than the phone: the choice must fit 360 px without sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    await page.getByRole('button', { name: 'Maak je passkey' }).click();
    await page.waitForURL((url) => url.pathname === '/portaal');
    await page.getByRole('heading', { name: 'Welkom, Lotte' }).waitFor();
    const section = page.getByRole('region', { name: 'Inloggen met een passkey' });
    await section.getByText(/Nog niet gebruikt/).waitFor();
    // Named after the kind of device it was made on (headless Chromium says Linux); the parent names it herself.
    await section.getByText('Linux', { exact: true }).waitFor();
    await snapPhone(page, 'portal-41-home-passkey');
    await section.getByRole('button', { name: 'Naam geven aan Linux' }).click();
    const nameField = section.getByLabel('Naam van deze passkey');
    await nameField.fill('   ');
    await section.getByRole('button', { name: 'Opslaan' }).click();
    await section.getByText('Vul een naam in.').waitFor();
    await nameField.fill('Mijn telefoon');
    await snapPhone(page, 'portal-42-passkey-rename');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await section.getByRole('button', { name: 'Opslaan' }).click();
    await section.getByText('Mijn telefoon', { exact: true }).waitFor();
    await section.getByText(/^Gemaakt op .* · Nog niet gebruikt$/).waitFor();

    await page.getByRole('button', { name: 'Uitloggen' }).first().click();
    await page.waitForURL((url) => url.pathname.startsWith('/portaal/inloggen'));
    await page.getByRole('button', { name: 'Inloggen met een passkey' }).click();
    await page.waitForURL((url) => url.pathname === '/portaal');
    await page.getByRole('heading', { name: 'Welkom, Lotte' }).waitFor();
    await section.getByText(/Voor het laatst gebruikt op/).waitFor();
    expect(problems).toEqual([]);
  });
});
