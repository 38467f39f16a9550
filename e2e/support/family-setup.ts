import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { CreatedFamily } from './api.ts';
import { isoDate } from './browser.ts';

/** A final contact recorded through the API, with factors, an agreed estimate and a follow-up. */
export async function recordContact(
  page: Page,
  family: CreatedFamily,
  options: {
    factors?: Record<string, 'present' | 'absent'>;
    agreedBand?: 'safe' | 'insecure' | 'problematic_suspected' | 'unclear' | null;
    followUpDue: string;
    text?: string;
    /** The contact's day; yesterday unless given. */
    date?: string;
  },
): Promise<void> {
  const session = (await (await page.request.get('/api/session')).json()) as { csrfToken: string };
  const response = await page.request.post(`/api/families/${family.id}/contacts`, {
    headers: { 'x-csrf-token': session.csrfToken },
    data: {
      childId: family.childId,
      type: 'consult',
      date: options.date ?? isoDate(-1),
      status: 'final',
      cues: {},
      factors: Object.fromEntries(
        Object.entries(options.factors ?? {}).map(([code, value]) => [code, { value, reportedBy: 'parent' }]),
      ),
      criteria: {},
      agreedBand: options.agreedBand ?? null,
      agreement: {
        text: options.text ?? 'Terugkomen op het slapen',
        nextTopicPermission: false,
        extraContact: true,
        followUpDue: options.followUpDue,
      },
    },
  });
  expect(response.status(), await response.text()).toBe(201);
}
