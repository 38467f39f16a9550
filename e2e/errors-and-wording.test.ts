import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFamily, uniqueName } from './support/api.ts';
import {
  expectNoProblems,
  isoDate,
  launch,
  login,
  open,
  sidewaysScroll,
  snap,
  TABLET,
} from './support/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Words only a developer or the API would write: none may reach a Dutch screen. */
const DEVELOPER_TEXT = /Too big|Too small|expected string|must be|Invalid input|children\.0|The follow-up/;

const fieldError = (page: Page, id: string) => page.locator(`#${id}-error`);

describe('errors in the user’s language, at their fields', () => {
  it('shows every server error of the register form at once, in Dutch, with the length limits', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page);
    await page.goto('/families/new');
    await page.locator('#family-name').fill('J'.repeat(205));
    // The count appears as the text nears its limit and counts past it; nothing is cut off.
    await expect.poll(() => page.locator('#family-name-count').textContent()).toBe('5 tekens te veel');
    expect(await page.locator('#family-name').inputValue()).toHaveLength(205);
    await page.locator('#family-postcode').fill('12');
    await page.locator('#child-given').fill('Mila');
    await page.locator('#child-family').fill('K'.repeat(101));
    await page.locator('#child-birth').fill(isoDate(-60));
    await page.locator('#caregiver-0-given').fill('Lotte');
    await page.locator('#caregiver-0-family').fill('Jansen');
    await page.locator('#caregiver-0-phone').fill('bel maar');
    await page.locator('form.register button[type="submit"]').click();

    await expect
      .poll(() => fieldError(page, 'family-name').textContent())
      .toBe('Gebruik hoogstens 200 tekens.');
    expect(await fieldError(page, 'family-postcode').textContent()).toMatch(
      /^Vul een postcode in zoals 1234 AB/,
    );
    expect(await fieldError(page, 'child-family').textContent()).toBe('Gebruik hoogstens 100 tekens.');
    expect(await fieldError(page, 'caregiver-0-phone').textContent()).toMatch(/^Vul een telefoonnummer in/);
    expect(await page.locator('#child-family').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#child-family').getAttribute('aria-describedby')).toContain(
      'child-family-error',
    );
    const notice = await page.getByRole('alert').first().textContent();
    expect(notice).toBe('Er zijn 4 velden om te controleren; de meldingen staan bij de velden.');
    expect(await page.locator('main').textContent()).not.toMatch(DEVELOPER_TEXT);
    await snap(page, 'errors-register-form');
    expectNoProblems(session);
    await session.context.close();
  });

  it('translates a domain error of another form (a child older than 18) at its field', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page);
    const family = await createFamily(page, uniqueName('Foutmelding'));
    await page.goto(`/families/${family.id}`);
    await page.getByRole('button', { name: 'Persoon toevoegen' }).click();
    await page.locator('#add-child-given').fill('Noor');
    await page.locator('#add-child-family').fill(family.name);
    // The client lets a date through that the server refuses: older than 18 years.
    await page.locator('#add-child-birth').fill(isoDate(-20 * 366));
    await page.locator('form.add-person button[type="submit"]').click();
    await expect
      .poll(() => fieldError(page, 'add-child-birth').textContent())
      .toBe('Nestwerk is voor kinderen tot 18 jaar.');
    expect(await page.locator('main').textContent()).not.toMatch(/covers children|DEVELOPER/);
    await session.context.close();
  });
});

describe('every page', () => {
  const pages = (familyId: string): Array<[string, string]> => [
    ['/worklist', 'Werklijst – Nestwerk'],
    ['/families/new', 'Gezin inschrijven – Nestwerk'],
    [`/families/${familyId}`, ''],
    ['/tips', 'Tips voor ouders – Nestwerk'],
    ['/instruments', ''],
    ['/interventions', ''],
    ['/sources', 'Bronnen – Nestwerk'],
    ['/partners', ''],
    ['/notifications', ''],
  ];

  it('has its own document title and no sideways scroll at 1280 px', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page);
    const family = await createFamily(page, uniqueName('Titel'));
    const titles = new Set<string>();
    for (const [path, title] of pages(family.id)) {
      await page.goto(path);
      await page.locator('main h1').first().waitFor();
      await expect.poll(() => page.title()).toMatch(/^.+ – Nestwerk$/);
      if (title) expect(await page.title(), path).toBe(title);
      titles.add(await page.title());
      expect(await sidewaysScroll(page), `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    }
    expect(titles.size).toBe(pages(family.id).length);
    await page.goto(`/families/${family.id}`);
    await expect.poll(() => page.title()).toBe(`Gezin ${family.name} – Nestwerk`);
    await page.goto(`/families/${family.id}/contacts/new?child=${family.childId}`);
    await page.locator('main h1').first().waitFor();
    expect(await sidewaysScroll(page), 'the contact moment scrolls sideways').toBeLessThanOrEqual(0);
    await session.context.close();
  });

  it('keeps header, menu and sticky bar within a quarter of the screen at 768 px', async () => {
    const session = await open(browser, TABLET);
    const { page } = session;
    await login(page);
    const family = await createFamily(page, uniqueName('Tablet'));
    for (const path of ['/worklist', `/families/${family.id}/contacts/new?child=${family.childId}`]) {
      await page.goto(path);
      await page.locator('main h1').first().waitFor();
      const taken = await page.evaluate(() => {
        const height = (selector: string) =>
          document.querySelector(selector)?.getBoundingClientRect().height ?? 0;
        // The banner holds the menu; the save bar sticks to the bottom of the contact moment.
        return [height('.banner'), height('.savebar')];
      });
      const total = taken.reduce((a, b) => a + b, 0);
      expect(
        total,
        `${path}: banner ${taken[0]} px + save bar ${taken[1]} px of ${TABLET.height}`,
      ).toBeLessThanOrEqual(TABLET.height / 4);
    }
    await snap(page, 'errors-contact-tablet-chrome');
    await session.context.close();
  });

  it('asks for its screen while the session check is still under way', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The session check is held until the worklist's own code has been requested: a page that waits for the
    // session before asking for its code never gets there, and the test fails.
    await page.route('**/api/session', async (route) => {
      await held;
      await route.continue();
    });
    const chunk = page.waitForRequest((r) => /\/assets\/WorklistPage-[^/]+\.js$/.test(r.url()));
    await page.goto('/worklist', { waitUntil: 'commit' });
    await chunk;
    release();
    await page.locator('main h1').first().waitFor();
    expect(await page.title()).toBe('Werklijst – Nestwerk');
    await session.context.close();
  });
});

describe('pages a user cannot open', () => {
  it('says a page belongs to another role, and names what is missing without offering a retry that cannot help', async () => {
    const session = await open(browser);
    const { page } = session;
    const worklistRequests: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/worklist') worklistRequests.push(r.url());
    });
    await login(page, 'imh.be@demo.nestwerk.test');
    await page.waitForURL(/\/intake/);
    // A link to the worklist (a bookmark, a colleague's message): the IMH team has none, so no worklist at all.
    await page.goto('/worklist');
    await page.getByRole('heading', { level: 1, name: 'Deze pagina hoort bij een andere rol' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('vraag het dan aan de applicatiebeheerder');
    expect(await page.getByRole('link', { name: 'Nieuw gezin inschrijven' }).count()).toBe(0);
    expect(worklistRequests).toEqual([]);
    await page.getByRole('link', { name: 'Terug naar de startpagina' }).click();
    await page.waitForURL(/\/intake$/);

    // A referral that does not exist: said as a referral (in Flemish: doorverwijzing), not as a family, and no
    // "try again".
    await page.goto('/referrals/00000000-0000-7000-8000-000000000000');
    const alert = page.getByRole('alert');
    await expect
      .poll(() => alert.textContent())
      .toBe('Deze doorverwijzing bestaat niet (meer), of je hebt er geen toegang toe.');
    expect(await alert.getByRole('button').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Terug naar de startpagina' }).count()).toBe(1);
    await snap(page, 'errors-referral-not-found');
    expectNoProblems(session);
    await session.context.close();
  });
});

describe('wording', () => {
  it('says an empty state once in the advice panel and counts what the band is based on', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page);
    const family = await createFamily(page, uniqueName('Leeg'));
    await page.goto(`/families/${family.id}/contacts/new?child=${family.childId}`);
    const panel = page.getByTestId('advice-panel');
    await panel.waitFor();
    const before = (await panel.textContent()) ?? '';
    expect(before.match(/Nog geen signalen/g) ?? []).toHaveLength(1);
    await page.getByLabel('Kind laat zich door de ouder troosten en komt tot rust').first().check();
    await expect
      .poll(async () => (await panel.textContent()) ?? '')
      .toMatch(/Op basis van 1 aangevinkt signaal/);
    expect((await panel.textContent()) ?? '').not.toMatch(/Op basis van \(/);
    await session.context.close();
  });

  it('names sources by document title and passage, never by file name', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page);
    await page.goto(
      '/sources?doc=003_47e0953cc5abd28a.txt&passage=Thema%202%2C%20aanbeveling%2010#doc-003_47e0953cc5abd28a',
    );
    await page.locator('main h1').first().waitFor();
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).not.toMatch(/\.txt|[0-9a-f]{16}/);
    expect(main).toContain('JGZ-richtlijn Ouder-kindrelatie');
    expect(main).toContain('Het advies waar je vandaan komt, staat in: Thema 2, aanbeveling 10.');
    await session.context.close();
  });
});

describe('loading', () => {
  it('reports when a reloaded page asks for its session, its code and its data (for the note; no timing is asserted)', async () => {
    const session = await open(browser);
    const { page } = session;
    await login(page);
    await page.goto('/worklist');
    await page.locator('main h1').first().waitFor();
    await page.reload();
    await page.locator('main table, main .notice').first().waitFor();
    const entries = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => {
          const r = e as PerformanceResourceTiming;
          return {
            name: new URL(r.name).pathname,
            start: Math.round(r.startTime),
            end: Math.round(r.responseEnd),
          };
        })
        .filter((e) => /\/api\/|\.js$/.test(e.name)),
    );
    console.log(
      `worklist reload timeline (ms since navigation):\n${entries.map((e) => `  ${e.start}–${e.end} ${e.name}`).join('\n')}`,
    );
    const sessionCheck = entries.find((e) => e.name === '/api/session');
    const chunk = entries.find((e) => /WorklistPage-/.test(e.name));
    expect(sessionCheck).toBeDefined();
    expect(chunk).toBeDefined();
    await session.context.close();
  });
});
