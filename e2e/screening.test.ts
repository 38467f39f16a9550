import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueName } from './support/api.ts';
import { expectAccessible, expectNoProblems, isoDate, launch, login, open, snap } from './support/browser.ts';

/** A Flemish demo nurse (Kind en Gezin): her organisation's region is `be`. */
const FLEMISH_NURSE = 'verpleegkundige.be@demo.nestwerk.test';
const TEAM_LEAD = 'teamleider@demo.nestwerk.test';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Parents {
  id: string;
  name: string;
  childId: string;
  caregivers: Array<{ id: string; givenName: string; role: string }>;
}

/** A family with a baby born six weeks ago, the postpartum screening moment, through the app's own API. */
async function familyAtSixWeeks(
  page: Page,
  name: string,
  caregivers: Array<{ givenName: string; role: 'mother' | 'father' }>,
  place = { postcode: '3511 AB', municipality: 'Utrecht' },
): Promise<Parents> {
  const session = await page.request.get('/api/session');
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const response = await page.request.post('/api/families', {
    headers: { 'x-csrf-token': csrfToken },
    data: {
      name,
      ...place,
      children: [{ givenName: 'Noor', familyName: name, firstChild: true, birthDate: isoDate(-42) }],
      caregivers: caregivers.map((c, i) => ({ ...c, familyName: name, birthYear: 1992 + i })),
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  const family = (await response.json()) as {
    id: string;
    children: Array<{ id: string }>;
    caregivers: Array<{ id: string; givenName: string; role: string }>;
  };
  return { id: family.id, name, childId: family.children[0]?.id ?? '', caregivers: family.caregivers };
}

const outcome = (page: Page) => page.getByTestId('screening-outcome');

async function answerWhooley(page: Page, first: 'ja' | 'nee', second: 'ja' | 'nee'): Promise<void> {
  const whooley = page.getByTestId('screening-whooley');
  await whooley
    .getByRole('group', { name: /neerslachtig, somber/ })
    .getByRole('radio', { name: first })
    .check();
  await whooley
    .getByRole('group', { name: /weinig zin in dingen/ })
    .getByRole('radio', { name: second })
    .check();
}

async function enterEpds(page: Page, total: number, item10: number): Promise<void> {
  await page.getByLabel('Totaalscore (0–30)').fill(String(total));
  await page.getByLabel('Score op vraag 10 (0–3)').fill(String(item10));
}

describe('perinatal screening of the parents', () => {
  it('a Flemish nurse screens a mother six weeks after birth: Whooley positive, then EPDS 14 → clinical assessment', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page, FLEMISH_NURSE);
    const family = await familyAtSixWeeks(
      page,
      uniqueName('Screening BE'),
      [{ givenName: 'Lien', role: 'mother' }],
      { postcode: '9000', municipality: 'Gent' },
    );
    const mother = family.caregivers[0];
    expect(mother?.givenName).toBe('Lien');

    // The worklist shows that a parent's screening is open, the family file names the moment and offers it.
    await page.goto(`/worklist?scope=mine&q=${encodeURIComponent(family.name)}`);
    const row = page.getByRole('row', { name: new RegExp(family.name) });
    await expect.poll(() => row.textContent()).toMatch(/Screening ouder open/);
    await snap(page, '59-worklist-screening-due');

    await page.goto(`/families/${family.id}`);
    const panel = page.getByTestId('parent-screenings');
    await expect
      .poll(() => panel.getByTestId('due-screening-due').textContent())
      .toMatch(/Zes weken na de geboorte/);
    await panel.getByRole('link', { name: /Lien \(moeder\) screenen/ }).click();
    await page.waitForURL(/\/screenings\/new/);
    await page.getByRole('heading', { level: 1, name: 'Screening van Lien (moeder)' }).waitFor();

    // EPDS: the licensed text is not shipped, and the page says so.
    expect(await page.getByTestId('epds-licence').textContent()).toMatch(/auteursrechtelijk beschermd/);

    await answerWhooley(page, 'ja', 'nee');
    await expect.poll(() => outcome(page).textContent()).toMatch(/Verder screenen/);
    expect(await outcome(page).textContent()).toMatch(/Screeningsuitslag, geen diagnose/);

    await enterEpds(page, 14, 0);
    await expect.poll(() => outcome(page).textContent()).toMatch(/Klinische beoordeling bespreken/);
    const text = (await outcome(page).textContent()) ?? '';
    expect(text).toMatch(/EPDS: 14 \(boven 13\)/);
    // The Flemish next step: the GP, the perinatal network or the CGG.
    expect(text).toMatch(/perinataal netwerk of het CGG/);
    expect(
      await outcome(page)
        .getByRole('link', { name: /Leidraad screening en detectie/ })
        .count(),
    ).toBeGreaterThan(0);
    expect(await page.getByTestId('urgent-flow').count()).toBe(0);
    await expectAccessible(page, 'screening form with a clinical-assessment outcome');
    await snap(page, '60-screening-mother-clinical');

    await page.getByRole('button', { name: 'Screening opslaan' }).click();
    await expect
      .poll(() => page.getByTestId('screening-saved').textContent())
      .toBe('2 vragenlijsten opgeslagen.');

    // Back in the family file: her latest result, and the moment is no longer due.
    await page.getByRole('link', { name: 'Terug naar het gezinsdossier' }).click();
    await page.waitForURL(new RegExp(`/families/${family.id}$`));
    const latest = page.getByTestId(`screening-latest-${mother?.id}`);
    await expect.poll(() => latest.textContent()).toMatch(/Klinische beoordeling bespreken/);
    expect(await panel.getByTestId('due-screening-due').count()).toBe(0);
    await expectAccessible(page, 'family file with a parent screening');
    await snap(page, '61-family-parent-screening');

    // The contact moment's advice carries it: a perinatal step naming the mother.
    await page.goto(`/families/${family.id}/contacts/new?child=${family.childId}`);
    const step = page.getByTestId('recommendation-perinatal_mental_health');
    await expect.poll(() => step.count()).toBeGreaterThan(0);
    expect(await step.first().textContent()).toMatch(/moeder/i);
    const card = page.getByTestId('parent-advice-0');
    expect(await card.textContent()).toMatch(/Klinische beoordeling bespreken/);
    await expectAccessible(page, 'contact moment with the mother’s screening');
    await snap(page, '62-contact-parent-screening');
    expectNoProblems(session);
    await session.context.close();
  });

  it('an EPDS item 10 answer opens the same-day flow, and the team lead is told once it is saved', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page);
    const family = await familyAtSixWeeks(page, uniqueName('Urgent'), [
      { givenName: 'Lotte', role: 'mother' },
    ]);
    const mother = family.caregivers[0];
    await page.goto(`/families/${family.id}/screenings/new?person=${mother?.id}`);
    await page.getByRole('heading', { level: 1 }).waitFor();

    await enterEpds(page, 6, 1);
    const flow = page.getByRole('alert').filter({ has: page.getByTestId('urgent-helpline') });
    await expect.poll(() => flow.count()).toBe(1);
    expect(await outcome(page).textContent()).toMatch(/Vandaag actie nodig/);
    const text = (await flow.textContent()) ?? '';
    expect(text).toMatch(/Vraag nu door/);
    expect(text).toMatch(/niet weggaan zonder plan/);
    expect(text).toMatch(/huisarts/);
    expect(await page.getByTestId('urgent-helpline').textContent()).toMatch(
      /113 Zelfmoordpreventie, 113 of 0800-0113/,
    );
    expect(await page.getByTestId('urgent-team-lead').textContent()).toMatch(/zodra je de screening opslaat/);
    await flow.getByRole('checkbox', { name: /Doorgevraagd/ }).check();
    await flow.getByRole('checkbox', { name: /Veiligheidsplan gemaakt/ }).check();
    expect(await flow.textContent()).toMatch(/2 van 4 stappen gedaan/);
    await expectAccessible(page, 'screening with the urgent flow');
    await snap(page, '63-screening-urgent-flow');

    await page.getByRole('button', { name: 'Screening opslaan' }).click();
    await expect
      .poll(() => page.getByTestId('urgent-team-lead').textContent())
      .toBe('De teamleider is geïnformeerd.');
    // The flow stays open after saving: the steps are not done because the form is.
    expect(await page.getByTestId('urgent-flow').count()).toBe(1);
    await snap(page, '64-screening-urgent-saved');
    expectNoProblems(session);
    await session.context.close();

    // The team lead sees it among the notifications, linked to the family file.
    const lead = await open(browser);
    await login(lead.page, TEAM_LEAD);
    await lead.page.goto('/notifications');
    const note = lead.page.getByRole('link', { name: /Urgente screeningsuitslag van een ouder/ }).first();
    await expect.poll(() => note.count()).toBe(1);
    expect(await note.getAttribute('href')).toBe(`/families/${family.id}`);
    await lead.context.close();
  });

  it('a father’s EPDS of 11 gives a clinical assessment for him alone', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page);
    const family = await familyAtSixWeeks(page, uniqueName('Vader'), [
      { givenName: 'Lotte', role: 'mother' },
      { givenName: 'Daan', role: 'father' },
    ]);
    const father = family.caregivers.find((c) => c.role === 'father');
    await page.goto(`/families/${family.id}/screenings/new?person=${father?.id}`);
    await page.getByRole('heading', { level: 1, name: 'Screening van Daan (vader)' }).waitFor();

    await enterEpds(page, 11, 0);
    await expect.poll(() => outcome(page).textContent()).toMatch(/Klinische beoordeling bespreken/);
    expect(await outcome(page).textContent()).toMatch(/de grens voor vaders en meeouders/);
    // The same score would not be a clinical outcome for the mother (cut-off above 13).
    await page.getByRole('radio', { name: 'Lotte (moeder)' }).check();
    await expect.poll(() => outcome(page).textContent()).toMatch(/Opnieuw screenen over 2 tot 4 weken/);
    await page.getByRole('radio', { name: 'Daan (vader)' }).check();
    await expect.poll(() => outcome(page).textContent()).toMatch(/Klinische beoordeling bespreken/);
    await page.getByRole('button', { name: 'Screening opslaan' }).click();
    await expect.poll(() => page.getByTestId('screening-saved').textContent()).toBe('Screening opgeslagen.');

    // In the contact moment the father has the result; the mother has none.
    await page.goto(`/families/${family.id}/contacts/new?child=${family.childId}`);
    const cards = family.caregivers.map((c, i) => [c.role, page.getByTestId(`parent-advice-${i}`)] as const);
    const fatherCard = cards.find(([role]) => role === 'father')?.[1];
    const motherCard = cards.find(([role]) => role === 'mother')?.[1];
    await expect.poll(() => fatherCard?.textContent()).toMatch(/Klinische beoordeling bespreken/);
    expect(await motherCard?.textContent()).toMatch(/Niet gescreend/);
    const step = page.getByTestId('recommendation-perinatal_mental_health');
    await expect.poll(() => step.count()).toBe(1);
    expect(await step.textContent()).toMatch(/vader/i);
    await snap(page, '65-contact-father-screening');

    // Per-parent factors: recorded for the father, his own in the balance; the mother's stay empty.
    await page.getByText('Ouder', { exact: true }).first().click();
    await page
      .getByTestId('factor-whose')
      .getByRole('radio', { name: /Daan \(vader\)/ })
      .check();
    // His positive screen already counts as one of his own hindering factors; a depression recorded for him is a second.
    expect(await fatherCard?.textContent()).toMatch(/1 belemmerend/);
    const depression = page.getByRole('group', { name: /Ouder is depressief/ }).first();
    await depression.getByRole('radio', { name: 'aanwezig' }).check();
    await expect.poll(() => fatherCard?.textContent()).toMatch(/2 belemmerend/);
    expect(await motherCard?.textContent()).toMatch(/Geen eigen factoren vastgelegd/);
    await expectAccessible(page, 'contact moment with per-parent factors');
    expectNoProblems(session);
    await session.context.close();
  });
});
