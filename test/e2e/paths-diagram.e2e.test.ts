/**
 * Issue 12, pages that scale: the attack paths page stays short (targets grouped and paged), the
 * selected path's detail sits beside the list, choke points have their own tab; the diagram has
 * a legend, summarises zones when zoomed out, highlights what a data set concerns and exports
 * SVG and PNG files. Demo organisation, English UI, Debian's Chromium.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appIds, openPage, signIn, startBrowser, startPlatform } from './support.js';
import type { AppIds, Driver, Platform } from './support.js';

const STEP_TIMEOUT = 120_000;
const UI_TIMEOUT = 30_000;

let platform: Platform | undefined;
let driver: Driver | undefined;
let ids: AppIds | undefined;

function page(): Page {
  if (driver === undefined) throw new Error('the browser did not start');
  return driver.page;
}

function base(): string {
  if (ids === undefined) throw new Error('no demo ids');
  return `/w/${ids.workspace}`;
}

async function inPage<T>(p: Page, expression: string): Promise<T> {
  const value: unknown = await p.evaluate(expression);
  return value as T;
}

describe('attack paths and diagram pages (demo, 1280 px)', () => {
  beforeAll(async () => {
    platform = await startPlatform();
    driver = await startBrowser(platform.url, 'en-GB');
    await driver.page.setViewportSize({ width: 1280, height: 900 });
    await signIn(driver.context, platform.email, platform.password);
    ids = await appIds(driver.context);
  }, STEP_TIMEOUT);

  afterAll(async () => {
    await driver?.close();
    await platform?.close();
  });

  it(
    'attack paths: a bounded page, the detail beside the list, choke points on their own tab',
    async () => {
      const p = page();
      await openPage(p, `${base()}/paths`);
      const tab = p.getByRole('tab', { name: /^Paths by target/ });
      await tab.waitFor({ timeout: UI_TIMEOUT });
      await p.locator('.paths-group').first().waitFor({ timeout: UI_TIMEOUT });
      await p.locator('#paths-selected').waitFor({ timeout: UI_TIMEOUT });
      const height = await inPage<number>(p, 'document.documentElement.scrollHeight');
      expect(height).toBeLessThan(3000);

      // choose another path than the first: its detail replaces the first one, beside the list
      const buttons = p.locator('.paths-group-paths button');
      expect(await buttons.count()).toBeGreaterThan(1);
      const second = buttons.nth(1);
      await second.click();
      await expect.poll(() => second.getAttribute('aria-pressed')).toBe('true');
      expect(new URL(p.url()).searchParams.get('path')).not.toBeNull();
      const title = (await p.locator('#paths-selected').textContent()) ?? '';
      expect(title).toMatch(/^Path: .+ → .+/);
      await p.locator('.path-diagram-svg svg').waitFor({ timeout: UI_TIMEOUT });
      const list = await p.locator('.paths-list').boundingBox();
      const detail = await p.locator('.paths-detail').boundingBox();
      expect(list).not.toBeNull();
      expect(detail).not.toBeNull();
      if (list === null || detail === null) return;
      expect(detail.x).toBeGreaterThanOrEqual(list.x + list.width - 1);
      expect(detail.y).toBeLessThan(list.y + list.height);
      expect(Math.abs(detail.y - list.y)).toBeLessThan(60);
      expect(await inPage<number>(p, 'document.documentElement.scrollHeight')).toBeLessThan(3000);

      // a group opens to list all its paths (the page stays bounded: its list scrolls)
      const more = p.locator('.paths-group-more').first();
      if ((await more.count()) > 0) {
        const before = await buttons.count();
        await more.click();
        expect(await more.getAttribute('aria-expanded')).toBe('true');
        expect(await buttons.count()).toBeGreaterThan(before);
        expect(await inPage<number>(p, 'document.documentElement.scrollHeight')).toBeLessThan(3000);
      }

      await p.getByRole('tab', { name: /^Choke points/ }).click();
      await p.getByRole('heading', { name: 'Choke points', level: 2 }).waitFor();
      expect(new URL(p.url()).searchParams.get('tab')).toBe('choke');
      const rows = p.getByRole('tabpanel').locator('tbody tr');
      expect(await rows.count()).toBeGreaterThan(0);
      expect(await p.locator('.paths-group').count()).toBe(0);
    },
    STEP_TIMEOUT,
  );

  it(
    'diagram: legend, zones summarised when fitted, a data set highlighted, SVG and PNG export',
    async () => {
      const p = page();
      if (ids === undefined || driver === undefined) throw new Error('no demo ids');
      // a data set stored somewhere (found through the API, not by a demo id)
      const api = `/api/workspaces/${ids.workspace}/versions/${String(ids.version)}`;
      const list = (await (await driver.context.request.get(`${api}/entities/data`)).json()) as {
        rows: { id: string }[];
      };
      let dataId = '';
      for (const row of list.rows) {
        const detail = (await (
          await driver.context.request.get(`${api}/entities/data/${encodeURIComponent(row.id)}`)
        ).json()) as { relations: { role: string; items: unknown[] }[] };
        if (detail.relations.some((r) => r.role === 'storedOn' && r.items.length > 0)) {
          dataId = row.id;
          break;
        }
      }
      expect(dataId).not.toBe('');

      await openPage(p, `${base()}/diagram?show=${encodeURIComponent(`data:${dataId}`)}`);
      const legend = p.locator('.diagram-legend');
      await legend.waitFor({ timeout: UI_TIMEOUT });
      expect(await legend.isVisible()).toBe(true);
      expect(await legend.getByText('Encrypted flow (solid line)').isVisible()).toBe(true);

      await p
        .locator('.diagram-canvas .diagram-highlight')
        .first()
        .waitFor({ timeout: UI_TIMEOUT });
      expect(await p.locator('.diagram-canvas g.diagram-highlight').count()).toBeGreaterThan(0);
      const message = (await p.locator('.diagram-show').textContent()) ?? '';
      expect(message).toMatch(/\d+ elements? highlighted on this view/);

      // fitted, the demo is drawn well under the threshold: zones show their summaries
      await p.getByRole('button', { name: 'Fit to view' }).click();
      await p.locator('.diagram-canvas.collapsed').waitFor({ timeout: UI_TIMEOUT });
      expect(await p.locator('.diagram-summary').count()).toBeGreaterThan(0);
      expect(await p.locator('.diagram-summary').first().textContent()).toMatch(/assets?|no asset/);

      const [svgDownload] = await Promise.all([
        p.waitForEvent('download'),
        p.getByRole('button', { name: 'Export SVG' }).click(),
      ]);
      expect(svgDownload.suggestedFilename()).toMatch(/^diagram-.*\.svg$/);
      const svg = readFileSync(await svgDownload.path(), 'utf8');
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).toContain('diagram-highlight');
      expect(svg).not.toContain('diagram-summary');
      expect(svg).not.toContain('<script');

      const [pngDownload] = await Promise.all([
        p.waitForEvent('download'),
        p.getByRole('button', { name: 'Export PNG' }).click(),
      ]);
      const png = readFileSync(await pngDownload.path());
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(png.length).toBeGreaterThan(1000);

      const problems = driver.problems.filter((line) => !/status of 4\d\d/.test(line));
      expect(problems).toEqual([]);
    },
    STEP_TIMEOUT,
  );
});
