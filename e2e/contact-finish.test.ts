import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CreatedFamily, createFamily, uniqueName } from './support/api.ts';
import {
  expectAccessible,
  expectNoProblems,
  isoDate,
  launch,
  login,
  open,
  SCREENSHOTS,
  snap,
  TABLET,
  WIDE,
} from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function csrf(page: Page): Promise<string> {
  const response = await page.request.get('/api/session');
  return ((await response.json()) as { csrfToken: string }).csrfToken;
}

/** An earlier finished contact, weeks ago, with a follow-up that is overdue by now. */
async function earlierContact(page: Page, family: CreatedFamily): Promise<void> {
  const response = await page.request.post(`/api/families/${family.id}/contacts`, {
    headers: { 'x-csrf-token': await csrf(page) },
    data: {
      childId: family.childId,
      type: 'consult',
      date: isoDate(-40),
      status: 'final',
      cues: { shared_enjoyment: true },
      factors: {
        preterm_birth: { value: 'present', reportedBy: 'parent' },
        parent_stress: { value: 'present', reportedBy: 'parent' },
      },
      criteria: {},
      agreedBand: 'safe',
      agreement: {
        text: 'Terugkomen op het slapen',
        nextTopicPermission: false,
        extraContact: true,
        followUpDue: isoDate(-10),
      },
    },
  });
  expect(response.status(), await response.text()).toBe(201);
}

/** What the nurse sees at 1280 and 768 px with `selector` scrolled into view (sticky panels as on screen). */
async function viewShots(page: Page, name: string, selector: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const size of [WIDE, TABLET]) {
    await page.setViewportSize(size);
    await page.locator(selector).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${size.width}.png`) });
  }
  await page.setViewportSize(WIDE);
}

const finish = (page: Page) => page.getByRole('button', { name: 'Contactmoment afronden' }).click();

describe('finishing a contact moment', () => {
  it('is blocked at the field without the agreed estimate or without the date of an extra contact', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page);
    const family = await createFamily(page, uniqueName('Afronden'));
    await page.goto(`/families/${family.id}/contacts/new?child=${family.childId}`);
    await page.getByTestId('advice-panel').waitFor();
    await page.getByRole('checkbox', { name: /samen plezier/ }).check();
    await page.getByLabel('Afspraken met de ouder').fill('Tips over spelen meegegeven.');
    await page.getByLabel('Extra contact inplannen').check();

    await finish(page);
    const bandError = page.getByText(
      'Kies de inschatting die je samen met de ouder hebt gemaakt, of kies "Niet besproken".',
    );
    await expect.poll(() => bandError.isVisible()).toBe(true);
    const dateError = page.getByText(
      'Vul de datum van het extra contact in, of zet "Extra contact inplannen" uit.',
    );
    expect(await dateError.isVisible()).toBe(true);
    expect(await page.getByTestId('finish-blocked').textContent()).toBe(
      'Nog niet afgerond: 2 velden moeten nog ingevuld worden.',
    );
    // Nothing was saved and the nurse is taken to the first field.
    expect(page.url()).toContain('/contacts/new');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe(
      'safe',
    );
    expect(
      await page.getByRole('group', { name: /Inschatting die je samen/ }).getAttribute('aria-invalid'),
    ).toBe('true');
    await expectAccessible(page, 'contact with finish errors');
    await viewShots(page, 'contact-finish-blocked', '#agreement');

    // "Niet besproken" is an explicit choice; the message goes as soon as it is made.
    await page.getByRole('radio', { name: 'Niet besproken' }).check();
    await expect.poll(() => bandError.count()).toBe(0);
    expect(await page.getByTestId('finish-blocked').textContent()).toBe(
      'Nog niet afgerond: 1 veld moet nog ingevuld worden.',
    );
    await page.getByLabel('Datum vervolg').fill(isoDate(7));
    await expect.poll(() => dateError.count()).toBe(0);

    // Scroll far down, as after filling in the whole form, then finish.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
    await finish(page);
    await page.waitForURL(new RegExp(`/families/${family.id}$`));
    const saved = page.getByText('Contactmoment afgerond en opgeslagen.');
    await expect.poll(() => saved.count()).toBe(1);
    // The new page starts at the top, with the success message in view.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(await saved.evaluate((el) => el.getBoundingClientRect().bottom <= window.innerHeight)).toBe(true);

    const stored = await page.request.get(`/api/families/${family.id}`);
    const file = (await stored.json()) as { contacts: Array<{ agreedBandNotDiscussed: boolean }> };
    expect(file.contacts[0]?.agreedBandNotDiscussed).toBe(true);
    expectNoProblems(session);
    await session.context.close();
  });

  it('replaces the old overdue follow-up with the new one and carries stable factors over', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page);
    const family = await createFamily(page, uniqueName('Vervolg'));
    await earlierContact(page, family);

    await page.goto(`/worklist?due=week&q=${encodeURIComponent(family.name)}`);
    const row = page.getByRole('row', { name: new RegExp(family.name) });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('te laat');

    await page.goto(`/families/${family.id}/contacts/new?child=${family.childId}`);
    await page.getByTestId('advice-panel').waitFor();
    // Stable factors of the earlier contact are filled in and marked; changeable ones are asked afresh.
    const carried = page.getByTestId('carried-over');
    await expect.poll(() => carried.isVisible()).toBe(true);
    expect(await carried.textContent()).toContain('Overgenomen van het contact op');
    expect(await carried.getByRole('listitem').allTextContents()).toEqual([
      'Kind is te vroeg geboren: aanwezig',
    ]);
    await page.getByText('Kind', { exact: true }).first().click();
    const preterm = page.locator('li.factor', { hasText: 'Kind is te vroeg geboren' });
    expect(await preterm.getByRole('radio', { name: 'aanwezig' }).isChecked()).toBe(true);
    expect(await preterm.textContent()).toContain('overgenomen');
    await page.getByText('Ouder', { exact: true }).first().click();
    const stress = page.getByRole('group', { name: /Ouder ervaart veel stress/ }).first();
    expect(await stress.getByRole('radio', { name: 'onbekend' }).isChecked()).toBe(true);
    await viewShots(page, 'contact-carried-over', '#factors');
    await page.getByRole('button', { name: 'Overgenomen gegevens bevestigen' }).click();
    await expect.poll(() => carried.count()).toBe(0);
    expect(await preterm.textContent()).not.toContain('overgenomen');
    expect(await preterm.getByRole('radio', { name: 'aanwezig' }).isChecked()).toBe(true);

    await page.getByRole('radio', { name: 'Veilig', exact: true }).check();
    const next = isoDate(14);
    await page.getByLabel('Datum vervolg').fill(next);
    const note = page.getByTestId('agreement-supersedes');
    await expect.poll(() => note.isVisible()).toBe(true);
    expect(await note.textContent()).toMatch(/Afronden sluit de open vervolgafspraak van .* af/);
    await finish(page);
    await page.waitForURL(new RegExp(`/families/${family.id}$`));
    await expect.poll(() => page.getByText('Contactmoment afgerond en opgeslagen.').count()).toBe(1);

    const stored = (await (await page.request.get(`/api/families/${family.id}`)).json()) as {
      agreements: Array<{ status: string; followUpDue: string; supersededBy: string | null }>;
    };
    const old = stored.agreements.find((a) => a.followUpDue === isoDate(-10));
    expect(old).toMatchObject({ status: 'done' });
    expect(old?.supersededBy).toBeTruthy();

    await page.goto(`/worklist?due=all&q=${encodeURIComponent(family.name)}`);
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).not.toContain('te laat');
    expectNoProblems(session);
    await session.context.close();
  });
});

describe('the advice panel', () => {
  it('puts the strongest next step first and updates it live as criteria hold', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page);
    const family = await createFamily(page, uniqueName('Advies'));
    await page.goto(`/families/${family.id}/contacts/new?child=${family.childId}`);
    await page.getByTestId('advice-panel').waitFor();
    const summary = page.getByTestId('advice-summary');
    const headline = page.getByTestId('advice-summary-headline');

    // Safe cues only: advise and monitor, which is not a referral.
    for (const name of [/samen plezier/, /laat zich door de ouder troosten/]) {
      await page.getByRole('checkbox', { name }).check();
    }
    await expect.poll(() => headline.textContent()).toMatch(/^Adviseren en volgen/);
    const monitor = page.getByTestId('recommendation-advise_and_monitor');
    expect(await monitor.getByRole('link', { name: 'Verwijzen' }).count()).toBe(0);

    // Ten more cues, the kind a worried nurse ticks.
    const cues = page.locator('#cues input[type="checkbox"]:not(:checked)');
    for (let i = 0; i < 10; i++) await cues.nth(0).check();
    expect(await page.locator('#cues input[type="checkbox"]:checked').count()).toBeGreaterThanOrEqual(12);

    const criteria = page.locator('#criteria input[type="checkbox"]');
    await criteria.nth(0).check();
    await expect.poll(() => summary.textContent()).toContain('1 van 4 verwijscriteria: bij 2 of meer');
    await criteria.nth(1).check();
    await criteria.nth(2).check();
    await expect
      .poll(() => headline.textContent())
      .toMatch(/^3 van 4 verwijscriteria: bespreek verwijzing naar /);
    // In view at the top of the advice panel while the nurse is at the criteria, not 1,800 px down.
    await page.locator('#criteria').scrollIntoViewIfNeeded();
    expect(
      await summary.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      }),
    ).toBe(true);
    // Unasked strengths are not zero: the summary says they are not discussed yet.
    await page.getByText('Ouder', { exact: true }).first().click();
    await page
      .getByRole('group', { name: /Ouder is depressief/ })
      .first()
      .getByRole('radio', { name: 'aanwezig' })
      .check();
    await expect
      .poll(() => page.getByTestId('advice-summary-strength').textContent())
      .toMatch(/^Draagkracht: \d+ factoren nog niet besproken$/);
    await expectAccessible(page, 'contact with the next-step summary');

    await viewShots(page, 'contact-advice-view', '#criteria');
    await viewShots(page, 'contact-advice-top', 'h1');
    await page.evaluate(() => window.scrollTo(0, 0));
    await snap(page, 'contact-advice');
    expectNoProblems(session);
    await session.context.close();
  });
});

describe('parent tips', () => {
  it('print with the organisation’s phone number', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page);
    await page.goto('/tips?band=0_2');
    const phone = page.getByTestId('tips-phone');
    await expect.poll(() => phone.textContent()).toBe('Vragen tussendoor? Bel JGZ Veldland: 030 000 0000.');
    await page.emulateMedia({ media: 'print' });
    expect(await phone.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expectNoProblems(session);
    await session.context.close();
  });
});
