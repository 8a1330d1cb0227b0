/**
 * End to end: a new user starts two workspaces without writing YAML. The first from a CSV
 * inventory (with a flow matrix): the columns are detected and shown, the preview lists what
 * will be created and the problems at their row and column, and the assets appear in the
 * explorer. The second from the guided wizard, step by step, ending on a dashboard with
 * findings. In English, in Debian's Chromium, against the platform served in-process.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  expectNoHorizontalOverflow,
  PHONE,
  signIn,
  startBrowser,
  startPlatform,
} from './support.js';
import type { Driver, Platform } from './support.js';

const TIMEOUT = 20_000;
const STEP = 90_000;

const ASSETS_CSV = [
  'Nom;Type;Zone;Adresse IP;Système',
  'Pare-feu;pare-feu;Serveurs;192.168.10.254;',
  'Serveur de fichiers;serveur;Serveurs;192.168.10.5;Windows Server 2012 R2',
  'Postes;poste;LAN bureautique;;Windows 11',
  'Copieur;imprimante;LAN bureautique;192.168.1.300;',
].join('\r\n');

const FLOWS_CSV = [
  'de \\ vers;Serveur de fichiers;Internet',
  'LAN bureautique;smb/445;https/443',
  'Serveur de fichiers;;https',
].join('\r\n');

let platform: Platform | undefined;
let driver: Driver | undefined;

async function newWorkspace(page: Page, name: string, slug: string): Promise<void> {
  await page.goto('/');
  await page.getByText('New workspace', { exact: true }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Identifier (lower-case letters, digits, dashes)').fill(slug);
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await page.waitForURL(/\/w\/[0-9a-f-]{36}\/start$/, { timeout: TIMEOUT });
  await page
    .getByRole('heading', { name: `Start the model of ${name}`, level: 1 })
    .waitFor({ timeout: TIMEOUT });
}

describe('a new workspace without YAML', () => {
  beforeAll(async () => {
    platform = await startPlatform();
    driver = await startBrowser(platform.url, 'en-GB');
    await signIn(driver.context, platform.email, platform.password);
  }, 120_000);

  afterAll(async () => {
    await driver?.close().catch(() => undefined);
    await platform?.close().catch(() => undefined);
  }, 60_000);

  it(
    'from a CSV inventory: mapping, preview with located problems, assets in the explorer',
    async () => {
      if (driver === undefined) throw new Error('not started');
      const page = driver.page;
      await newWorkspace(page, 'PME Inventaire', 'pme-inventaire');
      await page.getByRole('button', { name: /Import an inventory/ }).click();
      await page.getByLabel('Inventory files (CSV or XLSX)').setInputFiles([
        { name: 'inventaire.csv', mimeType: 'text/csv', buffer: Buffer.from(ASSETS_CSV) },
        { name: 'flux.csv', mimeType: 'text/csv', buffer: Buffer.from(FLOWS_CSV) },
      ]);
      await page.getByRole('button', { name: 'Read the files' }).click();

      // Mapping step: the detected columns, changeable, and the first rows.
      await page.getByRole('heading', { name: 'Columns' }).waitFor({ timeout: TIMEOUT });
      expect(await page.getByLabel('Column for “Zone”').inputValue()).toBe('2');
      expect(await page.getByLabel('Column for “IP addresses”').inputValue()).toBe('3');
      expect(await page.getByLabel('Table of flows').inputValue()).toBe('1');
      expect(await page.getByLabel('Layout').inputValue()).toBe('matrix');
      await expect.poll(() => page.getByText('Serveur de fichiers').count()).toBeGreaterThan(0);
      await driver.shot('onboarding-mapping');
      // Usable on a phone: the sample tables scroll inside their frame, not the page.
      await page.setViewportSize(PHONE);
      await expectNoHorizontalOverflow(page, 'inventory mapping at 390×844');
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.getByRole('button', { name: 'Preview with these columns' }).click();

      // Preview: what will be created and each problem at its row and column.
      const status = page.getByRole('status').filter({ hasText: 'will be created' });
      await status.waitFor({ timeout: TIMEOUT });
      expect(await status.textContent()).toContain('4 assets');
      expect(await status.textContent()).toContain('3 flows');
      const problems = page.locator('.onboarding-diag-list li');
      await expect.poll(() => problems.filter({ hasText: 'row 5, column 4' }).count()).toBe(1); // 192.168.1.300 is not an address
      expect(await page.getByText('The model is valid.').count()).toBe(1);
      await driver.shot('onboarding-preview');
      await page.getByRole('button', { name: 'Create the model' }).click();

      await page.waitForURL(/\/explore\/assets$/, { timeout: TIMEOUT });
      await page.getByText('Serveur de fichiers').first().waitFor({ timeout: TIMEOUT });
      await page.getByText('Copieur').first().waitFor({ timeout: TIMEOUT });
      await driver.shot('onboarding-explorer');
    },
    STEP,
  );

  it(
    'from the guided wizard: step checks, review, dashboard with findings',
    async () => {
      if (driver === undefined) throw new Error('not started');
      const page = driver.page;
      await newWorkspace(page, 'Cabinet Martin', 'cabinet-martin');
      await page.getByRole('button', { name: /Answer the guided wizard/ }).click();
      await page.getByRole('heading', { name: 'Step 1 of 7: Organisation' }).waitFor();
      await page.getByLabel('Name of the organisation *').fill('');
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByText('Fill in the required fields (marked *).').waitFor();
      await page.getByLabel('Name of the organisation *').fill('Cabinet Martin');
      await page.getByLabel('Sector of activity').fill('Expertise comptable');
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByRole('heading', { name: 'Step 2 of 7: Sites' }).waitFor();
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByRole('heading', { name: 'Step 3 of 7: Zones' }).waitFor();
      await page.locator('#wizard-zones-1-subnets').fill('192.168.1.0/24');
      await page.getByRole('button', { name: 'Next' }).click();

      await page.getByRole('heading', { name: 'Step 4 of 7: Main assets' }).waitFor();
      await page.setViewportSize(PHONE);
      await expectNoHorizontalOverflow(page, 'wizard at 390×844');
      await page.setViewportSize({ width: 1440, height: 900 });
      const addAsset = page.getByRole('button', { name: 'Add — Main assets' });
      await addAsset.click();
      await page.locator('#wizard-assets-0-name').fill('Serveur de fichiers');
      await page.locator('#wizard-assets-0-kind').selectOption('file-server');
      await page.locator('#wizard-assets-0-zone').selectOption('LAN');
      await page.locator('#wizard-assets-0-addresses').fill('192.168.1.500');
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByText('“192.168.1.500” is not an IP address.').waitFor();
      await page.locator('#wizard-assets-0-addresses').fill('192.168.1.5');
      await page.locator('#wizard-assets-0-os').fill('Windows Server 2012 R2');
      await addAsset.click();
      await page.locator('#wizard-assets-1-name').fill('Postes');
      await page.locator('#wizard-assets-1-kind').selectOption('workstation');
      await page.locator('#wizard-assets-1-zone').selectOption('LAN');
      await page.locator('#wizard-assets-1-count').fill('8');
      await page.getByRole('button', { name: 'Next' }).click();

      await page.getByRole('heading', { name: 'Step 5 of 7: Data and processes' }).waitFor();
      await page.getByRole('button', { name: 'Add — Data' }).click();
      await page.locator('#wizard-data-0-name').fill('Dossiers clients');
      await page.locator('#wizard-data-0-personal').check();
      await page.locator('#wizard-data-0-storedOn').selectOption('Serveur de fichiers');
      await page.getByRole('button', { name: 'Next' }).click();

      await page.getByRole('heading', { name: 'Step 6 of 7: Flows' }).waitFor();
      const addFlow = page.getByRole('button', { name: 'Add — Flows' });
      await addFlow.click();
      await page.locator('#wizard-flows-0-from').selectOption('Postes');
      await page.locator('#wizard-flows-0-to').selectOption('Serveur de fichiers');
      await page.locator('#wizard-flows-0-protocol').selectOption('smb');
      await page.locator('#wizard-flows-0-port').fill('445');
      await page.locator('#wizard-flows-0-encryption').selectOption('none');
      await addFlow.click();
      await page.locator('#wizard-flows-1-from').selectOption('Internet');
      await page.locator('#wizard-flows-1-to').selectOption('Serveur de fichiers');
      await page.locator('#wizard-flows-1-protocol').selectOption('rdp');
      await page.locator('#wizard-flows-1-port').fill('3389');
      await page.getByRole('button', { name: 'Next' }).click();

      await page
        .getByRole('heading', { name: 'Step 7 of 7: Review' })
        .waitFor({ timeout: TIMEOUT });
      await page.getByText('The model is valid.').waitFor({ timeout: TIMEOUT });
      await driver.shot('onboarding-wizard-review');
      await page.getByRole('button', { name: 'Create the model' }).click();

      await page.waitForURL(/\/w\/[0-9a-f-]{36}$/, { timeout: TIMEOUT });
      const open = page.getByRole('heading', { name: 'Open findings by severity' });
      await open.waitFor({ timeout: 60_000 });
      const total = page.getByRole('link', { name: /open findings/i }).first();
      await total.waitFor({ timeout: TIMEOUT });
      const n = Number(/(\d+)/.exec((await total.textContent()) ?? '')?.[1] ?? '0');
      expect(n).toBeGreaterThan(0);
      await driver.shot('onboarding-wizard-dashboard');
      expect(driver.problems).toEqual([]);
    },
    STEP,
  );
});
