import { execFileSync } from 'node:child_process';
import { constants } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import {
  connect,
  createServer as createNetServer,
  type Server as NetServer,
  type Socket,
} from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type TlsOptions } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeNet } from '../net/node-net.js';
import { probeTls } from './probe.js';

// Loopback range of the TLS wire probe: 127.0.0.40–49, ports 23000–23999.
const HOST = '127.0.0.40';
let dir = '';
let key = '';
let cert = '';
const servers: (NetServer | ReturnType<typeof createServer>)[] = [];
const sockets = new Set<Socket>();
let nextPort = 23000 + Math.floor(Math.random() * 800);

async function listen(server: NetServer): Promise<number> {
  const port = nextPort++;
  servers.push(server);
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('error', () => undefined);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, resolve);
  });
  return port;
}

async function tlsServer(options: TlsOptions): Promise<number> {
  const server = createServer({ key, cert, ...options }, (socket) => socket.end());
  server.on('tlsClientError', () => undefined);
  return listen(server);
}

const net = nodeNet();
const probe = (port: number, timeoutMs = 1500) =>
  probeTls(net, { address: HOST, port }, { timeoutMs });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-tls-probe-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
      '-days',
      '30',
      '-subj',
      '/CN=probe.test',
      '-addext',
      'subjectAltName=DNS:probe.test',
    ],
    { stdio: 'ignore' },
  );
  key = readFileSync(join(dir, 'key.pem'), 'utf8');
  cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  rmSync(dir, { recursive: true, force: true });
});

describe('probeTls against Node TLS servers on loopback', () => {
  it('finds exactly the two TLS 1.2 suites, in the server order, and the certificate', async () => {
    const port = await tlsServer({
      minVersion: 'TLSv1.2',
      maxVersion: 'TLSv1.2',
      ciphers: 'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256',
      honorCipherOrder: true,
      ecdhCurve: 'P-256:P-384',
    });
    const seen = await probe(port);
    expect(seen.reachable).toBe(true);
    expect(seen.error).toBeNull();
    expect(seen.protocols).toEqual({
      ssl3: false,
      tls10: false,
      tls11: false,
      tls12: true,
      tls13: false,
    });
    expect(seen.ciphers).toEqual([
      { protocol: 'tls12', suites: [0xc030, 0xc02f], serverOrder: true },
    ]);
    expect(seen.groups).toEqual(['secp256r1', 'secp384r1']);
    expect(seen.secureRenegotiation).toBe(true);
    expect(seen.compression).toBe(false);
    expect(seen.fallbackScsv).toBeNull();
    expect(seen.dhBits).toBeNull();
    expect(seen.resumption).toEqual({ sessionId: true, tickets: true });
    expect(seen.certificate?.chain).toHaveLength(1);
    expect(seen.certificate?.chain[0]).toBe(cert.replace(/-----[A-Z ]+-----|\s/g, ''));
    expect(seen.certificate?.authorized).toBe(false);
    expect(seen.durationMs).toBeLessThan(2000);
  });

  it('tells client order from server order', async () => {
    const port = await tlsServer({
      minVersion: 'TLSv1.2',
      maxVersion: 'TLSv1.2',
      ciphers:
        'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-CHACHA20-POLY1305',
      honorCipherOrder: false,
      secureOptions: constants.SSL_OP_NO_TICKET,
    });
    const seen = await probe(port);
    expect(seen.ciphers).toEqual([
      { protocol: 'tls12', suites: [0xc02f, 0xc030, 0xcca8], serverOrder: false },
    ]);
    expect(seen.resumption.tickets).toBe(false);
  });

  it('enumerates TLS 1.3 suites and groups, and sees the fallback protection', async () => {
    const port = await tlsServer({
      minVersion: 'TLSv1.2',
      maxVersion: 'TLSv1.3',
      ciphers: 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:ECDHE-RSA-AES128-GCM-SHA256',
      ecdhCurve: 'X25519:P-384',
      honorCipherOrder: true,
    });
    const seen = await probe(port);
    expect(seen.protocols).toEqual({
      ssl3: false,
      tls10: false,
      tls11: false,
      tls12: true,
      tls13: true,
    });
    expect(seen.ciphers).toEqual([
      { protocol: 'tls12', suites: [0xc02f], serverOrder: null },
      { protocol: 'tls13', suites: [0x1302, 0x1303], serverOrder: true },
    ]);
    expect(seen.groups).toEqual(['x25519', 'secp384r1']);
    expect(seen.fallbackScsv).toBe(true);
  });

  it('sees TLS 1.0 and 1.1, CBC and DHE suites with the prime size', async () => {
    const port = await tlsServer({
      minVersion: 'TLSv1',
      maxVersion: 'TLSv1.1',
      ciphers: 'DHE-RSA-AES128-SHA:AES256-SHA:@SECLEVEL=0',
      dhparam: 'auto',
      honorCipherOrder: true,
    });
    const seen = await probe(port);
    expect(seen.protocols).toEqual({
      ssl3: false,
      tls10: true,
      tls11: true,
      tls12: false,
      tls13: false,
    });
    expect(seen.ciphers.map((c) => [c.protocol, c.suites, c.serverOrder])).toEqual([
      ['tls10', [0x0033, 0x0035], true],
      ['tls11', [0x0033, 0x0035], true],
    ]);
    expect(seen.dhBits).toBe(2048);
    expect(seen.fallbackScsv).toBe(true);
  });
});

describe('probeTls against hostile targets', () => {
  it('stops a slow server at the time budget and says the result is partial', async () => {
    const tlsPort = await tlsServer({ minVersion: 'TLSv1.2', maxVersion: 'TLSv1.3' });
    // Every connection is held 150 ms before it reaches the server.
    const slow = await listen(
      createNetServer((client) => {
        setTimeout(() => {
          const upstream = connect(tlsPort, HOST);
          upstream.on('error', () => client.destroy());
          client.pipe(upstream).pipe(client);
        }, 150);
      }),
    );
    const started = Date.now();
    const seen = await probeTls(
      net,
      { address: HOST, port: slow },
      { timeoutMs: 1000, budgetMs: 500 },
    );
    expect(Date.now() - started).toBeLessThan(2000);
    expect(seen.protocols.tls12).toBe(true);
    expect(seen.error).toMatch(/partial: the time budget \(500 ms\)/);
  });

  it('reports a closed port as unreachable', async () => {
    const seen = await probe(23999, 500);
    expect(seen.reachable).toBe(false);
    expect(seen.error).toMatch(/refused/);
  });

  it('costs one timeout on a silent port and says no protocol', async () => {
    const port = await listen(createNetServer(() => undefined));
    const started = Date.now();
    const seen = await probe(port, 400);
    expect(Date.now() - started).toBeLessThan(1200);
    expect(seen.reachable).toBe(true);
    expect(seen.error).toMatch(/no TLS answer/);
    expect(Object.values(seen.protocols).some(Boolean)).toBe(false);
  });

  it('stops at a plaintext banner or garbage', async () => {
    const banner = await listen(createNetServer((s) => s.end('SSH-2.0-OpenSSH_9.2\r\n')));
    const garbage = await listen(
      createNetServer((s) => s.on('data', () => s.write(Buffer.alloc(70000, 0x16)))),
    );
    for (const port of [banner, garbage]) {
      const started = Date.now();
      const seen = await probe(port, 500);
      expect(Date.now() - started).toBeLessThan(1200);
      expect(seen.reachable).toBe(true);
      expect(seen.ciphers).toEqual([]);
      expect(seen.certificate).toBeNull();
      expect(seen.error).not.toBeNull();
    }
  });
});
