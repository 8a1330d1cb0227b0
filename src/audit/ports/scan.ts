/**
 * TCP connect scan over the audit network (so through the scope guard): a port is open when the
 * connection completes, closed when refused or reset, filtered when it times out.
 *
 * Adaptive concurrency (additive increase, multiplicative decrease): the window starts at the
 * limit; a local resource error (EMFILE, ENOBUFS, EADDRNOTAVAIL…) or an unreachable network
 * halves it and the port is tried again later; a timeout shrinks it by one; every answer grows
 * it by one, never above the limit. A host that only ever answers "unreachable" is given up
 * after a few tries instead of costing one attempt per port. An optional token bucket bounds
 * the connection rate (clock: `net.now()`).
 */
import type { AuditNet, ConnectOutcome } from '../net/types.js';

export interface ScanTarget {
  readonly address: string;
  readonly ports: readonly number[];
}

export interface ScanOptions {
  /** Most connections in flight (the window never grows above it). */
  readonly concurrency: number;
  /** Per-connection timeout. */
  readonly timeoutMs: number;
  /** Most connection attempts per second; unlimited when absent or 0. */
  readonly ratePerSecond?: number;
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
}

export interface ScanResult {
  readonly address: string;
  /** Open ports, ascending. */
  readonly open: number[];
  /** Connection attempts that left (refusals by the scope are not attempts). */
  readonly tried: number;
  /** True when the host answered at least once (open, refused or reset). */
  readonly reachable: boolean;
}

/** Attempts of one port when the failure says nothing about the port (local resources). */
const MAX_ATTEMPTS = 3;
/** "Unreachable" answers in a row, with no other answer, before a host is given up. */
const UNREACHABLE_GIVE_UP = 3;

interface HostState {
  readonly address: string;
  readonly open: number[];
  tried: number;
  answered: boolean;
  unreachable: number;
}

interface Job {
  readonly host: HostState;
  readonly port: number;
  attempts: number;
}

type Verdict = 'open' | 'closed' | 'filtered' | 'retry' | 'unreachable' | 'refused-by-scope';

const LOCAL_ERRORS = /EMFILE|ENFILE|ENOBUFS|EADDRNOTAVAIL|EAGAIN|ENOMEM/;

function verdictOf(outcome: ConnectOutcome): Verdict {
  if (outcome.ok) return 'open';
  switch (outcome.failure) {
    case 'refused':
    case 'reset':
      return 'closed';
    case 'timeout':
      return 'filtered';
    case 'out-of-scope':
      return 'refused-by-scope';
    case 'unreachable':
      return LOCAL_ERRORS.test(outcome.message) ? 'retry' : 'unreachable';
    default:
      return LOCAL_ERRORS.test(outcome.message) ? 'retry' : 'filtered';
  }
}

/** Jobs interleaved across hosts (port-major), so no host takes the whole window. */
function* jobsOf(hosts: readonly HostState[], targets: readonly ScanTarget[]): Generator<Job> {
  const longest = Math.max(0, ...targets.map((t) => t.ports.length));
  for (let i = 0; i < longest; i += 1) {
    for (let t = 0; t < targets.length; t += 1) {
      const port = targets[t]?.ports[i];
      const host = hosts[t];
      if (port !== undefined && host !== undefined) yield { host, port, attempts: 0 };
    }
  }
}

/** A token bucket on the network's clock; `wait()` is 0 when a token is available. */
function tokenBucket(net: AuditNet, rate: number, burst: number) {
  let tokens = burst;
  let last = net.now();
  return {
    wait(): number {
      const now = net.now();
      tokens = Math.min(burst, tokens + ((now - last) * rate) / 1000);
      last = now;
      if (tokens >= 1) return 0;
      return Math.ceil(((1 - tokens) * 1000) / rate);
    },
    take(): void {
      tokens -= 1;
    },
  };
}

/**
 * The scan through the network's batch form (`probeTcp`, worker threads in Node): same order of
 * attempts, same bounds (concurrency, rate, timeout, abort), far less work per port.
 */
async function scanBatch(
  probeTcp: NonNullable<AuditNet['probeTcp']>,
  targets: readonly ScanTarget[],
  options: ScanOptions,
): Promise<ScanResult[]> {
  const hosts: HostState[] = targets.map((t) => ({
    address: t.address,
    open: [],
    tried: 0,
    answered: false,
    unreachable: 0,
  }));
  const jobs = [...jobsOf(hosts, targets)];
  const total = jobs.length;
  const step = Math.max(1, Math.floor(total / 200));
  let done = 0;
  const states = await probeTcp(
    jobs.map((job) => ({ address: job.host.address, port: job.port })),
    {
      concurrency: Math.max(1, Math.floor(options.concurrency)),
      timeoutMs: options.timeoutMs,
      ...(options.ratePerSecond === undefined ? {} : { ratePerSecond: options.ratePerSecond }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      onResult: () => {
        done += 1;
        if (done % step === 0 || done === total) options.onProgress?.(done, total);
      },
    },
  );
  states.forEach((state, i) => {
    const job = jobs[i];
    if (job === undefined || state === 'not-tried' || state === 'out-of-scope') return;
    job.host.tried += 1;
    if (state === 'open' || state === 'closed') job.host.answered = true;
    if (state === 'open') job.host.open.push(job.port);
  });
  return hosts.map((h) => ({
    address: h.address,
    open: h.open.sort((a, b) => a - b),
    tried: h.tried,
    reachable: h.answered,
  }));
}

/**
 * Scans the ports of each target. Results come in the targets' order, open ports ascending.
 * Aborting stops new attempts and returns what was found so far. A network with the batch form
 * (`probeTcp`) is scanned through it; one whose batch form fails is scanned one port at a time.
 */
export async function scanPorts(
  net: AuditNet,
  targets: readonly ScanTarget[],
  options: ScanOptions,
): Promise<ScanResult[]> {
  if (net.probeTcp !== undefined) {
    try {
      return await scanBatch(net.probeTcp.bind(net), targets, options);
    } catch {
      // e.g. no worker threads here: the single-socket path below gives the same answer
    }
  }
  return scanOneByOne(net, targets, options);
}

function scanOneByOne(
  net: AuditNet,
  targets: readonly ScanTarget[],
  options: ScanOptions,
): Promise<ScanResult[]> {
  const limit = Math.max(1, Math.floor(options.concurrency));
  const floor = Math.max(1, Math.floor(limit / 8));
  const hosts: HostState[] = targets.map((t) => ({
    address: t.address,
    open: [],
    tried: 0,
    answered: false,
    unreachable: 0,
  }));
  const total = targets.reduce((sum, t) => sum + t.ports.length, 0);
  const step = Math.max(1, Math.floor(total / 200));
  const rate = options.ratePerSecond ?? 0;
  const bucket = rate > 0 ? tokenBucket(net, rate, Math.max(1, Math.min(limit, rate))) : null;
  const queue = jobsOf(hosts, targets);
  const retries: Job[] = [];
  let window = limit;
  let inFlight = 0;
  let done = 0;
  let exhausted = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  let finished = false;
  return new Promise((resolve) => {
    const finish = () => {
      if (finished) return;
      finished = true;
      if (timer !== undefined) clearTimeout(timer);
      for (const host of hosts) host.open.sort((a, b) => a - b);
      resolve(
        hosts.map((h) => ({
          address: h.address,
          open: h.open,
          tried: h.tried,
          reachable: h.answered,
        })),
      );
    };
    const progress = () => {
      if (done % step === 0 || done === total) options.onProgress?.(done, total);
    };
    const next = (): Job | undefined => {
      const retry = retries.shift();
      if (retry !== undefined) return retry;
      if (exhausted) return undefined;
      const item = queue.next();
      if (item.done === true) {
        exhausted = true;
        return undefined;
      }
      return item.value;
    };
    const settle = (job: Job, verdict: Verdict) => {
      const { host } = job;
      if (verdict !== 'refused-by-scope') host.tried += 1;
      if (verdict === 'retry' && job.attempts < MAX_ATTEMPTS) {
        window = Math.max(1, Math.floor(window / 2));
        retries.push(job);
        return;
      }
      if (verdict === 'open' || verdict === 'closed') {
        host.answered = true;
        host.unreachable = 0;
        if (verdict === 'open') host.open.push(job.port);
        window = Math.min(limit, window + 1);
      } else if (verdict === 'unreachable') {
        host.unreachable += 1;
        window = Math.max(floor, Math.floor(window / 2));
      } else if (verdict === 'filtered') {
        window = Math.max(floor, window - 1);
      }
      done += 1;
      progress();
    };
    const launch = (job: Job) => {
      // a host that never answers but "unreachable" is not worth one attempt per port
      if (!job.host.answered && job.host.unreachable >= UNREACHABLE_GIVE_UP) {
        done += 1;
        progress();
        return;
      }
      job.attempts += 1;
      inFlight += 1;
      bucket?.take();
      const connectOptions = {
        timeoutMs: options.timeoutMs,
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      };
      net.connect({ address: job.host.address, port: job.port }, connectOptions).then(
        (outcome) => {
          if (outcome.ok) outcome.conn.close();
          inFlight -= 1;
          settle(job, verdictOf(outcome));
          pump();
        },
        () => {
          inFlight -= 1;
          settle(job, 'filtered');
          pump();
        },
      );
    };
    const pump = () => {
      if (options.signal?.aborted === true) {
        if (inFlight === 0) finish();
        return;
      }
      while (inFlight < window) {
        const wait = bucket?.wait() ?? 0;
        if (wait > 0) {
          timer ??= setTimeout(() => {
            timer = undefined;
            pump();
          }, wait);
          return;
        }
        const job = next();
        if (job === undefined) break;
        launch(job);
      }
      if (inFlight === 0 && retries.length === 0 && exhausted) finish();
    };
    options.signal?.addEventListener('abort', () => {
      if (inFlight === 0) finish();
    });
    pump();
  });
}
