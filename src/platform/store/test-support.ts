import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { withSchemaLock } from './migrations/index.js';
import type { Clock, StoreDialect } from './schema.js';
import { openStore } from './store.js';
import type { Store, StoreConfig } from './store.js';

/** Both dialects, for `describe.each(STORE_DIALECTS)` in every store test. */
export const STORE_DIALECTS: readonly StoreDialect[] = ['sqlite', 'postgres'];

export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A clock tests can move forward by hand. */
export interface ManualClock {
  readonly clock: Clock;
  readonly advance: (ms: number) => void;
}

/** A clock standing at `start` until moved forward by hand. */
export function manualClock(start = '2026-01-01T00:00:00.000Z'): ManualClock {
  let now = Date.parse(start);
  return {
    clock: () => new Date(now),
    advance: (ms) => {
      now += ms;
    },
  };
}

export interface TestStore {
  store: Store;
  config: StoreConfig;
  /** Closes the store and removes its temp directory or PostgreSQL schema. */
  dispose: () => Promise<void>;
}

/** An isolated, migrated store: a temp SQLite directory, or a fresh PostgreSQL schema. */
export async function openTestStore(
  dialect: StoreDialect,
  extra: Partial<StoreConfig> = {},
): Promise<TestStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vigie-store-'));
  const schema = `vigie_test_${randomBytes(6).toString('hex')}`;
  const config: StoreConfig =
    dialect === 'postgres'
      ? { ...extra, databaseUrl: TEST_DATABASE_URL, dataDir, schema }
      : { ...extra, dataDir };
  const store = await openStore(config);
  return {
    store,
    config,
    dispose: async () => {
      if (dialect === 'postgres') {
        await withSchemaLock(store.db as unknown as Kysely<unknown>, (connection) =>
          sql`drop schema if exists ${sql.id(schema)} cascade`.execute(connection),
        );
      }
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** An isolated store whose clock stands still until the test moves it (`time.advance`). */
export async function openClockedTestStore(
  dialect: StoreDialect,
  start?: string,
): Promise<TestStore & { readonly time: ManualClock }> {
  const time = manualClock(start);
  return { ...(await openTestStore(dialect, { clock: time.clock })), time };
}

/** A test store holding one user who owns one workspace: what model and audit tests start from. */
export interface OwnedWorkspace extends TestStore {
  readonly userId: string;
  readonly workspaceId: string;
}

/** An isolated store with user `a@x.org` owning workspace `acme`. */
export async function openOwnedWorkspace(
  dialect: StoreDialect,
  extra: Partial<StoreConfig> = {},
): Promise<OwnedWorkspace> {
  const opened = await openTestStore(dialect, extra);
  const { store } = opened;
  const user = await store.users.create({ email: 'a@x.org', displayName: 'A', passwordHash: 'h' });
  const workspace = await store.workspaces.create({ slug: 'acme', name: 'Acme', ownerId: user.id });
  return { ...opened, userId: user.id, workspaceId: workspace.id };
}

/**
 * Makes every insert into `table` fail inside the database, as a write on a full disk would: a
 * trigger raising an error (on PostgreSQL with SQLSTATE 53100 disk_full). Returns a function
 * removing the trigger.
 */
export async function failInserts(
  store: Store,
  table: 'audit_log' | 'model_versions',
): Promise<() => Promise<void>> {
  const name = `vigie_test_fail_${table}`;
  if (store.dialect === 'sqlite') {
    await sql
      .raw(
        `create trigger ${name} before insert on ${table} begin select raise(abort, 'injected write failure'); end`,
      )
      .execute(store.db);
    return async () => {
      await sql.raw(`drop trigger ${name}`).execute(store.db);
    };
  }
  await sql
    .raw(
      `create function ${name}() returns trigger language plpgsql as $$ begin raise exception 'injected write failure' using errcode = '53100'; end $$`,
    )
    .execute(store.db);
  await sql
    .raw(`create trigger ${name} before insert on ${table} for each row execute function ${name}()`)
    .execute(store.db);
  return async () => {
    await sql.raw(`drop trigger ${name} on ${table}`).execute(store.db);
    await sql.raw(`drop function ${name}()`).execute(store.db);
  };
}
