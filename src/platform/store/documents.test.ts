import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentQuotas } from '../limits.js';
import { QUEUED_RETRY_SECONDS } from './documents.js';
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

describe.each(STORE_DIALECTS)('document quotas on %s', (dialect) => {
  const MINUTE = 60_000;
  let t: TestStore;
  let time = manualClock();
  let ws = '';
  let otherWs = '';
  let alice = '';
  let bob = '';
  const roomy: DocumentQuotas = {
    queuedPerUser: 100,
    queuedPerWorkspace: 100,
    perHourPerUser: 100,
    perHourPerWorkspace: 100,
  };
  const JOB = { kind: 'document.generate', payload: (documentId: string) => ({ documentId }) };

  beforeEach(async () => {
    time = manualClock();
    t = await openTestStore(dialect, { clock: time.clock });
    const make = async (email: string) =>
      (await t.store.users.create({ email, displayName: email, passwordHash: 'h' })).id;
    alice = await make('alice@x.org');
    bob = await make('bob@x.org');
    ws = (await t.store.workspaces.create({ slug: 'w', name: 'W', ownerId: alice })).id;
    otherWs = (await t.store.workspaces.create({ slug: 'o', name: 'O', ownerId: alice })).id;
  });
  afterEach(async () => {
    await t.dispose();
  });

  const ask = (quotas: Partial<DocumentQuotas>, createdBy: string | null, workspace = ws) =>
    t.store.documents.request(
      { workspaceId: workspace, version: 1, kind: 'dat', format: 'pdf', locale: 'en', createdBy },
      { ...roomy, ...quotas },
      JOB,
    );

  const granted = async (
    quotas: Partial<DocumentQuotas>,
    createdBy: string | null,
    workspace = ws,
  ) => {
    const result = await ask(quotas, createdBy, workspace);
    if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`);
    return result.value;
  };

  const refusal = async (
    quotas: Partial<DocumentQuotas>,
    createdBy: string | null,
    workspace = ws,
  ) => {
    const result = await ask(quotas, createdBy, workspace);
    if (result.ok) throw new Error('granted beyond the quota');
    return result.error;
  };

  /** A worker runs the oldest job and finishes its document. */
  const finishNext = async (): Promise<void> => {
    const job = await t.store.jobs.claimNext('worker');
    if (job === undefined) throw new Error('no job');
    const { documentId } = job.payload as { documentId: string };
    await t.store.documents.complete(documentId, {
      fileName: 'f.pdf',
      contentType: 'application/pdf',
      content: Buffer.from('%PDF'),
    });
    expect(await t.store.jobs.complete(job.id, 'worker')).toBe(true);
  };

  it('counts a requester’s documents through an index (migration 004)', async () => {
    const names =
      dialect === 'postgres'
        ? await sql<{ name: string }>`select indexname as name from pg_indexes
            where tablename = 'documents' and schemaname = current_schema()`.execute(t.store.db)
        : await sql<{ name: string }>`select name from sqlite_master
            where type = 'index' and tbl_name = 'documents'`.execute(t.store.db);
    expect(names.rows.map((r) => r.name)).toContain('documents_creator');
  });

  it('queues the document with its job in one go', async () => {
    const doc = await granted({}, alice);
    expect(doc).toMatchObject({ status: 'queued', workspaceId: ws, createdBy: alice });
    expect(doc.jobId).not.toBeNull();
    const job = await t.store.jobs.claimNext('w');
    expect(job).toMatchObject({ id: doc.jobId, payload: { documentId: doc.id } });
    expect(await t.store.documents.get(ws, doc.id)).toMatchObject({ jobId: doc.jobId });
  });

  it('refuses a third waiting document of one user until one is done', async () => {
    await granted({ queuedPerUser: 2 }, alice);
    // (a second apart: the worker below takes the oldest job, Alice's first, not Bob's)
    time.advance(1000);
    await granted({ queuedPerUser: 2 }, alice, otherWs);
    time.advance(1000);
    expect(await refusal({ queuedPerUser: 2 }, alice)).toEqual({
      code: 'quota_exceeded',
      quota: 'queued_per_user',
      limit: 2,
      retryAfterSeconds: QUEUED_RETRY_SECONDS,
    });
    // Another user of the workspace is not held back by Alice's documents.
    await granted({ queuedPerUser: 2 }, bob);
    await finishNext();
    await granted({ queuedPerUser: 2 }, alice);
    expect((await refusal({ queuedPerUser: 2 }, alice)).quota).toBe('queued_per_user');
  });

  it('counts a running document, not one whose job gave up', async () => {
    const doc = await granted({ queuedPerWorkspace: 1 }, alice);
    const job = await t.store.jobs.claimNext('w');
    expect(job?.id).toBe(doc.jobId);
    await t.store.documents.markRunning(doc.id);
    expect((await refusal({ queuedPerWorkspace: 1 }, bob)).quota).toBe('queued_per_workspace');
    // The job fails for good but its document was never marked failed (a crash in between).
    await t.store.jobs.fail(doc.jobId ?? '', 'w', 'boom');
    for (let i = 0; i < 2; i += 1) {
      time.advance(10 * MINUTE);
      await t.store.jobs.claimNext('w');
      await t.store.jobs.fail(doc.jobId ?? '', 'w', 'boom');
    }
    expect((await t.store.jobs.get(doc.jobId ?? ''))?.status).toBe('failed');
    expect((await t.store.documents.get(ws, doc.id))?.status).toBe('running');
    await granted({ queuedPerWorkspace: 1 }, bob);
  });

  it('limits the waiting documents of a workspace, all users together', async () => {
    await granted({ queuedPerWorkspace: 2 }, alice);
    await granted({ queuedPerWorkspace: 2 }, bob);
    expect(await refusal({ queuedPerWorkspace: 2 }, null)).toMatchObject({
      quota: 'queued_per_workspace',
      limit: 2,
    });
    await granted({ queuedPerWorkspace: 2 }, alice, otherWs);
  });

  it('limits requests per user per hour, across workspaces, and says when one is free', async () => {
    const quotas = { perHourPerUser: 3 };
    await granted(quotas, alice);
    time.advance(10 * MINUTE);
    await granted(quotas, alice, otherWs);
    time.advance(10 * MINUTE);
    await granted(quotas, alice);
    await finishNext();
    await finishNext();
    await finishNext();
    time.advance(10 * MINUTE);
    // 30 minutes after the first request: it leaves the window in 30 minutes.
    expect(await refusal(quotas, alice)).toEqual({
      code: 'quota_exceeded',
      quota: 'per_hour_per_user',
      limit: 3,
      retryAfterSeconds: 30 * 60,
    });
    await granted(quotas, bob);
    time.advance(30 * MINUTE - 1_500);
    expect((await refusal(quotas, alice)).retryAfterSeconds).toBe(2);
    time.advance(1_500);
    await granted(quotas, alice);
    // The second request (at 10 minutes) is now the oldest of the three in the window.
    expect((await refusal(quotas, alice)).retryAfterSeconds).toBe(10 * 60);
  });

  it('limits requests per workspace per hour, whoever asks', async () => {
    const quotas = { perHourPerWorkspace: 2 };
    await granted(quotas, alice);
    await granted(quotas, bob);
    time.advance(MINUTE);
    expect(await refusal(quotas, null)).toMatchObject({
      quota: 'per_hour_per_workspace',
      limit: 2,
      retryAfterSeconds: 59 * 60,
    });
    await granted(quotas, alice, otherWs);
  });

  it('reports the exceeded quota with the longest wait', async () => {
    const quotas = { queuedPerUser: 1, perHourPerWorkspace: 1 };
    await granted(quotas, alice);
    time.advance(20 * MINUTE);
    expect(await refusal(quotas, alice)).toMatchObject({
      quota: 'per_hour_per_workspace',
      retryAfterSeconds: 40 * 60,
    });
  });

  it('lets concurrent requests take no more than the free slots', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, () => ask({ queuedPerWorkspace: 2 }, alice)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(2);
    const refused = results.flatMap((r) => (r.ok ? [] : [r.error.quota]));
    expect(refused).toEqual(Array.from({ length: 4 }, () => 'queued_per_workspace'));
    expect(await t.store.documents.list(ws)).toHaveLength(2);
  });
});
