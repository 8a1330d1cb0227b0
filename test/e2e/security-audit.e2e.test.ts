/**
 * Issue 15 (CP5), the security audit in the browser: loopback targets stand in for a demo asset
 * (an SSH-like banner and an HTTP server on 127.0.0.110, ports 29500–29999, mapped to the asset
 * by the scope), a campaign is started from the UI and followed while it runs, its findings are
 * opened, a drift finding's "update the model" is previewed and applied (a new model version
 * holds the observed port), and the report is downloaded. A scope error is shown located. English
 * UI, Debian's Chromium; the platform listens on its own port (port 0).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import type { Server as HttpServer } from 'node:http';
import { createServer as createTcpServer } from 'node:net';
import type { Socket, Server as TcpServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  appIds,
  expectNoHorizontalOverflow,
  formatAxe,
  openPage,
  runAxe,
  signIn,
  startBrowser,
  startPlatform,
} from './support.js';
import type { AppIds, Driver, Platform } from './support.js';

const STEP_TIMEOUT = 240_000;
const UI_TIMEOUT = 60_000;
const HOST = '127.0.0.110';
const SSH_PORT = 29501;
const HTTP_PORT = 29502;
/** Each target waits this long before answering, so the campaign is seen running. */
const ANSWER_DELAY_MS = 1500;

let platform: Platform | undefined;
let driver: Driver | undefined;
let ids: AppIds | undefined;
let ssh: TcpServer | undefined;
let http: HttpServer | undefined;
const sockets = new Set<Socket>();
const downloads = mkdtempSync(join(tmpdir(), 'vigie-e2e-audit-'));

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

function listen(server: TcpServer | HttpServer, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      resolve();
    });
  });
}

function close(server: TcpServer | HttpServer | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (server === undefined) {
      resolve();
      return;
    }
    server.close(() => {
      resolve();
    });
  });
}

function scope(asset: string): string {
  return [
    'name: e2e audit',
    'model: mapped',
    'targets:',
    `  - host: ${HOST}`,
    `    asset: ${asset}`,
    `    ports: [${String(SSH_PORT)}, ${String(HTTP_PORT)}]`,
    `ports: [${String(SSH_PORT)}, ${String(HTTP_PORT)}]`,
    'limits: { concurrency: 8, timeout: 4000ms }',
    '',
  ].join('\n');
}

async function getJson<T>(path: string): Promise<T> {
  if (driver === undefined) throw new Error('the browser did not start');
  const response = await driver.context.request.get(path);
  expect(response.ok(), `GET ${path}`).toBe(true);
  return (await response.json()) as T;
}

describe('security audit in the browser (demo, English)', () => {
  beforeAll(async () => {
    ssh = createTcpServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => {
        sockets.delete(socket);
      });
      socket.on('error', () => undefined);
      setTimeout(() => {
        socket.end('SSH-2.0-OpenSSH_7.4\r\n');
      }, ANSWER_DELAY_MS);
    });
    http = createHttpServer((_request, response) => {
      setTimeout(() => {
        response.writeHead(200, { 'content-type': 'text/html', server: 'nginx/1.14.0' });
        response.end('<html><body>lab</body></html>');
      }, ANSWER_DELAY_MS);
    });
    await listen(ssh, SSH_PORT);
    await listen(http, HTTP_PORT);
    platform = await startPlatform();
    driver = await startBrowser(platform.url, 'en-GB');
    await signIn(driver.context, platform.email, platform.password);
    ids = await appIds(driver.context);
  }, STEP_TIMEOUT);

  afterAll(async () => {
    await driver?.close();
    await platform?.close();
    for (const socket of sockets) socket.destroy();
    http?.closeAllConnections();
    await close(ssh);
    await close(http);
    rmSync(downloads, { recursive: true, force: true });
  }, STEP_TIMEOUT);

  it(
    'shows a scope error located by line and column beside the editor',
    async () => {
      const p = page();
      await openPage(p, base());
      await p.getByRole('navigation').getByRole('link', { name: 'Security audit' }).first().click();
      await main().getByRole('heading', { name: 'Security audit campaigns', level: 1 }).waitFor();
      await main().getByLabel('Campaign name').fill('broken scope');
      await main()
        .getByLabel('Scope (YAML)')
        .fill('targets:\n  - host: 127.0.0.110\nports: [not-a-port]\n');
      await main().getByRole('button', { name: 'Start the campaign' }).click();
      const errors = main().locator('#audit-scope-errors');
      await errors.waitFor({ timeout: UI_TIMEOUT });
      await expect(
        errors.getByRole('button', { name: /^line 3, column \d+$/ }).count(),
      ).resolves.toBeGreaterThan(0);
      expect(await main().getByLabel('Scope (YAML)').getAttribute('aria-invalid')).toBe('true');
      // the refused request is the only problem seen
      const problems = driver?.problems.splice(0) ?? [];
      expect(problems.every((x) => x.includes('400'))).toBe(true);
    },
    STEP_TIMEOUT,
  );

  it(
    'runs a campaign on loopback targets from the UI, follows it, applies a drift update and downloads the report',
    async () => {
      if (ids === undefined) throw new Error('no demo ids');
      const p = page();
      await openPage(p, `${base()}/security-audit`);
      await main().getByLabel('Campaign name').fill('Loopback lab');
      await main().getByLabel('Scope (YAML)').fill(scope(ids.asset));
      await main().getByRole('button', { name: 'Start the campaign' }).click();

      // progress while it runs, then its results
      const row = main().getByRole('row', { name: /Loopback lab/ });
      await row
        .getByText(/Queued|Running/)
        .first()
        .waitFor({ timeout: UI_TIMEOUT });
      const results = row.getByRole('link', { name: /Results/ });
      await results.waitFor({ timeout: STEP_TIMEOUT });
      await driver?.shot('security-audit-campaigns');
      await results.click();
      await main().getByRole('heading', { name: 'Audit findings', level: 1 }).waitFor();
      await main()
        .getByText(/findings? shown of \d+/)
        .waitFor({ timeout: UI_TIMEOUT });
      const firstFinding = main().locator('details.audit-finding summary').first();
      await firstFinding.click();
      await main().locator('pre.audit-evidence').first().waitFor();

      // the report: a download from the link, and its content type and first bytes
      const reportLink = main().getByRole('link', { name: 'Report (HTML)' });
      const [download] = await Promise.all([p.waitForEvent('download'), reportLink.click()]);
      const saved = join(downloads, download.suggestedFilename() || 'report.html');
      await download.saveAs(saved);
      expect(readFileSync(saved, 'utf8').slice(0, 200).toLowerCase()).toMatch(
        /<!doctype html|<html/,
      );
      const pdfHref = await main().getByRole('link', { name: 'Report (PDF)' }).getAttribute('href');
      expect(pdfHref).toContain('format=pdf');
      const pdf = await driver?.context.request.get(pdfHref ?? '', { timeout: 120_000 });
      expect(pdf?.headers()['content-type']).toContain('application/pdf');
      expect((await pdf?.body())?.subarray(0, 5).toString('latin1')).toBe('%PDF-');

      // drift: the undeclared ports of the mapped asset, brought into the model
      await main()
        .getByRole('navigation', { name: 'Security audit pages' })
        .getByRole('link', { name: 'Drift' })
        .click();
      await main()
        .getByRole('heading', { name: /Drift between the model/, level: 1 })
        .waitFor();
      const drift = main()
        .locator('details.audit-finding', { hasText: String(SSH_PORT) })
        .first();
      await drift.locator('summary').click();
      await drift.getByRole('button', { name: 'Update the model' }).click();
      const dialog = p.getByRole('dialog');
      await dialog.locator('pre.diff').first().waitFor({ timeout: UI_TIMEOUT });
      expect(await dialog.locator('.diff-add').count()).toBeGreaterThan(0);
      await driver?.shot('security-audit-drift-preview');
      await dialog.getByRole('button', { name: 'Apply' }).click();
      const next = ids.version + 1;
      await dialog
        .getByText(`Version ${String(next)} of the model was created with the change.`)
        .waitFor({ timeout: UI_TIMEOUT });
      const { versions } = await getJson<{ versions: { number: number }[] }>(
        `/api/workspaces/${ids.workspace}/versions`,
      );
      expect(versions[0]?.number).toBe(next);
      const detail = await getJson<unknown>(
        `/api/workspaces/${ids.workspace}/versions/${String(next)}/entities/assets/${encodeURIComponent(ids.asset)}`,
      );
      expect(JSON.stringify(detail)).toContain(String(SSH_PORT));
      const before = await getJson<unknown>(
        `/api/workspaces/${ids.workspace}/versions/${String(ids.version)}/entities/assets/${encodeURIComponent(ids.asset)}`,
      );
      expect(JSON.stringify(before)).not.toContain(String(SSH_PORT));
      await dialog.getByRole('button', { name: /Close/ }).first().click();

      // the action plan fills from the campaign
      await main()
        .getByRole('navigation', { name: 'Security audit pages' })
        .getByRole('link', { name: 'Action plan' })
        .click();
      await main()
        .getByRole('table', { name: 'Actions of the plan' })
        .waitFor({ timeout: UI_TIMEOUT });
      expect(driver?.problems).toEqual([]);
    },
    STEP_TIMEOUT * 2,
  );

  it(
    'edits the action plan inline; the filled pages pass axe-core and fit a phone',
    async () => {
      if (ids === undefined) throw new Error('no demo ids');
      const p = page();
      await openPage(p, `${base()}/security-audit/plan`);
      const status = main()
        .getByLabel(/^Status of /)
        .first();
      await status.selectOption('in-progress');
      // the change is saved at once (a toast says so)
      await p.getByText('Saved.').first().waitFor({ timeout: UI_TIMEOUT });
      const plan = await getJson<{ items: { status: string }[] }>(
        `/api/workspaces/${ids.workspace}/audit-plan`,
      );
      expect(plan.items.some((item) => item.status === 'in-progress')).toBe(true);

      for (const path of ['', '/findings', '/drift', '/plan']) {
        await openPage(p, `${base()}/security-audit${path}`);
        const first = main().locator('details.audit-finding summary').first();
        if ((await first.count()) > 0) await first.click();
        const found = await runAxe(p);
        expect(found, formatAxe(found, `security-audit${path}`)).toEqual([]);
      }
      await p.setViewportSize({ width: 390, height: 844 });
      try {
        for (const path of ['', '/findings', '/drift', '/plan']) {
          await openPage(p, `${base()}/security-audit${path}`);
          await expectNoHorizontalOverflow(p, `security-audit${path} at phone width`);
        }
        await driver?.shot('security-audit-plan-phone');
      } finally {
        await p.setViewportSize({ width: 1440, height: 900 });
      }
      expect(driver?.problems).toEqual([]);
    },
    STEP_TIMEOUT,
  );
});
