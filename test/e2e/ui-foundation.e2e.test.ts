/**
 * The UI foundation in Debian's Chromium (issue 12): the global search (Ctrl+K and "/"), the
 * help panel, the theme switch (system, light, dark), the navigation folded behind "Menu" at
 * 390×844 with no horizontal page overflow, the not-found page, and the toast region.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowser, startPlatform } from './support.js';
import type { Driver, Platform } from './support.js';

const DEMO = 'Forges de l’Est';
const TIMEOUT = 30_000;

let platform: Platform;
let driver: Driver;
let base = '';

async function inPage<T>(p: Page, expression: string): Promise<T> {
  const value: unknown = await p.evaluate(expression);
  return value as T;
}

function main(p: Page) {
  return p.locator('main');
}

describe('UI foundation', { concurrent: false }, () => {
  beforeAll(async () => {
    platform = await startPlatform();
    driver = await startBrowser(platform.url, 'en-GB');
    driver.page.setDefaultTimeout(TIMEOUT);
    const p = driver.page;
    await p.goto('/');
    await p.getByLabel('E-mail').fill(platform.email);
    await p.getByLabel('Password', { exact: true }).fill(platform.password);
    await p.getByRole('button', { name: 'Sign in' }).click();
    await p.getByRole('link', { name: `Open ${DEMO}` }).click();
    await p.waitForURL(/\/w\/[0-9a-f-]{36}$/);
    base = new URL(p.url()).pathname;
    await main(p).getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  }, 180_000);

  beforeEach((context) => {
    context.onTestFailed(async () => {
      const name = context.task.name.slice(0, 20).replace(/\W+/g, '-');
      await driver.shot(`ui-foundation-failed-${name}`).catch(() => undefined);
    });
  });

  afterAll(async () => {
    try {
      await driver.close();
    } finally {
      await platform.close();
    }
  }, 60_000);

  it('Ctrl+K opens the search; typing finds entities and findings; Enter opens one', async () => {
    const p = driver.page;
    await p.keyboard.press('Control+k');
    const dialog = p.getByRole('dialog', { name: 'Search the workspace' });
    await dialog.waitFor();
    const box = dialog.getByRole('combobox');
    expect(
      await inPage<boolean>(p, "document.activeElement?.getAttribute('type') === 'search'"),
    ).toBe(true);
    await box.fill('srv-fich');
    const item = dialog.getByRole('option', { name: /Serveur de fichiers/ }).first();
    await item.waitFor();
    await expect.poll(() => dialog.getByRole('status').textContent()).toMatch(/\d+ results?/);
    expect(await item.getAttribute('aria-selected'), 'the first result is active').toBe('true');
    await p.keyboard.press('ArrowDown');
    expect(await item.getAttribute('aria-selected')).toBe('false');
    await p.keyboard.press('ArrowUp');
    expect(await item.getAttribute('aria-selected')).toBe('true');
    await p.keyboard.press('Enter');
    await p.waitForURL(/\/explore\/assets\/srv-fichiers$/);
    await dialog.waitFor({ state: 'detached' });
    await main(p).getByRole('heading', { level: 1 }).waitFor();

    // "/" outside a text field opens it too; findings are searched by title/rule.
    await p.locator('body').press('/');
    await dialog.waitFor();
    await dialog.getByRole('combobox').fill('zzzz-nothing');
    await expect.poll(() => dialog.getByRole('status').textContent()).toContain('Nothing matches');
    await p.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  }, 120_000);

  it('the help panel explains the page’s concepts in the UI language', async () => {
    const p = driver.page;
    await p.goto(`${base}/paths`);
    await main(p).getByRole('heading', { level: 1 }).waitFor();
    await p.getByRole('button', { name: 'Help about this page' }).click();
    const panel = p.getByRole('dialog', { name: /Help: Attack paths/ });
    await panel.waitFor();
    expect(await panel.textContent()).toContain('Choke point');
    await p.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
  }, 120_000);

  it('the theme follows the system and can be forced to dark or light', async () => {
    const p = driver.page;
    const background = () =>
      inPage<string>(p, 'getComputedStyle(document.documentElement).backgroundColor');
    await p.emulateMedia({ colorScheme: 'light' });
    const light = await background();
    await p.emulateMedia({ colorScheme: 'dark' });
    const systemDark = await background();
    expect(systemDark).not.toBe(light);
    await p.emulateMedia({ colorScheme: 'light' });
    await p.getByRole('button', { name: /Colour theme/ }).click();
    await p.getByRole('menuitemradio', { name: 'Dark' }).click();
    expect(await inPage<string | null>(p, 'document.documentElement.dataset.theme ?? null')).toBe(
      'dark',
    );
    expect(await background()).toBe(systemDark);
    await p.reload();
    await main(p).getByRole('heading', { level: 1 }).waitFor();
    expect(await background(), 'the choice is remembered').toBe(systemDark);
    await p.getByRole('button', { name: /Colour theme/ }).click();
    await p.getByRole('menuitemradio', { name: 'System' }).click();
    expect(await background()).toBe(light);
  }, 120_000);

  it('at 390×844 the navigation folds behind Menu and no page overflows horizontally', async () => {
    const p = driver.page;
    await p.setViewportSize({ width: 390, height: 844 });
    try {
      // The frame and the pages built on the foundation; each page's own test checks the others.
      for (const path of ['', '/paths', '/versions', '/documents', '/members']) {
        await p.goto(`${base}${path}`);
        await main(p).getByRole('heading', { level: 1 }).waitFor();
        await p.waitForLoadState('networkidle');
        const overflow = await inPage<number>(
          p,
          'document.documentElement.scrollWidth - document.documentElement.clientWidth',
        );
        expect(overflow, `${path || '/'} overflows by ${String(overflow)} px`).toBeLessThanOrEqual(
          0,
        );
      }
      const nav = p.getByRole('navigation', { name: 'Main navigation' });
      expect(await nav.isVisible()).toBe(false);
      const toggle = p.getByRole('button', { name: 'Show or hide the navigation' });
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      await nav.getByRole('link', { name: 'Findings' }).click();
      await p.waitForURL(/\/findings$/);
      await expect
        .poll(() => nav.isVisible(), { message: 'closed again after navigating' })
        .toBe(false);
    } finally {
      await p.setViewportSize({ width: 1440, height: 900 });
    }
  }, 120_000);

  it('an unknown address shows a not-found page with its heading', async () => {
    const p = driver.page;
    await p.goto(`${base}/no-such-page`);
    await main(p).getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await p.goto('/nowhere/at/all');
    await main(p).getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  }, 120_000);

  it('no page error or console error along the way', () => {
    expect(driver.problems.filter((line) => !line.includes('401'))).toEqual([]);
  });
});
