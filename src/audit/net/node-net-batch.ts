/**
 * `AuditNet.probeTcp` for Node: the bare connection attempts of a port scan, spread over a few
 * worker threads. A `net.Socket` costs Node tens of microseconds of JavaScript (stream set-up,
 * an Error with its stack for every refusal), so one thread cannot keep up with nmap on a full
 * range; the workers share the work and keep each attempt cheap: no stack traces, shared
 * handlers instead of per-socket closures, one sweeping timer instead of one timer per socket,
 * verdicts sent back in batches.
 *
 * Bounded like the single-socket path: at most `concurrency` attempts in flight (split between
 * the workers, each with its own adaptive window), the optional rate split the same way, every
 * attempt ends within its timeout (plus one sweep period), abort drops everything in flight.
 * The worker's code is `probeWorker` below, run from its source text (`eval`), so it works the
 * same compiled or under the test runner; it must reference nothing outside itself.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Endpoint, TcpProbeOptions, TcpProbeState } from './types.js';

/** Verdict codes on the wire between the workers and the main thread (index = code). */
const STATES: readonly TcpProbeState[] = ['not-tried', 'open', 'closed', 'filtered', 'unreachable'];

interface WorkerJob {
  readonly addresses: readonly string[];
  /** Per endpoint: its index in `addresses`. */
  readonly hosts: Uint32Array;
  readonly ports: Uint16Array;
  readonly timeoutMs: number;
  readonly concurrency: number;
  readonly ratePerSecond: number;
}

type WorkerMessage =
  | { readonly type: 'results'; readonly ids: Int32Array; readonly states: Uint8Array }
  | { readonly type: 'done' };

/** The little of node:net and node:worker_threads the worker uses (typed here, required there). */
interface ProbeSocket {
  slot: number;
  on(event: string, listener: (...args: never[]) => void): unknown;
  connect(port: number, host: string): unknown;
  destroy(): unknown;
}
interface WorkerModules {
  readonly net: { readonly Socket: new () => ProbeSocket };
  readonly threads: {
    readonly workerData: WorkerJob;
    readonly parentPort: {
      on(event: 'message', listener: (message: { type: string }) => void): unknown;
      postMessage(message: WorkerMessage): void;
    } | null;
  };
}

/** Runs inside a worker thread: self-contained (its source text is what the worker runs). */
function probeWorker({ net, threads }: WorkerModules): void {
  Error.stackTraceLimit = 0; // a refusal's Error needs no stack: a good share of the cost
  const OPEN = 1,
    CLOSED = 2,
    FILTERED = 3,
    UNREACHABLE = 4,
    NOT_TRIED = 0,
    RETRY = -1;
  const job = threads.workerData;
  const port = threads.parentPort;
  const total = job.ports.length;
  const limit = Math.max(1, job.concurrency);
  const floor = Math.max(1, Math.floor(limit / 8));
  const attempts = new Uint8Array(total);
  const answered = new Uint8Array(job.addresses.length);
  const unreachable = new Uint16Array(job.addresses.length);
  const sockets: (ProbeSocket | null)[] = new Array<ProbeSocket | null>(limit).fill(null);
  const slotJob = new Int32Array(limit);
  const deadline = new Float64Array(limit);
  const free = Array.from({ length: limit }, (_, i) => limit - 1 - i);
  const retries: number[] = [];
  let ids: number[] = [];
  let codes: number[] = [];
  let next = 0;
  let inFlight = 0;
  let window = limit;
  let aborted = false;
  let finished = false;
  let tokens = Math.max(1, Math.min(limit, job.ratePerSecond));
  let last = performance.now();
  let wakeUp: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    if (ids.length === 0) return;
    port?.postMessage({
      type: 'results',
      ids: Int32Array.from(ids),
      states: Uint8Array.from(codes),
    });
    ids = [];
    codes = [];
  };
  const emit = (index: number, code: number) => {
    ids.push(index);
    codes.push(code);
    if (ids.length >= 2048) flush();
  };
  const classify = (code: string | undefined): number => {
    if (code === 'ECONNREFUSED' || code === 'ECONNRESET') return CLOSED;
    if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return UNREACHABLE;
    if (code !== undefined && /EMFILE|ENFILE|ENOBUFS|EADDRNOTAVAIL|EAGAIN|ENOMEM/.test(code)) {
      return RETRY; // local resources: says nothing about the port
    }
    return FILTERED;
  };
  const record = (index: number, code: number) => {
    const host = job.hosts[index] ?? 0;
    if (code === RETRY) {
      window = Math.max(1, Math.floor(window / 2));
      if ((attempts[index] ?? 0) < 3) retries.push(index);
      else emit(index, FILTERED);
      return;
    }
    if (code === OPEN || code === CLOSED) {
      answered[host] = 1;
      unreachable[host] = 0;
      window = Math.min(limit, window + 1);
    } else if (code === UNREACHABLE) {
      unreachable[host] = (unreachable[host] ?? 0) + 1;
      window = Math.max(floor, Math.floor(window / 2));
    } else if (code === FILTERED) {
      window = Math.max(floor, window - 1);
    }
    emit(index, code);
  };
  const settle = (socket: ProbeSocket, code: number) => {
    const slot = socket.slot;
    if (slot < 0) return;
    socket.slot = -1;
    socket.destroy();
    sockets[slot] = null;
    free.push(slot);
    inFlight -= 1;
    record(slotJob[slot] ?? 0, code);
    if (!aborted) pump();
  };
  function onConnect(this: ProbeSocket) {
    settle(this, OPEN);
  }
  function onError(this: ProbeSocket, error: { code?: string }) {
    settle(this, classify(error.code));
  }
  const finish = () => {
    if (finished) return;
    finished = true;
    for (const index of retries) emit(index, NOT_TRIED);
    for (; next < total; next += 1) emit(next, NOT_TRIED);
    clearInterval(sweeper);
    if (wakeUp !== undefined) clearTimeout(wakeUp);
    flush();
    port?.postMessage({ type: 'done' });
  };
  /** Milliseconds to wait for a token (0: one was taken), when a rate is set. */
  const takeToken = (): number => {
    if (job.ratePerSecond <= 0) return 0;
    const now = performance.now();
    tokens = Math.min(
      Math.max(1, Math.min(limit, job.ratePerSecond)),
      tokens + ((now - last) * job.ratePerSecond) / 1000,
    );
    last = now;
    if (tokens < 1) return Math.ceil(((1 - tokens) * 1000) / job.ratePerSecond);
    tokens -= 1;
    return 0;
  };
  function pump(): void {
    while (!aborted && inFlight < window) {
      const index = retries.length > 0 ? (retries.shift() ?? 0) : next < total ? next++ : -1;
      if (index < 0) break;
      const host = job.hosts[index] ?? 0;
      if (answered[host] === 0 && (unreachable[host] ?? 0) >= 3) {
        emit(index, NOT_TRIED); // a host that only ever answers "unreachable" is given up
        continue;
      }
      const wait = takeToken();
      if (wait > 0) {
        retries.unshift(index);
        wakeUp ??= setTimeout(() => {
          wakeUp = undefined;
          pump();
        }, wait);
        return;
      }
      attempts[index] = (attempts[index] ?? 0) + 1;
      const slot = free.pop() ?? 0;
      const socket = new net.Socket();
      socket.slot = slot;
      socket.on('connect', onConnect);
      socket.on('error', onError);
      sockets[slot] = socket;
      slotJob[slot] = index;
      deadline[slot] = performance.now() + job.timeoutMs;
      inFlight += 1;
      socket.connect(job.ports[index] ?? 0, job.addresses[host] ?? '');
    }
    if (inFlight === 0 && (aborted || (next >= total && retries.length === 0))) finish();
  }
  const sweep = () => {
    const now = performance.now();
    for (let slot = 0; slot < limit; slot += 1) {
      const socket = sockets[slot];
      if (socket && (deadline[slot] ?? 0) <= now) settle(socket, FILTERED);
    }
    flush();
  };
  const sweeper = setInterval(sweep, Math.max(5, Math.min(50, job.timeoutMs / 4)));
  port?.on('message', (message) => {
    if (message.type !== 'abort' || aborted) return;
    aborted = true;
    for (const socket of sockets) if (socket) settle(socket, NOT_TRIED);
    pump();
  });
  pump();
}

const WORKER_SOURCE = `(${probeWorker.toString()})({ net: require('node:net'), threads: require('node:worker_threads') });`;

/** Endpoints per worker below which one more worker is not worth its start-up. */
const PER_WORKER = 4096;

/** How many workers for `count` endpoints: at most one per core, 4 at most. */
export function probeWorkerCount(count: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(4, cores, Math.ceil(count / PER_WORKER)));
}

/** `AuditNet.probeTcp` over worker threads (see the file's comment). */
export function probeTcpInWorkers(
  endpoints: readonly Endpoint[],
  options: TcpProbeOptions,
  workerCount = probeWorkerCount(endpoints.length),
): Promise<TcpProbeState[]> {
  const states = new Array<TcpProbeState>(endpoints.length).fill('not-tried');
  if (endpoints.length === 0 || options.signal?.aborted === true) return Promise.resolve(states);
  const count = Math.max(1, Math.min(workerCount, endpoints.length));
  const concurrency = Math.max(1, Math.floor(options.concurrency / count));
  const rate = (options.ratePerSecond ?? 0) / count;
  const addresses: string[] = [];
  const hostIndex = new Map<string, number>();
  const parts = Array.from({ length: count }, () => [] as number[]);
  endpoints.forEach((endpoint, i) => {
    if (!hostIndex.has(endpoint.address))
      hostIndex.set(endpoint.address, addresses.push(endpoint.address) - 1);
    parts[i % count]?.push(i);
  });
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    let running = count;
    let settled = false;
    const end = (error?: Error) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      for (const worker of workers) void worker.terminate();
      if (error === undefined) resolve(states);
      else reject(error);
    };
    const onAbort = () => {
      for (const worker of workers) worker.postMessage({ type: 'abort' });
    };
    for (const part of parts) {
      const job: WorkerJob = {
        addresses,
        hosts: Uint32Array.from(part, (i) => hostIndex.get(endpoints[i]?.address ?? '') ?? 0),
        ports: Uint16Array.from(part, (i) => endpoints[i]?.port ?? 0),
        timeoutMs: options.timeoutMs,
        concurrency,
        ratePerSecond: rate,
      };
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: job });
      workers.push(worker);
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'done') {
          running -= 1;
          if (running === 0) end();
          return;
        }
        message.ids.forEach((local, k) => {
          const index = part[local] ?? 0;
          const state = STATES[message.states[k] ?? 0] ?? 'not-tried';
          states[index] = state;
          options.onResult?.(index, state);
        });
      });
      worker.on('error', (error) => {
        end(error);
      });
      worker.on('exit', (code) => {
        if (!settled) end(new Error(`port-scan worker stopped (exit code ${code})`));
      });
    }
    options.signal?.addEventListener('abort', onAbort, { once: true });
  });
}
