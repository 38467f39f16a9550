import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueName } from './support/api.ts';
import { expectNoProblems, launch, login, open, snap } from './support/browser.ts';
import { IMH } from './support/network.ts';
import {
  activateParent,
  expectAccessibleBothWidths,
  inviteViaApi,
  portalAccess,
  snapPhone,
} from './support/portal.ts';
import { sendReferralViaApi } from './support/referral-api.ts';

describe('parent portal: withdrawing a consent', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the parent withdraws the consent of a referral, and the IMH team is blocked at once', async () => {
    const nurse = await open(browser);
    await login(nurse.page);
    const name = uniqueName('Intrekking');
    const { familyId, referralId } = await sendReferralViaApi(nurse.page, {
      name,
      ageMonths: 14,
      partnerKind: 'imh_specialist',
      municipality: 'Utrecht',
      postcode: '3511 AB',
    });

    // The IMH team can read the referral while the consent holds.
    const imh = await open(browser);
    await login(imh.page, IMH);
    await imh.page.goto(`/intake/${referralId}`);
    await imh.page.getByText('Ouder en kind lopen vast; mama vraagt om hulp.').waitFor();

    const [mother] = await portalAccess(nurse.page, familyId);
    const code = await inviteViaApi(nurse.page, familyId, mother?.personId ?? '');
    const parent = await activateParent(
      browser,
      code,
      `${name.replace(/\W/g, '').toLowerCase()}@voorbeeld.nl`,
    );
    const { page } = parent;
    await page.getByRole('navigation').getByRole('link', { name: 'Toestemming', exact: true }).click();
    await page.getByRole('heading', { name: 'Je toestemming', level: 1 }).waitFor();
    const card = page.getByTestId('portal-consent');
    expect(await card.count()).toBe(1);
    expect(await card.textContent()).toContain('Aanmelding bij het IMH-team');
    await card.getByRole('button', { name: 'Toestemming intrekken' }).click();
    const dialog = page.getByRole('dialog', { name: 'Toestemming intrekken?' });
    await dialog.waitFor();
    await snapPhone(page, 'portal-40-consent-confirm');
    await dialog.getByRole('button', { name: 'Ja, trek in' }).click();
    await page.getByRole('status').filter({ hasText: 'Je toestemming is ingetrokken.' }).waitFor();
    expect(await card.textContent()).toContain('Ingetrokken op');
    expect(await card.getByRole('button', { name: 'Toestemming intrekken' }).count()).toBe(0);
    await expectAccessibleBothWidths(page, 'portal consent withdrawn');
    await snapPhone(page, 'portal-41-consent-withdrawn');

    // At once: the same page the IMH team had open, reloaded, no longer shows the family's data.
    await imh.page.reload();
    await imh.page.getByRole('heading', { name: 'Delen gestopt', level: 1 }).waitFor();
    expect(await imh.page.getByRole('alert').textContent()).toContain(
      'De ouder heeft de toestemming ingetrokken',
    );
    expect(await imh.page.getByText('Ouder en kind lopen vast').count()).toBe(0);
    await snap(imh.page, 'portal-42-imh-blocked');
    const api = await imh.page.request.get(`/api/intake/${referralId}`);
    expect(api.status()).toBe(403);
    expect(((await api.json()) as { reason?: string }).reason).toBe('consent_withdrawn');

    // The nurse's file shows the referral's consent as withdrawn.
    await nurse.page.goto(`/families/${familyId}`);
    await nurse.page
      .getByText(/Toestemming ingetrokken op .*: er wordt niets meer gedeeld\./)
      .first()
      .waitFor();

    expectNoProblems(parent);
    expectNoProblems(imh);
    expectNoProblems(nurse);
    await parent.context.close();
    await imh.context.close();
    await nurse.context.close();
  });
});
