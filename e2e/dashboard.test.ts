import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAccessible,
  expectNoProblems,
  launch,
  login,
  open,
  sidewaysScroll,
  snap,
} from './support/browser.ts';

const ANALYST = 'gemeente@demo.nestwerk.test';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('municipal dashboard', () => {
  it('shows the analyst charts with a table beside each, and exports the same figures as CSV', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page, ANALYST);
    await page
      .getByRole('navigation', { name: /hoofdmenu|main/i })
      .getByRole('link', { name: 'Dashboard' })
      .click();
    await page.waitForURL(/\/dashboard/);
    await expect
      .poll(() => page.getByRole('heading', { name: 'Gemeentelijk dashboard', level: 1 }).count())
      .toBe(1);
    const tables = page.locator('table.figure-table');
    await expect.poll(() => tables.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.locator('figure.bar-chart svg[role="img"]').count()).toBeGreaterThan(0);
    // Every chart has its table in the same card.
    const cards = page.locator('.dashboard-card');
    for (let i = 0; i < (await cards.count()); i++) {
      const card = cards.nth(i);
      if ((await card.locator('svg').count()) > 0) expect(await card.locator('table').count()).toBe(1);
    }
    // No published count lies between 1 and 9 anywhere on the page.
    const cellTexts = await page.locator('table.figure-table td.num').allTextContents();
    expect(cellTexts.map((c) => c.trim()).filter((c) => /^[1-9]$/.test(c))).toEqual([]);
    expect(await page.content()).not.toMatch(UUID);
    // A table wider than its card scrolls inside the card; the page itself does not scroll sideways.
    expect(await sidewaysScroll(page), 'the dashboard scrolls sideways').toBeLessThanOrEqual(0);
    await expectAccessible(page, 'dashboard');
    await snap(page, '40-dashboard');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Exporteer als CSV' }).click(),
    ]);
    const path = await download.path();
    const csv = readFileSync(path, 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe('indicator,period,row,column,count,suppressed,days');
    expect(lines.length).toBeGreaterThan(1);
    const countColumn = lines.slice(1).map((l) => l.split(',')[4] ?? '');
    expect(countColumn.filter((c) => /^[1-9]$/.test(c))).toEqual([]);
    expect(csv).not.toMatch(UUID);

    // A bad range is refused at the field, in Dutch.
    await page.getByLabel('Vanaf maand').fill('2026-06');
    await page.getByLabel('Tot en met maand').fill('2026-01');
    await page.getByRole('button', { name: 'Toon cijfers' }).click();
    await expect.poll(() => page.getByText('De eindmaand ligt voor de beginmaand').count()).toBe(1);
    expectNoProblems(session);
    await session.context.close();
  });

  it('refuses the analyst every family screen', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page, ANALYST);
    const res = await page.request.get('/api/worklist');
    expect(res.status()).toBe(403);
    await session.context.close();
  });
});
