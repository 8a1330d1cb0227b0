import { afterEach, describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/passwords.js';
import {
  failInserts,
  openTestStore,
  STORE_DIALECTS,
  type TestStore,
} from '../store/test-support.js';
import { ADMIN_EMAIL, DEMO_SLUG, firstRun, oneTimePassword } from './first-run.js';

const demo = {
  name: 'Forges de l’Est',
  files: { 'organisation.yaml': 'organisation:\n  id: fde\n' },
};

/** Every audit entry's action, oldest first (the platform's and the workspaces'). */
const auditActions = async (t: TestStore): Promise<string[]> =>
  (await t.store.db.selectFrom('audit_log').select('action').orderBy('id').execute()).map(
    (row) => row.action,
  );

describe.each(STORE_DIALECTS)('first run on %s', (dialect) => {
  let opened: TestStore[] = [];
  afterEach(async () => {
    for (const o of opened) await o.dispose();
    opened = [];
  });

  it('creates the administrator with a one-time password and the demo workspace, once', async () => {
    const t = await openTestStore(dialect);
    opened.push(t);
    const first = await firstRun(t.store, demo, 'instance-a');
    expect(first.admin?.email).toBe(ADMIN_EMAIL);
    const password = first.admin?.password ?? '';
    const admin = await t.store.users.findByEmail(ADMIN_EMAIL);
    expect(admin?.isAdmin).toBe(true);
    expect(await verifyPassword(admin?.passwordHash ?? null, password)).toBe(true);
    expect(admin?.passwordHash).not.toContain(password);
    const workspace = await t.store.workspaces.getBySlug(DEMO_SLUG);
    expect(workspace?.name).toBe(demo.name);
    const latest = await t.store.versions.latest(workspace?.id ?? '');
    expect(latest?.files).toEqual(demo.files);
    // a second start finds the account and creates nothing, and says no password
    expect(await firstRun(t.store, demo, 'instance-b')).toEqual({});
    expect(await t.store.users.list()).toHaveLength(1);
  });

  it('stores nothing when a write fails, and runs again at the next start', async () => {
    const t = await openTestStore(dialect);
    opened.push(t);
    for (const table of ['model_versions', 'audit_log'] as const) {
      const restore = await failInserts(t.store, table);
      await expect(firstRun(t.store, demo, 'instance-a')).rejects.toThrow();
      await restore();
      expect(await t.store.users.list(), table).toEqual([]);
      expect(await t.store.workspaces.listAll(), table).toEqual([]);
      expect(await auditActions(t), table).toEqual([]);
    }
    const again = await firstRun(t.store, demo, 'instance-a');
    expect(again.admin?.email).toBe(ADMIN_EMAIL);
    const workspace = await t.store.workspaces.getBySlug(DEMO_SLUG);
    expect(again.demoWorkspaceId).toBe(workspace?.id);
    expect((await t.store.versions.list(workspace?.id ?? '')).map((v) => v.number)).toEqual([1]);
    expect(await auditActions(t)).toEqual(['user.create', 'workspace.create']);
  });

  it('creates one administrator when two instances start together', async () => {
    const t = await openTestStore(dialect);
    opened.push(t);
    const results = await Promise.all([
      firstRun(t.store, demo, 'instance-a'),
      firstRun(t.store, demo, 'instance-b'),
    ]);
    expect(results.filter((r) => r.admin !== undefined)).toHaveLength(1);
    expect(await t.store.users.list()).toHaveLength(1);
    expect(await t.store.workspaces.listAll()).toHaveLength(1);
  });
});

describe('one-time passwords', () => {
  it('are 20 characters without look-alikes, and differ', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = oneTimePassword();
      expect(p).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{20}$/);
      seen.add(p);
    }
    expect(seen.size).toBe(200);
  });
});
