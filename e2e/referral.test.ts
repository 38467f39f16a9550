import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueName } from './support/api.ts';
import {
  expectAccessible,
  expectNoProblems,
  launch,
  login,
  open,
  sidewaysScroll,
  snap,
} from './support/browser.ts';
import { familyNeedingReferral, IMH, TEAM_LEAD, unreadNotifications } from './support/network.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('referral round trip', () => {
  it('nurse refers with consent, the IMH team accepts and gives feedback, the nurse sees it', async () => {
    const nurse = await open(browser);
    const imh = await open(browser);
    const n = nurse.page;
    const m = imh.page;
    await login(n);
    const family = await familyNeedingReferral(n, uniqueName('Rondje'));

    // From the recommendation in the contact moment.
    await n.goto(`/contacts/${family.contactId}`);
    const recommendation = n.getByTestId('recommendation-refer_outside');
    await expect.poll(() => recommendation.isVisible()).toBe(true);
    await recommendation.getByRole('link', { name: 'Verwijzen' }).click();
    await n.waitForURL(/\/refer\?/);
    await n.getByRole('heading', { name: 'Verwijzen', level: 1 }).waitFor();
    await expect.poll(() => n.getByText(/Geadviseerd: IMH-team/).count()).toBe(1);
    // Partners that offer what is advised come first.
    const first = n.getByRole('radio').first();
    expect(await first.evaluate((el) => el.closest('label')?.textContent ?? '')).toContain(
      'IMH-netwerk Veldland',
    );
    await n.getByRole('radio', { name: /IMH-netwerk Veldland/ }).check();
    await n.getByLabel('Reden in je eigen woorden').fill('Moeder en baby lopen vast; moeder vraagt om hulp.');
    await n.getByLabel('Wensen van de ouders').fill('Liefst thuis, in de ochtend.');
    // Consent is given by a caregiver of the family (the one createFamily registers), for this receiver.
    await n.getByLabel('Toestemming gegeven door').selectOption({ label: `Lotte ${family.name}` });
    await n.getByLabel('Voor welk doel').fill('Aanmelding bij het IMH-team');
    await expectAccessible(n, 'new referral');
    // A visually hidden legend once took the full width of a component rule and pushed the page 44 px wide.
    expect(await sidewaysScroll(n), 'the new referral scrolls sideways').toBeLessThanOrEqual(0);
    await snap(n, '60-referral-new');
    await n.getByRole('button', { name: 'Opslaan en voorbeeld bekijken' }).click();
    await n.waitForURL(/\/referrals\/[0-9a-f-]+$/);
    const referralId = new URL(n.url()).pathname.split('/').pop() ?? '';

    // The preview is exactly what goes out: the minimum by default, items can be added.
    const preview = n.getByTestId('shared-referral');
    await expect.poll(() => preview.isVisible()).toBe(true);
    expect(await sidewaysScroll(n), 'the referral scrolls sideways').toBeLessThanOrEqual(0);
    expect(await preview.textContent()).toContain('Leeftijd van het kind');
    expect(await preview.textContent()).not.toContain('Naam van het kind');
    // The consent covers what the referral shares; widening beyond it is refused by the server (consent bound
    // to its scope, access-matrix-consent-emergency.test.ts), so the preview stays at the minimum.
    expect(await preview.textContent()).not.toContain('Telefoonnummer');
    expect(
      await n
        .getByText(
          `Toestemming van Lotte ${family.name} om te delen met IMH-netwerk Veldland voor “Aanmelding bij het IMH-team”`,
          { exact: false },
        )
        .count(),
    ).toBe(1);
    await expectAccessible(n, 'referral preview');
    await snap(n, '61-referral-preview');
    await n.getByRole('button', { name: 'Verwijzing versturen' }).click();
    await expect.poll(() => n.getByText('Status: Verstuurd').count()).toBe(1);
    await expect.poll(() => n.getByTestId('referral-timeline').textContent()).toContain('Verstuurd');
    const nurseUnreadBefore = await unreadNotifications(n);

    // The IMH team: a notification, the queue, only the shared data.
    await login(m, IMH);
    await m.goto('/notifications');
    await expect
      .poll(() => m.getByRole('link', { name: 'Nieuwe verwijzing ontvangen' }).count())
      .toBeGreaterThan(0);
    await expectAccessible(m, 'notifications (IMH)');
    await snap(m, '62-imh-notifications');
    await m.goto('/intake');
    const link = m.locator(`a[href="/intake/${referralId}"]`);
    await expect.poll(() => link.count()).toBe(1);
    await expectAccessible(m, 'intake queue');
    await snap(m, '63-intake-queue');
    await link.click();
    await m.waitForURL(new RegExp(`/intake/${referralId}$`));
    const shared = m.getByTestId('shared-referral');
    await expect.poll(() => shared.isVisible()).toBe(true);
    const sharedText = (await shared.textContent()) ?? '';
    expect(sharedText).toContain('Moeder en baby lopen vast');
    expect(sharedText).not.toContain(family.name);
    expect(await m.getByText(family.name).count()).toBe(0);
    await expectAccessible(m, 'intake detail');
    await m.getByRole('button', { name: 'Accepteren' }).click();
    await expect.poll(() => m.getByText('Status: Geaccepteerd').count()).toBe(1);
    await m.getByLabel('Datum van de intake').fill('2030-01-15');
    await m.getByRole('button', { name: 'Intake plannen' }).click();
    await expect.poll(() => m.getByText(/Intake gepland op/).count()).toBe(1);
    await m
      .getByLabel('Terugkoppeling aan de verwijzer')
      .fill('Intake gepland; moeder is welkom op 15 januari.');
    await m.getByRole('button', { name: 'Terugkoppeling versturen' }).click();
    await expect.poll(() => m.getByText('Terugkoppeling verstuurd.').count()).toBe(1);
    await snap(m, '64-intake-accepted-feedback');

    // Back with the nurse: status, feedback, notification badge.
    await n.reload();
    await expect.poll(() => n.getByText('Status: Geaccepteerd').count()).toBe(1);
    await expect
      .poll(() => n.getByTestId('referral-feedback').textContent())
      .toContain('Intake gepland; moeder is welkom');
    expect(await unreadNotifications(n)).toBeGreaterThan(nurseUnreadBefore);
    const badge = n.getByTestId('notification-badge');
    await expect.poll(() => badge.getAttribute('aria-label')).toMatch(/Meldingen, [1-9]\d* ongelezen/);
    await snap(n, '65-referral-feedback-received');
    await badge.click();
    await n.waitForURL(/\/notifications$/);
    await expect
      .poll(() => n.getByRole('link', { name: 'Terugkoppeling ontvangen op je verwijzing' }).count())
      .toBeGreaterThan(0);
    await expectAccessible(n, 'notifications (nurse)');

    // Family file and worklist.
    await n.goto(`/families/${family.id}`);
    await expect.poll(() => n.getByTestId('family-referrals').textContent()).toContain('Geaccepteerd');
    await n.goto(`/worklist?q=${encodeURIComponent(family.name)}`);
    const row = n.getByRole('row', { name: new RegExp(family.name) });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).not.toContain('Terugkoppeling te laat');

    // Wrapped care: the IMH specialist joins the care team around the family.
    await n.goto(`/families/${family.id}`);
    await n.getByRole('button', { name: 'Betrokkene toevoegen' }).click();
    await n.getByLabel('Naam', { exact: true }).fill('Eva Kramer');
    await n.getByLabel('Rol', { exact: true }).fill('IMH-specialist');
    await n.getByLabel('Organisatie', { exact: true }).fill('IMH-netwerk Veldland');
    await n.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await expect.poll(() => n.getByTestId('care-network').textContent()).toContain('Eva Kramer');
    await expectAccessible(n, 'family file with care team and referral');
    await snap(n, '66-family-care-network-referral');

    // The parent withdraws consent: the IMH team sees that sharing stopped.
    await n.goto(`/referrals/${referralId}`);
    await n.getByRole('button', { name: 'Toestemming intrekken' }).click();
    await expect.poll(() => n.getByText(/Toestemming ingetrokken op/).count()).toBe(1);
    await m.goto(`/intake/${referralId}`);
    await expect.poll(() => m.getByText(/De ouder heeft de toestemming ingetrokken/).count()).toBe(1);
    expect(await m.getByTestId('shared-referral').count()).toBe(0);
    await expectAccessible(m, 'intake after withdrawn consent');
    await snap(m, '67-intake-consent-withdrawn');
    await m.goto('/notifications');
    await expect
      .poll(() => m.getByRole('link', { name: 'Toestemming ingetrokken voor een verwijzing' }).count())
      .toBeGreaterThan(0);

    expectNoProblems(nurse);
    expectNoProblems(imh);
    await nurse.context.close();
    await imh.context.close();
  });

  it('without consent: the five questions, prominently flagged, sent only after a team lead confirms', async () => {
    const nurse = await open(browser);
    const lead = await open(browser);
    const n = nurse.page;
    const l = lead.page;
    await login(n);
    const family = await familyNeedingReferral(n, uniqueName('Zonder'));
    await n.goto(`/families/${family.id}/refer?recommendation=refer_outside&contact=${family.contactId}`);
    await n.getByRole('radio', { name: /IMH-netwerk Veldland/ }).check();
    await n.getByRole('radio', { name: /Zonder toestemming/ }).check();
    await expect.poll(() => n.getByText(/Verwijzen zonder toestemming van de ouder/).count()).toBe(1);
    for (const [label, answer] of [
      [/bereiken door deze informatie te delen/, 'De veiligheid en ontwikkeling van de baby.'],
      [/zonder de informatie te delen/, 'Nee, het IMH-team moet de situatie kennen.'],
      [/toestemming van de gezinsleden/, 'Gevraagd; moeder weigert uit angst.'],
      [/zwaarder dan het belang/, 'Ja, het belang van het kind weegt zwaarder.'],
      [/Wie heeft de informatie echt nodig/, 'Alleen de reden en signalen, met het IMH-team.'],
    ] as const) {
      await n.getByLabel(label).fill(answer);
    }
    await expectAccessible(n, 'new referral without consent');
    await n.getByRole('button', { name: 'Opslaan en voorbeeld bekijken' }).click();
    await n.waitForURL(/\/referrals\/[0-9a-f-]+$/);
    const url = new URL(n.url()).pathname;
    const banner = n.getByTestId('no-consent-banner');
    await expect.poll(() => banner.textContent()).toContain('Verwijzing zonder toestemming');
    expect(await banner.textContent()).toContain('Wacht op bevestiging door een teamleider');
    await snap(n, '68-referral-no-consent');
    // Not before a second professional confirmed.
    await n.getByRole('button', { name: 'Verwijzing versturen' }).click();
    await expect.poll(() => n.getByRole('alert').count()).toBeGreaterThan(0);
    expect(await n.getByText('Status: Concept').count()).toBe(1);

    await login(l, TEAM_LEAD);
    await l.goto(url);
    await l.getByRole('button', { name: 'Bevestigen als tweede professional' }).click();
    await expect.poll(() => l.getByText(/Bevestigd door een tweede professional/).count()).toBe(1);
    await expectAccessible(l, 'referral confirmed by the team lead');

    await n.reload();
    await expect.poll(() => n.getByText(/Bevestigd door een tweede professional/).count()).toBe(1);
    await n.getByRole('button', { name: 'Verwijzing versturen' }).click();
    await expect.poll(() => n.getByText('Status: Verstuurd').count()).toBe(1);
    expect(await n.getByTestId('no-consent-banner').count()).toBe(1);
    expectNoProblems(nurse);
    expectNoProblems(lead);
    await nurse.context.close();
    await lead.context.close();
  });

  it('to a partner not on Nestwerk: the printable letter and the referral recorded as sent by phone', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page);
    const family = await familyNeedingReferral(page, uniqueName('Brief'));
    await page.goto(`/families/${family.id}/refer?recommendation=refer_outside&contact=${family.contactId}`);
    const other = page.getByRole('radio', { name: /Jeugd-GGZ Veldland.*niet op Nestwerk/ });
    await other.waitFor();
    await other.check();
    // Who gave consent is never preselected: the nurse chooses.
    await page.getByLabel('Toestemming gegeven door').selectOption({ label: `Lotte ${family.name}` });
    await page.getByLabel('Voor welk doel').fill('Aanmelding bij de Jeugd-GGZ');
    await page.getByRole('button', { name: 'Opslaan en voorbeeld bekijken' }).click();
    await page.waitForURL(/\/referrals\/[0-9a-f-]+$/);
    const id = new URL(page.url()).pathname.split('/').pop() ?? '';
    await expect.poll(() => page.getByText(/werkt niet met Nestwerk/).count()).toBe(1);
    await page.getByRole('radio', { name: 'telefoon' }).check();
    await page.getByRole('button', { name: 'Vastleggen als verstuurd' }).click();
    await expect.poll(() => page.getByText('Status: Verstuurd').count()).toBe(1);
    await expect.poll(() => page.getByText(/Verstuurd via telefoon op/).count()).toBe(1);
    const letterLink = page.getByRole('link', { name: /Verwijsbrief openen/ });
    expect(await letterLink.getAttribute('href')).toBe(`/api/referrals/${id}/letter`);
    const letter = await page.request.get(`/api/referrals/${id}/letter`);
    expect(letter.status()).toBe(200);
    expect(letter.headers()['content-type']).toContain('text/html');
    // Feedback that came by phone is recorded by the nurse.
    await page
      .getByRole('textbox', { name: 'Terugkoppeling', exact: true })
      .fill('Gebeld: intake volgende week.');
    await page.getByRole('button', { name: 'Vastleggen', exact: true }).click();
    await expect.poll(() => page.getByTestId('referral-feedback').textContent()).toContain('Gebeld: intake');
    await expectAccessible(page, 'referral to a partner outside Nestwerk');
    await snap(page, '69-referral-outside-nestwerk');
    expectNoProblems(session);
    await session.context.close();
  });
});
