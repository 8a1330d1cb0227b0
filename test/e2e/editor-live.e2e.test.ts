/**
 * Issue 12: the YAML editor checks the model while one types (in a worker, nothing saved), shows
 * a syntax error first without the reference errors it causes and clears it once fixed, locates
 * an unknown reference; the versions pages show one version read-only and what changed between
 * two versions entity by entity. Debian's Chromium against the platform with the demo.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { appIds, openPage, signIn, startBrowser, startPlatform } from './support.js';
import type { AppIds, Driver, Platform } from './support.js';

const UI_TIMEOUT = 20_000;

let platform: Platform | undefined;
let driver: Driver | undefined;
let ids: AppIds | undefined;
let csrf = '';
/** Model writes the page made (there must be none while typing). */
const writes: string[] = [];

function page(): Page {
  if (driver === undefined) throw new Error('the browser did not start');
  return driver.page;
}
function w(): string {
  if (ids === undefined) throw new Error('no workspace');
  return `/w/${ids.workspace}`;
}
function problems(): Locator {
  return page().locator('section[aria-labelledby="editor-diagnostics-title"]');
}

async function openFile(name: string): Promise<void> {
  await page().locator('.file-button', { hasText: name }).click();
  await expect
    .poll(() => page().locator('#editor-file-title').textContent(), { timeout: UI_TIMEOUT })
    .toBe(name);
}

/** Puts the cursor at the end of the open file and inserts text as typed input. */
async function typeAtEnd(text: string): Promise<void> {
  const p = page();
  await p.locator('.cm-content').click();
  await p.keyboard.press('Control+End');
  await p.keyboard.insertText(text);
}

describe('YAML editor checks as you type; versions show what changed', () => {
  beforeAll(async () => {
    platform = await startPlatform();
    driver = await startBrowser(platform.url, 'en-US');
    csrf = await signIn(driver.context, platform.email, platform.password);
    ids = await appIds(driver.context);
    page().on('request', (request) => {
      if (request.method() !== 'GET' && request.url().includes('/versions')) {
        writes.push(`${request.method()} ${request.url()}`);
      }
    });
  }, 180_000);

  afterAll(async () => {
    await driver?.close().catch(() => undefined);
    await platform?.close().catch(() => undefined);
  }, 60_000);

  it('shows a syntax error while typing, first, with the errors it causes hidden', async () => {
    const p = page();
    await openPage(p, `${w()}/edit`);
    await p.locator('.cm-content').waitFor({ timeout: UI_TIMEOUT });
    await openFile('zones.yaml');
    await typeAtEnd('  - id: [e2e-broken\n');
    const first = problems().locator('ul.diagnostics > li').first();
    await expect.poll(() => first.textContent(), { timeout: UI_TIMEOUT }).toContain('yaml-syntax');
    expect(await first.textContent()).toContain('zones.yaml:');
    // the zones of the broken file are unknown: their references are hidden, and counted
    const hidden = p.locator('#editor-hidden-problems');
    await expect
      .poll(() => hidden.textContent(), { timeout: UI_TIMEOUT })
      .toMatch(/\d+ further problems? (is|are) hidden until the syntax error is fixed/);
    expect(await problems().textContent()).not.toContain('unknown-reference');
    // a lint marker in the editor too (gutter, and the underline or point)
    expect(await p.locator('.cm-lint-marker-error').count()).toBeGreaterThan(0);
    expect(await p.locator('.cm-lintRange-error, .cm-lintPoint-error').count()).toBeGreaterThan(0);
    await driver?.shot('editor-live-syntax');
    expect(writes).toEqual([]);
  });

  it('clears the error once fixed', async () => {
    const p = page();
    await p.keyboard.press('Control+z');
    await expect
      .poll(() => problems().textContent(), { timeout: UI_TIMEOUT })
      .not.toContain('yaml-syntax');
    expect(await p.locator('#editor-hidden-problems').count()).toBe(0);
    expect(await p.locator('.cm-lint-marker-error, .cm-lintRange-error').count()).toBe(0);
    expect(writes).toEqual([]);
  });

  it('locates an unknown zone reference', async () => {
    const p = page();
    await openFile('assets-usine.yaml');
    const lines = await p.locator('.cm-content .cm-line').count();
    await typeAtEnd(
      '\n  - id: e2e-server\n    name: E2E server\n    kind: server\n    zone: e2e-nowhere\n',
    );
    const unknown = problems().locator('ul.diagnostics > li', { hasText: 'e2e-nowhere' });
    await unknown.waitFor({ timeout: UI_TIMEOUT });
    const text = (await unknown.textContent()) ?? '';
    expect(text).toContain('unknown-reference');
    // the line of `zone: e2e-nowhere`: 5 lines below the file's last line (at least)
    const line = Number(/assets-usine\.yaml:(\d+):/.exec(text)?.[1]);
    expect(line).toBeGreaterThanOrEqual(lines + 4);
    expect(await p.locator('.cm-lintRange-error').count()).toBeGreaterThan(0);
    await driver?.shot('editor-live-reference');
    await p.keyboard.press('Control+z');
    await expect
      .poll(() => problems().textContent(), { timeout: UI_TIMEOUT })
      .not.toContain('e2e-nowhere');
    expect(writes).toEqual([]);
  });

  it('completes the ids of zones for a zone field', async () => {
    const p = page();
    await typeAtEnd('\n  - id: e2e-completed\n    name: E2E\n    kind: server\n    zone: ot-cel');
    await p.keyboard.press('Control+Space');
    const option = p.locator('.cm-tooltip-autocomplete li', { hasText: 'ot-cellules' });
    await option.waitFor({ timeout: UI_TIMEOUT });
    await p.keyboard.press('Control+z');
  });

  it('shows what changed between two versions, entity by entity, and one version read-only', async () => {
    if (driver === undefined || ids === undefined) throw new Error('not started');
    const api = `/api/workspaces/${ids.workspace}/versions`;
    const current = (await (
      await driver.context.request.get(`${api}/${String(ids.version)}`)
    ).json()) as {
      version: { files: Record<string, string> };
    };
    const files = { ...current.version.files };
    const usine = files['assets-usine.yaml'] ?? '';
    expect(usine).toContain("os: { name: Pilz PSS 4000, version: '1.24' }");
    files['assets-usine.yaml'] = usine.replace("version: '1.24'", "version: '1.25'");
    const saved = await driver.context.request.post(api, {
      headers: { 'x-csrf-token': csrf },
      data: { expectedLatest: ids.version, files, message: 'e2e: PSS firmware' },
    });
    expect(saved.status(), await saved.text()).toBe(201);
    const next = ids.version + 1;
    const p = page();
    p.once('dialog', (dialog) => void dialog.accept());
    await openPage(p, `${w()}/versions/${String(ids.version)}/diff/${String(next)}`);
    const entities = p.getByRole('tabpanel');
    await entities.locator('.entity-changes').first().waitFor({ timeout: UI_TIMEOUT });
    const text = (await entities.textContent()) ?? '';
    expect(text).toContain('changed: 1');
    const row = entities.locator('li', { hasText: 'os.version' });
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toMatch(/1\.24.*1\.25/s);
    await driver.shot('versions-semantic-diff');
    // findings tab: loads the findings opened and closed
    await p.getByRole('tab', { name: 'Findings' }).click();
    await p.locator('#findings-opened').waitFor({ timeout: 60_000 });
    expect(await p.locator('#findings-closed').textContent()).toMatch(/closed/);
    // lines tab: the line diff is still there
    await p.getByRole('tab', { name: 'Lines' }).click();
    await p.locator('pre.diff').first().waitFor({ timeout: UI_TIMEOUT });
    expect(await p.locator('pre.diff').first().textContent()).toContain('+    os: { name: Pilz');

    // "view" from the versions list opens that version, read-only, with a banner
    await openPage(p, `${w()}/versions`);
    await p.getByRole('link', { name: `View version ${String(ids.version)}` }).click();
    const banner = p.locator('.version-banner');
    await banner.waitFor({ timeout: UI_TIMEOUT });
    expect(await banner.textContent()).toContain(
      `You are looking at version ${String(ids.version)}, not the latest (${String(next)}).`,
    );
    expect(await p.locator('main h1').textContent()).toBe(`Version ${String(ids.version)}`);
    await p.locator('summary', { hasText: 'assets-usine.yaml' }).click();
    expect(await p.locator('main').textContent()).toContain("version: '1.24'");
    expect(await p.locator('.cm-editor').count()).toBe(0);
    await driver.shot('version-read-only');
  });
});
