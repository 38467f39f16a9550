import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { worklistFamily } from './support/api.ts';
import { expectAccessible, expectNoProblems, launch, login, open, snap } from './support/browser.ts';
import { demoOverdueReferral, FLEMISH_NURSE, MANAGER } from './support/network.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('social map', () => {
  it('finds partners by offer and shows how to register a family and what is agreed', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page);
    await page.getByRole('link', { name: 'Sociale kaart' }).click();
    await page.waitForURL(/\/partners$/);
    await expect.poll(() => page.getByText(/^\d+ partners?$/).count()).toBe(1);
    await page.getByLabel('Aanbod (interventie)').selectOption('imh_team');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    const card = page.getByRole('article', { name: 'IMH-netwerk Veldland' });
    await expect.poll(() => card.count()).toBe(1);
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('Een gezin aanmelden');
    expect(text).toContain('Via Nestwerk');
    expect(text).toContain('Terugkoppeling binnen 10 dagen');
    expect(text).toContain('Bereikbaarheid: Maandag tot en met vrijdag');
    // A nurse does not manage the map.
    expect(await page.getByText('Beheer van de sociale kaart').count()).toBe(0);
    await expectAccessible(page, 'social map');
    await snap(page, '50-social-map');
    expectNoProblems(session);
    await session.context.close();
  });

  it('lets the application manager check a CSV import with a report of rejected rows, and export', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page, MANAGER);
    await page.goto('/partners');
    await page.getByRole('heading', { name: 'Beheer van de sociale kaart' }).waitFor();
    const exportLink = page.getByRole('link', { name: 'Exporteren naar CSV' });
    expect(await exportLink.getAttribute('href')).toBe('/api/partners/export');
    const exported = await page.request.get('/api/partners/export');
    expect(exported.ok()).toBe(true);
    const header = (await exported.text()).split('\n')[0] ?? '';
    const csv = [
      header,
      ['', 'Praktijk Proef', 'gp', 'nl', 'Veldland', 'Utrecht', '', '', '030 000 0000'],
      ['', '', 'no_such_kind', 'nl', 'Veldland', 'Utrecht'],
    ]
      .map((row) => (Array.isArray(row) ? fill(row, header) : row))
      .join('\n');
    await page.getByLabel('CSV-bestand').setInputFiles({
      name: 'partners.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    await page.getByRole('button', { name: 'Controleren (niets opslaan)' }).click();
    await expect.poll(() => page.getByText(/Controle: er is nog niets opgeslagen/).count()).toBe(1);
    const rejected = page.getByRole('table', { name: 'Afgewezen rijen' });
    await expect.poll(() => rejected.count()).toBe(1);
    expect(await rejected.getByRole('row').count()).toBeGreaterThan(1);
    expect(await rejected.textContent()).toMatch(/3/);
    await expectAccessible(page, 'social map import report');
    await snap(page, '51-social-map-import');
    expectNoProblems(session);
    await session.context.close();
  });
});

/** A CSV row with as many cells as the header (separator as in the export). */
function fill(cells: string[], header: string): string {
  const sep = header.includes(';') ? ';' : ',';
  const count = header.split(sep).length;
  return [...cells, ...Array(Math.max(0, count - cells.length)).fill('')].join(sep);
}

describe('worklist flags of the network', () => {
  it('shows the overdue-feedback flag on the worklist', async () => {
    // The demo's referral whose feedback date has passed (the API cannot make one: sending sets the date ahead).
    const session = await open(browser);
    const { page } = session;
    await login(page);
    const overdue = await demoOverdueReferral(page);
    await page.goto('/worklist');
    // Anchored: another family's name may contain this one (a double surname).
    const row = page.getByRole('row', { name: new RegExp(`^${escapeRegExp(overdue.familyName)}`) });
    const flag =
      overdue.overdue === 1 ? 'Terugkoppeling te laat' : `Terugkoppeling te laat (${overdue.overdue})`;
    await expect.poll(() => row.textContent()).toContain(flag);
    await expectAccessible(page, 'worklist with overdue feedback');
    await snap(page, '52-worklist-feedback-overdue');
    expectNoProblems(session);
    await session.context.close();
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('safety route', () => {
  it('guides a Flemish nurse through the Vertrouwenscentrum route, visible on the worklist', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page, FLEMISH_NURSE);
    const family = await worklistFamily(page, 0);
    await page.goto(`/families/${family.id}`);
    const panel = page.getByTestId('safety-route');
    await panel.waitFor();
    expect(await panel.textContent()).toContain('Vertrouwenscentrum Kindermishandeling');
    await panel.getByRole('button', { name: 'Veiligheidsroute starten' }).click();
    await panel.getByRole('checkbox', { name: 'Verwaarlozing' }).check();
    await panel.getByRole('button', { name: 'Veiligheidsroute starten' }).click();
    await expect.poll(() => panel.getByText('Veiligheidsroute open, stap 1 van 5').count()).toBe(1);
    expect(await panel.getByRole('heading', { level: 2 }).textContent()).toBe(
      'Veiligheidsroute: Vertrouwenscentrum Kindermishandeling',
    );
    await panel
      .getByLabel('Notities bij stap 1')
      .fill('Blauwe plekken gezien op de bovenarm; moeder vertelt over vallen.');
    await panel.getByRole('button', { name: 'Stap 1 vastleggen' }).click();
    await expect.poll(() => panel.getByText('Veiligheidsroute open, stap 2 van 5').count()).toBe(1);
    await expectAccessible(page, 'family file with an open safety route');
    await snap(page, '55-safety-route-flanders');

    // Its state shows on the worklist.
    await page.goto(`/worklist?q=${encodeURIComponent(family.name)}`);
    const row = page.getByRole('row', { name: new RegExp(escapeRegExp(family.name)) });
    await expect.poll(() => row.textContent()).toContain('Veiligheidsroute stap 2');
    await snap(page, '56-worklist-safety-route');

    await page.goto(`/families/${family.id}`);
    await panel.waitFor();
    await panel.getByRole('checkbox', { name: 'Het Vertrouwenscentrum Kindermishandeling' }).check();
    await panel.getByLabel('Notities bij stap 2').fill('Overlegd met het team en het Vertrouwenscentrum.');
    await panel.getByRole('button', { name: 'Stap 2 vastleggen' }).click();
    await panel.getByLabel('Notities bij stap 3').waitFor();
    await panel.getByLabel('Notities bij stap 3').fill('Gesprek met moeder; ze wil hulp zoeken.');
    await panel.getByRole('button', { name: 'Stap 3 vastleggen' }).click();
    // Step 4: the five questions before professional secrecy is broken.
    await panel.getByLabel('Notities bij stap 4').waitFor();
    for (const [label, answer] of [
      [/bereiken door deze informatie te delen/, 'Veiligheid van het kind.'],
      [/zonder de informatie te delen/, 'Nee.'],
      [/toestemming van de gezinsleden/, 'Ja, moeder stemt in met hulp.'],
      [/zwaarder dan het belang/, 'Ja.'],
      [/Wie heeft de informatie echt nodig/, 'Signalen, met het Vertrouwenscentrum.'],
    ] as const) {
      await panel.getByLabel(label).fill(answer);
    }
    await panel.getByLabel('Notities bij stap 4').fill('Beroepsgeheim niet doorbroken: moeder werkt mee.');
    await panel.getByRole('button', { name: 'Stap 4 vastleggen' }).click();
    await panel.getByLabel('Notities bij stap 5').waitFor();
    await panel.getByRole('checkbox', { name: 'Hulp organiseren' }).check();
    await panel.getByLabel('Notities bij stap 5').fill('Hulp georganiseerd; wij blijven betrokken.');
    await panel.getByRole('button', { name: 'Stap 5 vastleggen' }).click();
    await expect.poll(() => panel.getByText('Veiligheidsroute afgesloten').count()).toBe(1);
    await snap(page, '57-safety-route-flanders-closed');
    expectNoProblems(session);
    await session.context.close();
  });
});
