import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { isoDate } from './browser.ts';

async function csrf(page: Page): Promise<string> {
  const response = await page.request.get('/api/session');
  expect(response.ok(), 'a session is needed to set up data').toBe(true);
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

export interface SentReferral {
  familyId: string;
  referralId: string;
}

/**
 * Through the API as the logged-in nurse: a new family with a child of `ageMonths`, a finished contact that
 * meets two referral criteria, and a referral with the mother's consent sent via Nestwerk to the partner of
 * `partnerKind` — so a receiver's queue has an item no other test touches.
 */
export async function sendReferralViaApi(
  page: Page,
  options: { name: string; ageMonths: number; partnerKind: string; municipality: string; postcode: string },
): Promise<SentReferral> {
  const headers = { 'x-csrf-token': await csrf(page) };
  const birthDate = isoDate(-Math.round((options.ageMonths + 0.5) * 30.44));
  const created = await page.request.post('/api/families', {
    headers,
    data: {
      name: options.name,
      postcode: options.postcode,
      municipality: options.municipality,
      children: [{ familyName: options.name, firstChild: true, givenName: 'Noor', birthDate }],
      caregivers: [{ givenName: 'Ann', familyName: options.name, role: 'mother', birthYear: 1992 }],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const family = (await created.json()) as {
    id: string;
    children: Array<{ id: string }>;
    caregivers: Array<{ id: string }>;
  };
  const partners = await page.request.get(`/api/partners?kind=${options.partnerKind}&limit=50`);
  expect(partners.ok(), await partners.text()).toBe(true);
  const partner = ((await partners.json()) as { items: Array<{ id: string; kind: string }> }).items.find(
    (p) => p.kind === options.partnerKind,
  );
  expect(partner, `a ${options.partnerKind} on the social map`).toBeDefined();
  const referral = await page.request.post(`/api/families/${family.id}/referrals`, {
    headers,
    data: {
      partnerId: partner?.id,
      childId: family.children[0]?.id,
      criteria: ['regulation_problems_persistent', 'parent_worry_or_overload_persistent'],
      imhReasons: ['regulation_problems', 'parental_stress_trauma_anxiety_depression'],
      interventions: ['imh_team'],
      reasonText: 'Ouder en kind lopen vast; mama vraagt om hulp.',
      referrerPhone: '09 000 11 00',
      consent: { givenBy: family.caregivers[0]?.id, purpose: 'Aanmelding bij het IMH-team' },
    },
  });
  expect(referral.status(), await referral.text()).toBe(201);
  const draft = (await referral.json()) as { id: string; version: number };
  const sent = await page.request.post(`/api/referrals/${draft.id}/send`, {
    headers,
    data: { version: draft.version, channel: 'nestwerk' },
  });
  expect(sent.ok(), await sent.text()).toBe(true);
  return { familyId: family.id, referralId: draft.id };
}
