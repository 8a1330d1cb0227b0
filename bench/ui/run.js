// bench/ui: Lighthouse-style timings of the web UI's dashboard and findings pages, in Debian's
// Chromium (playwright-core, headless), on the demo organisation and on a generated
// 10,000-asset model (`vigie generate --assets 10000 --seed 42`, imported as a zip).
// Each page is loaded BENCH_RUNS times (default 5), each time in a fresh browser context (empty
// HTTP cache, signed in, 1440×900), after the server's analysis of the version is warm (the cold
// analysis time is printed on its own). Per page, the median of:
//   FCP    first contentful paint (Performance API paint entry)
//   LCP    largest contentful paint (PerformanceObserver, buffered)
//   ready  the page's content drawn: its <h1>, no loading spinner, and its data (dashboard cards,
//          findings rows or an empty state)
//   TTI~   time-to-interactive-ish: ready, or the end of the last long task (> 50 ms) after FCP if
//          later, once the main thread has been quiet for 1 s (Lighthouse's TTI asks for 5 s)
//   TBT    total blocking time (sum of long tasks' time beyond 50 ms, between FCP and TTI~)
//   script CDP Performance.getMetrics ScriptDuration; heap JSHeapUsedSize; transfer: bytes
//          fetched (resource timing, compressed)
// There is no peer to run for UI timings: the reference printed beside our figures is a
// Lighthouse-like budget (Lighthouse's "good" thresholds): FCP ≤ 1.8 s, LCP ≤ 2.5 s,
// TTI ≤ 3.8 s, TBT ≤ 200 ms. Desktop, no CPU or network throttling (loopback).
// Run after `npm run build`. BENCH_RUNS changes the number of loads per page; BENCH_LARGE_ASSETS
// the size of the generated model (0 skips it). Generating and analysing the 10,000-asset
// model takes several minutes; progress is printed.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { writeModelZip } from '../../dist/platform/models/zip.js';

const here = new URL('.', import.meta.url).pathname;
const root = join(here, '..', '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const LARGE_ASSETS = Number(process.env.BENCH_LARGE_ASSETS ?? 10_000);
const CHROMIUM = process.env.VIGIE_CHROMIUM ?? '/usr/bin/chromium';
const VIEWPORT = { width: 1440, height: 900 };
const PAGE_TIMEOUT = Number(process.env.BENCH_PAGE_TIMEOUT ?? 120_000);
/** Lighthouse's "good" thresholds, the reference printed beside our figures. */
const BUDGET = { fcp: 1800, lcp: 2500, tti: 3800, tbt: 200 };
const work = mkdtempSync(join(tmpdir(), 'vigie-bench-ui-'));

function progress(line) {
  process.stderr.write(`  … ${line}\n`);
}

function startServer(env) {
  const child = spawn(
    process.execPath,
    ['bin/vigie.js', 'serve', '--host', '127.0.0.1', '--port', '0'],
    { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`vigie serve did not start:\n${out}`));
    }, 120_000);
    const onData = (chunk) => {
      out += String(chunk);
      const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      const password = /one-time password (\S+)/.exec(out)?.[1];
      if (url !== undefined && password !== undefined) {
        clearTimeout(timer);
        resolve({ child, url, password });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`vigie serve exited with ${code}:\n${out}`));
    });
  });
}

// In every page before its scripts (CDP, so the page's CSP does not apply): long tasks, LCP
// candidates, and the moment the content is drawn (checked each frame): its <h1> visible, no
// spinner in main, and its data on screen (dashboard cards, table rows or an empty state).
const OBSERVERS = `(() => {
  window.__bench = { longtasks: [], lcp: 0, ready: null };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__bench.longtasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__bench.lcp = Math.max(window.__bench.lcp, e.startTime);
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  } catch {}
  const drawn = () => {
    const main = document.querySelector('main');
    if (main === null) return false;
    const h1 = main.querySelector('h1');
    if (h1 === null || h1.getClientRects().length === 0) return false;
    if (main.querySelector('.spinner') !== null) return false;
    return main.querySelector('section.card, [role=row] ~ [role=row], .vtable-body [role=row], tbody tr, .empty') !== null;
  };
  const tick = () => {
    const failed = document.querySelector('main .error[role=alert]');
    if (failed !== null) window.__bench.failed = failed.textContent;
    else if (drawn()) window.__bench.ready = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

const SNAPSHOT = `(() => {
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  const resources = performance.getEntriesByType('resource');
  const nav = performance.getEntriesByType('navigation')[0];
  return {
    now: performance.now(),
    fcp: paint === undefined ? null : paint.startTime,
    lcp: window.__bench.lcp,
    longtasks: window.__bench.longtasks,
    transfer: resources.reduce((n, r) => n + (r.transferSize || 0), nav ? nav.transferSize : 0),
  };
})()`;

async function measureOnce(browser, storageState, url) {
  const context = await browser.newContext({ storageState, viewport: VIEWPORT, locale: 'fr-FR' });
  try {
    await context.addInitScript(OBSERVERS);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'commit', timeout: PAGE_TIMEOUT });
    const deadline = Date.now() + PAGE_TIMEOUT;
    let ready = null;
    while (ready === null) {
      if (Date.now() > deadline) {
        const main = await page.evaluate(
          `(document.querySelector('main') ?? document.body).outerHTML.slice(0, 600)`,
        );
        await page.screenshot({ path: join(work, '..', 'vigie-bench-ui-failed.png') });
        throw new Error(`${url}: content not drawn after ${PAGE_TIMEOUT} ms: ${main}`);
      }
      await page.waitForTimeout(50);
      const state = await page.evaluate('({ ...window.__bench, longtasks: [] })');
      if (typeof state.failed === 'string')
        throw new Error(`${url}: the page failed: ${state.failed}`);
      ready = state.ready;
    }
    // Wait for a quiet main thread: 1 s with no long task (at most 30 s).
    let snap = await page.evaluate(SNAPSHOT);
    for (;;) {
      const lastEnd = Math.max(0, ...snap.longtasks.map(([s, d]) => s + d));
      if (snap.now - Math.max(ready, lastEnd) >= 1000 || snap.now - ready > 30_000) break;
      await page.waitForTimeout(250);
      snap = await page.evaluate(SNAPSHOT);
    }
    const fcp = snap.fcp ?? ready;
    const after = snap.longtasks.filter(([s, d]) => s + d > fcp);
    const tti = Math.max(ready, ...after.map(([s, d]) => s + d));
    const tbt = after
      .filter(([s]) => s < tti)
      .reduce((n, [s, d]) => n + Math.max(0, Math.min(s + d, tti) - Math.max(s, fcp) - 50), 0);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
    if (errors.length > 0) throw new Error(`${url}: page errors: ${errors.join('; ')}`);
    return {
      fcp,
      lcp: snap.lcp > 0 ? snap.lcp : fcp,
      ready,
      tti,
      tbt,
      script: metric('ScriptDuration') * 1000,
      heap: metric('JSHeapUsedSize'),
      transfer: snap.transfer,
    };
  } finally {
    await context.close();
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const ms = (v) => `${(v / 1000).toFixed(2).padStart(5)} s`;

function row(label, runs) {
  const m = (key) => median(runs.map((r) => r[key]));
  const verdict = (key) => (m(key) <= BUDGET[key] ? 'ok' : 'OVER');
  return (
    `  ${label.padEnd(26)} FCP ${ms(m('fcp'))} ${verdict('fcp').padEnd(4)}  LCP ${ms(m('lcp'))} ${verdict('lcp').padEnd(4)}` +
    `  ready ${ms(m('ready'))}  TTI~ ${ms(m('tti'))} ${verdict('tti').padEnd(4)}  TBT ${String(Math.round(m('tbt'))).padStart(5)} ms ${verdict('tbt').padEnd(4)}` +
    `  script ${String(Math.round(m('script'))).padStart(5)} ms  heap ${(m('heap') / 1e6).toFixed(1).padStart(5)} MB  transfer ${(m('transfer') / 1024).toFixed(0).padStart(5)} KB`
  );
}

async function measurePages(browser, storageState, url, workspace, label) {
  const pages = [
    ['dashboard', `/w/${workspace}`],
    ['findings', `/w/${workspace}/findings`],
  ];
  for (const [name, path] of pages) {
    const runs = [];
    for (let i = 0; i < RUNS; i += 1)
      runs.push(await measureOnce(browser, storageState, url + path));
    console.log(row(`${label} ${name}`, runs));
  }
}

async function main() {
  if (!existsSync(join(root, 'dist', 'web', 'index.html'))) {
    throw new Error('The web UI is not built (dist/web); run npm run build first.');
  }
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}.`);
  progress('starting vigie serve with the demo organisation');
  const server = await startServer({ VIGIE_DATA: join(work, 'data'), VIGIE_LANG: 'en' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
  try {
    const { url, password } = server;
    const signIn = await browser.newContext({ baseURL: url });
    const login = await signIn.request.post('/api/auth/login', {
      data: { email: 'admin@vigie.local', password },
    });
    if (!login.ok()) throw new Error(`sign-in failed: ${login.status()} ${await login.text()}`);
    const { csrfToken } = await login.json();
    const getJson = async (path, timeout = 60_000) => {
      const response = await signIn.request.get(path, { timeout });
      if (!response.ok()) throw new Error(`${path}: ${response.status()} ${await response.text()}`);
      return response.json();
    };
    const storageState = await signIn.storageState();
    const { workspaces } = await getJson('/api/workspaces');
    const demo = workspaces[0].id;
    let started = Date.now();
    const { versions } = await getJson(`/api/workspaces/${demo}/versions`);
    await getJson(`/api/workspaces/${demo}/dashboard?lang=fr`);
    await getJson(`/api/workspaces/${demo}/versions/${versions[0].number}/findings?lang=fr`);
    const demoCold = Date.now() - started;

    console.log(
      `bench/ui — Chromium ${browser.version()} headless, ${VIEWPORT.width}×${VIEWPORT.height}, no throttling, median of ${RUNS} loads per page (fresh context each: empty cache)`,
    );
    console.log(
      `  reference (Lighthouse-like budget): FCP ≤ ${BUDGET.fcp / 1000} s, LCP ≤ ${BUDGET.lcp / 1000} s, TTI ≤ ${BUDGET.tti / 1000} s, TBT ≤ ${BUDGET.tbt} ms`,
    );
    console.log(`  demo organisation (server's first analysis: ${ms(demoCold)})`);
    await measurePages(browser, storageState, url, demo, 'demo');

    if (LARGE_ASSETS > 0) {
      const modelDir = join(work, 'large');
      progress(`generating a ${LARGE_ASSETS.toLocaleString('en')}-asset model (seed 42)`);
      started = Date.now();
      execFileSync(
        process.execPath,
        [
          'bin/vigie.js',
          'generate',
          '--assets',
          String(LARGE_ASSETS),
          '--seed',
          '42',
          '-o',
          modelDir,
        ],
        { cwd: root, stdio: 'ignore' },
      );
      const files = Object.fromEntries(
        readdirSync(modelDir)
          .filter((name) => name.endsWith('.yaml'))
          .map((name) => [name, readFileSync(join(modelDir, name), 'utf8')]),
      );
      const generated = Date.now() - started;
      progress(`generated in ${ms(generated)}; importing it as a new workspace (zip)`);
      const created = await signIn.request.post('/api/workspaces', {
        headers: { 'x-csrf-token': csrfToken },
        data: { name: 'Large', slug: 'large' },
      });
      if (!created.ok()) throw new Error(`create workspace: ${await created.text()}`);
      const { workspace } = await created.json();
      started = Date.now();
      const imported = await signIn.request.post(
        `/api/workspaces/${workspace.id}/import?message=generated`,
        {
          headers: { 'x-csrf-token': csrfToken, 'content-type': 'application/zip' },
          data: writeModelZip(files),
          timeout: 300_000,
        },
      );
      if (!imported.ok()) throw new Error(`import: ${imported.status()} ${await imported.text()}`);
      const { version } = await imported.json();
      const importMs = Date.now() - started;
      progress(`imported in ${ms(importMs)}; analysing it (cold, may take minutes)`);
      started = Date.now();
      const ticker = setInterval(() => {
        progress(`still analysing… ${ms(Date.now() - started)}`);
      }, 30_000);
      try {
        await getJson(`/api/workspaces/${workspace.id}/dashboard?lang=fr`, 900_000);
        await getJson(
          `/api/workspaces/${workspace.id}/versions/${version.number}/findings?lang=fr`,
          900_000,
        );
      } finally {
        clearInterval(ticker);
      }
      const cold = Date.now() - started;
      console.log(
        `  ${LARGE_ASSETS.toLocaleString('en')}-asset model (generated ${ms(generated)}, imported ${ms(importMs)}, server's first analysis ${ms(cold)})`,
      );
      await measurePages(browser, storageState, url, workspace.id, `${LARGE_ASSETS / 1000}k`);
    }
  } finally {
    await browser.close().catch(() => undefined);
    server.child.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
