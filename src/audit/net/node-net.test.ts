import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeNet } from './node-net.js';
import { scopedNet } from './scoped.js';

let server: Server;
let port = 0;
const sockets = new Set<Socket>();

beforeAll(async () => {
  server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('data', (data) => {
      const command = data.toString().trim();
      if (command === 'endless') {
        const spam = () => {
          if (!socket.destroyed && socket.write('A'.repeat(65536))) setImmediate(spam);
          else socket.once('drain', spam);
        };
        spam();
      } else if (command === 'slow') {
        const timer = setInterval(() => socket.write('x'), 50);
        socket.on('close', () => {
          clearInterval(timer);
        });
      } else if (command === 'silent') {
        // says nothing
      } else socket.end(`echo ${command}\r\n`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  port = address.port;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});

describe('the Node audit network', () => {
  const net = nodeNet();
  const open = async () => {
    const outcome = await net.connect({ address: '127.0.0.1', port }, { timeoutMs: 2000 });
    if (!outcome.ok) throw new Error(outcome.message);
    return outcome.conn;
  };

  it('reads until a delimiter', async () => {
    const conn = await open();
    await conn.write('hello\n');
    const read = await conn.read({ maxBytes: 1000, timeoutMs: 2000, until: (b) => b.includes(10) });
    expect(Buffer.from(read.bytes).toString()).toBe('echo hello\r\n');
    expect(read.end).toBe('until');
    conn.close();
  });

  it('bounds an endless banner by bytes and a slow-loris or silence by time', async () => {
    const endless = await open();
    await endless.write('endless\n');
    const big = await endless.read({ maxBytes: 4096, timeoutMs: 2000 });
    expect(big).toMatchObject({ end: 'max-bytes' });
    expect(big.bytes.length).toBe(4096);
    endless.close();

    for (const command of ['slow', 'silent']) {
      const conn = await open();
      await conn.write(`${command}\n`);
      const started = Date.now();
      const read = await conn.read({ maxBytes: 1_000_000, timeoutMs: 300 });
      expect(read.end).toBe('timeout');
      expect(Date.now() - started).toBeLessThan(1000);
      conn.close();
    }
  });

  it('says refused for a closed port', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const address = closed.address();
    await new Promise((resolve) => closed.close(resolve));
    if (address === null || typeof address === 'string') throw new Error('no port');
    const outcome = await net.connect(
      { address: '127.0.0.1', port: address.port },
      { timeoutMs: 2000 },
    );
    expect(outcome).toMatchObject({ ok: false, failure: 'refused' });
  });

  it('refuses an out-of-scope target before connecting', async () => {
    const log = { refused: [] as { address: string; port: number; reason: string }[] };
    const scoped = scopedNet(
      net,
      {
        check: (endpoint) =>
          endpoint.address === '127.0.0.1'
            ? { allowed: true }
            : { allowed: false, reason: `${endpoint.address} is not in the scope` },
      },
      log,
    );
    const outcome = await scoped.connect({ address: '127.0.0.2', port }, { timeoutMs: 2000 });
    expect(outcome).toMatchObject({ ok: false, failure: 'out-of-scope' });
    expect(log.refused).toEqual([
      { address: '127.0.0.2', port, reason: '127.0.0.2 is not in the scope' },
    ]);
    expect(sockets.size).toBeGreaterThan(0);
  });
});
