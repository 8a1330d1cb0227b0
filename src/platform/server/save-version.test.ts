/**
 * The one save flow (commitModelEdit in models/commit.ts): a version and its audit entry are stored
 * together or not at all, and a full disk is answered 507 `storage_full`, then saves work again
 * once space returns. Injected failures on both databases; a real full disk on SQLite (a page
 * budget, and a 2 MB tmpfs when this process may mount one).
 */
import { execFileSync } from 'node:child_process';
import {
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeSync,
  closeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../store/index.js';
import type { Store } from '../store/index.js';
import { STORE_DIALECTS, failInserts, openTestStore } from '../store/test-support.js';
import type { TestStore } from '../store/test-support.js';
import { buildApp } from './app.js';
import { client, signIn } from './test-support.js';

const MINIMAL = readFileSync(
  new URL('../../../examples/minimal/model.yaml', import.meta.url),
  'utf8',
);

/** The minimal model with `kib` KiB of comments, so that saving it needs fresh pages. */
const padded = (kib: number, salt: string): string =>
  `${MINIMAL}\n${`# ${salt} ${'x'.repeat(1000)}\n`.repeat(kib)}`;

interface Session {
  readonly app: FastifyInstance;
  readonly workspaceId: string;
  send(method: 'POST' | 'PUT', path: string, payload: unknown): Promise<LightMyRequestResponse>;
}

/** An owner with a session, an empty workspace and the app, on `store`. */
async function sessionOn(store: Store): Promise<Session> {
  const user = await store.users.create({
    email: 'owner@example.test',
    displayName: 'Owner',
    passwordHash: 'x',
  });
  const workspace = await store.workspaces.create({ slug: 'w', name: 'W', ownerId: user.id });
  const app = buildApp({ store });
  const owner = client(app, await signIn(store, user));
  return {
    app,
    workspaceId: workspace.id,
    send: (method, path, payload) =>
      owner.send(method, `/api/workspaces/${workspace.id}${path}`, payload),
  };
}

function expectStorageFull(response: LightMyRequestResponse): void {
  expect(response.statusCode, response.body).toBe(507);
  const body = response.json<{ code: string; message: { en: string; fr: string } }>();
  expect(body.code).toBe('storage_full');
  expect(body.message.en).toMatch(/out of storage space.*nothing was saved/);
  expect(body.message.fr).toMatch(/plus d’espace de stockage.*rien n’a été enregistré/);
}

const numbers = async (store: Store, workspaceId: string): Promise<number[]> =>
  (await store.versions.list(workspaceId)).map((v) => v.number);

const auditActions = async (store: Store, workspaceId: string): Promise<string[]> =>
  (await store.audit.exportAll(workspaceId)).map((e) => `${e.action} ${String(e.entityId)}`);

describe.each(STORE_DIALECTS)('one save flow on %s', (dialect) => {
  let t: TestStore;
  let session: Session;
  beforeEach(async () => {
    t = await openTestStore(dialect);
    session = await sessionOn(t.store);
  });
  afterEach(async () => {
    await session.app.close();
    await t.dispose();
  });

  // The trigger raises a plain error on SQLite (an honest 500) and disk_full on PostgreSQL.
  const failedStatus = dialect === 'postgres' ? 507 : 500;

  it('POST /versions: when the audit insert fails, no version remains; then it saves with its entry', async () => {
    const restore = await failInserts(t.store, 'audit_log');
    const payload = { expectedLatest: null, files: { 'model.yaml': MINIMAL }, message: 'v1' };
    const failed = await session.send('POST', '/versions', payload);
    expect(failed.statusCode, failed.body).toBe(failedStatus);
    if (dialect === 'postgres') expectStorageFull(failed);
    else expect(failed.json<{ code: string }>().code).toBe('internal');
    expect(await numbers(t.store, session.workspaceId)).toEqual([]);
    expect(await auditActions(t.store, session.workspaceId)).toEqual([]);

    await restore();
    const saved = await session.send('POST', '/versions', payload);
    expect(saved.statusCode, saved.body).toBe(201);
    expect(await numbers(t.store, session.workspaceId)).toEqual([1]);
    expect(await auditActions(t.store, session.workspaceId)).toEqual(['model.version 1']);
  });

  it('entity edits and decisions go through the same flow: no version without its audit entry', async () => {
    const first = await session.send('POST', '/versions', {
      expectedLatest: null,
      files: { 'model.yaml': MINIMAL },
      message: 'v1',
    });
    expect(first.statusCode, first.body).toBe(201);
    const restore = await failInserts(t.store, 'audit_log');
    const edit = { expectedLatest: 1, fields: { name: 'Box fibre' } };
    const decision = {
      expectedLatest: 1,
      finding: 'some-rule@box-internet',
      status: 'false-positive',
      justification: 'Checked by hand.',
    };
    const failedEdit = await session.send('PUT', '/entities/assets/box-internet', edit);
    expect(failedEdit.statusCode, failedEdit.body).toBe(failedStatus);
    const failedDecision = await session.send('POST', '/decisions', decision);
    expect(failedDecision.statusCode, failedDecision.body).toBe(failedStatus);
    expect(await numbers(t.store, session.workspaceId)).toEqual([1]);

    await restore();
    const edited = await session.send('PUT', '/entities/assets/box-internet', edit);
    expect(edited.statusCode, edited.body).toBe(201);
    expect(await numbers(t.store, session.workspaceId)).toEqual([2, 1]);
    expect(await auditActions(t.store, session.workspaceId)).toEqual([
      'model.version 1',
      'model.entity.update box-internet',
    ]);
  });

  it('a failed version insert (full disk while writing the version) stores nothing either', async () => {
    const restore = await failInserts(t.store, 'model_versions');
    const failed = await session.send('POST', '/versions', {
      expectedLatest: null,
      files: { 'model.yaml': MINIMAL },
      message: 'v1',
    });
    expect(failed.statusCode, failed.body).toBe(failedStatus);
    expect(await numbers(t.store, session.workspaceId)).toEqual([]);
    expect(await auditActions(t.store, session.workspaceId)).toEqual([]);
    await restore();
  });
});

describe('a full SQLite database', () => {
  let t: TestStore;
  let session: Session;
  beforeEach(async () => {
    t = await openTestStore('sqlite');
    session = await sessionOn(t.store);
  });
  afterEach(async () => {
    await session.app.close();
    await t.dispose();
  });

  it('answers 507 storage_full (SQLITE_FULL) without a version, then 201 once space returns', async () => {
    const pages = await sql<{ page_count: number }>`pragma page_count`.execute(t.store.db);
    const current = pages.rows[0]?.page_count ?? 0;
    expect(current).toBeGreaterThan(0);
    // No page may be added: the database is "full" as on a full disk.
    await sql.raw(`pragma max_page_count = ${String(current)}`).execute(t.store.db);
    const payload = {
      expectedLatest: null,
      files: { 'model.yaml': padded(64, 'full') },
      message: 'v1',
    };
    expectStorageFull(await session.send('POST', '/versions', payload));
    expect(await numbers(t.store, session.workspaceId)).toEqual([]);
    expect(await auditActions(t.store, session.workspaceId)).toEqual([]);

    await sql.raw(`pragma max_page_count = 1073741823`).execute(t.store.db);
    const saved = await session.send('POST', '/versions', payload);
    expect(saved.statusCode, saved.body).toBe(201);
    expect(await auditActions(t.store, session.workspaceId)).toEqual(['model.version 1']);
  });
});

/** Mounts a 2 MB tmpfs on a new directory; undefined when this process may not mount. */
function mountSmallTmpfs(): { dir: string; unmount: () => void } | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-full-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m,mode=0700', 'tmpfs', dir], {
      stdio: 'ignore',
    });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  return {
    dir,
    unmount: () => {
      execFileSync('umount', [dir], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Writes zeros into `file` until the file system refuses (ENOSPC). */
function fillDisk(file: string): void {
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(16 * 1024);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
}

/** Whether this process may mount a tmpfs (tried once, unmounted at once). */
const canMountTmpfs = ((): boolean => {
  const probe = mountSmallTmpfs();
  probe?.unmount();
  return probe !== undefined;
})();

describe.skipIf(!canMountTmpfs)(
  !canMountTmpfs
    ? 'a full disk under SQLite (2 MB tmpfs): SKIPPED, this process may not mount a tmpfs (needs root)'
    : 'a full disk under SQLite (2 MB tmpfs)',
  () => {
    it('fails with 507 and keeps nothing, then saves once the disk has room again', async () => {
      const tmpfs = mountSmallTmpfs();
      if (tmpfs === undefined) throw new Error('the tmpfs could not be mounted this time');
      try {
        const store = await openStore({ dataDir: join(tmpfs.dir, 'data') });
        const full = await sessionOn(store);
        try {
          // An empty WAL, so the save must grow a file on the full disk.
          await sql`pragma wal_checkpoint(TRUNCATE)`.execute(store.db);
          const filler = join(tmpfs.dir, 'filler');
          fillDisk(filler);
          const payload = {
            expectedLatest: null,
            files: { 'model.yaml': padded(200, 'tmpfs') },
            message: 'v1',
          };
          expectStorageFull(await full.send('POST', '/versions', payload));
          expect(await numbers(store, full.workspaceId)).toEqual([]);
          expect(await auditActions(store, full.workspaceId)).toEqual([]);
          unlinkSync(filler);
          const saved = await full.send('POST', '/versions', payload);
          expect(saved.statusCode, saved.body).toBe(201);
          expect(await numbers(store, full.workspaceId)).toEqual([1]);
          expect(await auditActions(store, full.workspaceId)).toEqual(['model.version 1']);
        } finally {
          await full.app.close();
          await store.close();
        }
      } finally {
        tmpfs.unmount();
      }
    });
  },
);
