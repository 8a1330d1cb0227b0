import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError } from './errors.js';
import { STORE_DIALECTS, openOwnedWorkspace } from './test-support.js';
import type { OwnedWorkspace } from './test-support.js';

describe.each(STORE_DIALECTS)('model versions on %s', (dialect) => {
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

  const files = (n: number) => ({ 'model.yaml': `version: ${n}\n`, 'zones/dmz.yaml': 'é ✓' });

  it('appends versions in sequence and reads them back', async () => {
    expect(await t.store.versions.latest(ws)).toBeUndefined();
    expect(await t.store.versions.latestNumber(ws)).toBeNull();
    const v1 = await t.store.versions.append(ws, null, files(1), 'Import', author);
    expect(v1.number).toBe(1);
    const v2 = await t.store.versions.append(ws, 1, files(2), 'Edit', author);
    expect(v2.number).toBe(2);
    expect(await t.store.versions.latest(ws)).toEqual({ ...v2, files: files(2) });
    expect(await t.store.versions.latestNumber(ws)).toBe(2);
    expect(await t.store.versions.get(ws, 1)).toEqual({ ...v1, files: files(1) });
    expect(await t.store.versions.get(ws, 3)).toBeUndefined();
    const list = await t.store.versions.list(ws);
    expect(list.map((v) => v.number)).toEqual([2, 1]);
    expect(list[0]).not.toHaveProperty('files');
  });

  it('detects a stale expected version', async () => {
    await t.store.versions.append(ws, null, files(1), 'v1', author);
    await t.store.versions.append(ws, 1, files(2), 'v2', author);
    const error: unknown = await t.store.versions
      .append(ws, 1, files(3), 'stale', author)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ code: 'store.conflict', expected: 1, actual: 2 });
    await expect(
      t.store.versions.append(ws, null, files(3), 'stale', author),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(t.store.versions.append(ws, 5, files(3), 'ahead', author)).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect((await t.store.versions.list(ws)).map((v) => v.number)).toEqual([2, 1]);
  });

  it.each([null, 1])('lets exactly one of two racing appends win (expected %s)', async (base) => {
    if (base !== null) await t.store.versions.append(ws, null, files(1), 'v1', author);
    const results = await Promise.allSettled([
      t.store.versions.append(ws, base, files(10), 'left', author),
      t.store.versions.append(ws, base, files(20), 'right', author),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]?.reason).toBeInstanceOf(ConflictError);
    const latest = await t.store.versions.latest(ws);
    expect(latest?.number).toBe((base ?? 0) + 1);
  });

  it('lets exactly one of ten racing appends win, the others conflict', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        t.store.versions.append(ws, null, files(i), 'r', author),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) {
      if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ConflictError);
    }
    expect((await t.store.versions.list(ws)).map((v) => v.number)).toEqual([1]);
  });

  it.runIf(dialect === 'postgres')(
    'turns a key collision with a writer that commits mid-append into a ConflictError',
    async () => {
      // Another instance has inserted version 1 but not yet committed: our append reads no
      // version, tries to insert 1, waits on the key, and must then report a conflict.
      const other = await t.store.db.startTransaction().execute();
      await other
        .insertInto('model_versions')
        .values({
          workspace_id: ws,
          number: 1,
          files_json: '{}',
          message: 'other',
          author_id: null,
          created_at: '2026-01-01T00:00:00.000Z',
        })
        .execute();
      const pending = t.store.versions
        .append(ws, null, files(1), 'mine', author)
        .catch((e: unknown) => e);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await other.commit().execute();
      expect(await pending).toBeInstanceOf(ConflictError);
      expect((await t.store.versions.latest(ws))?.message).toBe('other');
    },
  );

  it('keeps versions of different workspaces apart', async () => {
    const other = (await t.store.workspaces.create({ slug: 'b', name: 'B', ownerId: author })).id;
    await t.store.versions.append(ws, null, files(1), 'a', author);
    await t.store.versions.append(other, null, files(9), 'b', author);
    expect((await t.store.versions.get(other, 1))?.files).toEqual(files(9));
    expect(await t.store.versions.list(ws)).toHaveLength(1);
  });
});
