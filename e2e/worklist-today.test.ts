import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFamily, uniqueName } from './support/api.ts';
import { expectNoProblems, isoDate, launch, login, open, snap, TABLET } from './support/browser.ts';
import { recordContact } from './support/family-setup.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('worklist: who to see today', () => {
  it('marks and filters the families due today, most urgent first, with the balance under the flags', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page);
    await page.waitForURL(/\/worklist/);
    const family = await createFamily(page, uniqueName('Vandaag'));
    // Two burdens and more strengths: cumulative risk by the guideline, but the balance says the rest.
    await recordContact(page, family, {
      followUpDue: isoDate(0),
      agreedBand: 'safe',
      factors: {
        low_social_support: 'present',
        frequent_moves: 'present',
        parent_mental_health: 'present',
        parenting_confidence: 'present',
        warm_authoritative_parenting: 'present',
        stable_sufficient_income: 'present',
        accepts_support: 'present',
        warm_family_climate: 'present',
        community_involvement: 'present',
        completed_education: 'present',
      },
    });

    await page.getByLabel('Vervolgafspraken').selectOption({ label: 'Vandaag' });
    await page.waitForURL(/due=today/);
    const rows = page.locator('table.worklist tbody tr');
    const row = rows.filter({ has: page.getByRole('link', { name: family.name, exact: true }) });
    await expect.poll(() => row.count()).toBe(1);
    // Every row the filter shows is due today, and says so (once the filtered page has replaced the full one).
    const today = (await (await page.request.get('/api/worklist?scope=mine&due=today&limit=25')).json()) as {
      items: unknown[];
    };
    await expect.poll(() => rows.count()).toBe(today.items.length);
    const count = await rows.count();
    for (let i = 0; i < count; i++) expect(await rows.nth(i).textContent()).toContain('vandaag');
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('2 belastend · 8 beschermend — draagkracht weegt zwaarder');
    expect(text).not.toContain('Cumulatief risico');
    expect(text).not.toContain('Veiligheidsroute');
    await snap(page, 'worklist-today');
    expectNoProblems(session);
    await session.context.close();
  });

  it('says "Veiligheidssignalen", never "Veiligheidsroute open", for signals without a route', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page);
    await page.waitForURL(/\/worklist/);
    const family = await createFamily(page, uniqueName('Signalen'));
    await recordContact(page, family, {
      followUpDue: isoDate(7),
      agreedBand: 'insecure',
      factors: { domestic_violence: 'present', parent_depression: 'present' },
    });
    await page.goto(`/worklist?q=${encodeURIComponent(family.name)}`);
    const row = page.locator('table.worklist tbody tr').filter({ hasText: family.name });
    await expect.poll(() => row.count()).toBe(1);
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('Veiligheidssignalen vastgelegd');
    expect(text).not.toContain('Veiligheidsroute');

    // The route opened, the worklist names it, and the family goes to the top of the list.
    const csrf = ((await (await page.request.get('/api/session')).json()) as { csrfToken: string }).csrfToken;
    const opened = await page.request.post(`/api/families/${family.id}/safety-route`, {
      headers: { 'x-csrf-token': csrf },
      data: { concerns: ['domestic_violence'] },
    });
    expect(opened.status()).toBe(201);
    await page.goto('/worklist');
    await page.locator('table.worklist tbody tr').first().waitFor();
    const list = (await (await page.request.get('/api/worklist?scope=mine&limit=25')).json()) as {
      items: Array<{ name: string; flags: { safety: boolean } }>;
    };
    const routes = list.items.filter((i) => i.flags.safety);
    expect(routes.map((i) => i.name)).toContain(family.name);
    expect(list.items.slice(0, routes.length).every((i) => i.flags.safety)).toBe(true);
    const top = page.locator('table.worklist tbody tr').filter({ hasText: family.name });
    await expect.poll(async () => (await top.textContent()) ?? '').toContain('Veiligheidsroute stap 1');
    expect(await top.textContent()).not.toContain('Veiligheidssignalen');
    await snap(page, 'worklist');
    expectNoProblems(session);
    await session.context.close();
  });

  it('fits a tablet: the Vandaag filter and the flags without sideways scrolling', async () => {
    const session = await open(browser, TABLET);
    const { page } = session;
    await login(page);
    await page.waitForURL(/\/worklist/);
    await page.locator('table.worklist tbody tr').first().waitFor();
    expect(await page.getByLabel('Vervolgafspraken').locator('option').allTextContents()).toContain(
      'Vandaag',
    );
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expectNoProblems(session);
    await session.context.close();
  });
});
