/**
 * End to end: the findings workflow in Debian's Chromium against the platform served in-process
 * (demo organisation, English). The owner filters the findings by zone (kept in the URL),
 * assigns one finding and comments on it from its page, bulk-assigns the findings of the zone,
 * filters by assignee and exports the list as CSV (the download's rows are the
 * rows shown, with the assignee).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowser, startPlatform } from './support.js';
import type { Driver, Platform } from './support.js';

const DEMO = 'Forges de l’Est';
const TIMEOUT = 20_000;

let platform: Platform | undefined;
let driver: Driver | undefined;

/** The `{shown} of {total} findings` line, as numbers. */
async function counts(page: Page): Promise<{ shown: number; total: number }> {
  const text = (await page.locator('.findings-count').textContent()) ?? '';
  const match = /([\d,  ]+) of ([\d,  ]+) findings/.exec(text);
  if (match === null) throw new Error(`no count in "${text}"`);
  const n = (s: string | undefined): number => Number((s ?? '').replace(/[^\d]/g, ''));
  return { shown: n(match[1]), total: n(match[2]) };
}

async function pickAssignee(page: Page, scope: ReturnType<Page['getByRole']> | Page, name: string) {
  const input = scope.getByRole('combobox', { name: 'Assignee' });
  // the members load with the page: wait until the picker offers the member, then choose it
  await expect
    .poll(
      async () => {
        await input.fill('');
        await input.fill(name.slice(0, 5));
        return page.getByRole('option', { name: new RegExp(name) }).count();
      },
      { timeout: TIMEOUT },
    )
    .toBeGreaterThan(0);
  await input.press('ArrowDown');
  await input.press('Enter');
  await expect.poll(() => input.inputValue(), { timeout: TIMEOUT }).toBe(name);
}

describe('findings workflow in the web UI', () => {
  beforeAll(async () => {
    platform = await startPlatform();
    driver = await startBrowser(platform.url, 'en-GB');
  }, 120_000);

  afterAll(async () => {
    await driver?.close().catch(() => undefined);
    await platform?.close().catch(() => undefined);
  }, 60_000);

  it('filters by zone, assigns, comments, bulk-assigns and exports CSV', async () => {
    if (platform === undefined || driver === undefined) throw new Error('not started');
    const { page } = driver;
    await page.goto('/');
    await page.getByLabel('E-mail').fill(platform.email);
    await page.getByLabel('Password').fill(platform.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: `Open ${DEMO}` }).click();
    await page.waitForURL(/\/w\/[0-9a-f-]{36}$/, { timeout: TIMEOUT });
    const workspacePath = new URL(page.url()).pathname;
    await page.goto(`${workspacePath}/findings`);
    await page.getByRole('heading', { name: 'Findings', level: 1 }).waitFor({ timeout: TIMEOUT });
    await page.locator('.findings-count').waitFor({ timeout: TIMEOUT });
    const all = await counts(page);
    expect(all.shown).toBe(all.total);

    // filter by zone: the choice goes to the URL and narrows the list
    const zone = page.locator('select[name="zone"]');
    await zone.selectOption({ index: 1 });
    await page.waitForURL(/[?&]zone=/, { timeout: TIMEOUT });
    await expect
      .poll(async () => (await counts(page)).shown, { timeout: TIMEOUT })
      .toBeLessThan(all.total);
    const inZone = await counts(page);
    expect(inZone.shown).toBeGreaterThan(0);
    const zoneUrl = page.url();

    // assign the first finding of the zone and comment on it
    const first = page.locator('.vtable-row a[href*="/findings/"]').first();
    const title = (await first.textContent()) ?? '';
    await first.click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor({ timeout: TIMEOUT });
    await pickAssignee(page, page, 'Administrator');
    const saving = page.waitForResponse(
      (r) => r.request().method() === 'PUT' && r.url().includes('/findings-work/'),
      { timeout: TIMEOUT },
    );
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const saved = await saving;
    expect(saved.status()).toBe(200);
    expect(
      ((await saved.json()) as { work: { assignee: { displayName: string } | null } }).work.assignee
        ?.displayName,
    ).toBe('Administrator');
    await page.getByLabel('Your comment').fill('Patch planned for the May shutdown, "=1+1".');
    await page.getByRole('button', { name: 'Add the comment' }).click();
    await page
      .locator('.finding-comment')
      .filter({ hasText: 'Patch planned for the May shutdown' })
      .waitFor({ timeout: TIMEOUT });
    await page.reload();
    await page
      .locator('.finding-comment')
      .filter({ hasText: 'Administrator' })
      .waitFor({ timeout: TIMEOUT });
    await driver.shot('findings-workflow-detail');

    // back to the zone's findings: select them all and bulk-assign with a due date
    await page.goto(zoneUrl);
    await page.locator('.findings-count').waitFor({ timeout: TIMEOUT });
    await page.locator('.findings-select-all input').check();
    await page
      .getByText(`${String(inZone.shown)} finding`)
      .first()
      .waitFor({ timeout: TIMEOUT });
    await page.getByRole('button', { name: 'Assign…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor({ timeout: TIMEOUT });
    await pickAssignee(page, dialog, 'Administrator');
    const bulkSaving = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().includes('/findings-work/bulk'),
      { timeout: TIMEOUT },
    );
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    expect((await bulkSaving).status()).toBe(200);
    await dialog.waitFor({ state: 'detached', timeout: TIMEOUT });
    await driver.shot('findings-workflow-bulk');

    // filter by assignee: the zone's findings, each assigned
    const assignee = page.locator('select[name="assignee"]');
    const adminValue = await assignee
      .locator('option', { hasText: 'Administrator' })
      .getAttribute('value');
    await assignee.selectOption(adminValue ?? '');
    await page.waitForURL(/[?&]assignee=/, { timeout: TIMEOUT });
    await expect
      .poll(async () => (await counts(page)).shown, { timeout: TIMEOUT })
      .toBe(inZone.shown);

    // export the filtered list as CSV
    await page.getByRole('button', { name: 'Export' }).click();
    const downloading = page.waitForEvent('download', { timeout: TIMEOUT });
    await page.getByRole('menuitem', { name: 'CSV (spreadsheet)' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/-findings-\d{4}-\d{2}-\d{2}\.csv$/);
    const path = await download.path();
    const csv = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'Id,Severity,Title,Status,Family,Subject,Zone,Site,Assignee,Due date,Decision,Review date,Review passed',
    );
    expect(lines).toHaveLength(inZone.shown + 1);
    for (const line of lines.slice(1)) expect(line).toContain('Administrator');
    // the signed-out check before signing in answers 401; nothing else may fail
    expect(driver.problems.filter((p) => !p.includes('401 (Unauthorized)'))).toEqual([]);
  }, 180_000);
});
