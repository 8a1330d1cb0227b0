import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeNet } from '../net/node-net.js';
import { scopedNet, type RefusalLog } from '../net/scoped.js';
import type { AuditNet, ConnectOutcome } from '../net/types.js';
import { scanPorts } from './scan.js';
import { allPorts } from './spec.js';

// listeners on this helper's loopback range: 127.0.0.20–29, ports 21000–21999
const OPEN: Record<string, number[]> = {
  '127.0.0.20': [21001, 21010, 21333, 21998],
  '127.0.0.21': [21002],
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

/** A fake network: `answer` decides each connection; it records the most connections at once. */
function fakeNet(answer: (port: number, attempt: number) => ConnectOutcome, delayMs = 1) {
  const attempts = new Map<number, number>();
  const stats = { inFlight: 0, maxInFlight: 0, calls: 0 };
  const net: AuditNet = {
    now: () => performance.now(),
    connect: async (endpoint) => {
      stats.calls += 1;
      stats.inFlight += 1;
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      const attempt = (attempts.get(endpoint.port) ?? 0) + 1;
      attempts.set(endpoint.port, attempt);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      stats.inFlight -= 1;
      return answer(endpoint.port, attempt);
    },
    connectTls: () => Promise.reject(new Error('not used')),
    exchangeUdp: () => Promise.reject(new Error('not used')),
  };
  return { net, stats };
}

const refused = { ok: false, failure: 'refused', message: 'ECONNREFUSED' } as const;
const openConn = (port: number): ConnectOutcome => ({
  ok: true,
  conn: {
    remote: { address: '127.0.0.28', port },
    write: () => Promise.resolve(),
    read: () => Promise.resolve({ bytes: new Uint8Array(), end: 'closed' }),
    close: () => undefined,
  },
});

describe('scanPorts on loopback', () => {
  it('finds exactly the open ports of each address, the closed ones answering', async () => {
    const progress: [number, number][] = [];
    const results = await scanPorts(
      nodeNet(),
      ['127.0.0.20', '127.0.0.21', '127.0.0.22'].map((address) => ({
        address,
        ports: range(21000, 21999),
      })),
      { concurrency: 128, timeoutMs: 1000, onProgress: (d, t) => progress.push([d, t]) },
    );
    expect(results).toEqual([
      { address: '127.0.0.20', open: OPEN['127.0.0.20'], tried: 1000, reachable: true },
      { address: '127.0.0.21', open: OPEN['127.0.0.21'], tried: 1000, reachable: true },
      { address: '127.0.0.22', open: [], tried: 1000, reachable: true },
    ]);
    expect(progress.at(-1)).toEqual([3000, 3000]);
  });

  it('scans the full range 1–65535 of one address', async () => {
    const started = performance.now();
    const [result] = await scanPorts(nodeNet(), [{ address: '127.0.0.20', ports: allPorts() }], {
      concurrency: 512,
      timeoutMs: 1000,
    });
    expect(result?.tried).toBe(65_535);
    // services of the machine listening on every address may show up too: ours must be there
    expect(result?.open).toEqual(expect.arrayContaining(OPEN['127.0.0.20'] ?? []));
    expect(result?.open).not.toContain(21002);
    expect(performance.now() - started).toBeLessThan(60_000);
  }, 90_000);

  it('refuses an out-of-scope address through scopedNet without connecting', async () => {
    const { net, stats } = fakeNet(() => refused);
    const log: RefusalLog = { refused: [] };
    const guard = {
      check: ({ address }: { address: string }) =>
        address === '127.0.0.20'
          ? ({ allowed: true } as const)
          : ({ allowed: false, reason: `${address} is not in the scope` } as const),
    };
    const results = await scanPorts(
      scopedNet(net, guard, log),
      [
        { address: '127.0.0.23', ports: [21001, 21002] },
        { address: '127.0.0.20', ports: [21001] },
      ],
      { concurrency: 8, timeoutMs: 200 },
    );
    expect(stats.calls).toBe(1);
    expect(results[0]).toEqual({ address: '127.0.0.23', open: [], tried: 0, reachable: false });
    expect(log.refused).toEqual([
      { address: '127.0.0.23', port: 21001, reason: '127.0.0.23 is not in the scope' },
      { address: '127.0.0.23', port: 21002, reason: '127.0.0.23 is not in the scope' },
    ]);
  });
});

describe('scanPorts adapts and stays bounded', () => {
  it('never has more connections in flight than the concurrency', async () => {
    const { net, stats } = fakeNet((port) => (port % 97 === 0 ? openConn(port) : refused));
    const [result] = await scanPorts(net, [{ address: '127.0.0.28', ports: range(1, 2000) }], {
      concurrency: 32,
      timeoutMs: 100,
    });
    expect(stats.maxInFlight).toBe(32);
    expect(result?.open).toEqual(range(1, 2000).filter((p) => p % 97 === 0));
  });

  it('backs off on local resource errors and tries those ports again', async () => {
    const { net, stats } = fakeNet((port, attempt) =>
      attempt === 1 && port % 2 === 0
        ? { ok: false, failure: 'error', message: 'connect EMFILE' }
        : port === 40
          ? openConn(port)
          : refused,
    );
    const [result] = await scanPorts(net, [{ address: '127.0.0.28', ports: range(1, 200) }], {
      concurrency: 64,
      timeoutMs: 100,
    });
    expect(result?.open).toEqual([40]);
    expect(stats.calls).toBe(300); // every even port twice
    expect(result?.tried).toBe(300);
  });

  it('gives up a host that only answers "unreachable"', async () => {
    const { net, stats } = fakeNet(() => ({
      ok: false,
      failure: 'unreachable',
      message: 'connect EHOSTUNREACH',
    }));
    const [result] = await scanPorts(net, [{ address: '127.0.0.28', ports: range(1, 1000) }], {
      concurrency: 2,
      timeoutMs: 100,
    });
    expect(result?.reachable).toBe(false);
    expect(stats.calls).toBeLessThan(10);
  });

  it('keeps to the rate limit', async () => {
    const { net, stats } = fakeNet(() => refused, 0);
    const started = performance.now();
    await scanPorts(net, [{ address: '127.0.0.28', ports: range(1, 60) }], {
      concurrency: 10,
      timeoutMs: 100,
      ratePerSecond: 200,
    });
    const elapsed = performance.now() - started;
    expect(stats.calls).toBe(60);
    // a burst of 10, then 50 tokens at 200 per second: at least 250 ms
    expect(elapsed).toBeGreaterThan(220);
    expect(elapsed).toBeLessThan(3000);
  });

  it('stops when aborted and returns what it found', async () => {
    const controller = new AbortController();
    const { net, stats } = fakeNet(() => refused, 2);
    const results = await scanPorts(net, [{ address: '127.0.0.28', ports: range(1, 5000) }], {
      concurrency: 4,
      timeoutMs: 100,
      signal: controller.signal,
      onProgress: (done) => {
        if (done >= 100) controller.abort();
      },
    });
    expect(results[0]?.tried).toBeGreaterThanOrEqual(100);
    expect(results[0]?.tried).toBeLessThan(200);
    expect(stats.calls).toBe(results[0]?.tried);
  });

  it('returns an empty result for no ports', async () => {
    const { net } = fakeNet(() => refused);
    const results = await scanPorts(net, [{ address: '127.0.0.28', ports: [] }], {
      concurrency: 4,
      timeoutMs: 100,
    });
    expect(results).toEqual([{ address: '127.0.0.28', open: [], tried: 0, reachable: false }]);
  });
});
