import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORE_DIALECTS, manualClock, openTestStore } from './test-support.js';
import type { TestStore } from './test-support.js';

describe.each(STORE_DIALECTS)('jobs on %s', (dialect) => {
  let t: TestStore;
  let time = manualClock();
  beforeEach(async () => {
    time = manualClock();
    t = await openTestStore(dialect, {
      clock: time.clock,
      jobs: { leaseMs: 60_000, backoffMs: 1_000 },
    });
  });
  afterEach(async () => {
    await t.dispose();
  });

  it('claims, runs and completes a job once', async () => {
    const id = await t.store.jobs.enqueue('analyse', { workspaceId: 'w1', version: 3 });
    const job = await t.store.jobs.claimNext('worker-1');
    expect(job).toMatchObject({
      id,
      kind: 'analyse',
      status: 'running',
      attempts: 1,
      lockedBy: 'worker-1',
      payload: { workspaceId: 'w1', version: 3 },
    });
    expect(await t.store.jobs.claimNext('worker-2')).toBeUndefined();
    expect(await t.store.jobs.complete(id, 'worker-2', {})).toBe(false);
    expect(await t.store.jobs.complete(id, 'worker-1', { findings: 12 })).toBe(true);
    expect(await t.store.jobs.get(id)).toMatchObject({
      status: 'done',
      result: { findings: 12 },
      lockedBy: null,
    });
    expect(await t.store.jobs.claimNext('worker-1')).toBeUndefined();
  });

  it('hands a job to only one of two concurrent workers', async () => {
    await t.store.jobs.enqueue('analyse', {});
    const [a, b] = await Promise.all([
      t.store.jobs.claimNext('worker-a'),
      t.store.jobs.claimNext('worker-b'),
    ]);
    expect([a, b].filter((j) => j !== undefined)).toHaveLength(1);
  });

  it('hands distinct jobs to many concurrent workers', async () => {
    for (let i = 0; i < 5; i += 1) await t.store.jobs.enqueue('analyse', { i });
    const claims = await Promise.all(
      Array.from({ length: 8 }, (_, i) => t.store.jobs.claimNext(`w${i}`)),
    );
    const ids = claims.flatMap((j) => (j === undefined ? [] : [j.id]));
    expect(ids).toHaveLength(new Set(ids).size);
    // On PostgreSQL SKIP LOCKED may skip a row another claim is locking; none is handed twice.
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThanOrEqual(5);
  });

  it('respects run_after and kinds', async () => {
    const later = await t.store.jobs.enqueue(
      'report',
      {},
      {
        runAfter: new Date(time.clock().getTime() + 10_000),
      },
    );
    expect(await t.store.jobs.claimNext('w')).toBeUndefined();
    time.advance(10_000);
    expect(await t.store.jobs.claimNext('w', ['analyse'])).toBeUndefined();
    expect(await t.store.jobs.claimNext('w', [])).toBeUndefined();
    expect((await t.store.jobs.claimNext('w', ['report']))?.id).toBe(later);
  });

  it('retries with exponential backoff, then fails for good', async () => {
    const id = await t.store.jobs.enqueue('flaky', {}, { maxAttempts: 3 });
    expect(await t.store.jobs.fail(id, 'someone-else', 'x')).toBeUndefined();

    await t.store.jobs.claimNext('w');
    expect(await t.store.jobs.fail(id, 'w', 'boom 1')).toBe('queued');
    expect(await t.store.jobs.claimNext('w')).toBeUndefined();
    time.advance(1_000);
    expect((await t.store.jobs.claimNext('w'))?.attempts).toBe(2);
    expect(await t.store.jobs.fail(id, 'w', 'boom 2')).toBe('queued');
    time.advance(1_999);
    expect(await t.store.jobs.claimNext('w')).toBeUndefined();
    time.advance(1);
    expect((await t.store.jobs.claimNext('w'))?.attempts).toBe(3);
    expect(await t.store.jobs.fail(id, 'w', 'boom 3')).toBe('failed');
    time.advance(3_600_000);
    expect(await t.store.jobs.claimNext('w')).toBeUndefined();
    expect(await t.store.jobs.get(id)).toMatchObject({ status: 'failed', error: 'boom 3' });
  });

  it('reclaims a job whose worker lease expired', async () => {
    const id = await t.store.jobs.enqueue('analyse', {});
    await t.store.jobs.claimNext('dead-worker');
    time.advance(59_999);
    expect(await t.store.jobs.claimNext('w2')).toBeUndefined();
    time.advance(1);
    expect(await t.store.jobs.claimNext('w2')).toMatchObject({ id, lockedBy: 'w2', attempts: 2 });
    expect(await t.store.jobs.complete(id, 'dead-worker')).toBe(false);
  });

  it('keeps a renewed job away from other workers, and hands it on once renewals stop', async () => {
    const id = await t.store.jobs.enqueue('document', {});
    await t.store.jobs.claimNext('owner');
    // The owner renews every 20 s (a third of the lease) for five minutes: nobody else gets it.
    for (let elapsed = 0; elapsed < 300_000; elapsed += 20_000) {
      time.advance(20_000);
      expect(await t.store.jobs.renew(id, 'owner')).toBe(true);
      expect(await t.store.jobs.claimNext('other')).toBeUndefined();
    }
    expect((await t.store.jobs.get(id))?.lockedUntil).toBe(
      new Date(time.clock().getTime() + 60_000).toISOString(),
    );
    // The owner's instance is killed: its last renewal holds for one lease, not longer.
    time.advance(59_999);
    expect(await t.store.jobs.claimNext('other')).toBeUndefined();
    time.advance(1);
    expect(await t.store.jobs.claimNext('other')).toMatchObject({ id, lockedBy: 'other' });
    // The old owner, were it only paused, learns that it lost the job.
    expect(await t.store.jobs.renew(id, 'owner')).toBe(false);
    expect(await t.store.jobs.complete(id, 'owner')).toBe(false);
    expect(await t.store.jobs.renew(id, 'other')).toBe(true);
  });

  it('renews only a running job held by the caller', async () => {
    const id = await t.store.jobs.enqueue('document', {});
    expect(await t.store.jobs.renew(id, 'w')).toBe(false);
    await t.store.jobs.claimNext('w');
    expect(await t.store.jobs.renew(id, 'intruder')).toBe(false);
    expect(await t.store.jobs.complete(id, 'w')).toBe(true);
    expect(await t.store.jobs.renew(id, 'w')).toBe(false);
    expect(await t.store.jobs.get(id)).toMatchObject({ status: 'done', lockedUntil: null });
  });
});

describe.each(STORE_DIALECTS)('job lease default on %s', (dialect) => {
  it('is one minute', async () => {
    const time = manualClock();
    const t = await openTestStore(dialect, { clock: time.clock });
    try {
      expect(t.store.jobs.leaseMs).toBe(60_000);
      const id = await t.store.jobs.enqueue('document', {});
      await t.store.jobs.claimNext('killed');
      time.advance(60_000);
      expect((await t.store.jobs.claimNext('survivor'))?.id).toBe(id);
    } finally {
      await t.dispose();
    }
  });
});
