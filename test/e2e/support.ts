/**
 * End-to-end support: the platform served in-process on a fresh SQLite data directory with the
 * demo organisation and the built web UI (dist/web, from `npm run build`), and Debian's Chromium
 * driven by playwright-core. Screenshots go to test-results/e2e/ (looked at before resolving).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
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
