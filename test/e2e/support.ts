/**
 * End-to-end support: the platform served in-process on a fresh SQLite data directory with the
 * demo organisation and the built web UI (dist/web, from `npm run build`), and Debian's Chromium
 * driven by playwright-core. Screenshots go to test-results/e2e/ (looked at before resolving).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer } from '../../src/platform/serve.js';
import type { RunningServer } from '../../src/platform/serve.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const WEB_DIR = join(ROOT, 'dist', 'web');
export const CHROMIUM = process.env.VIGIE_CHROMIUM ?? '/usr/bin/chromium';
export const SHOTS = join(ROOT, 'test-results', 'e2e');

export interface Platform {
  readonly server: RunningServer;
  readonly url: string;
  readonly email: string;
  readonly password: string;
  readonly dataDir: string;
  close(): Promise<void>;
}

export async function startPlatform(): Promise<Platform> {
  if (!existsSync(join(WEB_DIR, 'index.html'))) {
    throw new Error(`The web UI is not built (${WEB_DIR}); run npm run build first.`);
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'vigie-e2e-'));
  const server = await startServer({
    dataDir,
    host: '127.0.0.1',
    port: 0,
    demoDir: join(ROOT, 'examples', 'forges-de-l-est'),
    webDir: WEB_DIR,
  });
  const admin = server.firstRun.admin;
  if (admin === undefined) throw new Error('first run created no administrator');
  return {
    server,
    url: server.url,
    email: admin.email,
    password: admin.password,
    dataDir,
    close: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Driver {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors and failed requests seen so far (a page should have none). */
  readonly problems: string[];
  shot(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function startBrowser(baseURL: string, locale = 'fr-FR'): Promise<Driver> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium).`);
  mkdirSync(SHOTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-dev-shm-usage',
      `--lang=${locale}`,
    ],
  });
  const context = await browser.newContext({
    baseURL,
    locale,
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => {
    problems.push(`page error: ${error.message}`);
  });
  return {
    browser,
    context,
    page,
    problems,
    shot: async (name) => {
      const path = join(SHOTS, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    close: async () => {
      await context.close();
      await browser.close();
    },
  };
}

// ---- cross-cutting helpers (issue 12: themes, small screens, axe-core, the list of pages) -----

/** Emulates the system colour scheme; the UI follows it (light or dark theme). */
export async function withTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
}

/** The phone and tablet viewports the responsive checks use. */
export const PHONE = { width: 390, height: 844 } as const;
export const TABLET = { width: 768, height: 1024 } as const;

export interface Overflow {
  readonly scrollWidth: number;
  readonly clientWidth: number;
  /** Visible elements reaching past the right edge outside any horizontal scroll container. */
  readonly culprits: readonly string[];
}

// In-page code is JavaScript source: the test tsconfig has no DOM lib.
const OVERFLOW_SOURCE = String.raw`(() => {
  const root = document.documentElement;
  const width = root.clientWidth;
  const scrolls = (el) => {
    for (let p = el.parentElement; p !== null && p !== document.body && p !== root; p = p.parentElement) {
      const x = getComputedStyle(p).overflowX;
      if (x === 'auto' || x === 'scroll' || x === 'hidden' || x === 'clip') return true;
    }
    return false;
  };
  const culprits = [];
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.width <= 1 || box.height <= 1 || box.right <= width + 1) continue;
    if (getComputedStyle(el).position === 'fixed' && box.left >= width) continue;
    if (!el.checkVisibility({ visibilityProperty: true }) || scrolls(el)) continue;
    // Report the outermost offender only.
    if (culprits.some((c) => c.el.contains(el))) continue;
    const html = el.outerHTML.replace(/\s+/g, ' ');
    culprits.push({ el, text: Math.round(box.right) + 'px: ' + (html.length > 160 ? html.slice(0, 160) + '…' : html) });
  }
  return {
    scrollWidth: Math.max(root.scrollWidth, document.body.scrollWidth),
    clientWidth: width,
    culprits: culprits.slice(0, 8).map((c) => c.text),
  };
})()`;

/** Measures the page's horizontal overflow (`scrollWidth` against `clientWidth`). */
export async function horizontalOverflow(page: Page): Promise<Overflow> {
  return page.evaluate<Overflow>(OVERFLOW_SOURCE);
}

/**
 * Fails with the widest offenders when the page scrolls horizontally (scrollWidth > clientWidth)
 * or when an element reaches past the right edge outside a scroll container (hidden overflow
 * on html/body would otherwise cut content off unnoticed).
 */
export async function expectNoHorizontalOverflow(page: Page, where: string): Promise<Overflow> {
  const o = await horizontalOverflow(page);
  if (o.scrollWidth > o.clientWidth || o.culprits.length > 0) {
    throw new Error(
      `${where}: horizontal overflow, scrollWidth ${String(o.scrollWidth)} > clientWidth ${String(o.clientWidth)}` +
        (o.culprits.length === 0 ? '' : `; past the right edge:\n    ${o.culprits.join('\n    ')}`),
    );
  }
  return o;
}

export interface AxeViolation {
  readonly rule: string;
  readonly impact: string;
  readonly help: string;
  readonly selector: string;
  readonly html: string;
}

/** The WCAG 2.1 A and AA rules of axe-core. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;
const AXE_SCRIPT = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

let axeSource: string | undefined;

/**
 * Runs axe-core (WCAG 2.1 AA) on the page as it is; one entry per failing element. axe is
 * evaluated through the DevTools protocol, which the page's Content-Security-Policy (no inline
 * script) does not block, so the page is tested with its real CSP.
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate<string>('typeof window.axe');
  if (loaded === 'undefined') {
    axeSource ??= readFileSync(AXE_SCRIPT, 'utf8');
    await page.evaluate(`(() => { ${axeSource}\n; return typeof window.axe; })()`);
  }
  const source = `(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ${JSON.stringify(AXE_TAGS)} },
      resultTypes: ['violations'],
    });
    return result.violations.flatMap((v) => v.nodes.map((n) => ({
      rule: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      selector: n.target.map(String).join(' '),
      html: n.html.length > 200 ? n.html.slice(0, 200) + '…' : n.html,
    })));
  })()`;
  return page.evaluate<AxeViolation[]>(source);
}

/** One line per violation: rule, impact, selector, page, theme. */
export function formatAxe(violations: readonly AxeViolation[], where: string): string {
  return violations
    .map((v) => `  [${v.rule}] (${v.impact}) ${where}: ${v.selector}\n      ${v.help}: ${v.html}`)
    .join('\n');
}

/** Signs the context in (its pages and its request client share the cookie); the CSRF token. */
export async function signIn(
  context: BrowserContext,
  email: string,
  password: string,
): Promise<string> {
  const response = await context.request.post('/api/auth/login', { data: { email, password } });
  const text = await response.text();
  if (!response.ok()) throw new Error(`sign-in → ${String(response.status())}: ${text}`);
  return (JSON.parse(text) as { csrfToken: string }).csrfToken;
}

/** Ids of the demo workspace the page list needs. */
export interface AppIds {
  readonly workspace: string;
  readonly version: number;
  readonly asset: string;
  readonly finding: string;
}

async function getJson<T>(context: BrowserContext, path: string): Promise<T> {
  const response = await context.request.get(path, { timeout: 120_000 });
  const text = await response.text();
  if (!response.ok()) throw new Error(`GET ${path} → ${String(response.status())}: ${text}`);
  return JSON.parse(text) as T;
}

/** Finds the demo workspace, its latest version, one asset and one finding (signed-in context). */
export async function appIds(context: BrowserContext): Promise<AppIds> {
  const { workspaces } = await getJson<{ workspaces: { id: string }[] }>(
    context,
    '/api/workspaces',
  );
  const workspace = workspaces[0]?.id;
  if (workspace === undefined) throw new Error('the demo workspace is missing');
  const { versions } = await getJson<{ versions: { number: number }[] }>(
    context,
    `/api/workspaces/${workspace}/versions`,
  );
  const version = versions[0]?.number;
  if (version === undefined) throw new Error('the demo workspace has no version');
  const base = `/api/workspaces/${workspace}/versions/${String(version)}`;
  const assets = await getJson<{ rows: { id: string }[] }>(context, `${base}/entities/assets`);
  const findings = await getJson<{ findings: { id: string }[] }>(
    context,
    `${base}/findings?lang=fr`,
  );
  const asset = assets.rows[0]?.id;
  const finding = findings.findings[0]?.id;
  if (asset === undefined || finding === undefined)
    throw new Error('the demo has no asset or finding');
  return { workspace, version, asset, finding };
}

/** A page of the app: its name, its path from the demo's ids, and what it has. */
export interface AppPage {
  readonly name: string;
  readonly path: (ids: AppIds) => string;
  /** The workspace's main navigation is on the page. */
  readonly nav: boolean;
  /** Seen signed out (the login page). */
  readonly anonymous?: boolean;
}

const w = (ids: AppIds): string => `/w/${ids.workspace}`;
const e = encodeURIComponent;

/**
 * Every page of the app, seen by the first-run administrator on the demo workspace. The
 * accessibility and small-screen tests visit each one: adding a page to the app is one line here.
 */
export const APP_PAGES: readonly AppPage[] = [
  { name: 'login', path: () => '/', nav: false, anonymous: true },
  { name: 'workspaces', path: () => '/', nav: false },
  { name: 'account', path: () => '/account', nav: false },
  { name: 'admin users', path: () => '/admin/users', nav: false },
  { name: 'dashboard', path: (ids) => w(ids), nav: true },
  { name: 'asset list', path: (ids) => `${w(ids)}/explore/assets`, nav: true },
  { name: 'flow list', path: (ids) => `${w(ids)}/explore/flows`, nav: true },
  { name: 'asset detail', path: (ids) => `${w(ids)}/explore/assets/${e(ids.asset)}`, nav: true },
  { name: 'asset form', path: (ids) => `${w(ids)}/explore/assets/${e(ids.asset)}/edit`, nav: true },
  { name: 'new asset form', path: (ids) => `${w(ids)}/new/assets`, nav: true },
  { name: 'new flow form', path: (ids) => `${w(ids)}/new/flows`, nav: true },
  { name: 'diagram', path: (ids) => `${w(ids)}/diagram`, nav: true },
  { name: 'findings list', path: (ids) => `${w(ids)}/findings`, nav: true },
  { name: 'finding detail', path: (ids) => `${w(ids)}/findings/${e(ids.finding)}`, nav: true },
  { name: 'attack paths', path: (ids) => `${w(ids)}/paths`, nav: true },
  { name: 'editor', path: (ids) => `${w(ids)}/edit`, nav: true },
  { name: 'onboarding', path: (ids) => `${w(ids)}/start`, nav: true },
  { name: 'onboarding inventory', path: (ids) => `${w(ids)}/start?mode=inventory`, nav: true },
  { name: 'onboarding wizard', path: (ids) => `${w(ids)}/start?mode=wizard`, nav: true },
  { name: 'versions', path: (ids) => `${w(ids)}/versions`, nav: true },
  { name: 'version', path: (ids) => `${w(ids)}/versions/${String(ids.version)}`, nav: true },
  {
    name: 'diff',
    path: (ids) => `${w(ids)}/versions/${String(ids.version)}/diff/${String(ids.version)}`,
    nav: true,
  },
  { name: 'documents', path: (ids) => `${w(ids)}/documents`, nav: true },
  { name: 'continuity BIA', path: (ids) => `${w(ids)}/continuity`, nav: true },
  { name: 'continuity backups', path: (ids) => `${w(ids)}/continuity/backups`, nav: true },
  { name: 'continuity simulator', path: (ids) => `${w(ids)}/continuity/simulator`, nav: true },
  { name: 'continuity exercises', path: (ids) => `${w(ids)}/continuity/exercises`, nav: true },
  { name: 'security audit campaigns', path: (ids) => `${w(ids)}/security-audit`, nav: true },
  {
    name: 'security audit findings',
    path: (ids) => `${w(ids)}/security-audit/findings`,
    nav: true,
  },
  { name: 'security audit drift', path: (ids) => `${w(ids)}/security-audit/drift`, nav: true },
  { name: 'security audit compare', path: (ids) => `${w(ids)}/security-audit/compare`, nav: true },
  { name: 'security audit plan', path: (ids) => `${w(ids)}/security-audit/plan`, nav: true },
  { name: 'audit', path: (ids) => `${w(ids)}/audit`, nav: true },
  { name: 'members', path: (ids) => `${w(ids)}/members`, nav: true },
];

/**
 * Opens a page and waits until it has rendered: its main heading visible, the network idle,
 * no loading spinner left in main.
 */
export async function openPage(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.locator('main h1').first().waitFor({ state: 'visible', timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  await page
    .locator('main [role="status"] .spinner')
    .first()
    .waitFor({ state: 'detached', timeout: 60_000 });
}
