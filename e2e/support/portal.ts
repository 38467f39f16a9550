import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectAccessible, open, SCREENSHOTS, type Session, WIDE } from './browser.ts';

/** The narrowest phone the parent portal is built for. */
export const PHONE = { width: 360, height: 780 };
export const PARENT_PASSWORD = 'zonnebloemen op de vensterbank in mei';

async function csrf(page: Page): Promise<string> {
  const response = await page.request.get('/api/session');
  expect(response.ok(), 'a professional session is needed').toBe(true);
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

/** The caregivers of a family as the portal-access route lists them (professional session). */
export async function portalAccess(
  page: Page,
  familyId: string,
): Promise<Array<{ personId: string; givenName: string; blocked: string | null }>> {
  const response = await page.request.get(`/api/families/${familyId}/portal-access`);
  expect(response.ok(), await response.text()).toBe(true);
  return (
    (await response.json()) as {
      caregivers: Array<{ personId: string; givenName: string; blocked: string | null }>;
    }
  ).caregivers;
}

/** Invites a caregiver through the API as the logged-in nurse; returns the code from the letter. */
export async function inviteViaApi(page: Page, familyId: string, personId: string): Promise<string> {
  const response = await page.request.post(
    `/api/families/${familyId}/persons/${personId}/portal-invitation`,
    {
      headers: { 'x-csrf-token': await csrf(page) },
      data: { parentalAuthority: true },
    },
  );
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { code: string }).code;
}

/**
 * A parent on a 360 px phone opens the activation link from the letter's QR code, chooses e-mail and password,
 * scans (here: reads) the authenticator secret and proves it with a code computed as the app would.
 */
export async function activateParent(browser: Browser, code: string, email: string): Promise<Session> {
  const session = await open(browser, PHONE);
  const { page } = session;
  await page.goto(`/portaal/activeren#${code}`);
  await expect.poll(() => page.getByLabel('Code uit de brief').inputValue()).toBe(code);
  // Chromium can make passkeys, so the passkey is preselected: this parent chooses password + app code.
  await page.getByRole('radio', { name: /Met een wachtwoord en een code uit een app/ }).check();
  await page.getByLabel('Je e-mail').fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(PARENT_PASSWORD);
  await page.getByLabel('Typ je wachtwoord nog een keer').fill(PARENT_PASSWORD);
  await page.getByRole('button', { name: 'Verder' }).click();
  const secretEl = page.getByTestId('totp-secret');
  await secretEl.waitFor();
  const secret = ((await secretEl.textContent()) ?? '').replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]+=*$/);
  await page.getByLabel('Vul de code in die je app nu laat zien.').fill(await generate({ secret }));
  await page.getByRole('button', { name: 'Klaar' }).click();
  await page.waitForURL((url) => url.pathname === '/portaal');
  return session;
}

/** A full-page screenshot at 360 px (phone), named for the portal page it shows. */
export async function snapPhone(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const original = page.viewportSize() ?? PHONE;
  await page.setViewportSize(PHONE);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-360.png`), fullPage: true });
  await page.setViewportSize(original);
}

/** axe at 360 and at 1280 px: the portal is used on phones first, on a laptop too. */
export async function expectAccessibleBothWidths(page: Page, label: string): Promise<void> {
  const original = page.viewportSize() ?? PHONE;
  for (const size of [PHONE, WIDE]) {
    await page.setViewportSize(size);
    await expectAccessible(page, `${label} at ${size.width} px`);
  }
  await page.setViewportSize(original);
}

/** The family's mother, invited by the logged-in nurse and logged in to the portal on a phone. */
export async function motherInPortal(
  browser: Browser,
  nurse: Page,
  family: { id: string; name: string },
): Promise<Session> {
  const [mother] = await portalAccess(nurse, family.id);
  const code = await inviteViaApi(nurse, family.id, mother?.personId ?? '');
  return activateParent(browser, code, `${family.name.replace(/\W/g, '').toLowerCase()}@voorbeeld.nl`);
}
