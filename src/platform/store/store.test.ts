import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from './migrations/index.js';
import { openStore } from './store.js';
import { STORE_DIALECTS, openTestStore } from './test-support.js';
import type { TestStore } from './test-support.js';

describe.each(STORE_DIALECTS)('store on %s', (dialect) => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore(dialect);
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('reports its dialect', () => {
    expect(t.store.dialect).toBe(dialect);
  });

  it('runs migrations idempotently', async () => {
    const again = await migrateToLatest(t.store.db);
    expect(again.results).toEqual([]);
    const third = await migrateToLatest(t.store.db);
    expect(third.results).toEqual([]);
    const reopened = await openStore(t.config);
    try {
      expect(await reopened.workspaces.listAll()).toEqual([]);
    } finally {
      await reopened.close();
    }
  });

  it('creates every table', async () => {
    const all = await t.store.db.introspection.getTables();
    if (dialect === 'postgres') {
      // Isolated in the test's own schema, not in public.
      expect(all.filter((x) => x.name === 'users').map((x) => x.schema)).toContain(t.config.schema);
    }
    const tables = all.map((x) => x.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'audit_log',
        'jobs',
        'locks',
        'memberships',
        'model_versions',
        'sessions',
        'users',
        'workspaces',
      ]),
    );
  });

  it('rejects a role outside the allowed list at the database level', async () => {
    const user = await t.store.users.create({
      email: 'a@example.org',
      displayName: 'A',
      passwordHash: 'h',
    });
    const ws = await t.store.workspaces.create({ slug: 'ws', name: 'WS', ownerId: user.id });
    await expect(
      sql`update memberships set role = ${'superuser'} where workspace_id = ${ws.id}`.execute(
        t.store.db,
      ),
    ).rejects.toThrow();
  });
});

describe('store on sqlite: files', () => {
  it('creates the data directory and a WAL database with foreign keys on', async () => {
    const root = mkdtempSync(join(tmpdir(), 'vigie-store-'));
    const dataDir = join(root, 'nested', 'data');
    const store = await openStore({ dataDir });
    try {
      expect(existsSync(join(dataDir, 'vigie.sqlite'))).toBe(true);
      const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db);
      expect(mode.rows[0]?.journal_mode).toBe('wal');
      const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(store.db);
      expect(fk.rows[0]?.foreign_keys).toBe(1);
    } finally {
      await store.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('store on postgres: configuration', () => {
  it('refuses an unsafe schema name', async () => {
    await expect(
      openStore({
        databaseUrl: 'postgres://postgres@127.0.0.1:5432/test',
        dataDir: tmpdir(),
        schema: 'x; drop table users',
      }),
    ).rejects.toThrow(/Invalid PostgreSQL schema name/);
  });
});
