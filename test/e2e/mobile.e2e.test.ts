/**
 * End to end (issue 12): every page of the app (support.ts APP_PAGES) is usable on a phone
 * (390×844) and a tablet (768×1024), in Chromium with mobile emulation (meta viewport honoured,
 * touch). Per page and size: no horizontal page overflow (`scrollWidth` ≤ `clientWidth`, and no
 * element reaching past the right edge outside a scroll container); every table wider than its
 * box scrolls inside a container of its own (overflow-x auto/scroll), never the page; on the
 * workspace pages the navigation is collapsed behind a "Menu" button (below 900 px). Then the
 * menu button is used: it opens the navigation, reports its state (aria-expanded), and a link
 * in it leads to another page. axe-core (WCAG 2.1 AA) also runs on every page at phone size,
 * for what only shows on a small screen.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_PAGES,
  CHROMIUM,
  PHONE,
  SHOTS,
  TABLET,
  WEB_DIR,
  appIds,
  expectNoHorizontalOverflow,
  formatAxe,
  openPage,
  runAxe,
  signIn,
  startPlatform,
} from './support.js';
import type { AppIds, Platform } from './support.js';

const SIZES = { phone: PHONE, tablet: TABLET } as const;
type Size = keyof typeof SIZES;
const RUNS = APP_PAGES.flatMap((p) =>
  (Object.keys(SIZES) as Size[]).map((size) => [p.name, size] as const),
);
/** The menu button's accessible name, in both languages. */
const MENU = /menu|navigation/i;
const MAIN_NAV = /Navigation principale|Main navigation/;

function say(line: string): void {
  process.stdout.write(`[mobile] ${line}\n`);
}

/**
 * Tables wider than their box that no ancestor scrolls horizontally (auto/scroll): their
 * columns would be cut off or push the page sideways. JavaScript source (no DOM lib here).
 */
const UNSCROLLED_TABLES = String.raw`(() => {
  const out = [];
  for (const table of document.querySelectorAll('table, [role="table"], [role="grid"]')) {
    if (!table.checkVisibility()) continue;
    let scroller = null;
    for (let p = table; p !== null && p !== document.body; p = p.parentElement) {
      const x = getComputedStyle(p).overflowX;
      if (x === 'auto' || x === 'scroll') { scroller = p; break; }
    }
    const box = table.getBoundingClientRect();
    const width = document.documentElement.clientWidth;
    const fits = box.left >= -1 && box.right <= width + 1 && table.scrollWidth <= table.clientWidth + 1;
    if (scroller === null && !fits) {
      const html = table.outerHTML.replace(/\s+/g, ' ');
      out.push(Math.round(box.width) + 'px wide: ' + (html.length > 160 ? html.slice(0, 160) + '…' : html));
    }
  }
  return out;
})()`;

describe('every page on a phone and a tablet', () => {
  let platform: Platform | undefined;
  let browser: Browser | undefined;
  const contexts = new Map<Size, BrowserContext>();
  const anonymous = new Map<Size, BrowserContext>();
  let ids: AppIds | undefined;
  const problems: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(WEB_DIR, 'index.html'))) {
      throw new Error(`The web UI is not built (${WEB_DIR}); run npm run build first.`);
    }
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}.`);
    mkdirSync(SHOTS, { recursive: true });
    platform = await startPlatform();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-dev-shm-usage'],
    });
    for (const [size, viewport] of Object.entries(SIZES) as [Size, typeof PHONE][]) {
      const options = {
        baseURL: platform.url,
        locale: 'fr-FR',
        viewport,
        isMobile: true,
        hasTouch: true,
      };
      const context = await browser.newContext(options);
      await signIn(context, platform.email, platform.password);
      contexts.set(size, context);
      anonymous.set(size, await browser.newContext(options));
    }
    const phone = contexts.get('phone');
    if (phone === undefined) throw new Error('no phone context');
    ids = await appIds(phone);
  }, 180_000);

  afterAll(async () => {
    for (const context of [...contexts.values(), ...anonymous.values()]) {
      await context.close().catch(() => undefined);
    }
    await browser?.close().catch(() => undefined);
    await platform?.close().catch(() => undefined);
  }, 60_000);

  async function open(name: string, size: Size): Promise<Page> {
    const target = APP_PAGES.find((p) => p.name === name);
    if (target === undefined) throw new Error(`no page ${name} in APP_PAGES`);
    const context = (target.anonymous === true ? anonymous : contexts).get(size);
    if (context === undefined || ids === undefined) throw new Error('the browser did not start');
    const page = await context.newPage();
    page.on('pageerror', (error) => {
      problems.push(`${name} (${size}): page error: ${error.message}`);
    });
    await openPage(page, target.path(ids));
    return page;
  }

  it.each(RUNS)(
    '%s page at %s size: no horizontal overflow, tables scroll in their box, menu button, axe',
    async (name, size) => {
      const page = await open(name, size);
      const target = APP_PAGES.find((p) => p.name === name);
      try {
        const file = `mobile-${name.replace(/\s+/g, '-')}-${size}`;
        await page.screenshot({ path: join(SHOTS, `${file}.png`) });
        // The meta viewport is honoured: the layout is as wide as the device.
        const width = await page.evaluate<number>('document.documentElement.clientWidth');
        expect(width, 'layout width').toBeLessThanOrEqual(SIZES[size].width);
        const failures: string[] = [];
        await expectNoHorizontalOverflow(page, `${name} at ${size} size`).catch(
          (error: unknown) => {
            failures.push(error instanceof Error ? error.message : String(error));
          },
        );
        const tables = await page.evaluate<string[]>(UNSCROLLED_TABLES);
        if (tables.length > 0) {
          failures.push(`tables not scrolling inside their box:\n    ${tables.join('\n    ')}`);
        }
        // axe-core at phone size (light theme): what only shows on a small screen (menu button).
        if (size === 'phone') {
          const found = await runAxe(page);
          if (found.length > 0)
            failures.push(`axe-core:\n${formatAxe(found, `${name} at phone size`)}`);
        }
        if (target?.nav === true) {
          const menu = page.getByRole('button', { name: MENU });
          if ((await menu.count()) === 0 || !(await menu.first().isVisible())) {
            failures.push('no visible button named "Menu" to open the navigation');
          }
        }
        for (const f of failures) say(`${name} (${size}): ${f}`);
        expect(failures, failures.join('\n')).toEqual([]);
        expect(problems, 'page errors').toEqual([]);
      } finally {
        await page.close();
      }
    },
    120_000,
  );

  it.each(Object.keys(SIZES) as Size[])(
    'at %s size the menu button opens the navigation and a link in it leads to the findings',
    async (size) => {
      const page = await open('dashboard', size);
      try {
        const menu = page.getByRole('button', { name: MENU }).first();
        await menu.waitFor({ state: 'visible', timeout: 10_000 });
        const findings = page
          .getByRole('navigation', { name: MAIN_NAV })
          .getByRole('link', { name: /^(Constats|Findings)$/ });
        // Collapsed below 900 px: the navigation's links are out of sight until the menu opens.
        expect(await findings.isVisible(), 'navigation hidden before the menu opens').toBe(false);
        expect(await menu.getAttribute('aria-expanded')).toBe('false');
        await menu.click();
        expect(await menu.getAttribute('aria-expanded')).toBe('true');
        await findings.waitFor({ state: 'visible', timeout: 5_000 });
        await page.screenshot({ path: join(SHOTS, `mobile-menu-open-${size}.png`) });
        await expectNoHorizontalOverflow(page, `dashboard with the menu open at ${size} size`);
        await findings.click();
        await page.waitForURL(/\/findings$/, { timeout: 10_000 });
        await page.locator('main h1').first().waitFor({ state: 'visible', timeout: 30_000 });
        // Following a link closes the menu.
        await expect.poll(async () => findings.isVisible(), { timeout: 5_000 }).toBe(false);
        await expectNoHorizontalOverflow(page, `findings after the menu at ${size} size`);
      } finally {
        await page.close();
      }
    },
    120_000,
  );
});
