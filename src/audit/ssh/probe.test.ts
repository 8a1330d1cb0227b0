import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeNet } from '../net/node-net.js';
import { parseBanner } from './banner.js';
import { probeSsh } from './probe.js';

const ADDRESS = '127.0.0.63';
const net = nodeNet();
const servers: Server[] = [];
const sockets = new Set<Socket>();
const timers = new Set<NodeJS.Timeout>();

/** A server answering each connection with `behave`; resolves to its port. */
async function serve(behave: (socket: Socket) => void): Promise<number> {
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    behave(socket);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, ADDRESS, resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function every(ms: number, socket: Socket, write: () => string | Buffer): void {
  const timer = setInterval(() => {
    if (!socket.destroyed) socket.write(write());
  }, ms);
  timers.add(timer);
  socket.on('close', () => {
    clearInterval(timer);
  });
}

const ports = { garbage: 0, silent: 0, endless: 0, drip: 0, ssh1: 0, hugePacket: 0, preamble: 0 };
const OPTIONS = { timeoutMs: 800, maxBytes: 16_384 };

beforeAll(async () => {
  ports.garbage = await serve((s) => {
    every(5, s, () => Buffer.from([0xde, 0xad, 0x0a, 0xbe, 0xef, 0x0a]));
  });
  ports.silent = await serve(() => undefined);
  ports.endless = await serve((s) => {
    s.write('SSH-2.0-');
    every(5, s, () => 'A'.repeat(512));
  });
  const banner = 'SSH-2.0-OpenSSH_9.2p1\r\n';
  ports.drip = await serve((s) => {
    let i = 0;
    every(100, s, () => banner[i++ % banner.length] ?? '');
  });
  ports.ssh1 = await serve((s) => s.write('SSH-1.5-OpenSSH_2.0\r\n'));
  ports.hugePacket = await serve((s) => {
    s.write(banner);
    s.write(Buffer.from([0xff, 0xff, 0xff, 0xf0, 0x00]));
  });
  ports.preamble = await serve((s) => {
    s.write('Welcome to the lab\r\nSSH-1.99-Cisco-1.25\r\n');
    s.end();
  });
});

afterAll(async () => {
  for (const timer of timers) clearInterval(timer);
  for (const socket of sockets) socket.destroy();
  await Promise.all(
    servers.map(
      (server) =>
        new Promise<void>((resolve) =>
          server.close(() => {
            resolve();
          }),
        ),
    ),
  );
});

describe('probeSsh against hostile or odd servers', () => {
  it.each([
    ['garbage', /no SSH identification line/],
    ['silent', /did not answer in time/],
    ['endless', /more than the byte budget/],
    ['drip', /did not answer in time/],
  ] as const)('%s: one timeout at most, a bounded read, an error', async (name, error) => {
    const started = Date.now();
    const seen = await probeSsh(net, { address: ADDRESS, port: ports[name] }, OPTIONS);
    expect(Date.now() - started).toBeLessThan(OPTIONS.timeoutMs + 400);
    expect(seen.reachable).toBe(true);
    expect(seen.error).toMatch(error);
    expect(seen.algorithms).toBeNull();
    expect(seen.authMethods).toBeNull();
  });

  it('reports an SSH-1-only server without attempting SSH-2', async () => {
    const seen = await probeSsh(net, { address: ADDRESS, port: ports.ssh1 }, OPTIONS);
    expect(seen.banner?.protocol).toBe('1.5');
    expect(seen.error).toMatch(/SSH protocol 1.5 only/);
  });

  it('refuses an implausible packet length instead of buffering it', async () => {
    const seen = await probeSsh(net, { address: ADDRESS, port: ports.hugePacket }, OPTIONS);
    expect(seen.banner?.software).toBe('OpenSSH_9.2p1');
    expect(seen.error).toMatch(/implausible packet length/);
  });

  it('keeps the lines sent before the banner and notes a server that closes', async () => {
    const seen = await probeSsh(net, { address: ADDRESS, port: ports.preamble }, OPTIONS);
    expect(seen.preamble).toEqual(['Welcome to the lab']);
    expect(seen.banner?.protocol).toBe('1.99');
    expect(seen.error).toMatch(/closed the connection/);
  });

  it('says so when nothing listens', async () => {
    const seen = await probeSsh(net, { address: ADDRESS, port: 1 }, OPTIONS);
    expect(seen.reachable).toBe(false);
    expect(seen.error).not.toBeNull();
  });
});

describe('parseBanner', () => {
  it.each([
    ['SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u10', ['2.0', 'OpenSSH', '9.2p1', 'Debian']],
    ['SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.10', ['2.0', 'OpenSSH', '8.9p1', 'Ubuntu']],
    ['SSH-2.0-dropbear_2022.83', ['2.0', 'dropbear', '2022.83', null]],
    ['SSH-1.99-Cisco-1.25', ['1.99', 'Cisco', '1.25', null]],
    ['SSH-2.0-OpenSSH_for_Windows_8.1', ['2.0', 'OpenSSH_for_Windows', '8.1', 'Windows']],
  ])('%s', (line, [protocol, product, version, os]) => {
    const banner = parseBanner(line);
    expect([banner?.protocol, banner?.product, banner?.version, banner?.os]).toEqual([
      protocol,
      product,
      version,
      os,
    ]);
  });

  it('is null for a line that is not an identification, and strips control bytes', () => {
    expect(parseBanner('HTTP/1.1 400 Bad Request')).toBeNull();
    expect(parseBanner('SSH-2.0-x\u0007y')?.raw).toBe('SSH-2.0-x?y');
  });
});
