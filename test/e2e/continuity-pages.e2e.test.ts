/**
 * Issue 14, the business impact analysis and backups pages in the browser, on the demo
 * organisation (English UI): the process table sorts by RTO (aria-sort follows), the heat map
 * says each level in words, a process opens its supporting assets in a side panel, the backups
 * grid filters to what no copy survives, the exposure table names the reached backups, the
 * dashboard's continuity card links to the analysis; axe-core finds no WCAG 2.1 AA violation on
 * either page, in the light and dark themes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  PHONE,
  appIds,
  expectNoHorizontalOverflow,
  formatAxe,
  openPage,
  runAxe,
  signIn,
  startBrowser,
  startPlatform,
  withTheme,
} from './support.js';
import type { AppIds, Driver, Platform } from './support.js';

const STEP_TIMEOUT = 180_000;
const UI_TIMEOUT = 60_000;

let platform: Platform | undefined;
let driver: Driver | undefined;
let ids: AppIds | undefined;

function page(): Page {
  if (driver === undefined) throw new Error('the browser did not start');
  return driver.page;
}

function main(): Locator {
  return page().locator('main');
}

function base(): string {
  if (ids === undefined) throw new Error('no demo ids');
  return `/w/${ids.workspace}`;
}

describe('continuity pages in the browser (demo, English)', () => {
  beforeAll(async () => {
    platform = await startPlatform();
    driver = await startBrowser(platform.url, 'en-GB');
    await signIn(driver.context, platform.email, platform.password);
    ids = await appIds(driver.context);
  }, STEP_TIMEOUT);

  afterAll(async () => {
    await driver?.close();
    await platform?.close();
  });

  it(
    'business impact analysis: sorted table, heat map in words, supporting assets of a process',
    async () => {
      const p = page();
      await openPage(p, base());
      await p.getByRole('navigation').getByRole('link', { name: 'Continuity' }).first().click();
      await main()
        .getByRole('heading', { name: 'Business impact analysis', level: 1 })
        .waitFor({ timeout: UI_TIMEOUT });
      const table = main().getByRole('table', { name: /^Business processes of version/ });
      await table.waitFor({ timeout: UI_TIMEOUT });
      const rows = table.locator('tbody tr');
      expect(await rows.count()).toBeGreaterThan(1);
      // the demo plants a production process whose recovery misses its RTO
      expect(await table.getByText('RTO missed').count()).toBeGreaterThan(0);

      const rtoHeader = table.getByRole('columnheader', { name: /^RTO/ });
      await rtoHeader.getByRole('button').click();
      await expect.poll(() => rtoHeader.getAttribute('aria-sort')).toBe('ascending');
      await rtoHeader.getByRole('button').click();
      await expect.poll(() => rtoHeader.getAttribute('aria-sort')).toBe('descending');
      expect(p.url()).toContain('sort=rto');

      const heat = main().getByRole('table', { name: 'Impact over time' });
      expect(await heat.locator('tbody tr').count()).toBe(await rows.count());
      expect(
        await heat.getByText(/^Level [1-4]: (Low|Moderate|Serious|Critical)$/).count(),
      ).toBeGreaterThan(0);

      const first = rows.first().getByRole('button');
      const name = ((await first.textContent()) ?? '').trim();
      await first.click();
      const dialog = p.getByRole('dialog');
      await dialog.getByRole('heading', { name: `What ${name} rests on` }).waitFor();
      expect(await dialog.locator('tbody tr').count()).toBeGreaterThan(0);
      // the impact over time, with the reason of each level, readable without hovering
      expect(
        await dialog.getByRole('table', { name: 'Impact over time' }).locator('tbody tr').count(),
      ).toBe(5);
      expect(p.url()).toContain('process=');
      const inPanel = await runAxe(p);
      expect(inPanel, formatAxe(inPanel, 'BIA side panel')).toEqual([]);
      await p.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(p.url()).not.toContain('process=');

      for (const theme of ['light', 'dark'] as const) {
        await withTheme(p, theme);
        const violations = await runAxe(p);
        expect(violations, formatAxe(violations, `BIA (${theme})`)).toEqual([]);
      }
      await withTheme(p, 'light');
      await driver?.shot('continuity-bia');
    },
    STEP_TIMEOUT,
  );

  it(
    'backups: the 3-2-1-1-0 grid filtered to what no copy survives, the reached backups and why',
    async () => {
      const p = page();
      await openPage(p, `${base()}/continuity/backups`);
      await main().getByRole('heading', { name: 'Backups', level: 1 }).waitFor();
      const grid = main().getByRole('table', { name: /3-2-1-1-0 grid/ });
      const all = await grid.locator('tbody tr').count();
      expect(all).toBeGreaterThan(0);
      await main().getByLabel('Show').selectOption('exposed');
      expect(p.url()).toContain('filter=exposed');
      const survives = grid.locator('tbody tr td:nth-child(9)');
      // once filtered, no shown entity has a copy that survives
      await expect
        .poll(() => survives.filter({ hasText: /yes/ }).count(), { timeout: UI_TIMEOUT })
        .toBe(0);
      const exposed = await grid.locator('tbody tr').count();
      // the demo's single on-site online backup does not survive a ransomware from the office
      expect(exposed).toBeGreaterThan(0);
      expect(exposed).toBeLessThan(all);
      expect(await survives.filter({ hasText: /no/ }).count()).toBe(exposed);

      // an entity's backups unfold under its name
      await grid.locator('summary').first().click();
      expect(await grid.locator('details[open] li').count()).toBeGreaterThan(0);

      const exposure = main().getByRole('table', { name: /Exposure of each backup/ });
      expect(await exposure.getByText(/^✗ reached$/).count()).toBeGreaterThan(0);

      for (const theme of ['light', 'dark'] as const) {
        await withTheme(p, theme);
        const violations = await runAxe(p);
        expect(violations, formatAxe(violations, `backups (${theme})`)).toEqual([]);
      }
      await withTheme(p, 'light');
      await driver?.shot('continuity-backups');
    },
    STEP_TIMEOUT,
  );

  it(
    'in French and on a phone: the pages speak French and never scroll sideways',
    async () => {
      const p = page();
      await openPage(p, base());
      await p.evaluate("localStorage.setItem('vigie.lang', 'fr')");
      try {
        await openPage(p, `${base()}/continuity`);
        await main()
          .getByRole('heading', { name: 'Analyse d’impact sur l’activité (BIA)', level: 1 })
          .waitFor({ timeout: UI_TIMEOUT });
        const heat = main().getByRole('table', { name: 'Impact dans le temps' });
        expect(
          await heat.getByText(/^Niveau [1-4] : (Faible|Modéré|Grave|Critique)$/).count(),
        ).toBeGreaterThan(0);
        expect(await main().getByText('DMIA dépassée').count()).toBeGreaterThan(0);
        await p.setViewportSize(PHONE);
        await expectNoHorizontalOverflow(p, 'BIA (phone)');
        await openPage(p, `${base()}/continuity/backups`);
        await main().getByRole('heading', { name: 'Sauvegardes', level: 1 }).waitFor();
        await main()
          .getByRole('table', { name: /grille 3-2-1-1-0/ })
          .waitFor({ timeout: UI_TIMEOUT });
        await expectNoHorizontalOverflow(p, 'backups (phone)');
        await driver?.shot('continuity-backups-phone-fr');
      } finally {
        await p.setViewportSize({ width: 1440, height: 900 });
        await p.evaluate("localStorage.setItem('vigie.lang', 'en')");
      }
    },
    STEP_TIMEOUT,
  );

  it(
    'dashboard: the continuity card links to the business impact analysis',
    async () => {
      const p = page();
      await openPage(p, base());
      const card = main().locator('section', {
        has: p.getByRole('heading', { name: 'Disaster recovery' }),
      });
      await card.waitFor({ timeout: UI_TIMEOUT });
      await card.getByRole('link', { name: 'Business impact analysis' }).click();
      await main().getByRole('heading', { name: 'Business impact analysis', level: 1 }).waitFor();
    },
    STEP_TIMEOUT,
  );
});
