import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.ts';

export const NURSE = 'verpleegkundige@demo.nestwerk.test';
export const PHYSICIAN = 'jeugdarts@demo.nestwerk.test';

const root = new URL('../..', import.meta.url).pathname;
export const SCREENSHOTS = join(root, 'test-results', 'screenshots');

export const WIDE = { width: 1280, height: 900 };
export const TABLET = { width: 768, height: 1024 };

export function baseURL(): string {
  return inject('baseURL');
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS, headless: true });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Content-Security-Policy violations and page errors seen so far: the strict CSP must hold. */
  problems: string[];
}

export async function open(browser: Browser, viewport = WIDE, locale = 'nl-NL'): Promise<Session> {
  const context = await browser.newContext({
    baseURL: baseURL(),
    viewport,
    locale,
    timezoneId: 'Europe/Amsterdam',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(text)) problems.push(text);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  return { context, page, problems };
}

export async function login(page: Page, email = NURSE, password = inject('demoPassword')): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** A full-page screenshot at 1280 and at 768 px wide (tablet), kept under test-results/screenshots. */
export async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const original = page.viewportSize() ?? WIDE;
  for (const size of [WIDE, TABLET]) {
    await page.setViewportSize(size);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${size.width}.png`), fullPage: true });
  }
  await page.setViewportSize(original);
}

/** axe-core with the WCAG 2.1 A/AA rules: no serious or critical violation may remain. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join('\n    ')}`,
    )
    .join('\n');
  expect(bad, `${label}: accessibility violations\n${report}`).toEqual([]);
}

export function expectNoProblems(session: Session): void {
  expect(session.problems, 'CSP violations or page errors').toEqual([]);
}

/** How far the page scrolls sideways (0 when it fits its window). */
export function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

const AMSTERDAM_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * A day counted from today in the Netherlands and Flanders, as the server and the browser (Europe/Amsterdam)
 * count it: the machine's own clock may be on UTC, an hour or two behind at midnight.
 */
export function isoDate(offsetDays = 0): string {
  const today = AMSTERDAM_DATE.format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Presses Tab `presses` times and names every focus stop that a sticky bar (`selector`) covers, even in part:
 * WCAG 2.4.11, focus not obscured.
 */
export async function focusStopsCoveredBy(page: Page, selector: string, presses: number): Promise<string[]> {
  const covered: string[] = [];
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab');
    const hit = await page.evaluate((barSelector) => {
      const el = document.activeElement as HTMLInputElement | null;
      const bar = document.querySelector(barSelector);
      if (!el || el === document.body || !bar || bar.contains(el)) return null;
      const a = el.getBoundingClientRect();
      const b = bar.getBoundingClientRect();
      const overlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      return overlap > 0
        ? (el.labels?.[0]?.textContent ?? el.textContent ?? el.tagName).trim().slice(0, 60)
        : null;
    }, selector);
    if (hit !== null) covered.push(hit);
  }
  return covered;
}

/**
 * Presses Tab until the focused element's visible label (its <label>, or its own text) contains `text`, as a
 * keyboard user would; fails after `max` presses.
 */
export async function tabTo(page: Page, text: string, max = 400): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const found = await page.evaluate((wanted) => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return false;
      const input = el as HTMLInputElement;
      const label = input.labels?.[0]?.textContent ?? el.textContent ?? '';
      return label.replace(/\s+/g, ' ').includes(wanted);
    }, text);
    if (found) return;
  }
  throw new Error(`focus never reached "${text}" after ${max} Tab presses`);
}
