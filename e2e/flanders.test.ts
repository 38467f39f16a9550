import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueName } from './support/api.ts';
import { expectAccessible, expectNoProblems, isoDate, launch, login, open, snap } from './support/browser.ts';
import { FLEMISH_NURSE } from './support/network.ts';

const FLEMISH_IMH = 'imh.be@demo.nestwerk.test';
const FLEMISH_TEAM_LEAD = 'teamverantwoordelijke.be@demo.nestwerk.test';
const FLEMISH_ANALYST = 'gemeente.be@demo.nestwerk.test';
const CGG_TEAM = 'CGG baby- en peuterteam Scheldeland';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function csrf(page: Page): Promise<string> {
  return ((await (await page.request.get('/api/session')).json()) as { csrfToken: string }).csrfToken;
}

/** A Flemish family in Gent with a baby of ten months, registered by the logged-in Flemish nurse. */
async function flemishFamily(page: Page, name: string): Promise<{ id: string; childId: string }> {
  const response = await page.request.post('/api/families', {
    headers: { 'x-csrf-token': await csrf(page) },
    data: {
      name,
      postcode: '9000',
      municipality: 'Gent',
      children: [{ familyName: name, firstChild: true, givenName: 'Lotte', birthDate: isoDate(-305) }],
      caregivers: [{ givenName: 'Els', familyName: name, role: 'mother', birthYear: 1995 }],
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  const family = (await response.json()) as { id: string; children: Array<{ id: string }> };
  return { id: family.id, childId: family.children[0]?.id ?? '' };
}

/**
 * Words that belong to the Dutch system and must not reach a Flemish nurse's screen. Not "consultatiebureau":
 * Kind en Gezin runs consultatiebureaus too.
 */
const DUTCH_ONLY = [/Veilig Thuis/, /JGZ-verpleegkundige/, /Meldcode/];

async function expectFlemish(page: Page, where: string): Promise<void> {
  const text = (await page.locator('main').textContent()) ?? '';
  for (const word of DUTCH_ONLY) expect(text, `${where}: ${word}`).not.toMatch(word);
}

describe('a day in Flanders', () => {
  it('the Flemish nurse refers to the CGG baby- en peuterteam, which takes it in and reports back', async () => {
    const nurse = await open(browser);
    const n = nurse.page;
    await login(n, FLEMISH_NURSE);
    // Worklist, in Flemish wording, with the nurse's own Flemish families.
    await n.waitForURL(/\/worklist/);
    await n.getByRole('columnheader', { name: 'Volgende opvolging' }).waitFor();
    expect(await n.locator('html').getAttribute('lang')).toBe('nl-BE');
    await expectFlemish(n, 'worklist');
    await snap(n, '80-flanders-worklist');

    const name = uniqueName('Vermeulen');
    const family = await flemishFamily(n, name);
    await n.goto(`/worklist?q=${encodeURIComponent(name)}`);
    const row = n.getByRole('row', { name: new RegExp(name) });
    await expect.poll(() => row.count()).toBe(1);
    await row.getByRole('link').first().click();
    await n.waitForURL(new RegExp(`/families/${family.id}`));
    await n.getByRole('heading', { level: 1, name: new RegExp(name) }).waitFor();
    await expectFlemish(n, 'family file');
    await snap(n, '81-flanders-family');

    // A contact moment whose advice points to the IMH team.
    const created = await n.request.post(`/api/families/${family.id}/contacts`, {
      headers: { 'x-csrf-token': await csrf(n) },
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
    expect(created.status(), await created.text()).toBe(201);
    const contactId = ((await created.json()) as { contact: { id: string } }).contact.id;
    await n.goto(`/contacts/${contactId}`);
    const recommendation = n.getByTestId('recommendation-refer_outside');
    await expect.poll(() => recommendation.isVisible()).toBe(true);
    const advice = (await recommendation.textContent()) ?? '';
    // Flemish wording ("doorverwijzing", no "buiten de JGZ"), the IMH team and the Flemish IMH source.
    expect(advice).toContain('Bespreek met de ouders een doorverwijzing');
    expect(advice).not.toContain('buiten de JGZ');
    expect(advice).toContain('Baby-peuterteam (IMH)');
    expect(advice).toContain('IMH eerste 1000 dagen');
    // The Flemish contact types.
    expect(await n.getByRole('option', { name: 'Consultatie' }).count()).toBeGreaterThan(0);
    await expectFlemish(n, 'contact moment');
    await snap(n, '82-flanders-contact-advice');

    // The referral, with consent, to the Flemish IMH team on Nestwerk.
    await recommendation.getByRole('link', { name: 'Doorverwijzen', exact: true }).click();
    await n.waitForURL(/\/refer\?/);
    await n.getByRole('heading', { level: 1, name: 'Doorverwijzen', exact: true }).waitFor();
    expect(await n.getByText('Thema 4').count()).toBe(0);
    await n.getByRole('radio', { name: new RegExp(CGG_TEAM) }).waitFor();
    expect(await n.getByRole('radio', { name: /Veilig Thuis|IMH-netwerk Veldland/ }).count()).toBe(0);
    await n.getByRole('radio', { name: new RegExp(CGG_TEAM) }).check();
    await n
      .getByLabel('Reden in je eigen woorden')
      .fill('Mama voelt zich uitgeput; Lotte huilt veel. Mama vraagt hulp.');
    await n.getByLabel('Toestemming gegeven door').selectOption({ label: `Els ${name}` });
    await n.getByLabel('Voor welk doel').fill('Aanmelding bij het baby- en peuterteam');
    await expectFlemish(n, 'new referral');
    await snap(n, '83-flanders-referral-new');
    await n.getByRole('button', { name: 'Opslaan en voorbeeld bekijken' }).click();
    await n.waitForURL(/\/referrals\/[0-9a-f-]+$/);
    const referralId = new URL(n.url()).pathname.split('/').pop() ?? '';
    await n.getByRole('button', { name: 'Doorverwijzing versturen', exact: true }).click();
    await expect.poll(() => n.getByText('Status: Verstuurd').count()).toBe(1);
    await expectFlemish(n, 'referral');
    await snap(n, '84-flanders-referral-sent');

    // The CGG team: starts on its intake list, in Flemish wording.
    const team = await open(browser);
    const m = team.page;
    await login(m, FLEMISH_IMH);
    await m.waitForURL(/\/intake$/);
    await m.getByRole('heading', { level: 1, name: 'Intake: binnengekomen doorverwijzingen' }).waitFor();
    expect(await m.locator('html').getAttribute('lang')).toBe('nl-BE');
    const link = m.locator(`a[href="/intake/${referralId}"]`);
    await expect.poll(() => link.count()).toBe(1);
    const item = m.locator('tr', { has: link });
    expect(await item.textContent()).toContain('Kind en Gezin Scheldeland');
    expect(await item.textContent()).toContain('10 maanden');
    await expectAccessible(m, 'Flemish intake list');
    await snap(m, '85-flanders-intake-list');
    await link.click();
    await m.waitForURL(new RegExp(`/intake/${referralId}$`));
    const shared = m.getByTestId('shared-referral');
    await shared.waitFor();
    expect(await shared.textContent()).toContain('Mama voelt zich uitgeput');
    expect(await shared.textContent()).not.toContain(name);
    await m.getByRole('button', { name: 'Accepteren' }).click();
    await expect.poll(() => m.getByText('Status: Geaccepteerd').count()).toBe(1);
    await m
      .getByLabel('Terugkoppeling aan de doorverwijzer')
      .fill('Welkom; we komen volgende week op huisbezoek.');
    await m.getByRole('button', { name: 'Terugkoppeling versturen' }).click();
    await expect.poll(() => m.getByText('Terugkoppeling verstuurd.').count()).toBe(1);
    await expectAccessible(m, 'Flemish intake detail');
    await snap(m, '86-flanders-intake-detail');

    // Back at the nurse: the feedback is there.
    await n.reload();
    await expect.poll(() => n.getByText('Status: Geaccepteerd').count()).toBe(1);
    await expect
      .poll(() => n.getByTestId('referral-feedback').textContent())
      .toContain('we komen volgende week op huisbezoek');
    await snap(n, '87-flanders-feedback');
    expectNoProblems(nurse);
    expectNoProblems(team);
    await nurse.context.close();
    await team.context.close();
  });

  it('shows the Flemish nurse the Flemish offer, tips and social map, never the Dutch routes', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page, FLEMISH_NURSE);
    for (const [path, heading, shot] of [
      ['/interventions', 'Interventies', '88-flanders-interventions'],
      ['/partners', 'Sociale kaart', '89-flanders-social-map'],
      ['/tips', 'Tips', '89-flanders-tips'],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: new RegExp(heading) }).waitFor();
      await page.waitForLoadState('networkidle');
      await expectFlemish(page, path);
      await snap(page, shot);
    }
    expectNoProblems(session);
    await session.context.close();
  });

  it('Kind en Gezin has its own team lead: the team overview of the Flemish nurses, in Flemish wording', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page, FLEMISH_TEAM_LEAD);
    await page.waitForURL(/\/team/);
    const nurses = page.locator('section[aria-labelledby="team-nurses"] tbody tr');
    await expect.poll(() => nurses.count()).toBeGreaterThan(0);
    // Only Kind en Gezin's own people: the Flemish demo nurse, none of the Dutch organisation's.
    const names = (await nurses.locator('th').allTextContents()).join(' | ');
    expect(names).toContain('Lien Claes');
    expect(names).not.toContain('Sanne de Boer');
    expect(await page.getByRole('columnheader', { name: 'Opvolging te laat' }).count()).toBe(1);
    // The team's physicians are listed too: "medewerker", not "verpleegkundige".
    expect(await page.getByRole('columnheader', { name: 'Medewerker' }).count()).toBe(2);
    expect(await page.getByRole('button', { name: /\d+ dringende screenings?$/ }).count()).toBe(1);
    expect(await page.getByText(/teamverantwoordelijke/).count()).toBeGreaterThan(0);
    await expectFlemish(page, 'team overview');
    await expectAccessible(page, 'Flemish team overview');
    await snap(page, '89-flanders-team-overview');
    expectNoProblems(session);
    await session.context.close();
  });

  it('a Flemish local government sees the figures on Flanders: its municipalities and the Flemish routes', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page, FLEMISH_ANALYST);
    await page.waitForURL(/\/dashboard/);
    await expect
      .poll(() => page.locator('table.figure-table').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    expect(await page.getByLabel('Regio').inputValue()).toBe('be');
    const places = (
      await page.locator('table.figure-table').first().locator('tbody th').allTextContents()
    ).join();
    expect(places).toContain('Gent');
    expect(places).not.toMatch(/Veldland|Utrecht|Amersfoort/);
    // Referrals are counted by the Flemish kinds of partner, e.g. the CGG's baby- en peuterteam.
    expect(await page.getByRole('rowheader', { name: /CGG baby- en peuterteam/ }).count()).toBeGreaterThan(0);
    await expectFlemish(page, 'dashboard');
    await expectAccessible(page, 'Flemish dashboard');
    await snap(page, '90-flanders-dashboard');
    expectNoProblems(session);
    await session.context.close();
  });
});
