import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, isStorageFull } from './errors.js';
import { migrateToLatest, withSchemaLock } from './migrations/index.js';
import { openStore } from './store.js';
import type { Store } from './store.js';
import {
  STORE_DIALECTS,
  TEST_DATABASE_URL,
  failInserts,
  openOwnedWorkspace,
  openTestStore,
} from './test-support.js';
import type { OwnedWorkspace, TestStore } from './test-support.js';

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

describe.each(STORE_DIALECTS)('store.transaction on %s', (dialect) => {
  let t: OwnedWorkspace;
  let ws: string;
  let author: string;
  beforeEach(async () => {
    t = await openOwnedWorkspace(dialect);
    ({ workspaceId: ws, userId: author } = t);
  });
  afterEach(async () => {
    await t.dispose();
  });

  const files = { 'model.yaml': 'version: 1\n' };
  const saveWithAudit = (store: Store) =>
    store.transaction(async (tx) => {
      const saved = await tx.versions.append(ws, null, files, 'v1', author);
      await tx.audit.append({
        workspaceId: ws,
        userId: author,
        action: 'model.version',
        entityKind: 'model_version',
        entityId: String(saved.number),
      });
      return saved.number;
    });

  it('hands the callback every repository of the store, bound to the transaction', async () => {
    const repositories = (handle: object): string[] =>
      Object.entries(handle)
        .filter(([key, value]) => key !== 'db' && typeof value === 'object')
        .map(([key]) => key)
        .sort();
    const bound = await t.store.transaction((tx) => {
      expect(tx.db.isTransaction).toBe(true);
      return Promise.resolve(repositories(tx));
    });
    expect(bound).toEqual(repositories(t.store));
    expect(bound).toContain('invitations');
  });

  it('commits every write of the callback together and returns its value', async () => {
    expect(await saveWithAudit(t.store)).toBe(1);
    expect((await t.store.versions.list(ws)).map((v) => v.number)).toEqual([1]);
    const audit = await t.store.audit.exportAll(ws);
    expect(audit.map((e) => e.action)).toEqual(['model.version']);
  });

  it('rolls every write back and rethrows when the callback throws', async () => {
    const boom = new Error('after the version');
    await expect(
      t.store.transaction(async (tx) => {
        await tx.versions.append(ws, null, files, 'v1', author);
        const other = await tx.workspaces.create({ slug: 'other', name: 'O', ownerId: author });
        expect(other.slug).toBe('other'); // a repository's own transaction joins this one
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(await t.store.versions.list(ws)).toEqual([]);
    expect(await t.store.workspaces.getBySlug('other')).toBeUndefined();
  });

  it('leaves no version behind when the audit insert fails in the database', async () => {
    const restore = await failInserts(t.store, 'audit_log');
    const error: unknown = await saveWithAudit(t.store).catch((e: unknown) => e);
    expect(String(error)).toContain('injected write failure');
    // PostgreSQL reports it as a full disk (53100), the code the API answers 507 for.
    expect(isStorageFull(error)).toBe(dialect === 'postgres');
    expect(await t.store.versions.list(ws)).toEqual([]);
    expect(await t.store.audit.exportAll(ws)).toEqual([]);
    // The connection is usable again, and the same save succeeds once writes do.
    await restore();
    expect(await saveWithAudit(t.store)).toBe(1);
    expect(await t.store.audit.exportAll(ws)).toHaveLength(1);
  });

  it('turns a lost race inside the transaction into ConflictError and keeps nothing', async () => {
    await t.store.versions.append(ws, null, files, 'first', author);
    const error: unknown = await saveWithAudit(t.store).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((await t.store.versions.list(ws)).map((v) => v.message)).toEqual(['first']);
    expect(await t.store.audit.exportAll(ws)).toEqual([]);
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

describe.skipIf(process.platform === 'win32')('store on sqlite: file modes', () => {
  const modeOf = (path: string): string => (statSync(path).mode & 0o777).toString(8);

  it('creates the data directory 0700 and the database, -wal and -shm 0600', async () => {
    const root = mkdtempSync(join(tmpdir(), 'vigie-store-'));
    const dataDir = join(root, 'data');
    const store = await openStore({ dataDir });
    try {
      await store.users.create({ email: 'a@example.org', displayName: 'A', passwordHash: 'h' });
      expect(modeOf(dataDir)).toBe('700');
      for (const name of ['vigie.sqlite', 'vigie.sqlite-wal', 'vigie.sqlite-shm']) {
        expect(modeOf(join(dataDir, name)), name).toBe('600');
      }
    } finally {
      await store.close();
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('narrows database files found readable by others, and leaves the directory alone', async () => {
    const root = mkdtempSync(join(tmpdir(), 'vigie-store-'));
    chmodSync(root, 0o755);
    writeFileSync(join(root, 'vigie.sqlite'), '', { mode: 0o644 });
    chmodSync(join(root, 'vigie.sqlite'), 0o644);
    const store = await openStore({ dataDir: root });
    try {
      expect(modeOf(join(root, 'vigie.sqlite'))).toBe('600');
      expect(modeOf(root)).toBe('755');
    } finally {
      await store.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('store on postgres: configuration', () => {
  it('opens several instances at once on a new schema (they create it and migrate it together)', async () => {
    const schema = `vigie_test_race_${String(process.pid)}_${String(Date.now())}`;
    const config = { databaseUrl: TEST_DATABASE_URL, dataDir: tmpdir(), schema };
    const stores = await Promise.all([1, 2, 3, 4].map(() => openStore(config)));
    try {
      for (const store of stores) expect(await store.users.list()).toEqual([]);
    } finally {
      await withSchemaLock(stores[0]!.db as unknown as Kysely<unknown>, (connection) =>
        sql`drop schema if exists ${sql.id(schema)} cascade`.execute(connection),
      );
      await Promise.all(stores.map((store) => store.close()));
    }
  });

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
