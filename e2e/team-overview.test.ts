import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectNoProblems, launch, login, open, snap } from './support/browser.ts';

const LEAD = 'teamleider@demo.nestwerk.test';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A session of the team lead, on `path`. */
async function leadAt(path: string) {
  const session = await open(browser);
  await login(session.page, LEAD);
  await session.page.goto(path);
  return session;
}

describe('team lead overview', () => {
  it('shows caseload per nurse and drills down from a nurse into one family', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page, LEAD);
    await page.getByRole('link', { name: 'Teamoverzicht' }).click();
    await page.waitForURL(/\/team/);
    const nurses = page.locator('section[aria-labelledby="team-nurses"] tbody tr');
    await expect.poll(() => nurses.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expectAccessible(page, 'team overview');
    await snap(page, '41-team-overview');

    // Drill down: the first nurse with a caseload, then one of their families.
    const button = page.getByRole('button', { name: /^Toon de gezinnen van / }).first();
    const label = (await button.getAttribute('aria-label')) ?? '';
    const name = label.replace(/^Toon de gezinnen van /, '');
    await button.click();
    await page.waitForURL(/nurse=/);
    await expect.poll(() => page.getByText(`Gezinnen van ${name}`).count()).toBeGreaterThan(0);
    const families = page.locator('section[aria-labelledby="team-families"] tbody tr');
    await expect.poll(() => families.count()).toBeGreaterThan(0);
    for (let i = 0; i < (await families.count()); i++)
      expect(await families.nth(i).locator('td').first().textContent()).toContain(name);
    await snap(page, '42-team-overview-nurse');

    const family = families.first().locator('th a');
    const familyName = (await family.textContent()) ?? '';
    await family.click();
    await page.waitForURL(/\/families\/[0-9a-f-]{36}/);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(familyName);
    expectNoProblems(session);
    await session.context.close();
  });

  it('on the worklist, a team lead without families of their own is offered the team’s', async () => {
    const session = await leadAt('/worklist');
    const { page } = session;
    const empty = page.getByTestId('worklist-empty');
    await expect.poll(() => empty.textContent()).toContain('Er zijn (nog) geen gezinnen aan jou toegewezen.');
    await expectAccessible(page, 'empty worklist of a team lead');
    await empty.getByRole('button', { name: 'Bekijk de gezinnen van je team' }).click();
    await page.waitForURL((url) => url.searchParams.get('scope') === 'team');
    await expect.poll(() => page.locator('table.worklist tbody tr').count()).toBeGreaterThan(0);
    expect(await page.getByRole('radio', { name: 'Gezinnen van mijn team' }).isChecked()).toBe(true);
    expectNoProblems(session);
    await session.context.close();
  });

  it('filters the families by a flag', async () => {
    const session = await leadAt('/team?flag=overdue');
    const { page } = session;
    const families = page.locator('section[aria-labelledby="team-families"]');
    await expect.poll(() => families.getByText(/Afspraak te laat/).count()).toBeGreaterThan(0);
    const rows = families.locator('tbody tr');
    for (let i = 0; i < (await rows.count()); i++)
      expect(await rows.nth(i).locator('.badge--danger').count()).toBeGreaterThan(0);
    await session.context.close();
  });
});
