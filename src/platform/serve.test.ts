import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { selfSignedCertificate } from '../../test/support/tls.js';
import { DataDirLockedError, LOCK_FILE_NAME } from './data-dir.js';
import { readTlsFiles } from './https.js';
import { startServer } from './serve.js';

const demoDir = fileURLToPath(new URL('../../examples/forges-de-l-est/', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'vigie-serve-'));
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('startServer (SQLite in the data directory)', () => {
  it('serves the API over HTTP with the demo workspace and a one-time administrator password', async () => {
    const server = await startServer({ dataDir, host: '127.0.0.1', port: 0, demoDir });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(200);
      const admin = server.firstRun.admin;
      expect(admin).toBeDefined();
      expect((await fetch(`${server.url}/api/workspaces`)).status).toBe(401);
      const login = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: admin?.email, password: admin?.password }),
      });
      expect(login.status).toBe(200);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      expect(cookie).toMatch(/^vigie_session=/);
      const list = await fetch(`${server.url}/api/workspaces`, { headers: { cookie } });
      const body = (await list.json()) as { workspaces: { slug: string; role: string }[] };
      expect(body.workspaces.map((w) => [w.slug, w.role])).toEqual([['forges-de-l-est', 'owner']]);
      const latest = await server.store.versions.list(
        (await server.store.workspaces.getBySlug('forges-de-l-est'))?.id ?? '',
      );
      expect(latest).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('keeps its data across restarts and prints no new password', async () => {
    const server = await startServer({ dataDir, host: '127.0.0.1', port: 0, demoDir });
    try {
      expect(server.firstRun).toEqual({});
      expect(await server.store.users.list()).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});

describe('startServer: one server per SQLite data directory', () => {
  it('refuses a second server on the same directory, naming the first; frees it on close', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-serve-lock-'));
    try {
      const first = await startServer({ dataDir: dir, host: '127.0.0.1', port: 0 });
      const lockFile = join(dir, LOCK_FILE_NAME);
      try {
        expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({
          pid: process.pid,
          host: hostname(),
        });
        const second: unknown = await startServer({
          dataDir: dir,
          host: '127.0.0.1',
          port: 0,
        }).catch((error: unknown) => error);
        expect(second).toBeInstanceOf(DataDirLockedError);
        expect((second as DataDirLockedError).owner?.pid).toBe(process.pid);
        // The first one still serves.
        expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
      } finally {
        await first.close();
      }
      expect(existsSync(lockFile)).toBe(false);
      const again = await startServer({ dataDir: dir, host: '127.0.0.1', port: 0 });
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('warns about a data directory others can read, and not about the one it creates', async () => {
    const root = mkdtempSync(join(tmpdir(), 'vigie-serve-mode-'));
    try {
      const created = join(root, 'data');
      const fresh = await startServer({ dataDir: created, host: '127.0.0.1', port: 0 });
      await fresh.close();
      expect(fresh.warnings).toEqual([]);
      chmodSync(created, 0o755);
      const open = await startServer({ dataDir: created, host: '127.0.0.1', port: 0 });
      await open.close();
      expect(open.warnings).toEqual([
        { code: 'data_dir.readable_by_others', path: created, mode: '755' },
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

interface HttpsAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** One HTTPS request trusting only `ca` (the test's self-signed certificate). */
function requestOverTls(
  url: string,
  ca: Buffer,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<HttpsAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      url,
      { method: options.method ?? 'GET', headers: options.headers ?? {}, ca },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('startServer over HTTPS (--tls-cert/--tls-key)', () => {
  it('serves TLS with the given certificate, Secure session cookies and HSTS', async () => {
    const pair = selfSignedCertificate();
    const dir = mkdtempSync(join(tmpdir(), 'vigie-serve-tls-'));
    try {
      const tls = readTlsFiles(pair.cert, pair.key);
      if (!tls.ok) throw new Error(tls.error.code);
      const server = await startServer({
        dataDir: dir,
        host: '127.0.0.1',
        port: 0,
        demoDir,
        tls: tls.value,
      });
      try {
        expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
        const ca = tls.value.cert;
        const health = await requestOverTls(`${server.url}/api/health`, ca);
        expect(health.status).toBe(200);
        expect(health.headers['strict-transport-security']).toBe(
          'max-age=31536000; includeSubDomains',
        );
        const admin = server.firstRun.admin;
        const login = await requestOverTls(`${server.url}/api/auth/login`, ca, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: admin?.email, password: admin?.password }),
        });
        expect(login.status, login.body).toBe(200);
        const cookie = String(login.headers['set-cookie']);
        expect(cookie).toMatch(/^vigie_session=/);
        expect(cookie.split('; ')).toContain('Secure');
        expect(login.headers['strict-transport-security']).toBe(
          'max-age=31536000; includeSubDomains',
        );
        // Plain HTTP on the TLS port gets nothing useful.
        await expect(
          fetch(server.url.replace('https:', 'http:') + '/api/health'),
        ).rejects.toThrow();
      } finally {
        await server.close();
      }
    } finally {
      pair.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
