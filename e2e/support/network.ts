import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { type CreatedFamily, createFamily } from './api.ts';
import { isoDate } from './browser.ts';

export const IMH = 'imh@demo.nestwerk.test';
export const MANAGER = 'beheer@demo.nestwerk.test';
export const TEAM_LEAD = 'teamleider@demo.nestwerk.test';
/** The nurse of the Flemish demo organisation (Kind en Gezin Scheldeland). */
export const FLEMISH_NURSE = 'verpleegkundige.be@demo.nestwerk.test';

async function csrf(page: Page): Promise<string> {
  const response = await page.request.get('/api/session');
  expect(response.ok(), 'a session is needed to set up data').toBe(true);
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

/**
 * A new family whose (draft) contact meets two referral criteria: the advice then recommends referring to an
 * IMH team, which the demo social map offers through Nestwerk.
 */
export async function familyNeedingReferral(
  page: Page,
  name: string,
): Promise<CreatedFamily & { contactId: string }> {
  const family = await createFamily(page, name);
  const response = await page.request.post(`/api/families/${family.id}/contacts`, {
    headers: { 'x-csrf-token': await csrf(page) },
    data: {
      childId: family.childId,
      type: 'consult',
      date: isoDate(0),
      status: 'draft',
      cues: {},
      factors: {},
      criteria: { regulation_problems_persistent: true, parent_worry_or_overload_persistent: true },
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  const contactId = ((await response.json()) as { contact: { id: string } }).contact.id;
  return { ...family, contactId };
}

/** Unread notifications of the page's user, through the API. */
export async function unreadNotifications(page: Page): Promise<number> {
  const response = await page.request.get('/api/notifications');
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { unread: number }).unread;
}

export interface OverdueReferral {
  familyId: string;
  familyName: string;
  referralId: string;
  /** How many of the family's referrals are overdue, as the worklist counts them. */
  overdue: number;
}

/**
 * A referral of the signed-in nurse's caseload whose feedback date has passed without feedback, as the demo
 * makes one (packages/server/src/demo/network.ts): the API cannot, since sending sets the date ahead. Read
 * through the same API the worklist uses, so the flag under test is the server's own.
 */
export async function demoOverdueReferral(page: Page): Promise<OverdueReferral> {
  const worklist = await page.request.get('/api/worklist?scope=mine&limit=200');
  expect(worklist.status()).toBe(200);
  const { items } = (await worklist.json()) as {
    items: Array<{
      familyId: string;
      name: string;
      flags: { feedbackOverdue: boolean };
      overdueFeedback: number;
    }>;
  };
  const family = items.find((i) => i.flags.feedbackOverdue);
  expect(family, 'the demo gives the demo nurse a referral with overdue feedback').toBeDefined();
  if (!family) throw new Error('unreachable');
  const referrals = await page.request.get(`/api/families/${family.familyId}/referrals`);
  expect(referrals.status()).toBe(200);
  const overdue = (
    (await referrals.json()) as { items: Array<{ id: string; feedbackOverdue: boolean }> }
  ).items.find((r) => r.feedbackOverdue);
  expect(overdue, `${family.name} has the overdue referral its worklist row flags`).toBeDefined();
  return {
    familyId: family.familyId,
    familyName: family.name,
    referralId: overdue?.id ?? '',
    overdue: family.overdueFeedback,
  };
}
