import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectNoProblems, launch, login, open, snap, tabTo } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Item {
  familyId: string;
  name: string;
  children: Array<{ birthDate: string | null }>;
}

describe('worklist', () => {
  it('lists my and my team’s families with follow-ups and flags, searchable and paged', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page);
    await page.waitForURL(/\/worklist/);
    const rows = page.locator('table.worklist tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    await expectAccessible(page, 'worklist');
    await snap(page, '05-worklist');

    await page.getByRole('radio', { name: 'Gezinnen van mijn team' }).check();
    await page.waitForURL(/scope=team/);
    const team = (await (await page.request.get('/api/worklist?scope=team&limit=25')).json()) as {
      items: Item[];
      total: number;
    };
    await expect.poll(() => page.getByText(`${team.total} gezinnen`).count()).toBe(1);
    if (team.total > 25) {
      await page.getByRole('button', { name: 'Volgende pagina' }).click();
      await page.waitForURL(/offset=25/);
      await expect
        .poll(() => page.getByText(`26–${Math.min(50, team.total)} van ${team.total}`).count())
        .toBe(1);
      await page.getByRole('button', { name: 'Vorige pagina' }).click();
      await page.waitForURL((url) => !url.search.includes('offset'));
    }

    await page.getByLabel('Vervolgafspraken').selectOption('overdue');
    await page.waitForURL(/due=overdue/);
    await expect
      .poll(async () => (await rows.count()) === 0 || (await page.getByText('te laat').count()) > 0)
      .toBe(true);
    await page.getByLabel('Vervolgafspraken').selectOption('all');

    // Search by name and by birth date.
    const first = team.items[0];
    expect(first).toBeDefined();
    if (!first) return;
    const surname = first.name.split(' / ')[0] ?? first.name;
    await page.getByLabel('Zoeken op naam of geboortedatum').fill(surname);
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await expect.poll(() => page.getByRole('link', { name: first.name }).count()).toBeGreaterThan(0);
    const birthDate = first.children.find((c) => c.birthDate)?.birthDate;
    if (birthDate) {
      await page.getByLabel('Zoeken op naam of geboortedatum').fill(birthDate);
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`q=${birthDate}`));
      await expect.poll(() => page.getByRole('link', { name: first.name }).count()).toBeGreaterThan(0);
    }
    await snap(page, '06-worklist-search');

    // Keyboard: reach the family with Tab and open it with Enter.
    await tabTo(page, first.name);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/families/${first.familyId}`));
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(first.name);
    await expectAccessible(page, 'family file');
    await snap(page, '07-family-file');
    expectNoProblems(session);
    await session.context.close();
  });

  it('a page past the end (a bookmark, a caseload that shrank) shows the last page, and Back skips it', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page);
    await page.waitForURL(/\/worklist/);
    const { total } = (await (await page.request.get('/api/worklist?scope=team&limit=25')).json()) as {
      total: number;
    };
    expect(total).toBeGreaterThan(0);
    const last = Math.floor((total - 1) / 25) * 25;
    await page.goto(`/worklist?scope=team&offset=${last + 1000}`);
    await page.waitForURL((url) => url.search === `?scope=team${last > 0 ? `&offset=${last}` : ''}`);
    const rows = page.locator('table.worklist tbody tr');
    await expect.poll(() => rows.count()).toBe(total - last);
    expect(await page.getByText('Geen gezinnen gevonden.').count()).toBe(0);
    // The address past the end was replaced: Back goes to the list before it.
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/worklist' && !url.search.includes('scope=team'));
    expectNoProblems(session);
    await session.context.close();
  });
});
