/**
 * Issue 14, the disaster recovery plan in the browser: on the demo organisation, the scenario
 * simulator runs a ransomware from an office workstation (picked in the page's list), shows a
 * backup lost and a process missing its RTO, re-plans when the number of teams changes, and the
 * PRA is generated as a PDF on the documents page and downloaded. An exercise is recorded (its
 * wrong fields named first). English UI, Debian's Chromium; the server listens on a port of its
 * own (port 0), so this file runs beside the others.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { appIds, openPage, signIn, startBrowser, startPlatform } from './support.js';
import type { AppIds, Driver, Platform } from './support.js';

const STEP_TIMEOUT = 180_000;
const UI_TIMEOUT = 60_000;
const DOCUMENT_TIMEOUT = 120_000;
const PDFTOTEXT = '/usr/bin/pdftotext';

let platform: Platform | undefined;
let driver: Driver | undefined;
let ids: AppIds | undefined;
const downloads = mkdtempSync(join(tmpdir(), 'vigie-e2e-pra-'));

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

/** The makespan and team count the simulator's schedule states ("2 teams in parallel: … 3 d"). */
async function scheduleText(): Promise<string> {
  return ((await main().locator('#sim-gantt-title + p').textContent()) ?? '').trim();
}

describe('disaster recovery plan in the browser (demo, English)', () => {
  beforeAll(async () => {
    platform = await startPlatform();
    driver = await startBrowser(platform.url, 'en-GB');
    await signIn(driver.context, platform.email, platform.password);
    ids = await appIds(driver.context);
  }, STEP_TIMEOUT);

  afterAll(async () => {
    await driver?.close();
    await platform?.close();
    rmSync(downloads, { recursive: true, force: true });
  });

  it(
    'simulates ransomware from a workstation: a backup lost, an RTO missed, re-planned with fewer teams',
    async () => {
      const p = page();
      await openPage(p, base());
      await p.getByRole('navigation').getByRole('link', { name: 'Continuity' }).first().click();
      await main().getByRole('link', { name: 'Scenario simulator' }).click();
      await main().getByRole('heading', { name: 'Scenario simulator', level: 1 }).waitFor();

      await main().getByLabel('Kind of disaster').selectOption('ransomware');
      const target = main().getByLabel(/^Entry point/);
      // the model's workstations are offered first, labelled with their kind: the office ones of
      // the head office (the README's continuity weakness 1 starts there)
      const workstation = target.locator('option', { hasText: /siège — workstation \(/ }).first();
      await workstation.waitFor({ state: 'attached', timeout: UI_TIMEOUT });
      const value = (await workstation.getAttribute('value')) ?? '';
      expect(value).not.toBe('');
      await target.selectOption(value);
      await main().getByRole('button', { name: 'Run the scenario' }).click();

      await main().locator('#sim-summary-title').waitFor({ timeout: UI_TIMEOUT });
      expect(await main().locator('#sim-summary-title').textContent()).not.toBe('');

      // a backup the ransomware encrypts too
      const lostBackups = main().locator('.sim-backup-lost');
      expect(await lostBackups.count()).toBeGreaterThan(0);
      expect(await lostBackups.first().textContent()).toContain('Lost');
      // a process whose recovery misses its RTO
      const processes = main().getByRole('region', { name: 'Processes interrupted' });
      const missed = processes.locator('.sim-badge', { hasText: 'RTO missed' });
      expect(await missed.count()).toBeGreaterThan(0);
      // lost assets are listed by zone, and the schedule is drawn with its critical path
      expect(await main().locator('.sim-zone li').count()).toBeGreaterThan(0);
      expect(await main().locator('.sim-gantt-row').count()).toBeGreaterThan(0);
      expect(await main().locator('.sim-gantt-row.critical').count()).toBeGreaterThan(0);
      await driver?.shot('pra-simulator-ransomware');

      // keyboard: the chart is one tab stop; arrows go through the tasks and show their details
      const chart = main().getByRole('listbox', { name: /^Recovery schedule/ });
      await chart.focus();
      await p.keyboard.press('End');
      const detail = ((await main().locator('.sim-gantt-detail').textContent()) ?? '').trim();
      expect(detail).toMatch(/^.+: .+, from .+ to .+ \(.+\)\./);

      // one team instead of the declared ones: the scenario runs again and the schedule changes
      const before = await scheduleText();
      expect(before).toMatch(/in parallel/);
      const teams = main().getByLabel('Recovery teams working in parallel');
      await teams.fill('1');
      await expect.poll(scheduleText, { timeout: UI_TIMEOUT }).toMatch(/^1 team in parallel/);
      const one = await scheduleText();
      await teams.fill('6');
      await expect.poll(scheduleText, { timeout: UI_TIMEOUT }).toMatch(/^6 teams in parallel/);
      const six = await scheduleText();
      expect(six).not.toBe(one);
      expect(driver?.problems ?? []).toEqual([]);
    },
    STEP_TIMEOUT,
  );

  it(
    'records an exercise: wrong fields are named, then it is saved as a new version and listed',
    async () => {
      await main().getByRole('link', { name: 'Exercises' }).click();
      await main().getByRole('heading', { name: 'Continuity exercises', level: 1 }).waitFor();
      const rows = main().getByRole('region', { name: 'Recorded exercises' }).locator('tbody tr');
      await rows.first().waitFor({ timeout: UI_TIMEOUT });
      const before = await rows.count();
      // the demo's processes each have a measured-time field; take the first one
      const time = main().locator('.ex-measured input').first();
      const save = main().getByRole('button', { name: 'Record the exercise' });

      await main().getByLabel('Date', { exact: true }).fill('2099-01-01');
      await time.fill('4 hours');
      await save.click();
      await expect
        .poll(() => main().locator('.sim-field-error').allTextContents())
        .toEqual([
          'The date is in the future: record an exercise once held.',
          'Describe the scenario that was exercised.',
          'Write the time as a duration: a number followed by min, h, d, w, mo or y (e.g. 4h).',
        ]);
      expect(await time.getAttribute('aria-invalid')).toBe('true');

      await main().getByLabel('Date', { exact: true }).fill('2026-11-20');
      await main().getByLabel('Scenario', { exact: true }).fill('ransomware:postes-siege');
      await time.fill('5h');
      await main().getByLabel('Problems found').fill('Restore took longer than planned');
      await save.click();
      await main()
        .getByText(/^Exercise recorded: version \d+ of the model\.$/)
        .waitFor({
          timeout: UI_TIMEOUT,
        });
      await expect.poll(() => rows.count(), { timeout: UI_TIMEOUT }).toBe(before + 1);
      expect(await main().getByText('Restore took longer than planned').count()).toBe(1);
      expect(driver?.problems ?? []).toEqual([]);
    },
    STEP_TIMEOUT,
  );

  it(
    'generates the disaster recovery plan as a PDF on the documents page and downloads it',
    async () => {
      const p = page();
      // the continuity pages link to the documents page with the PRA preselected
      await main().getByRole('link', { name: 'Recovery plan document (PRA)' }).click();
      await main().getByRole('heading', { name: 'Documents', level: 1 }).waitFor();
      const kind = main().getByLabel('Document', { exact: true });
      expect(await kind.inputValue()).toBe('pra');
      expect(await kind.locator('option:checked').textContent()).toBe(
        'Disaster recovery plan (PRA)',
      );
      await main().getByLabel('Format', { exact: true }).selectOption('pdf');
      await main().getByLabel('Language', { exact: true }).selectOption('en');
      await main().getByRole('button', { name: 'Generate' }).click();
      await main().getByText('Generation of Disaster recovery plan PDF requested.').waitFor();

      const download = main()
        .getByRole('row', { name: /Disaster recovery plan \(PRA\)/ })
        .first()
        .getByRole('button', { name: /^Download/ });
      await download.waitFor({ timeout: DOCUMENT_TIMEOUT });
      await main().getByText('Disaster recovery plan PDF ready.').waitFor();
      const [file] = await Promise.all([p.waitForEvent('download'), download.click()]);
      expect(file.suggestedFilename()).toMatch(/\.pdf$/);
      const path = join(downloads, file.suggestedFilename() || 'pra.pdf');
      await file.saveAs(path);
      const bytes = readFileSync(path);
      expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
      expect(bytes.length).toBeGreaterThan(10_000);
      if (existsSync(PDFTOTEXT)) {
        // the PRA itself, not another document: its title and its business impact analysis
        const text = execFileSync(PDFTOTEXT, ['-q', path, '-'], { encoding: 'utf8' });
        expect(text).toContain('Disaster recovery plan');
        expect(text).toContain('Business impact analysis');
      }
      await driver?.shot('pra-document');
      expect(driver?.problems ?? []).toEqual([]);
    },
    DOCUMENT_TIMEOUT + 60_000,
  );
});
