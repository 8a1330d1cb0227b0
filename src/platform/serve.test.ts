import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
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
