/**
 * A background worker over the store's job queue: it claims one job at a time (SKIP LOCKED on
 * PostgreSQL, so several server instances can each run one), runs the handler of its kind, and
 * completes it or records the failure (the queue retries with backoff, then gives up). While the
 * handler runs, the worker renews the job's lease every third of it (the heartbeat): a long
 * generation keeps its job, and the job of a killed instance is retried by another one a lease
 * later. `stop()` stops claiming and waits for the running job.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { indexUnique } from '../../domain/registry.js';
import { createAuditJobHandler } from '../audit/audit-job.js';
import { createDocumentJobHandler } from '../documents/document-job.js';
import type { Job, Store } from '../store/index.js';

export interface JobContext {
  /**
   * Aborted when the worker lost the job's lease (another worker took it after a renewal
   * failed to arrive in time): whatever the handler still does will not be recorded.
   */
  readonly signal: AbortSignal;
}

export interface JobHandler {
  readonly kind: string;
  /** Runs the job; the value returned is stored as the job's result. Throw to retry. */
  run(payload: unknown, job: Job, context: JobContext): Promise<unknown>;
  /** Called once when the queue gives up on the job (attempts exhausted). */
  failed?(payload: unknown, error: string, job: Job): Promise<void>;
}

export interface WorkerOptions {
  /** Wait between polls when the queue is empty (default 1000 ms). */
  readonly pollMs?: number;
  /** Default: `<hostname>:<pid>:<random>`. */
  readonly workerId?: string;
  /** How often a running job's lease is renewed (default: a third of the store's lease). */
  readonly heartbeatMs?: number;
  /** Told about errors the worker survives (a store outage, a throwing handler). */
  readonly onError?: (error: unknown, job?: Job) => void;
}

export interface Worker {
  readonly workerId: string;
  /** Polls now instead of waiting for the next tick (e.g. right after an enqueue). */
  wake(): void;
  /** Stops claiming; resolves when the running job (if any) has finished. */
  stop(): Promise<void>;
}

/** Every job kind the platform runs, for {@link startWorker}. */
export function createJobHandlers(store: Store): JobHandler[] {
  return [createDocumentJobHandler(store), createAuditJobHandler(store)];
}

export class LeaseLostError extends Error {
  readonly code = 'lease_lost';
  constructor(readonly jobId: string) {
    super(`The lease of job ${jobId} was lost; another worker may run it.`);
    this.name = 'LeaseLostError';
  }
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, 2000);
}

export function startWorker(
  store: Store,
  handlers: readonly JobHandler[],
  options: WorkerOptions = {},
): Worker {
  const byKind = indexUnique(handlers, (handler) => handler.kind, 'job handler');
  const kinds = [...byKind.keys()];
  const pollMs = options.pollMs ?? 1000;
  const workerId = options.workerId ?? `${hostname()}:${String(process.pid)}:${randomUUID()}`;
  const report = options.onError ?? (() => undefined);
  const heartbeatMs = options.heartbeatMs ?? Math.max(1, Math.floor(store.jobs.leaseMs / 3));
  let stopping = false;
  // A call, not a variable read: the flag changes while the loop awaits.
  const isStopping = (): boolean => stopping;
  let wakeUp: (() => void) | undefined;

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        wakeUp = undefined;
        resolve();
      }
      wakeUp = done;
    });

  /** Renews the lease of `job` every heartbeatMs until stopped; aborts when it is lost. */
  const heartbeat = (job: Job): { signal: AbortSignal; stop: () => void } => {
    const lost = new AbortController();
    let renewing = false;
    // A renewal answered after the job finished says nothing about the lease.
    let stopped = false;
    const timer = setInterval(() => {
      // One renewal at a time: a slow store must not pile them up.
      if (renewing) return;
      renewing = true;
      store.jobs
        .renew(job.id, workerId)
        .then((held) => {
          if (held || stopped || lost.signal.aborted) return;
          clearInterval(timer);
          const error = new LeaseLostError(job.id);
          lost.abort(error);
          report(error, job);
        })
        // A store outage: the lease may still hold; the next beat tries again.
        .catch((error: unknown) => {
          report(error, job);
        })
        .finally(() => {
          renewing = false;
        });
    }, heartbeatMs);
    return {
      signal: lost.signal,
      stop: () => {
        stopped = true;
        clearInterval(timer);
      },
    };
  };

  const runOne = async (job: Job): Promise<void> => {
    const handler = byKind.get(job.kind);
    const beat = heartbeat(job);
    try {
      if (handler === undefined) throw new Error(`No handler for job kind ${job.kind}`);
      const result = await handler.run(job.payload, job, { signal: beat.signal });
      beat.stop();
      await store.jobs.complete(job.id, workerId, result ?? null);
    } catch (error) {
      beat.stop();
      report(error, job);
      const message = messageOf(error);
      const status = await store.jobs.fail(job.id, workerId, message);
      if (status === 'failed' && handler?.failed !== undefined) {
        await handler.failed(job.payload, message, job);
      }
    }
  };

  const loop = async (): Promise<void> => {
    while (!isStopping()) {
      let job: Job | undefined;
      try {
        job = await store.jobs.claimNext(workerId, kinds);
        if (job !== undefined) await runOne(job);
      } catch (error) {
        report(error, job);
        job = undefined;
      }
      // Drain the queue without waiting; sleep only when it is empty (or the store failed).
      if (job === undefined && !isStopping()) await sleep(pollMs);
    }
  };

  const running = loop();

  return {
    workerId,
    wake: () => {
      wakeUp?.();
    },
    stop: async () => {
      stopping = true;
      wakeUp?.();
      await running;
    },
  };
}
