/**
 * Issue 12 acceptance: a new user who does not write YAML, in Debian's Chromium, on a desktop
 * screen and then on a phone (390×844). The administrator creates the account (API); the person
 * signs in through the login page, creates a workspace from a CSV inventory (assets list and a
 * flow matrix) and another from the guided wizard, adds an asset and a flow with pickers only
 * (names, never ids), sees a finding about the new asset appear, assigns it to themself,
 * comments, and exports the findings as CSV. On the phone every page of the journey is measured:
 * no horizontal overflow (`scrollWidth` ≤ `clientWidth`). The steps share one page and run in
 * order; each test is one step and its name says which.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  PHONE,
  expectNoHorizontalOverflow,
  openPage,
  startBrowser,
  startPlatform,
} from './support.js';
import type { Driver, Platform } from './support.js';

const UI_TIMEOUT = 30_000;
const STEP_TIMEOUT = 180_000;
const PASSWORD = 'Nouvel-utilisateur-e2e-2026!';

/** A CSV inventory as a spreadsheet would export it (French headers, `;`). */
const ASSETS_CSV = [
  'Nom;Type;Zone;Site;Adresse IP;Système',
  'Pare-feu;pare-feu;LAN;Siège;192.168.1.254;',
  'Serveur ERP;serveur;Serveurs;Siège;192.168.10.5;Windows Server',
  'Postes;poste;LAN;Siège;;Windows 11',
].join('\n');
/** Flows as a matrix: sources in rows, destinations in columns. */
const FLOWS_CSV = ['de \\ vers;Serveur ERP;Pare-feu', 'Postes;https/443;', 'Serveur ERP;;'].join(
  '\n',
);

const SIZES = [
  ['desktop', { width: 1440, height: 900 }],
  ['phone', PHONE],
] as const;

describe.each(SIZES)('a new user, without YAML (%s)', (size, viewport) => {
  let platform: Platform | undefined;
  let driver: Driver | undefined;
  const user = {
    email: `new-user-${size}@example.org`,
    name: `Camille ${size === 'phone' ? 'Mobile' : 'Bureau'}`,
  };
  let csvWorkspace = '';
  let wizardWorkspace = '';
  let findingId = '';
  let findingTitle = '';
  const asset = { id: 'e2e-backup-server', name: 'E2E Backup Server' };

  function page(): Page {
    if (driver === undefined) throw new Error('the browser did not start');
    return driver.page;
  }

  /** On the phone, the page as it is must not scroll sideways. */
  async function fits(where: string): Promise<void> {
    if (size === 'phone') await expectNoHorizontalOverflow(page(), `${where} (phone)`);
  }

  async function api<T>(path: string): Promise<T> {
    const response = await page().request.get(path, { timeout: 120_000 });
    const text = await response.text();
    if (!response.ok()) throw new Error(`GET ${path} → ${String(response.status())}: ${text}`);
    return JSON.parse(text) as T;
  }

  async function latest(workspace: string): Promise<number | null> {
    const { versions } = await api<{ versions: { number: number }[] }>(
      `/api/workspaces/${workspace}/versions`,
    );
    return versions[0]?.number ?? null;
  }

  /** Types part of a name in the picker labelled `label` and chooses the option showing `name`. */
  async function pick(label: string, name: string): Promise<void> {
    const p = page();
    const input = p.getByRole('combobox', { name: label, exact: true });
    await input.click();
    await input.fill(name.slice(0, Math.min(name.length, 8)));
    const option = p.getByRole('option').filter({ hasText: name }).first();
    await option.waitFor({ timeout: UI_TIMEOUT });
    await option.click();
    await expect.poll(() => input.inputValue()).toBe(name);
  }

  /** From the workspaces page: a new workspace, which opens its onboarding page. */
  async function newWorkspace(name: string, slug: string): Promise<string> {
    const p = page();
    await openPage(p, '/');
    const field = p.getByLabel('Name', { exact: true });
    // The creation form is folded (a disclosure) until asked for.
    if (!(await field.isVisible())) await p.getByText('New workspace', { exact: true }).click();
    await field.fill(name);
    await p.getByLabel(/^Identifier/).fill(slug);
    await p.getByRole('button', { name: 'Create', exact: true }).click();
    await p.waitForURL(/\/w\/[^/]+\/start/, { timeout: UI_TIMEOUT });
    await p.getByRole('heading', { level: 1 }).waitFor({ timeout: UI_TIMEOUT });
    const id = /\/w\/([^/]+)\/start/.exec(p.url())?.[1];
    if (id === undefined) throw new Error(`no workspace id in ${p.url()}`);
    await fits('onboarding choices');
    return decodeURIComponent(id);
  }

  beforeAll(async () => {
    platform = await startPlatform();
    driver = await startBrowser(platform.url, 'en-US');
    await driver.page.setViewportSize(viewport);
    // The administrator creates the account (the invitation e-mail is tested elsewhere).
    const admin = await driver.browser.newContext({ baseURL: platform.url });
    try {
      const login = await admin.request.post('/api/auth/login', {
        data: { email: platform.email, password: platform.password },
      });
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const created = await admin.request.post('/api/admin/users', {
        headers: { 'x-csrf-token': csrfToken },
        data: { email: user.email, displayName: user.name, password: PASSWORD },
      });
      expect(created.status(), await created.text()).toBe(201);
    } finally {
      await admin.close();
    }
  }, STEP_TIMEOUT);

  // A failed step leaves a screenshot of the page in test-results/e2e/.
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') {
      const name = context.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
      await driver?.shot(`new-user-${size}-${name}`).catch(() => undefined);
    }
  });

  afterAll(async () => {
    await driver?.close().catch(() => undefined);
    await platform?.close().catch(() => undefined);
  }, 60_000);

  it(
    'signs in through the login page',
    async () => {
      const p = page();
      await p.goto('/');
      await p.getByLabel('E-mail').fill(user.email);
      await p.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await fits('login page');
      await p.getByRole('button', { name: 'Sign in' }).click();
      await p
        .getByRole('heading', { name: 'Workspaces', level: 1 })
        .waitFor({ timeout: UI_TIMEOUT });
      await fits('workspaces page');
    },
    STEP_TIMEOUT,
  );

  it(
    'creates a workspace from a CSV inventory (assets and a flow matrix)',
    async () => {
      const p = page();
      csvWorkspace = await newWorkspace('Inventaire PME', `inventaire-${size}`);
      await p.getByRole('button', { name: /Import an inventory \(CSV, XLSX\)/ }).click();
      await p.getByLabel('Inventory files (CSV or XLSX)').setInputFiles([
        { name: 'inventaire.csv', mimeType: 'text/csv', buffer: Buffer.from(ASSETS_CSV) },
        { name: 'flux.csv', mimeType: 'text/csv', buffer: Buffer.from(FLOWS_CSV) },
      ]);
      await p.getByRole('button', { name: 'Read the files' }).click();
      // The tables are detected from the files; choosing them again keeps the detected columns.
      for (const [label, file] of [
        [/^Table of assets/, 'inventaire.csv'],
        [/^Table of flows/, 'flux.csv'],
      ] as const) {
        const select = p.getByRole('combobox', { name: label });
        await select.waitFor({ timeout: UI_TIMEOUT });
        await select.selectOption({ label: file });
      }
      await fits('inventory column mapping');
      await p.getByRole('button', { name: 'Preview with these columns' }).click();
      const create = p.getByRole('button', { name: 'Create the model' });
      await create.waitFor({ timeout: UI_TIMEOUT });
      await fits('inventory preview');
      expect(await create.isEnabled(), 'the preview has no error').toBe(true);
      await create.click();
      await expect.poll(() => latest(csvWorkspace), { timeout: UI_TIMEOUT }).toBe(1);
      const { total } = await api<{ total: number }>(
        `/api/workspaces/${csvWorkspace}/versions/1/entities/assets`,
      );
      expect(total).toBe(3);
      const flows = await api<{ total: number }>(
        `/api/workspaces/${csvWorkspace}/versions/1/entities/flows`,
      );
      expect(flows.total).toBe(1);
    },
    STEP_TIMEOUT,
  );

  it(
    'creates another workspace with the guided wizard',
    async () => {
      const p = page();
      wizardWorkspace = await newWorkspace('Cabinet médical', `cabinet-${size}`);
      await p.getByRole('button', { name: /Answer the guided wizard/ }).click();
      await p.getByLabel('Name of the organisation *').fill('Cabinet médical des Tilleuls');
      await fits('wizard, organisation');
      const create = p.getByRole('button', { name: 'Create the model' });
      for (let step = 0; step < 10 && !(await create.isVisible()); step += 1) {
        await p.getByRole('button', { name: 'Next', exact: true }).click();
        await fits(`wizard, step ${String(step + 2)}`);
      }
      await create.click();
      await expect.poll(() => latest(wizardWorkspace), { timeout: UI_TIMEOUT }).toBe(1);
      const org = await api<{ fields: { name?: string } }>(
        `/api/workspaces/${wizardWorkspace}/versions/1/entities/organisation/organisation`,
      ).catch(() => null);
      if (org !== null) expect(org.fields.name).toBe('Cabinet médical des Tilleuls');
    },
    STEP_TIMEOUT,
  );

  it(
    'adds an asset with its zone picked by name',
    async () => {
      const p = page();
      await openPage(p, `/w/${csvWorkspace}/explore/assets`);
      await p.getByRole('link', { name: 'New asset' }).click();
      await p.getByRole('heading', { name: 'New asset' }).waitFor({ timeout: UI_TIMEOUT });
      await p.getByLabel('Name', { exact: true }).fill(asset.name);
      await expect.poll(() => p.locator('#entity-id').inputValue()).toBe(asset.id);
      await p.getByLabel('Kind (required)').selectOption({ label: 'Server' });
      await pick('Zone', 'Serveurs');
      await fits('new asset form');
      await p.getByRole('button', { name: 'Create' }).click();
      await p.getByRole('heading', { name: asset.name }).waitFor({ timeout: UI_TIMEOUT });
      await fits('asset page');
    },
    STEP_TIMEOUT,
  );

  it(
    'adds a flow with its endpoints picked by name',
    async () => {
      const p = page();
      await openPage(p, `/w/${csvWorkspace}/explore/flows`);
      await p.getByRole('link', { name: 'New flow' }).click();
      await p.getByRole('heading', { name: 'New flow' }).waitFor({ timeout: UI_TIMEOUT });
      await p.getByLabel('Name', { exact: true }).fill('ERP backups');
      await pick('From (required)', 'Serveur ERP');
      await pick('To (required)', asset.name);
      await p.getByLabel('Protocol (required)').selectOption({ label: 'HTTPS' });
      await fits('new flow form');
      await p.getByRole('button', { name: 'Create' }).click();
      await p.getByRole('heading', { name: 'ERP backups' }).waitFor({ timeout: UI_TIMEOUT });
      await fits('flow page');
    },
    STEP_TIMEOUT,
  );

  it(
    'sees a finding about the new asset appear in the findings',
    async () => {
      const p = page();
      const version = await latest(csvWorkspace);
      const { findings } = await api<{
        findings: { id: string; title: string; subjects: { id: string }[] }[];
      }>(`/api/workspaces/${csvWorkspace}/versions/${String(version)}/findings?lang=en`);
      const about = findings.filter((f) => f.subjects.some((s) => s.id === asset.id));
      expect(about.length, 'findings about the new asset').toBeGreaterThan(0);
      findingId = about[0]?.id ?? '';
      findingTitle = about[0]?.title ?? '';
      await openPage(p, `/w/${csvWorkspace}/findings`);
      await fits('findings list');
      const link = p.locator(`a[href$="/findings/${encodeURIComponent(findingId)}"]`).first();
      await link.waitFor({ timeout: UI_TIMEOUT });
      await link.click();
      await p
        .getByRole('heading', { name: findingTitle, level: 1 })
        .waitFor({ timeout: UI_TIMEOUT });
      await fits('finding page');
    },
    STEP_TIMEOUT,
  );

  it(
    'assigns the finding to themself',
    async () => {
      const p = page();
      await pick('Assignee', user.name);
      await p.getByRole('button', { name: 'Save', exact: true }).click();
      // the saved assignee, not the passing toast (it may be gone before it is looked for)
      await expect
        .poll(
          async () =>
            (
              await api<{ work: { assignee: { displayName: string } | null } }>(
                `/api/workspaces/${csvWorkspace}/findings-work/${encodeURIComponent(findingId)}`,
              )
            ).work.assignee?.displayName,
          { timeout: UI_TIMEOUT },
        )
        .toBe(user.name);
      await fits('finding page, assigned');
    },
    STEP_TIMEOUT,
  );

  it(
    'comments on the finding',
    async () => {
      const p = page();
      const text = `Backups to be logged from next week (${size}).`;
      await p.getByLabel('Your comment').fill(text);
      await p.getByRole('button', { name: 'Add the comment' }).click();
      await p.getByText(text).first().waitFor({ timeout: UI_TIMEOUT });
      await openPage(p, `/w/${csvWorkspace}/findings/${encodeURIComponent(findingId)}`);
      await p.getByText(text).first().waitFor({ timeout: UI_TIMEOUT });
      await fits('finding page, commented');
    },
    STEP_TIMEOUT,
  );

  it(
    'exports the findings as CSV, with the assignee',
    async () => {
      const p = page();
      await openPage(p, `/w/${csvWorkspace}/findings`);
      await p.getByRole('button', { name: 'Export' }).click();
      const download = p.waitForEvent('download', { timeout: UI_TIMEOUT });
      await p.getByRole('menuitem', { name: 'CSV (spreadsheet)' }).click();
      const file = await (await download).path();
      const csv = readFileSync(file, 'utf8');
      const lines = csv.split(/\r?\n/).filter((l) => l.trim() !== '');
      expect(lines.length, csv.slice(0, 400)).toBeGreaterThan(1);
      const row = lines.find((l) => l.includes(findingId) || l.includes(findingTitle));
      expect(row, `the finding in the CSV:\n${csv.slice(0, 600)}`).toBeDefined();
      expect(row).toContain(user.name);
      await fits('findings list, export menu');
      expect(driver?.problems.filter((x) => !/status of 4\d\d/.test(x)) ?? []).toEqual([]);
    },
    STEP_TIMEOUT,
  );
});
