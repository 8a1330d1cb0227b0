import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Job } from '../store/index.js';
import { STORE_DIALECTS, openTestStore } from '../store/test-support.js';
import type { TestStore } from '../store/test-support.js';
import { LeaseLostError, createJobHandlers, startWorker } from './worker.js';
import type { JobHandler, Worker } from './worker.js';

async function until(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe.each(STORE_DIALECTS)('job worker on %s', (dialect) => {
  let t: TestStore;
  const workers: Worker[] = [];
  beforeEach(async () => {
    t = await openTestStore(dialect, { jobs: { backoffMs: 1, leaseMs: 60_000 } });
  });
  afterEach(async () => {
    for (const w of workers.splice(0)) await w.stop();
    await t.dispose();
  });

  const start = (handlers: JobHandler[], workerId: string): Worker => {
    const worker = startWorker(t.store, handlers, { pollMs: 10, workerId });
    workers.push(worker);
    return worker;
  };

  it('runs a job and stores its result', async () => {
    const seen: unknown[] = [];
    start(
      [
        {
          kind: 'echo',
          run: (payload) => {
            seen.push(payload);
            return Promise.resolve({ echoed: payload });
          },
        },
      ],
      'w1',
    );
    const id = await t.store.jobs.enqueue('echo', { n: 1 });
    await until(async () => (await t.store.jobs.get(id))?.status === 'done');
    expect(seen).toEqual([{ n: 1 }]);
    expect((await t.store.jobs.get(id))?.result).toEqual({ echoed: { n: 1 } });
  });

  it('retries a throwing handler, then gives up and tells the handler', async () => {
    const failures: string[] = [];
    let runs = 0;
    start(
      [
        {
          kind: 'boom',
          run: () => {
            runs += 1;
            return Promise.reject(new Error(`boom ${String(runs)}`));
          },
          failed: (_payload, error) => {
            failures.push(error);
            return Promise.resolve();
          },
        },
      ],
      'w1',
    );
    const id = await t.store.jobs.enqueue('boom', {}, { maxAttempts: 3 });
    await until(async () => (await t.store.jobs.get(id))?.status === 'failed');
    expect(runs).toBe(3);
    expect(failures).toEqual(['boom 3']);
    expect((await t.store.jobs.get(id))?.error).toBe('boom 3');
  });

  it('leaves jobs of kinds it has no handler for', async () => {
    start([{ kind: 'a', run: () => Promise.resolve() }], 'w1');
    const other = await t.store.jobs.enqueue('b', {});
    const mine = await t.store.jobs.enqueue('a', {});
    await until(async () => (await t.store.jobs.get(mine))?.status === 'done');
    expect((await t.store.jobs.get(other))?.status).toBe('queued');
  });

  it('stop() waits for the running job to finish', async () => {
    const gate = deferred();
    const started = deferred();
    const worker = start(
      [
        {
          kind: 'slow',
          run: async () => {
            started.resolve();
            await gate.promise;
            return 'ok';
          },
        },
      ],
      'w1',
    );
    const id = await t.store.jobs.enqueue('slow', {});
    await started.promise;
    let stopped = false;
    const stopping = worker.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stopped).toBe(false);
    gate.resolve();
    await stopping;
    expect((await t.store.jobs.get(id))?.status).toBe('done');
    // Stopped: a new job stays queued.
    const later = await t.store.jobs.enqueue('slow', {});
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await t.store.jobs.get(later))?.status).toBe('queued');
  });

  it('two workers on one store run every job exactly once', async () => {
    const runs = new Map<string, string[]>();
    const handler = (workerId: string): JobHandler => ({
      kind: 'count',
      run: async (_payload, job: Job) => {
        runs.set(job.id, [...(runs.get(job.id) ?? []), workerId]);
        await new Promise((resolve) => setTimeout(resolve, 5));
        return null;
      },
    });
    const ids: string[] = [];
    for (let i = 0; i < 20; i += 1) ids.push(await t.store.jobs.enqueue('count', { i }));
    start([handler('a')], 'a');
    start([handler('b')], 'b');
    await until(async () => {
      const jobs = await Promise.all(ids.map((id) => t.store.jobs.get(id)));
      return jobs.every((j) => j?.status === 'done');
    });
    expect([...runs.keys()].sort()).toEqual([...ids].sort());
    for (const [, by] of runs) expect(by).toHaveLength(1);
    if (dialect === 'postgres') {
      // Both instances took a share (the queue is shared, not owned by one of them).
      const by = new Set([...runs.values()].flat());
      expect(by.size).toBe(2);
    }
  });

  it('refuses two handlers for one kind', () => {
    const h: JobHandler = { kind: 'x', run: () => Promise.resolve() };
    expect(() => startWorker(t.store, [h, h])).toThrow(/Duplicate/);
  });

  it('registers the document handler', () => {
    expect(createJobHandlers(t.store).map((h) => h.kind)).toContain('document.generate');
  });
});

describe.each(STORE_DIALECTS)('job leases and heartbeat on %s', (dialect) => {
  const LEASE_MS = 300;
  let t: TestStore;
  const workers: Worker[] = [];
  beforeEach(async () => {
    t = await openTestStore(dialect, { jobs: { backoffMs: 1, leaseMs: LEASE_MS } });
  });
  afterEach(async () => {
    for (const w of workers.splice(0)) await w.stop();
    await t.dispose();
  });

  const start = (
    handlers: JobHandler[],
    workerId: string,
    extra: { heartbeatMs?: number; onError?: (error: unknown) => void } = {},
  ): Worker => {
    const worker = startWorker(t.store, handlers, { pollMs: 10, workerId, ...extra });
    workers.push(worker);
    return worker;
  };

  it('keeps a job running four leases long away from a second worker', async () => {
    const runs: string[] = [];
    const slow = (workerId: string): JobHandler => ({
      kind: 'slow',
      run: async () => {
        runs.push(workerId);
        await new Promise((resolve) => setTimeout(resolve, 4 * LEASE_MS));
        return { by: workerId };
      },
    });
    start([slow('a')], 'a');
    const id = await t.store.jobs.enqueue('slow', {});
    await until(async () => (await t.store.jobs.get(id))?.status === 'running');
    start([slow('b')], 'b');
    await until(async () => (await t.store.jobs.get(id))?.status === 'done');
    expect(runs).toEqual(['a']);
    expect(await t.store.jobs.get(id)).toMatchObject({ attempts: 1, result: { by: 'a' } });
  });

  it("retries a killed instance's job one lease later", async () => {
    const id = await t.store.jobs.enqueue('doc', {});
    // Claimed by an instance that dies at once: it never renews nor completes.
    expect((await t.store.jobs.claimNext('killed', ['doc']))?.id).toBe(id);
    const claimedAt = Date.now();
    start([{ kind: 'doc', run: () => Promise.resolve('done by survivor') }], 'survivor');
    await until(async () => (await t.store.jobs.get(id))?.status === 'done');
    expect(Date.now() - claimedAt).toBeGreaterThanOrEqual(LEASE_MS - 50);
    expect(await t.store.jobs.get(id)).toMatchObject({ attempts: 2, result: 'done by survivor' });
  });

  it('tells a handler that lost its lease, and does not record its outcome', async () => {
    const errors: unknown[] = [];
    let signal: AbortSignal | undefined;
    // Renewals that come too late: the lease runs out before the first one.
    start(
      [
        {
          kind: 'late',
          run: async (_payload, _job, context) => {
            signal = context.signal;
            await new Promise((resolve) => setTimeout(resolve, 6 * LEASE_MS));
            return 'stale';
          },
        },
      ],
      'late',
      { heartbeatMs: 3 * LEASE_MS, onError: (error) => errors.push(error) },
    );
    const id = await t.store.jobs.enqueue('late', {});
    await until(async () => (await t.store.jobs.get(id))?.status === 'running');
    start([{ kind: 'late', run: () => Promise.resolve('fresh') }], 'prompt');
    await until(async () => (await t.store.jobs.get(id))?.status === 'done');
    await until(() => Promise.resolve(signal?.aborted === true));
    expect(signal?.reason).toBeInstanceOf(LeaseLostError);
    expect(errors.some((e) => e instanceof LeaseLostError)).toBe(true);
    // The late worker finishes later; the result stays the one of the worker holding the lease.
    await workers[0]?.stop();
    expect(await t.store.jobs.get(id)).toMatchObject({ status: 'done', result: 'fresh' });
  });
});
