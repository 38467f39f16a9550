import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFamily, uniqueName } from './support/api.ts';
import { expectAccessible, expectNoProblems, isoDate, launch, login, open, snap } from './support/browser.ts';
import { recordContact } from './support/family-setup.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The top of each region, in document order, to check what comes first. */
async function panelOrder(page: import('playwright-core').Page): Promise<string[]> {
  return page.locator('main section.panel > h2').allTextContents();
}

describe('family file: how the family is doing first', () => {
  it('opens on the agreed estimate, the balance with its factors and what is open; the safety route compact', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page);
    const family = await createFamily(page, uniqueName('Overzicht'));
    await recordContact(page, family, {
      followUpDue: isoDate(14),
      agreedBand: 'safe',
      text: 'Samen het slaapritueel proberen',
      factors: { low_social_support: 'present', parenting_confidence: 'present' },
    });
    await page.goto(`/families/${family.id}`);
    const summary = page.getByTestId('family-summary');
    await summary.waitFor();
    await expect.poll(() => summary.textContent()).toContain('weinig steun van familie');

    const order = await panelOrder(page);
    expect(order[0]).toBe('Hoe het gaat en wat er openstaat');
    expect(order[1]).toBe('Veiligheidsroute');
    const text = (await summary.textContent()) ?? '';
    expect(text).toContain('Samen afgesproken bij het laatste contact');
    expect(text).toContain('Veilig');
    expect(text).toMatch(/1 belemmerende factor: /);
    expect(text).toMatch(/1 beschermende factor: /);
    expect(text).toContain('1 open afspraak');
    expect(text).toContain('Samen het slaapritueel proberen');
    expect(text).toContain('Volgende afspraak');
    expect(await page.getByTestId('family-status').textContent()).toContain('Samen afgesproken: Veilig');

    // The safety route: compact, not red, one click from its form.
    const safety = page.getByTestId('safety-route');
    expect(await safety.getAttribute('class')).toContain('safety-route--compact');
    const start = safety.getByRole('button', { name: 'Veiligheidsroute starten' });
    expect(await start.getAttribute('class')).not.toContain('button--danger');
    await expectAccessible(page, 'family file summary');
    await snap(page, 'family');
    await start.click();
    await expect.poll(() => safety.getByRole('checkbox', { name: 'Verwaarlozing' }).count()).toBe(1);
    expectNoProblems(session);
    await session.context.close();
  });

  it('leads with the safety route when signals were recorded at the last contact', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page);
    const family = await createFamily(page, uniqueName('Signaal'));
    await recordContact(page, family, {
      followUpDue: isoDate(7),
      agreedBand: 'insecure',
      factors: { domestic_violence: 'present' },
    });
    await page.goto(`/families/${family.id}`);
    await page.getByTestId('family-summary').waitFor();
    const order = await panelOrder(page);
    expect(order[0]).toBe('Veiligheidsroute');
    expect(order[1]).toBe('Hoe het gaat en wat er openstaat');
    expect(await page.getByTestId('safety-route').getAttribute('class')).not.toContain('compact');
    await snap(page, 'family-signals');
    expectNoProblems(session);
    await session.context.close();
  });
});

describe('family file: agreements', () => {
  it('lists the open follow-up first, then the finished ones from the latest', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page);
    const family = await createFamily(page, uniqueName('Afspraken'));
    // A year of contacts: two finished follow-ups, then the one still open.
    await recordContact(page, family, {
      date: isoDate(-400),
      followUpDue: isoDate(-350),
      text: 'Eerste afspraak',
      agreedBand: 'safe',
    });
    await recordContact(page, family, {
      date: isoDate(-200),
      followUpDue: isoDate(-150),
      text: 'Tweede afspraak',
      agreedBand: 'safe',
    });
    await recordContact(page, family, {
      date: isoDate(-1),
      followUpDue: isoDate(21),
      text: 'Open afspraak',
      agreedBand: 'safe',
    });
    const csrf = ((await (await page.request.get('/api/session')).json()) as { csrfToken: string }).csrfToken;
    const file = (await (await page.request.get(`/api/families/${family.id}`)).json()) as {
      agreements: Array<{ id: string; text: string; status: string; version: number }>;
    };
    for (const a of file.agreements.filter((x) => x.text !== 'Open afspraak' && x.status === 'open')) {
      const done = await page.request.patch(`/api/agreements/${a.id}`, {
        headers: { 'x-csrf-token': csrf },
        data: { version: a.version, status: 'done' },
      });
      expect(done.status(), await done.text()).toBe(200);
    }

    await page.goto(`/families/${family.id}`);
    const agreements = page.getByRole('region', { name: 'Afspraken en vervolg' });
    await agreements.getByText('Open afspraak').waitFor();
    const items = await agreements.getByRole('listitem').allTextContents();
    const order = ['Open afspraak', 'Tweede afspraak', 'Eerste afspraak'].map((text) =>
      items.findIndex((item) => item.includes(text)),
    );
    expect(order).toEqual([0, 1, 2]);
    expect(await agreements.getByRole('button', { name: 'Markeer als afgerond' }).count()).toBe(1);
    await snap(page, 'family-agreements-order');
    expectNoProblems(session);
    await session.context.close();
  });
});
