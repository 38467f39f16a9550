import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFamily, uniqueName } from './support/api.ts';
import { expectAccessible, expectNoProblems, isoDate, launch, login, open, snap } from './support/browser.ts';
import { recordContact } from './support/family-setup.ts';
import {
  activateParent,
  expectAccessibleBothWidths,
  inviteViaApi,
  motherInPortal,
  PHONE,
  portalAccess,
  snapPhone,
} from './support/portal.ts';

describe('parent portal: invitation and first visit', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("a nurse invites a parent; the parent redeems the code, sets up access and sees tips and the nurse's read", async () => {
    const nurse = await open(browser);
    await login(nurse.page);
    const family = await createFamily(nurse.page, uniqueName('Portaal'));
    await nurse.page.goto(`/families/${family.id}`);
    await nurse.page
      .getByRole('button', { name: `Uitnodigen voor ouderportaal: Lotte ${family.name}` })
      .click();
    await nurse.page.getByLabel(/Ik heb gecontroleerd dat Lotte/).check();
    await nurse.page.getByRole('button', { name: 'Uitnodiging maken' }).click();
    const letter = nurse.page.getByTestId('invitation-letter');
    await letter.waitFor();
    const code = ((await nurse.page.getByTestId('invitation-code').textContent()) ?? '').trim();
    expect(code.length).toBeGreaterThanOrEqual(16);
    const letterText = (await letter.textContent()) ?? '';
    expect(letterText).toContain('Beste Lotte');
    expect(letterText).toMatch(/De code werkt tot en met \d{1,2} \w+ \d{4}/);
    expect(await letter.getByRole('img', { name: 'QR-code om je account te maken' }).count()).toBe(1);
    await expectAccessible(nurse.page, 'invitation letter');
    await snap(nurse.page, 'portal-10-invitation-letter');
    await nurse.page.emulateMedia({ media: 'print' });
    await nurse.page.screenshot({ path: 'test-results/screenshots/portal-11-invitation-letter-print.png' });
    await nurse.page.emulateMedia({ media: 'screen' });
    await nurse.page.getByRole('button', { name: 'Sluiten' }).click();
    await expect
      .poll(() => nurse.page.getByTestId('portal-access-person').first().textContent())
      .toMatch(/Uitgenodigd, code geldig tot/);
    await snap(nurse.page, 'portal-12-family-portal-access');
    // The nurse finds the family twice on her worklist: two listings, which the parent reads as one line.
    for (let i = 0; i < 2; i++) {
      await nurse.page.goto(`/worklist?q=${encodeURIComponent(family.name)}`);
      await nurse.page
        .getByRole('link', { name: new RegExp(family.name) })
        .first()
        .waitFor();
    }

    const parent = await activateParent(
      browser,
      code,
      `${family.name.replace(/\W/g, '').toLowerCase()}@voorbeeld.nl`,
    );
    const { page } = parent;
    await page.getByRole('heading', { name: 'Welkom, Lotte' }).waitFor();
    const tips = page.getByTestId('portal-tips');
    await tips.first().waitFor();
    expect(await tips.first().textContent()).toContain('Tips voor Mila');
    expect((await tips.first().locator('li').count()) > 2).toBe(true);
    await expectAccessibleBothWidths(page, 'portal home');
    await snapPhone(page, 'portal-20-home');

    await page.getByRole('link', { name: 'Wie keek er' }).click();
    await page.getByRole('heading', { name: 'Wie heeft je dossier bekeken' }).waitFor();
    const log = page.getByTestId('access-log');
    await log.waitFor();
    const lines = await log.locator('li').allTextContents();
    expect(lines.some((l) => l.includes('verpleegkundige') && l.includes('Keek in het dossier'))).toBe(true);
    expect(lines.join(' ')).not.toMatch(/family\.read|audit|undefined/);
    // The day's two worklist listings by the nurse, one after the other: one line that counts them.
    const listed = lines.filter((l) => l.includes('in een lijst'));
    expect(listed).toHaveLength(1);
    expect(listed[0]).toContain('verpleegkundige');
    expect(Number(/\((\d+) keer\)/.exec(listed[0] ?? '')?.[1])).toBeGreaterThanOrEqual(2);
    // Opening the file is several reads at once; the parent sees one line for them, never the same line twice in a row.
    for (let i = 1; i < lines.length; i++) expect(lines[i], `line ${i}`).not.toBe(lines[i - 1]);
    await expectAccessibleBothWidths(page, 'portal access log');
    await snapPhone(page, 'portal-21-access-log');

    for (const [link, heading, shot] of [
      ['Wat we noteren', 'Wat we over je gezin noteren', 'portal-22-record'],
      ['Verwijzingen', 'Verwijzingen', 'portal-23-referrals'],
      ['Toestemming', 'Je toestemming', 'portal-24-consents'],
      ['Hoe gaat het?', 'Hoe gaat het?', 'portal-25-self-report'],
    ] as const) {
      await page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      await page.getByRole('status').filter({ hasText: 'Even geduld' }).waitFor({ state: 'detached' });
      // The parents are listed with their role, as the children are with their birth.
      if (shot === 'portal-22-record')
        expect(await page.locator('section[aria-labelledby="file-household"]').textContent()).toContain(
          `Lotte ${family.name} · moeder`,
        );
      await expectAccessibleBothWidths(page, `portal ${link}`);
      await snapPhone(page, shot);
    }

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL((url) => url.pathname === '/portaal/inloggen');
    await page.getByText('Je bent uitgelogd.').waitFor();
    await expectAccessibleBothWidths(page, 'portal log-in');
    await snapPhone(page, 'portal-01-login');
    expectNoProblems(parent);
    expectNoProblems(nurse);
    await parent.context.close();
    await nurse.context.close();
  });

  it('a follow-up whose day has passed reads as planned, with a new appointment to come', async () => {
    const nurse = await open(browser);
    await login(nurse.page);
    const family = await createFamily(nurse.page, uniqueName('Portaalgemist'));
    await recordContact(nurse.page, family, {
      date: isoDate(-20),
      agreedBand: 'safe',
      followUpDue: isoDate(-6),
      text: 'Terugkomen op het slapen',
    });
    const parent = await motherInPortal(browser, nurse.page, family);
    const { page } = parent;
    await page.getByRole('heading', { name: 'Welkom, Lotte' }).waitFor();
    const agreements = page.getByRole('region', { name: 'Wat we hebben afgesproken' });
    await agreements.getByRole('listitem').first().waitFor();
    const line = (await agreements.getByRole('listitem').first().textContent()) ?? '';
    expect(line).toMatch(
      /^Terugkomen op het slapen · gepland rond \d{1,2} \w+ \d{4}\. De JGZ maakt een nieuwe afspraak met je\.$/,
    );
    expect(line).not.toContain('we kijken er weer naar');
    // The passed day is not an appointment to come.
    expect(await page.getByTestId('next-appointment').count()).toBe(0);
    expectNoProblems(parent);
    expectNoProblems(nurse);
    await parent.context.close();
    await nurse.context.close();
  });

  it('a parent named in an open safety route cannot redeem the invitation', async () => {
    const nurse = await open(browser);
    await login(nurse.page);
    const family = await createFamily(nurse.page, uniqueName('Portaalblok'));
    const [mother] = await portalAccess(nurse.page, family.id);
    expect(mother?.blocked).toBeNull();
    const code = await inviteViaApi(nurse.page, family.id, mother?.personId ?? '');
    const csrf = ((await (await nurse.page.request.get('/api/session')).json()) as { csrfToken: string })
      .csrfToken;
    const route = await nurse.page.request.post(`/api/families/${family.id}/safety-route`, {
      headers: { 'x-csrf-token': csrf },
      data: { concerns: ['domestic_violence'] },
    });
    expect(route.status(), await route.text()).toBe(201);
    const routeId = ((await route.json()) as { id: string }).id;
    const flagged = await nurse.page.request.post(`/api/safety-routes/${routeId}/flagged-persons`, {
      headers: { 'x-csrf-token': csrf },
      data: { personId: mother?.personId },
    });
    expect(flagged.status(), await flagged.text()).toBe(204);

    const parent = await open(browser, PHONE);
    const { page } = parent;
    await page.goto(`/portaal/activeren#${code}`);
    await page.getByRole('radio', { name: /Met een wachtwoord en een code uit een app/ }).check();
    await page.getByLabel('Je e-mail').fill(`${family.name.replace(/\W/g, '').toLowerCase()}@voorbeeld.nl`);
    await page.getByLabel('Wachtwoord', { exact: true }).fill('zonnebloemen op de vensterbank in mei');
    await page.getByLabel('Typ je wachtwoord nog een keer').fill('zonnebloemen op de vensterbank in mei');
    await page.getByRole('button', { name: 'Verder' }).click();
    // Flagging the parent revoked the open invitation: the parent learns only that the code does not work,
    // never that a safety route names them (telling them could put the child at risk).
    await page.getByText('Deze code klopt niet').waitFor();
    expect(await page.getByTestId('totp-secret').count()).toBe(0);
    await expectAccessibleBothWidths(page, 'portal activation refused');
    await snapPhone(page, 'portal-02-activation-refused');

    await nurse.page.goto(`/families/${family.id}`);
    const row = nurse.page.getByTestId('portal-access-person').first();
    await expect.poll(() => row.textContent()).toContain('genoemd in een open veiligheidsroute');
    expect(await row.getByRole('button', { name: /Uitnodigen/ }).count()).toBe(0);
    expectNoProblems(parent);
    await parent.context.close();
    await nurse.context.close();
  });
});
