import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { isoDate } from './browser.ts';

/** Setting up test data through the same HTTP API the app uses, with the page's own session. */
export async function csrf(page: Page): Promise<string> {
  const response = await page.request.get('/api/session');
  expect(response.ok(), 'a session is needed to set up data').toBe(true);
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

export interface CreatedFamily {
  id: string;
  name: string;
  childId: string;
}

export async function createFamily(
  page: Page,
  name: string,
  child: { givenName: string; birthDate?: string; dueDate?: string } = {
    givenName: 'Mila',
    birthDate: isoDate(-14 * 30.5),
  },
): Promise<CreatedFamily> {
  const response = await page.request.post('/api/families', {
    headers: { 'x-csrf-token': await csrf(page) },
    data: {
      name,
      postcode: '3511 AB',
      municipality: 'Utrecht',
      children: [{ familyName: name, firstChild: true, ...child }],
      caregivers: [{ givenName: 'Lotte', familyName: name, role: 'mother', birthYear: 1994 }],
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  const family = (await response.json()) as { id: string; children: Array<{ id: string }> };
  return { id: family.id, name, childId: family.children[0]?.id ?? '' };
}

export async function createDraftContact(page: Page, family: CreatedFamily): Promise<string> {
  const response = await page.request.post(`/api/families/${family.id}/contacts`, {
    headers: { 'x-csrf-token': await csrf(page) },
    data: {
      childId: family.childId,
      type: 'consult',
      date: isoDate(0),
      status: 'draft',
      cues: {},
      factors: {},
      criteria: {},
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { contact: { id: string } }).contact.id;
}

export async function getContact(
  page: Page,
  id: string,
): Promise<{ contact: { cues: Record<string, true>; version: number } }> {
  const response = await page.request.get(`/api/contacts/${id}`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as { contact: { cues: Record<string, true>; version: number } };
}

export function uniqueName(prefix: string): string {
  return `${prefix} ${Date.now().toString(36).slice(-5)}`;
}

/** A family from the demo data on the user's own worklist (the team's physician can see it too). */
export async function worklistFamily(page: Page, index = 0): Promise<CreatedFamily> {
  const response = await page.request.get('/api/worklist?scope=mine&limit=20');
  expect(response.ok()).toBe(true);
  const list = (await response.json()) as {
    items: Array<{
      familyId: string;
      name: string;
      children: Array<{ id: string; birthDate: string | null }>;
    }>;
  };
  const born = list.items.filter((f) => f.children.some((c) => c.birthDate));
  const item = born[index];
  if (!item) throw new Error('no family with a born child on the worklist');
  const child = item.children.find((c) => c.birthDate);
  return { id: item.familyId, name: item.name, childId: child?.id ?? '' };
}
