/**
 * Issue 5 acceptance: the whole journey of a security analyst through the web UI, in a real
 * browser (Debian's Chromium through playwright-core) against the platform served in-process on
 * a fresh SQLite directory with the demo organisation. The steps share one page and run in
 * order; each test is one step of the journey and its name says which.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startBrowser, startPlatform } from './support.js';
import type { Driver, Platform } from './support.js';

const DEMO = 'Forges de l’Est';
const ASSET = 'srv-fichiers';
const ASSET_NAME = 'Serveur de fichiers';
const NEW_DESCRIPTION =
  'Serveur de fichiers départemental, journalisation des accès activée (e2e).';
const EDIT_MESSAGE = 'e2e : description du serveur de fichiers';
const JUSTIFICATION = 'Risque accepté jusqu’à la migration du serveur (test de bout en bout).';
const XSS_NAME = '<img src=x onerror="window.__xss=1">Serveur <b>gras</b>';
const PDFTOTEXT = '/usr/bin/pdftotext';
/** Generous waits: the first analyses of the demo and document generation take seconds. */
const UI_TIMEOUT = 15_000;
const STEP_TIMEOUT = 60_000;
const DOCUMENT_TIMEOUT = 120_000;
/** Console lines a journey may legitimately produce: the 4xx answers it provokes on purpose. */
const EXPECTED_CONSOLE =
  /^console: Failed to load resource: the server responded with a status of 4\d\d/;

let platform: Platform | undefined;
let driver: Driver | undefined;
let workspaceId = '';
let findingId = '';
let findingTitleFr = '';
const dialogs: string[] = [];
const downloads = mkdtempSync(join(tmpdir(), 'vigie-e2e-downloads-'));

function page(): Page {
  if (driver === undefined) throw new Error('the browser did not start (see beforeAll)');
  return driver.page;
}

function base(): string {
  if (workspaceId === '') throw new Error('no workspace id: step 1 did not open the demo');
  return `/w/${workspaceId}`;
}

function main(): Locator {
  return page().getByRole('main');
}

function nav(): Locator {
  return page().getByRole('navigation', { name: /Navigation principale|Main navigation/ });
}

/** Today + one year as `YYYY-MM-DD` (local time, like the date input). */
function inOneYear(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(now.getFullYear() + 1)}-${pad(now.getMonth() + 1)}-${pad(Math.min(now.getDate(), 28))}`;
}

/** Evaluates an expression in the page (a string: the tests are type-checked without the DOM). */
async function inPage<T>(p: Page, expression: string): Promise<T> {
  const value: unknown = await p.evaluate(expression);
  return value as T;
}

function htmlLang(): Promise<string> {
  return inPage<string>(page(), 'document.documentElement.lang');
}

async function expectNoXss(where: string): Promise<void> {
  const p = page();
  const state = await inPage<{ xss: unknown; images: number; bold: number }>(
    p,
    `({
      xss: window.__xss,
      images: document.querySelectorAll('img[src="x"]').length,
      bold: [...document.querySelectorAll('b')].filter((b) => b.textContent === 'gras').length,
    })`,
  );
  expect(state.xss, `${where}: window.__xss was set (script ran)`).toBeUndefined();
  expect(state.images, `${where}: an <img src="x"> element was injected`).toBe(0);
  expect(state.bold, `${where}: a <b>gras</b> element was injected`).toBe(0);
  expect(dialogs, `${where}: a dialog fired`).toEqual([]);
}

describe('issue 5 acceptance: the analyst journey in the web UI', { concurrent: false }, () => {
  beforeAll(async () => {
    platform = await startPlatform();
    driver = await startBrowser(platform.url, 'fr-FR');
    driver.page.setDefaultTimeout(UI_TIMEOUT);
    driver.page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => undefined);
    });
  }, 120_000);

  // A failing step leaves a screenshot named after it (test-results/e2e/failed-step-N.png).
  beforeEach((context) => {
    context.onTestFailed(async () => {
      const step = /^step (\d+)/.exec(context.task.name)?.[1] ?? 'x';
      await driver?.shot(`failed-step-${step}`).catch(() => undefined);
    });
  });

  afterAll(async () => {
    try {
      await driver?.close();
    } finally {
      try {
        await platform?.close();
      } finally {
        rmSync(downloads, { recursive: true, force: true });
      }
    }
  }, 120_000);

  it(
    'step 1 — signs in through the French UI (a wrong password first is refused)',
    async () => {
      const p = page();
      if (platform === undefined) throw new Error('the platform did not start');
      await p.goto('/');
      await expect.poll(() => htmlLang()).toBe('fr');
      await p.getByRole('heading', { name: 'Connexion à Vigie' }).waitFor();

      await p.getByLabel('Adresse e-mail').fill(platform.email);
      await p.getByLabel('Mot de passe').fill(`${platform.password}-wrong`);
      await p.getByRole('button', { name: 'Se connecter' }).click();
      const alert = p.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('Adresse e-mail ou mot de passe incorrect.');
      expect(await p.getByRole('heading', { name: 'Connexion à Vigie' }).isVisible()).toBe(true);
      expect(new URL(p.url()).pathname).toBe('/');

      await p.getByLabel('Mot de passe').fill(platform.password);
      await p.getByRole('button', { name: 'Se connecter' }).click();
      await p.getByRole('heading', { name: 'Espaces de travail', level: 1 }).waitFor();
      const open = p.getByRole('link', { name: `Ouvrir ${DEMO}` });
      await open.waitFor();
      expect(await open.textContent()).toBe(DEMO);
    },
    STEP_TIMEOUT,
  );

  it(
    'step 2 — opens the demo: open findings by severity, hygiene score, top attack paths',
    async () => {
      const p = page();
      await p.getByRole('link', { name: `Ouvrir ${DEMO}` }).click();
      await p.waitForURL(/\/w\/[0-9a-f-]{36}$/);
      workspaceId = new URL(p.url()).pathname.split('/')[2] ?? '';
      await main().getByRole('heading', { name: 'Tableau de bord', level: 1 }).waitFor();

      const open = main().getByRole('region', { name: 'Constats ouverts par gravité' });
      await open.getByRole('listitem').first().waitFor();
      const counts = (await open.locator('.dash-count').allTextContents()).map((s) =>
        Number(s.replace(/\D/g, '')),
      );
      expect(counts, 'one count per severity').toHaveLength(4);
      for (const count of counts) {
        expect(count, `open findings by severity: ${counts.join(', ')}`).toBeGreaterThan(0);
      }
      const total = await open.getByRole('link', { name: /Les .* constats ouverts/ }).textContent();
      expect(Number((total ?? '').replace(/\D/g, ''))).toBe(counts.reduce((a, b) => a + b, 0));

      const hygiene = main().getByRole('region', { name: 'Socle d’hygiène ANSSI' });
      const score = (await hygiene.locator('.dash-big').textContent()) ?? '';
      expect(score, 'hygiene score').toMatch(/\d+\s?%/);

      const paths = main().getByRole('region', { name: 'Chemins d’attaque les plus probables' });
      const items = paths.getByRole('list').first().getByRole('listitem');
      await items.first().waitFor();
      expect(await items.count(), 'top attack paths').toBeGreaterThan(0);
      expect(await items.first().textContent()).toMatch(/→.*vraisemblance \d/);
      await driver?.shot('01-dashboard');
    },
    STEP_TIMEOUT,
  );

  it(
    'step 3 — browses the asset srv-fichiers in the model explorer',
    async () => {
      const p = page();
      await nav().getByRole('link', { name: 'Modèle' }).click();
      await main().getByRole('heading', { name: 'Actifs', level: 1 }).waitFor();
      const table = main().getByRole('table', { name: 'Actifs du modèle' });
      await table.getByRole('row').nth(1).waitFor();
      // French plural: "1 entité sur 64", "12 entités sur 64"
      const count = main().getByText(/^\d+ entités? sur \d+$/);
      const before = (await count.textContent()) ?? '';
      const [shown, total] = (before.match(/\d+/g) ?? []).map(Number);
      expect(shown, before).toBe(total);
      expect(total, before).toBeGreaterThan(1);

      await main().getByRole('searchbox', { name: 'Rechercher' }).fill('fichiers');
      await p.waitForURL(/[?&]q=fichiers/);
      const shownNow = async (): Promise<number> =>
        Number(((await count.textContent()) ?? '').match(/\d+/)?.[0] ?? Number.NaN);
      // the list reloads for the search: wait for the filtered count, not any change
      await expect
        .poll(shownNow, { message: 'the search filters the rows', timeout: 15_000 })
        .toBeLessThan(total ?? 0);
      const after = ((await count.textContent()) ?? '').match(/\d+/g)?.map(Number) ?? [];
      expect(after[0], 'the search keeps the file server').toBeGreaterThan(0);
      const link = table.getByRole('link', { name: ASSET_NAME, exact: true });
      await link.click();

      await p.waitForURL(new RegExp(`/explore/assets/${ASSET}$`));
      await main().getByRole('heading', { name: ASSET_NAME, level: 1 }).waitFor();
      const relations = main().getByRole('region', { name: 'Relations' });
      const zone = relations.locator('a[href*="/explore/zones/lan-siege"]');
      expect(await zone.count(), 'link to the zone lan-siege').toBeGreaterThan(0);
      expect(
        await relations.locator('a[href*="/explore/flows/"]').count(),
        'flows of the asset',
      ).toBeGreaterThan(0);
      const findings = main().getByRole('region', { name: 'Constats sur cette entité' });
      const rows = findings.getByRole('table').getByRole('row');
      expect(await rows.count(), 'findings on the asset (header + rows)').toBeGreaterThan(1);
      await driver?.shot('02-asset');
    },
    STEP_TIMEOUT,
  );

  it(
    'step 4 — edits the description; the diff of assets-siege.yaml shows the change',
    async () => {
      const p = page();
      await main().getByRole('link', { name: 'Modifier', exact: true }).click();
      await p.waitForURL(new RegExp(`/explore/assets/${ASSET}/edit$`));
      await main()
        .getByRole('heading', { name: `Modifier ${ASSET_NAME}`, level: 1 })
        .waitFor();
      const description = main().getByRole('textbox', { name: /^Description/ });
      expect(await description.inputValue()).toContain('Partages départementaux');
      await description.fill(NEW_DESCRIPTION);
      await main().getByLabel('Ce qui a changé (facultatif)').fill(EDIT_MESSAGE);
      await main().getByRole('button', { name: 'Enregistrer', exact: true }).click();
      const success = main().getByRole('status').filter({ hasText: 'enregistrée' });
      await success.waitFor();
      expect(await success.textContent()).toContain('Version 2 enregistrée.');

      await success.getByRole('link', { name: 'Voir les changements' }).click();
      await p.waitForURL(/\/versions\/1\/diff\/2$/);
      await main()
        .getByRole('heading', { name: 'Changements de la version 1 à la version 2', level: 1 })
        .waitFor();
      // the line diff is the third tab of "what changed" (entities, findings, lines)
      await main()
        .getByRole('tablist', { name: 'Ce qui a changé' })
        .getByRole('tab', { name: 'Lignes' })
        .click();
      await p.waitForURL(/[?&]tab=lines/);
      const diff = main().getByLabel('Changements dans assets-siege.yaml');
      await diff.waitFor();
      const removed = await diff.locator('.diff-del').allTextContents();
      const added = await diff.locator('.diff-add').allTextContents();
      expect(
        removed.some((line) => line.startsWith('-') && line.includes('Partages départementaux')),
        `removed lines: ${JSON.stringify(removed)}`,
      ).toBe(true);
      expect(
        added.some((line) => line.startsWith('+') && line.includes(NEW_DESCRIPTION)),
        `added lines: ${JSON.stringify(added)}`,
      ).toBe(true);
      await driver?.shot('03-diff');

      await nav().getByRole('link', { name: 'Versions' }).click();
      await main().getByRole('heading', { name: 'Versions', level: 1 }).waitFor();
      const row = main().getByRole('row').filter({ hasText: EDIT_MESSAGE });
      await row.waitFor();
      expect(await row.getByRole('rowheader').textContent()).toMatch(/^2\b/);
    },
    STEP_TIMEOUT,
  );

  it(
    'step 5 — accepts the risk of an open finding; the decision is version 3',
    async () => {
      const p = page();
      await nav().getByRole('link', { name: 'Constats' }).click();
      await main().getByRole('heading', { name: 'Constats', level: 1 }).waitFor();
      await main().getByLabel('Statut').selectOption('open');
      await p.waitForURL(/[?&]status=open/);
      const table = main().getByRole('table', { name: /Constats de la version 2/ });
      const first = table.getByRole('row').nth(1);
      await first.waitFor();
      // the status column is found by its header: columns are added over time
      const headers = (await table.getByRole('columnheader').allTextContents()).map((h) =>
        h.trim(),
      );
      const status = headers.findIndex((h) => h.startsWith('Statut'));
      expect(status, `columns: ${JSON.stringify(headers)}`).toBeGreaterThanOrEqual(0);
      expect(await first.getByRole('cell').nth(status).textContent()).toContain('Ouvert');
      const link = first.getByRole('link').first();
      findingTitleFr = ((await link.textContent()) ?? '').trim();
      expect(findingTitleFr).not.toBe('');
      findingId = decodeURIComponent(
        /\/findings\/([^/?]+)/.exec((await link.getAttribute('href')) ?? '')?.[1] ?? '',
      );
      expect(findingId, 'finding id from the list link').not.toBe('');
      await link.click();

      await p.waitForURL(new RegExp(`/findings/${encodeURIComponent(findingId)}`));
      await main().getByRole('heading', { name: findingTitleFr, level: 1 }).waitFor();
      const form = main().getByRole('form', { name: 'Enregistrer une décision' });
      await form.getByRole('radio', { name: 'Accepter le risque' }).check();
      await form.getByLabel('Justification (obligatoire)').fill(JUSTIFICATION);
      await form
        .getByLabel('Date de revue (obligatoire pour accepter un risque)')
        .fill(inOneYear());
      await form.getByRole('button', { name: 'Enregistrer la décision' }).click();
      const success = main().getByRole('status').filter({ hasText: 'Décision enregistrée' });
      await success.waitFor();
      expect(await success.textContent()).toContain('Décision enregistrée dans la version 3.');

      await p.reload();
      await main().getByRole('heading', { name: findingTitleFr, level: 1 }).waitFor();
      const heading = { name: 'Décision de risque', level: 2 } as const;
      await main().getByRole('heading', heading).waitFor();
      const fields = main()
        .locator('section')
        .filter({ has: p.getByRole('heading', heading) });
      await fields.getByText(JUSTIFICATION).waitFor();
      expect(await fields.textContent()).toContain('Accepté');
      expect(await main().locator('.finding-badges').textContent()).toContain('Accepté');
      await driver?.shot('04-decision');
    },
    STEP_TIMEOUT,
  );

  it(
    'step 6 — generates the DAT as a French PDF and downloads it',
    async () => {
      const p = page();
      await nav().getByRole('link', { name: 'Documents' }).click();
      await main().getByRole('heading', { name: 'Documents', level: 1 }).waitFor();
      await main().getByLabel('Document', { exact: true }).selectOption('dat');
      expect(
        await main()
          .getByLabel('Document', { exact: true })
          .locator('option:checked')
          .textContent(),
      ).toBe('Dossier d’architecture technique (DAT)');
      await main().getByLabel('Format', { exact: true }).selectOption('pdf');
      await main().getByLabel('Langue', { exact: true }).selectOption('fr');
      await main().getByRole('button', { name: 'Générer' }).click();
      await main().getByText('Génération de DAT PDF demandée.').waitFor();

      // The page polls the list itself; wait (bounded) until the document is ready.
      const download = main().getByRole('button', { name: /^Télécharger/ });
      const deadline = Date.now() + DOCUMENT_TIMEOUT;
      while (!(await download.isVisible())) {
        const failed = await main().getByText('Échec').count();
        expect(failed, 'document generation failed').toBe(0);
        expect(Date.now(), `DAT not ready within ${DOCUMENT_TIMEOUT / 1000} s`).toBeLessThan(
          deadline,
        );
        await download.waitFor({ timeout: 2_000 }).catch(() => undefined);
      }
      await main().getByText('DAT PDF prêt.').waitFor();
      const [file] = await Promise.all([p.waitForEvent('download'), download.click()]);
      const path = join(downloads, file.suggestedFilename() || 'dat.pdf');
      await file.saveAs(path);
      expect(file.suggestedFilename()).toMatch(/\.pdf$/);
      const bytes = readFileSync(path);
      expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
      if (existsSync(PDFTOTEXT)) {
        const text = execFileSync(PDFTOTEXT, ['-q', path, '-'], { encoding: 'utf8' });
        expect(text).toContain('Forges');
      } else {
        expect(statSync(path).size).toBeGreaterThan(50_000);
      }
      await driver?.shot('05-documents');
    },
    DOCUMENT_TIMEOUT + 30_000,
  );

  it(
    'step 7 — switches the interface to English and back',
    async () => {
      const p = page();
      await p.getByRole('button', { name: 'Switch to English' }).click();
      await nav().getByRole('link', { name: 'Dashboard' }).waitFor();
      await nav().getByRole('link', { name: 'Findings' }).waitFor();
      expect(await htmlLang()).toBe('en');
      await main().getByRole('heading', { name: 'Documents', level: 1 }).waitFor();
      await main().getByRole('heading', { name: 'Generated documents' }).waitFor();

      await nav().getByRole('link', { name: 'Dashboard' }).click();
      await main().getByRole('heading', { name: 'Dashboard', level: 1 }).waitFor();
      await main().getByRole('region', { name: 'Open findings by severity' }).waitFor();
      await main()
        .getByRole('region', { name: 'Most likely attack paths' })
        .getByText(/likelihood/)
        .first()
        .waitFor();

      await p.goto(`${base()}/findings/${encodeURIComponent(findingId)}`);
      await main().getByRole('heading', { name: 'What was found', level: 2 }).waitFor();
      const title = ((await main().getByRole('heading', { level: 1 }).textContent()) ?? '').trim();
      expect(title, 'the finding title comes from the API in English').not.toBe(findingTitleFr);
      expect(title).not.toBe('');
      await main().getByRole('heading', { name: 'Risk decision', level: 2 }).waitFor();
      expect(await main().locator('.finding-badges').textContent()).toContain('Accepted');
      await driver?.shot('06-english');

      await p.getByRole('button', { name: 'Passer en français' }).click();
      await nav().getByRole('link', { name: 'Tableau de bord' }).waitFor();
      expect(await htmlLang()).toBe('fr');
      await main().getByRole('heading', { name: findingTitleFr, level: 1 }).waitFor();
    },
    STEP_TIMEOUT,
  );

  it(
    'step 8 — a stored XSS in an asset name is shown as text everywhere',
    async () => {
      const p = page();
      const me = await p.request.get('/api/auth/me');
      expect(me.status()).toBe(200);
      const { csrfToken } = (await me.json()) as { csrfToken: string };
      const list = await p.request.get(`/api/workspaces/${workspaceId}/versions`);
      const { versions } = (await list.json()) as { versions: { number: number }[] };
      const latest = Math.max(...versions.map((v) => v.number));
      const put = await p.request.put(`/api/workspaces/${workspaceId}/entities/assets/${ASSET}`, {
        headers: { 'x-csrf-token': csrfToken },
        data: { expectedLatest: latest, fields: { name: XSS_NAME }, message: 'e2e : nom piégé' },
      });
      expect(put.status(), await put.text()).toBe(201);

      await p.goto(`${base()}/explore/assets?q=gras`);
      const table = main().getByRole('table', { name: 'Actifs du modèle' });
      await table.getByRole('link', { name: XSS_NAME, exact: true }).waitFor();
      await expectNoXss('asset list');

      await table.getByRole('link', { name: XSS_NAME, exact: true }).click();
      await main().getByRole('heading', { name: XSS_NAME, level: 1 }).waitFor();
      await expectNoXss('asset detail');
      await driver?.shot('07-xss');

      await p.goto(`${base()}/diagram`);
      const canvas = main().locator('.diagram-canvas svg');
      await canvas.waitFor();
      const box = canvas.locator(`[data-kind="asset"][data-id="${ASSET}"]`);
      expect(await box.count(), 'the asset box on the diagram').toBeGreaterThan(0);
      const boxText = ((await box.first().textContent()) ?? '').replace(/\s+/g, ' ');
      expect(boxText, 'the diagram shows the name as text').toContain('<img');
      await expectNoXss('diagram');

      await p.goto(`${base()}/findings?subject=${ASSET}`);
      const findings = main().getByRole('table', { name: /Constats de la version/ });
      await findings.getByRole('link', { name: XSS_NAME, exact: true }).first().waitFor();
      await expectNoXss('findings list');
    },
    STEP_TIMEOUT,
  );

  it(
    'step 9 — the interactive diagram zooms and opens an asset on click',
    async () => {
      const p = page();
      await nav().getByRole('link', { name: 'Schéma' }).click();
      await main().getByRole('heading', { name: 'Schéma d’architecture', level: 1 }).waitFor();
      const canvas = main().locator('.diagram-canvas');
      await canvas.locator('svg').waitFor();
      const before = await canvas.getAttribute('style');
      await main().getByRole('button', { name: 'Zoom avant' }).click();
      await expect.poll(() => canvas.getAttribute('style')).not.toBe(before);
      await main().getByRole('button', { name: 'Ajuster à la fenêtre' }).click();

      // fitted to the window, zones may be summarised (their boxes hidden): zoom in until a box shows
      const visible = canvas.locator('[data-kind="asset"][data-id]').filter({ visible: true });
      for (let i = 0; i < 8 && (await visible.count()) === 0; i += 1) {
        await main().getByRole('button', { name: 'Zoom avant' }).click();
      }
      const box = visible.first();
      const id = (await box.getAttribute('data-id')) ?? '';
      expect(id).not.toBe('');
      await box.click();
      await p.waitForURL(new RegExp(`/explore/assets/${encodeURIComponent(id)}(\\?|$)`));
      await main()
        .getByText(new RegExp(`identifiant ${id}`))
        .waitFor();
    },
    STEP_TIMEOUT,
  );

  it('step 10 — no page error and no unexpected console error during the journey', () => {
    const problems = driver?.problems ?? [];
    const pageErrors = problems.filter((line) => line.includes('page error'));
    expect(pageErrors, `page errors:\n${pageErrors.join('\n')}`).toEqual([]);
    const unexpected = problems.filter((line) => !EXPECTED_CONSOLE.test(line));
    expect(unexpected, `unexpected console errors:\n${unexpected.join('\n')}`).toEqual([]);
    expect(dialogs, 'dialogs').toEqual([]);
  });
});
