/**
 * A background worker over the store's job queue: it claims one job at a time (SKIP LOCKED on
 * PostgreSQL, so several server instances can each run one), runs the handler of its kind, and
 * completes it or records the failure (the queue retries with backoff, then gives up). `stop()`
 * stops claiming and waits for the running job.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { createDocumentJobHandler } from '../documents/document-job.js';
import type { Job, Store } from '../store/index.js';

export interface JobHandler {
  readonly kind: string;
  /** Runs the job; the value returned is stored as the job's result. Throw to retry. */
  run(payload: unknown, job: Job): Promise<unknown>;
  /** Called once when the queue gives up on the job (attempts exhausted). */
  failed?(payload: unknown, error: string, job: Job): Promise<void>;
}

export interface WorkerOptions {
  /** Wait between polls when the queue is empty (default 1000 ms). */
  readonly pollMs?: number;
  /** Default: `<hostname>:<pid>:<random>`. */
  readonly workerId?: string;
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
  return [createDocumentJobHandler(store)];
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
  const byKind = new Map<string, JobHandler>();
  for (const handler of handlers) {
    if (byKind.has(handler.kind)) throw new Error(`Duplicate job handler: ${handler.kind}`);
    byKind.set(handler.kind, handler);
  }
  const kinds = [...byKind.keys()];
  const pollMs = options.pollMs ?? 1000;
  const workerId = options.workerId ?? `${hostname()}:${String(process.pid)}:${randomUUID()}`;
  const report = options.onError ?? (() => undefined);
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

  const runOne = async (job: Job): Promise<void> => {
    const handler = byKind.get(job.kind);
    try {
      if (handler === undefined) throw new Error(`No handler for job kind ${job.kind}`);
      const result = await handler.run(job.payload, job);
      await store.jobs.complete(job.id, workerId, result ?? null);
    } catch (error) {
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
