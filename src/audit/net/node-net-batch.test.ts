import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanPorts } from '../ports/scan.js';
import { probeTcpInWorkers, probeWorkerCount } from './node-net-batch.js';
import { nodeNet } from './node-net.js';
import { scopedNet, type RefusalLog } from './scoped.js';
import type { AuditNet, Endpoint, ScopeGuard, TcpProbeState } from './types.js';

// this helper's loopback range: 127.0.0.120–129, ports 31000–31999
const OPEN: Record<string, number[]> = {
  '127.0.0.120': [31001, 31017, 31500, 31999],
  '127.0.0.122': [31250],
};
const servers: Server[] = [];

beforeAll(async () => {
  for (const [address, ports] of Object.entries(OPEN)) {
    for (const port of ports) {
      const server = createServer((socket) => socket.destroy());
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, address, resolve);
      });
      servers.push(server);
    }
  }
});

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);
const endpointsOf = (address: string, ports: readonly number[]): Endpoint[] =>
  ports.map((port) => ({ address, port }));
const openOf = (endpoints: readonly Endpoint[], states: readonly TcpProbeState[]) =>
  endpoints.filter((_, i) => states[i] === 'open').map((e) => `${e.address}:${e.port}`);

/** The plain network without its batch form: scanPorts then goes one `connect` at a time. */
function plainNet(): AuditNet {
  const net = nodeNet();
  return {
    connect: (endpoint, options) => net.connect(endpoint, options),
    connectTls: (endpoint, options) => net.connectTls(endpoint, options),
    exchangeUdp: (endpoint, payload, options) => net.exchangeUdp(endpoint, payload, options),
    now: () => net.now(),
  };
}

describe('probeTcp in worker threads', () => {
  it('tells open from closed ports, in the input order, with every verdict reported', async () => {
    const endpoints = [
      ...endpointsOf('127.0.0.120', range(31000, 31999)),
      ...endpointsOf('127.0.0.121', range(31000, 31099)),
    ];
    const seen = new Map<number, TcpProbeState>();
    const states = await probeTcpInWorkers(
      endpoints,
      { concurrency: 64, timeoutMs: 2000, onResult: (i, s) => seen.set(i, s) },
      2,
    );
    expect(openOf(endpoints, states)).toEqual(
      ['31001', '31017', '31500', '31999'].map((p) => `127.0.0.120:${p}`),
    );
    expect(states.filter((s) => s === 'closed')).toHaveLength(endpoints.length - 4);
    expect(seen.size).toBe(endpoints.length);
    expect([...seen].every(([i, s]) => states[i] === s)).toBe(true);
  });

  it('finds the same open ports as the one-by-one scan', async () => {
    const targets = ['127.0.0.120', '127.0.0.121', '127.0.0.122'].map((address) => ({
      address,
      ports: range(31000, 31999),
    }));
    const options = { concurrency: 128, timeoutMs: 2000 };
    const batch = await scanPorts(nodeNet({ probeWorkers: 2 }), targets, options);
    const plain = await scanPorts(plainNet(), targets, options);
    expect(batch).toEqual(plain);
    expect(batch.map((r) => r.open)).toEqual([OPEN['127.0.0.120'], [], OPEN['127.0.0.122']]);
    expect(batch.map((r) => [r.tried, r.reachable])).toEqual([
      [1000, true],
      [1000, true],
      [1000, true],
    ]);
  });

  it('judges every endpoint by the scope first: refused ones are recorded, never tried', async () => {
    const attempted: Endpoint[] = [];
    const inner = nodeNet({ probeWorkers: 1 });
    const spy: AuditNet = {
      ...plainNet(),
      probeTcp: (endpoints, options) => {
        attempted.push(...endpoints);
        return inner.probeTcp?.(endpoints, options) ?? Promise.resolve([]);
      },
    };
    const guard: ScopeGuard = {
      check: (e) =>
        e.address === '127.0.0.120' && e.port !== 31017
          ? { allowed: true }
          : { allowed: false, reason: `${e.address}:${e.port} is not in scope` },
    };
    const log: RefusalLog = { refused: [] };
    const endpoints = [
      ...endpointsOf('127.0.0.120', [31001, 31017, 31002]),
      ...endpointsOf('127.0.0.122', [31250]),
    ];
    const states = await scopedNet(spy, guard, log).probeTcp?.(endpoints, {
      concurrency: 8,
      timeoutMs: 2000,
    });
    expect(states).toEqual(['open', 'out-of-scope', 'closed', 'out-of-scope']);
    expect(attempted).toEqual(endpointsOf('127.0.0.120', [31001, 31002]));
    expect(log.refused.map((r) => `${r.address}:${r.port}`)).toEqual([
      '127.0.0.120:31017',
      '127.0.0.122:31250',
    ]);
    expect(log.refused[0]?.reason).toBe('127.0.0.120:31017 is not in scope');
  });

  it('has no batch form behind a network without one', () => {
    const guard: ScopeGuard = { check: () => ({ allowed: true }) };
    expect('probeTcp' in scopedNet(plainNet(), guard)).toBe(false);
    expect('probeTcp' in scopedNet(nodeNet(), guard)).toBe(true);
  });

  it('stops at abort: what was not answered yet ends not-tried', async () => {
    const controller = new AbortController();
    const endpoints = endpointsOf('127.0.0.123', [...range(31000, 31999), ...range(31000, 31999)]);
    let results = 0;
    const states = await probeTcpInWorkers(
      endpoints,
      {
        concurrency: 2,
        timeoutMs: 2000,
        signal: controller.signal,
        onResult: () => {
          results += 1;
          if (results === 10) controller.abort();
        },
      },
      1,
    );
    const notTried = states.filter((s) => s === 'not-tried').length;
    expect(notTried).toBeGreaterThan(endpoints.length / 2);
    expect(states.filter((s) => s === 'closed').length).toBe(endpoints.length - notTried);
    // already aborted: nothing at all
    const none = await probeTcpInWorkers(endpoints.slice(0, 5), {
      concurrency: 2,
      timeoutMs: 2000,
      signal: controller.signal,
    });
    expect(none).toEqual(new Array(5).fill('not-tried'));
  });

  it('never lets a name or a bad port reach a socket', async () => {
    const endpoints = [
      { address: 'localhost', port: 31001 },
      { address: '127.0.0.120', port: 0 },
      { address: '127.0.0.120', port: 70000 },
      { address: '127.0.0.120', port: 31001 },
    ];
    const states = await nodeNet().probeTcp?.(endpoints, { concurrency: 4, timeoutMs: 2000 });
    expect(states).toEqual(['filtered', 'filtered', 'filtered', 'open']);
  });

  it('uses one worker for a small scan and at most one per core', () => {
    expect(probeWorkerCount(10, 8)).toBe(1);
    expect(probeWorkerCount(65_535, 2)).toBe(2);
    expect(probeWorkerCount(65_535, 16)).toBe(4);
    expect(probeWorkerCount(0, 2)).toBe(1);
  });
});
