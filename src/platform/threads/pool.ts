/**
 * A small pool of worker threads for CPU-heavy platform tasks (document generation, analyses),
 * so that a server instance keeps answering HTTP requests while they run.
 *
 * Two modes, one behaviour:
 * - `thread`: when this module runs compiled (dist/platform/threads/pool.js, `vigie serve`),
 *   tasks run in `new Worker(thread.js)` threads: at most `size` at once, the others wait in a
 *   FIFO queue; a task running longer than `timeoutMs` has its thread terminated; a thread idle
 *   for `idleMs` is stopped (its memory released) and started again on demand.
 * - `inline`: when this module runs from TypeScript sources (Vitest), Node cannot start a Worker
 *   on a .ts file without a loader, so the SAME task function (tasks.ts) runs in-process, with the
 *   input and the output structured-cloned as postMessage would, and the same queue and typed
 *   errors (a timeout cannot stop an in-process task, so it is not applied there).
 *
 * The thread path is tested by threads/pool.test.ts against dist/ (build with `npm run build`)
 * and end to end by the tests that spawn the built server (test/two-instances.test.ts,
 * test/serve-cli.test.ts).
 *
 * Errors come back as {@link ThreadTaskError} with a `code`: `failed` (the task threw: a bug or
 * an unexpected input; expected outcomes such as an invalid model are values of the task's
 * result), `crashed` (the thread died: out of memory, native crash), `timeout`, `terminated`
 * (the pool was closed).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { errorMessage, type TaskReply, type TaskRequest } from './messages.js';
import type { TaskInput, TaskName, TaskOutput } from './tasks.js';

export type ThreadFailureCode = 'failed' | 'crashed' | 'timeout' | 'terminated';

export class ThreadTaskError extends Error {
  constructor(
    readonly code: ThreadFailureCode,
    message: string,
  ) {
    super(message);
    this.name = 'ThreadTaskError';
  }
}

export type ThreadPoolMode = 'thread' | 'inline';

export interface ThreadPoolOptions {
  /** Threads running at once (default 1: a small server has 2 cores, one for HTTP). */
  readonly size?: number;
  /** A task running longer has its thread terminated (default 10 minutes). */
  readonly timeoutMs?: number;
  /** An idle thread is stopped after this time (default 5 minutes). */
  readonly idleMs?: number;
  /** Default `auto`: `thread` when the compiled thread entry exists next to this module. */
  readonly mode?: ThreadPoolMode | 'auto';
  /** Passed to each Worker (e.g. `maxOldGenerationSizeMb`); a thread over it `crashed`. */
  readonly resourceLimits?: ResourceLimits;
}

export interface ThreadPoolStats {
  readonly threads: number;
  readonly running: number;
  readonly queued: number;
}

export interface ThreadPool {
  readonly mode: ThreadPoolMode;
  /**
   * Runs a task; rejects with a {@link ThreadTaskError}. `transfer` lists ArrayBuffers of the
   * input moved to the thread instead of copied (large files): unusable here afterwards.
   */
  run<N extends TaskName>(
    task: N,
    input: TaskInput<N>,
    transfer?: readonly ArrayBuffer[],
  ): Promise<TaskOutput<N>>;
  stats(): ThreadPoolStats;
  /** Rejects queued and running tasks (`terminated`) and stops every thread. Idempotent. */
  terminate(): Promise<void>;
}

export const DEFAULT_THREAD_TIMEOUT_MS = 10 * 60_000;
export const DEFAULT_THREAD_IDLE_MS = 5 * 60_000;

const THREAD_ENTRY = new URL('./thread.js', import.meta.url);

/** True when this module is the compiled one and the compiled thread entry is beside it. */
export function threadEntryAvailable(): boolean {
  return import.meta.url.endsWith('.js') && existsSync(fileURLToPath(THREAD_ENTRY));
}

interface Pending {
  readonly id: number;
  readonly task: TaskName;
  readonly input: unknown;
  readonly transfer: readonly ArrayBuffer[];
  resolve(value: unknown): void;
  reject(error: ThreadTaskError): void;
  timer?: NodeJS.Timeout;
}

interface Slot {
  readonly worker: Worker;
  job?: Pending | undefined;
  idle?: NodeJS.Timeout | undefined;
}

export function createThreadPool(options: ThreadPoolOptions = {}): ThreadPool {
  const size = Math.max(1, Math.floor(options.size ?? 1));
  const timeoutMs = options.timeoutMs ?? DEFAULT_THREAD_TIMEOUT_MS;
  const idleMs = options.idleMs ?? DEFAULT_THREAD_IDLE_MS;
  const requested = options.mode ?? 'auto';
  const available = threadEntryAvailable();
  if (requested === 'thread' && !available) {
    throw new Error(`Thread entry not found: ${fileURLToPath(THREAD_ENTRY)} (run "npm run build")`);
  }
  const mode: ThreadPoolMode = requested === 'auto' ? (available ? 'thread' : 'inline') : requested;

  const queue: Pending[] = [];
  const slots = new Set<Slot>();
  let inlineRunning = 0;
  let nextId = 1;
  let closed = false;

  const settle = (job: Pending): void => {
    if (job.timer !== undefined) clearTimeout(job.timer);
  };

  const retire = (slot: Slot): void => {
    if (!slots.delete(slot)) return;
    if (slot.idle !== undefined) clearTimeout(slot.idle);
    void slot.worker.terminate().catch(() => undefined);
  };

  /** The slot's job ends: its thread is retired; the next job starts on a fresh thread. */
  const fail = (slot: Slot, error: ThreadTaskError): void => {
    const { job } = slot;
    slot.job = undefined;
    retire(slot);
    if (job !== undefined) {
      settle(job);
      job.reject(error);
    }
    pump();
  };

  const startSlot = (): Slot => {
    const worker = new Worker(THREAD_ENTRY, {
      ...(options.resourceLimits === undefined ? {} : { resourceLimits: options.resourceLimits }),
    });
    const slot: Slot = { worker };
    worker.on('message', (reply: TaskReply) => {
      const { job } = slot;
      if (job?.id !== reply.id) return;
      slot.job = undefined;
      settle(job);
      if (reply.ok) job.resolve(reply.value);
      else job.reject(new ThreadTaskError('failed', reply.message));
      idleSlot(slot);
      pump();
    });
    worker.on('error', (error) => {
      fail(slot, new ThreadTaskError('crashed', `The thread crashed: ${errorMessage(error)}`));
    });
    worker.on('exit', (code) => {
      if (slots.has(slot)) {
        fail(slot, new ThreadTaskError('crashed', `The thread exited (code ${String(code)})`));
      }
    });
    slots.add(slot);
    return slot;
  };

  /** An idle thread does not keep the process alive, and stops after `idleMs`. */
  const idleSlot = (slot: Slot): void => {
    slot.worker.unref();
    slot.idle = setTimeout(() => {
      retire(slot);
    }, idleMs);
    slot.idle.unref();
  };

  const assign = (slot: Slot, job: Pending): void => {
    if (slot.idle !== undefined) clearTimeout(slot.idle);
    slot.idle = undefined;
    slot.job = job;
    slot.worker.ref();
    job.timer = setTimeout(() => {
      fail(
        slot,
        new ThreadTaskError(
          'timeout',
          `The task ${job.task} did not finish within ${String(Math.round(timeoutMs / 1000))} s`,
        ),
      );
    }, timeoutMs);
    try {
      slot.worker.postMessage(
        {
          id: job.id,
          task: job.task,
          input: job.input,
        } satisfies TaskRequest,
        job.transfer,
      );
    } catch (error) {
      // Not clonable: a caller's bug; the thread is fine.
      slot.job = undefined;
      settle(job);
      job.reject(new ThreadTaskError('failed', errorMessage(error)));
      idleSlot(slot);
    }
  };

  const runInline = async (job: Pending): Promise<void> => {
    inlineRunning += 1;
    try {
      const { runTask } = await import('./tasks.js');
      // Cloned both ways, as postMessage does, so that tests on sources catch what a thread would.
      const value = await runTask(job.task, structuredClone(job.input));
      job.resolve(structuredClone(value));
    } catch (error) {
      job.reject(new ThreadTaskError('failed', errorMessage(error)));
    } finally {
      inlineRunning -= 1;
      pump();
    }
  };

  function pump(): void {
    while (!closed && queue.length > 0) {
      if (mode === 'inline') {
        if (inlineRunning >= size) return;
        const job = queue.shift();
        if (job !== undefined) void runInline(job);
        continue;
      }
      let free: Slot | undefined;
      for (const slot of slots) {
        if (slot.job === undefined) {
          free = slot;
          break;
        }
      }
      if (free === undefined && slots.size < size) free = startSlot();
      if (free === undefined) return;
      const job = queue.shift();
      if (job !== undefined) assign(free, job);
    }
  }

  return {
    mode,

    run<N extends TaskName>(
      task: N,
      input: TaskInput<N>,
      transfer: readonly ArrayBuffer[] = [],
    ): Promise<TaskOutput<N>> {
      if (closed) {
        return Promise.reject(new ThreadTaskError('terminated', 'The thread pool is closed'));
      }
      return new Promise<TaskOutput<N>>((resolve, reject) => {
        queue.push({
          id: nextId++,
          task,
          input,
          transfer,
          resolve: (value) => {
            resolve(value as TaskOutput<N>);
          },
          reject,
        });
        pump();
      });
    },

    stats: () => ({
      threads: slots.size,
      running:
        mode === 'inline' ? inlineRunning : [...slots].filter((s) => s.job !== undefined).length,
      queued: queue.length,
    }),

    async terminate() {
      if (closed) return;
      closed = true;
      const stopped = new ThreadTaskError('terminated', 'The thread pool was closed');
      for (const job of queue.splice(0)) job.reject(stopped);
      const workers: Worker[] = [];
      for (const slot of [...slots]) {
        const { job } = slot;
        slot.job = undefined;
        slots.delete(slot);
        if (slot.idle !== undefined) clearTimeout(slot.idle);
        if (job !== undefined) {
          settle(job);
          job.reject(stopped);
        }
        workers.push(slot.worker);
      }
      await Promise.all(workers.map((worker) => worker.terminate().catch(() => undefined)));
    },
  };
}
