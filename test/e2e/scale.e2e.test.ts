/**
 * End to end: a generated 10,000-asset model (20,000 flows) saved as version 1 of a new
 * workspace stays fluid in the asset explorer — the list is virtualised, scrolls to its last row,
 * sorts and filters quickly. Measures and prints (stdout) the server's cold analysis of the
 * entity list, the time to the first table render, the scroll, sort and search latencies and the
 * JS heap. The model goes through the zip import: its YAML (≈ 6 MB) is above the JSON body limit
 * of POST /versions (1 MB), and the files are split so each stays under 2 MB.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dump } from 'js-yaml';
import { chromium } from 'playwright-core';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateModel } from '../../src/model/generate.js';
import { writeModelZip } from '../../src/platform/models/zip.js';
import { startServer } from '../../src/platform/serve.js';
import type { RunningServer } from '../../src/platform/serve.js';

// ---- harness (copied from support.ts, plus precise heap figures) ------------------------------

const ROOT = join(import.meta.dirname, '..', '..');
const WEB_DIR = join(ROOT, 'dist', 'web');
const CHROMIUM = process.env.VIGIE_CHROMIUM ?? '/usr/bin/chromium';
const SHOTS = join(ROOT, 'test-results', 'e2e');

const ASSETS = 10_000;
const FLOWS = 20_000;
const ASSETS_PER_FILE = 2_500;
const FLOWS_PER_FILE = 5_000;
/** The UI must answer a scroll or a search within this. */
const FLUID_MS = 1_000;
/** Above this the server's cold analysis is reported as too slow. */
const COLD_LIMIT_MS = 90_000;

interface Harness {
  server: RunningServer;
  dataDir: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  problems: string[];
}

function say(line: string): void {
  process.stdout.write(`[scale] ${line}\n`);
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** The generated model as YAML files, big sections split so that each file stays under 2 MB. */
function modelFiles(): Record<string, string> {
  const model = generateModel({ assets: ASSETS, flows: FLOWS, seed: 7 });
  const yaml = (content: unknown): string => dump(content, { lineWidth: -1, noRefs: true });
  const files: Record<string, string> = {};
  for (const [name, content] of Object.entries(model)) {
    if (name === 'assets.yaml' || name === 'flows.yaml') continue;
    files[name] = yaml(content);
  }
  const assets = model['assets.yaml']?.assets ?? [];
  for (let i = 0; i < assets.length; i += ASSETS_PER_FILE) {
    const part = String(i / ASSETS_PER_FILE + 1);
    files[`assets-${part}.yaml`] = yaml({ assets: assets.slice(i, i + ASSETS_PER_FILE) });
  }
  const flows = model['flows.yaml']?.flows ?? [];
  for (let i = 0; i < flows.length; i += FLOWS_PER_FILE) {
    const part = String(i / FLOWS_PER_FILE + 1);
    files[`flows-${part}.yaml`] = yaml({ flows: flows.slice(i, i + FLOWS_PER_FILE) });
  }
  return files;
}

/** The asset names in the UI's name order (same collator as sortRows). */
function sortedAssetNames(): string[] {
  const model = generateModel({ assets: ASSETS, flows: 1, seed: 7 });
  const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  return (model['assets.yaml']?.assets ?? [])
    .map((a) => a.name ?? a.id)
    .sort((x, y) => collator.compare(x, y));
}

async function json<T>(
  request: APIRequestContext,
  method: 'GET' | 'POST',
  path: string,
  options: { csrf?: string; data?: unknown; body?: Buffer; type?: string; timeout?: number } = {},
): Promise<T> {
  const headers: Record<string, string> = {};
  if (options.csrf !== undefined) headers['x-csrf-token'] = options.csrf;
  if (options.type !== undefined) headers['content-type'] = options.type;
  const response = await request.fetch(path, {
    method,
    headers,
    timeout: options.timeout ?? 30_000,
    ...(options.data !== undefined ? { data: options.data } : {}),
    ...(options.body !== undefined ? { data: options.body } : {}),
  });
  const text = await response.text();
  if (!response.ok()) throw new Error(`${method} ${path} → ${String(response.status())}: ${text}`);
  return JSON.parse(text) as T;
}

// In-page code is JavaScript source: the server/test tsconfig has no DOM lib (a
// `/// <reference lib="dom" />` would leak DOM globals into the type-checking of src/).

/** The JS heap in use (bytes; precise with --enable-precise-memory-info), or null. */
const HEAP_SOURCE = `(() => {
  const memory = performance.memory;
  return memory === undefined ? null : memory.usedJSHeapSize;
})()`;

/**
 * Scrolls the table body to the bottom, then polls each frame until the link named `name` is
 * drawn inside the body's box; resolves to the milliseconds it took (-1 after 5 s).
 */
const SCROLL_SOURCE = String.raw`async (name) => {
  const body = document.querySelector('.vtable-body');
  if (body === null) return -1;
  const t0 = performance.now();
  body.scrollTop = body.scrollHeight;
  for (;;) {
    const link = [...body.querySelectorAll('a')].find((a) => a.textContent.trim() === name);
    if (link !== undefined) {
      const box = link.getBoundingClientRect();
      const frame = body.getBoundingClientRect();
      if (box.height > 0 && box.top >= frame.top && box.bottom <= frame.bottom + 1) {
        return performance.now() - t0;
      }
    }
    if (performance.now() - t0 > 5000) return -1;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
}`;

/**
 * Installs `window.__vigieSearch`: a promise of the milliseconds from the next input event to the
 * moment every row drawn in the table contains `term` (-1 after 10 s).
 */
const SEARCH_WATCH_SOURCE = String.raw`(term) => {
  window.__vigieSearch = new Promise((resolve) => {
    let t0 = null;
    document.addEventListener('input', () => { t0 = performance.now(); }, { capture: true, once: true });
    const filtered = () => {
      const rows = [...document.querySelectorAll('.vtable-body [role=row]')];
      return rows.length > 0 && rows.every((row) => row.textContent.includes(term));
    };
    const tick = () => {
      if (t0 !== null && filtered()) resolve(performance.now() - t0);
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    setTimeout(() => resolve(-1), 10000);
  });
}`;

// ---- the test ---------------------------------------------------------------------------------

describe('a 10,000-asset model stays fluid', () => {
  let h: Harness | undefined;
  let workspaceId = '';
  let coldMs = 0;
  let names: string[] = [];
  const figures: Record<string, string> = {};

  const harness = (): Harness => {
    if (h === undefined) throw new Error('the platform did not start');
    return h;
  };

  beforeAll(async () => {
    if (!existsSync(join(WEB_DIR, 'index.html'))) {
      throw new Error(`The web UI is not built (${WEB_DIR}); run npm run build first.`);
    }
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}.`);
    mkdirSync(SHOTS, { recursive: true });
    const dataDir = mkdtempSync(join(tmpdir(), 'vigie-e2e-scale-'));
    const server = await startServer({
      dataDir,
      host: '127.0.0.1',
      port: 0,
      demoDir: join(ROOT, 'examples', 'forges-de-l-est'),
      webDir: WEB_DIR,
    });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-dev-shm-usage',
        '--enable-precise-memory-info',
      ],
    });
    const context = await browser.newContext({
      baseURL: server.url,
      locale: 'fr-FR',
      viewport: { width: 1440, height: 900 },
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => {
      problems.push(`page error: ${error.message}`);
    });
    h = { server, dataDir, browser, context, page, problems };

    const admin = server.firstRun.admin;
    if (admin === undefined) throw new Error('first run created no administrator');
    // The context's request client shares its cookies with the page: the page is signed in too.
    const request = context.request;
    const session = await json<{ csrfToken: string }>(request, 'POST', '/api/auth/login', {
      data: { email: admin.email, password: admin.password },
    });
    const created = await json<{ workspace: { id: string } }>(request, 'POST', '/api/workspaces', {
      csrf: session.csrfToken,
      data: { slug: 'scale-10k', name: 'Scale 10k' },
    });
    workspaceId = created.workspace.id;

    let started = performance.now();
    const files = modelFiles();
    const zip = writeModelZip(files);
    const yamlBytes = Object.values(files).reduce((n, f) => n + Buffer.byteLength(f), 0);
    figures.model = `${String(ASSETS)} assets, ${String(FLOWS)} flows, ${String(Object.keys(files).length)} files, ${(yamlBytes / 1e6).toFixed(1)} MB YAML, zip ${(zip.length / 1e6).toFixed(1)} MB (generated in ${seconds(performance.now() - started)})`;
    started = performance.now();
    const saved = await json<{ version: { number: number }; validation: { valid: boolean } }>(
      request,
      'POST',
      `/api/workspaces/${workspaceId}/import?message=${encodeURIComponent('10k assets')}`,
      { csrf: session.csrfToken, body: zip, type: 'application/zip', timeout: 120_000 },
    );
    figures.import = seconds(performance.now() - started);
    expect(saved.version.number).toBe(1);
    expect(saved.validation.valid).toBe(true);

    // The server's cold analysis: the first entity list of the version.
    started = performance.now();
    const list = await json<{ total: number }>(
      request,
      'GET',
      `/api/workspaces/${workspaceId}/versions/1/entities/assets`,
      { timeout: 175_000 },
    );
    coldMs = performance.now() - started;
    figures.coldEntityList = seconds(coldMs);
    expect(list.total).toBe(ASSETS);
    started = performance.now();
    await json(request, 'GET', `/api/workspaces/${workspaceId}/versions/1/entities/assets`);
    figures.warmEntityList = seconds(performance.now() - started);
    names = sortedAssetNames();
  }, 180_000);

  afterAll(async () => {
    for (const [name, value] of Object.entries(figures)) say(`${name.padEnd(22)} ${value}`);
    const current = h;
    h = undefined;
    if (current === undefined) return;
    await current.context.close().catch(() => undefined);
    await current.browser.close().catch(() => undefined);
    await current.server.close().catch(() => undefined);
    rmSync(current.dataDir, { recursive: true, force: true });
  }, 60_000);

  it('analyses the model cold within 90 s on the server', () => {
    expect(
      coldMs,
      `cold entity list (analysis of the 10k model) took ${seconds(coldMs)}`,
    ).toBeLessThan(COLD_LIMIT_MS);
  });

  it('renders the table, counts 10,000 assets and keeps fewer than 200 rows in the DOM', async () => {
    const { page } = harness();
    const started = performance.now();
    await page.goto(`/w/${workspaceId}/explore/assets`);
    const firstRow = page.locator('.vtable-body [role=row]').first();
    await firstRow.waitFor({ state: 'visible', timeout: 60_000 });
    figures.firstTableRender = seconds(performance.now() - started);

    const count = (await page.locator('.explorer-count').textContent()) ?? '';
    const numbers = (count.match(/\d[\d\s\u00a0\u202f.,]*/g) ?? []).map((n) =>
      Number(n.replace(/[^\d]/g, '')),
    );
    expect(numbers, `count text "${count}"`).toEqual([ASSETS, ASSETS]);
    const rowsInDom = await page.locator('.vtable [role=row]').count();
    figures.rowElementsInDom = String(rowsInDom);
    expect(rowsInDom).toBeLessThan(200);
    expect(await page.locator('.vtable').getAttribute('aria-rowcount')).toBe(String(ASSETS + 1));

    const heap = await page.evaluate<number | null>(HEAP_SOURCE);
    figures.jsHeapAfterLoad =
      heap === null ? 'n/a' : `${(heap / 1e6).toFixed(1)} MB (${String(heap)} bytes used)`;
    await page.screenshot({ path: join(SHOTS, 'scale-assets.png') });
  }, 90_000);

  it('sorts by name and shows the last asset within 1 s of scrolling to the bottom', async () => {
    const { page } = harness();
    const last = names.at(-1) ?? '';
    const first = names[0] ?? '';
    let started = performance.now();
    await page.locator('.vtable-head button', { hasText: /^Nom/ }).click();
    await page
      .locator('.vtable-body [role=row]')
      .first()
      .getByRole('link', { name: first, exact: true })
      .waitFor({ timeout: 10_000 });
    figures.sortByName = seconds(performance.now() - started);

    started = performance.now();
    // Timed inside the page: scroll, then poll each frame until the row is drawn in view.
    const inPage = await page.evaluate<number>(`(${SCROLL_SOURCE})(${JSON.stringify(last)})`);
    figures.scrollToBottom = inPage < 0 ? 'not reached in 5 s' : `${inPage.toFixed(0)} ms`;
    await expect
      .poll(() => page.getByRole('link', { name: last, exact: true }).isVisible(), {
        timeout: FLUID_MS,
      })
      .toBe(true);
    expect(inPage, `last asset "${last}" visible after scrolling`).toBeGreaterThanOrEqual(0);
    expect(inPage).toBeLessThan(FLUID_MS);
    figures.scrollToBottomFromTest = `${(performance.now() - started).toFixed(0)} ms`;
  }, 60_000);

  it('filters to the matching rows within 1 s of typing in the search box', async () => {
    const { page, problems } = harness();
    const wanted = names.find((n) => n.endsWith(' 9876')) ?? '';
    const term = wanted.split(' ').at(-1) ?? '';
    const search = page.locator('input[type=search]');
    await search.focus();
    await page.evaluate(`(${SEARCH_WATCH_SOURCE})(${JSON.stringify(term)})`);
    const started = performance.now();
    await search.fill(term);
    await page.getByRole('link', { name: wanted, exact: true }).waitFor({ timeout: 10_000 });
    await expect
      .poll(async () => (await page.locator('.explorer-count').textContent()) ?? '', {
        timeout: 10_000,
      })
      .not.toMatch(/10\D?000\D+10\D?000/);
    const fromTest = performance.now() - started;
    const inPage = await page.evaluate<number>('window.__vigieSearch');
    const request = await page.evaluate<number[]>(
      `performance.getEntriesByType('resource').filter((e) => e.name.includes('q=${term}')).map((e) => e.duration)`,
    );
    figures.searchLatency = `${inPage.toFixed(0)} ms in the page, input event → rows filtered (incl. the UI's 200 ms debounce); ${fromTest.toFixed(0)} ms seen from the test`;
    figures.searchRequest = `${request.map((d) => d.toFixed(0)).join(', ')} ms (browser fetch of ?q=)`;
    const shown = await page.locator('.vtable-body [role=row]').allTextContents();
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(50);
    for (const row of shown) expect(row).toContain(term);
    expect(inPage, `search "${term}": rows not filtered in 10 s`).toBeGreaterThanOrEqual(0);
    expect(inPage, `search "${term}" took ${inPage.toFixed(0)} ms`).toBeLessThan(FLUID_MS);
    expect(problems).toEqual([]);
  }, 60_000);
});
