import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORE_DIALECTS, manualClock, openTestStore } from './test-support.js';
import type { TestStore } from './test-support.js';

describe.each(STORE_DIALECTS)('documents on %s', (dialect) => {
  let t: TestStore;
  let time = manualClock();
  let workspaceId = '';
  let otherId = '';
  let userId = '';
  beforeEach(async () => {
    time = manualClock();
    t = await openTestStore(dialect, { clock: time.clock });
    const user = await t.store.users.create({
      email: 'a@x.org',
      displayName: 'A',
      passwordHash: 'h',
    });
    userId = user.id;
    workspaceId = (await t.store.workspaces.create({ slug: 'w', name: 'W', ownerId: user.id })).id;
    otherId = (await t.store.workspaces.create({ slug: 'o', name: 'O', ownerId: user.id })).id;
  });
  afterEach(async () => {
    await t.dispose();
  });

  const create = (workspace = workspaceId) =>
    t.store.documents.create({
      workspaceId: workspace,
      version: 1,
      kind: 'dat',
      format: 'pdf',
      locale: 'fr',
      createdBy: userId,
    });

  it('goes queued → running → done with its bytes', async () => {
    const doc = await create();
    expect(doc).toMatchObject({ status: 'queued', jobId: null, size: null, createdBy: userId });
    await t.store.documents.setJob(doc.id, 'job-1');
    expect(await t.store.documents.getContent(workspaceId, doc.id)).toBeUndefined();
    expect(await t.store.documents.markRunning(doc.id)).toBe(true);
    time.advance(5_000);
    const bytes = Buffer.from([0, 255, 37, 80, 68, 70, 0xc3]);
    expect(
      await t.store.documents.complete(doc.id, {
        fileName: 'w-dat-v1.pdf',
        contentType: 'application/pdf',
        content: bytes,
      }),
    ).toBe(true);
    expect(await t.store.documents.get(workspaceId, doc.id)).toMatchObject({
      status: 'done',
      jobId: 'job-1',
      fileName: 'w-dat-v1.pdf',
      size: 7,
      finishedAt: '2026-01-01T00:00:05.000Z',
    });
    const content = await t.store.documents.getContent(workspaceId, doc.id);
    expect(Buffer.isBuffer(content?.content)).toBe(true);
    expect(content?.content.equals(bytes)).toBe(true);
    // Finished: neither running again nor failing.
    expect(await t.store.documents.markRunning(doc.id)).toBe(false);
    expect(await t.store.documents.fail(doc.id, 'late')).toBe(false);
  });

  it('fails with a message and keeps no bytes', async () => {
    const doc = await create();
    expect(await t.store.documents.fail(doc.id, 'invalid model')).toBe(true);
    expect(await t.store.documents.get(workspaceId, doc.id)).toMatchObject({
      status: 'failed',
      error: 'invalid model',
    });
    expect(await t.store.documents.getContent(workspaceId, doc.id)).toBeUndefined();
    expect(
      await t.store.documents.complete(doc.id, {
        fileName: 'x',
        contentType: 'x',
        content: Buffer.from('x'),
      }),
    ).toBe(false);
  });

  it('lists newest first per workspace and hides other workspaces', async () => {
    const first = await create();
    time.advance(1000);
    const second = await create();
    time.advance(1000);
    const foreign = await create(otherId);
    const list = await t.store.documents.list(workspaceId);
    expect(list.map((d) => d.id)).toEqual([second.id, first.id]);
    expect(await t.store.documents.list(workspaceId, 1)).toHaveLength(1);
    expect(await t.store.documents.get(workspaceId, foreign.id)).toBeUndefined();
    expect(await t.store.documents.getById(foreign.id)).toMatchObject({ workspaceId: otherId });
  });
});
