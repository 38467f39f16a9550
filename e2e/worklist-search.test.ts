import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFamily } from './support/api.ts';
import { expectNoProblems, launch, login, open } from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('worklist search', () => {
  it('ignores case and diacritics, takes dates as dd-mm-jjjj, and its hint says so', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page);
    await page.waitForURL(/\/worklist/);
    const suffix = Date.now().toString(36).slice(-5);
    const family = await createFamily(page, `Koç ${suffix}`, { givenName: 'Zoë', birthDate: '2025-03-14' });
    const hint = (await page.locator('#worklist-q-hint').textContent()) ?? '';
    expect(hint).toContain('14-03-2025');
    expect(hint).toContain('Zoë');

    const search = async (q: string) => {
      // The previous list stays in view, marked busy, until the answer to this search is there.
      const answered = page.waitForResponse(
        (r) => r.url().includes('/api/worklist') && new URL(r.url()).searchParams.get('q') === q,
      );
      await page.getByLabel('Zoeken op naam of geboortedatum').fill(q);
      await page.getByRole('button', { name: 'Zoeken' }).click();
      await page.waitForURL((url) => url.searchParams.get('q') === q);
      await answered;
      await page.locator('.worklist-results[aria-busy="false"]').waitFor();
      const rows = page.locator('table.worklist tbody tr, .empty');
      await rows.first().waitFor();
      return page.locator('table.worklist tbody tr').filter({ hasText: family.name }).count();
    };
    expect(await search(`koc ${suffix}`)).toBe(1);
    expect(await search(`KOC ${suffix}`)).toBe(1);
    expect(await search(`zoe koç ${suffix}`)).toBe(1);
    expect(await search('14-03-2025')).toBe(1);
    expect(await search('14/3/2025')).toBe(1);
    expect(await search('2025-03-14')).toBe(1);
    expectNoProblems(session);
    await session.context.close();
  });
});
