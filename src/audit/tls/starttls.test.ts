import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecureContext, TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeNet } from '../net/node-net.js';
import { probeTls } from './probe.js';

// Loopback range of the TLS wire probe: 127.0.0.40–49, ports 23000–23999.
const HOST = '127.0.0.41';
let dir = '';
let context: ReturnType<typeof createSecureContext>;
const servers: Server[] = [];
const sockets = new Set<Socket>();
let nextPort = 23000 + Math.floor(Math.random() * 800);

/** Turns the plain socket into a TLS 1.2-only server socket (what STARTTLS does). */
function upgrade(socket: Socket): void {
  socket.removeAllListeners('data');
  const tls = new TLSSocket(socket, { isServer: true, secureContext: context });
  tls.on('error', () => undefined);
  tls.on('secure', () => tls.end());
}

/** A line-oriented server: `reply(line)` returns what to answer, and `true` to start TLS after it. */
async function lineServer(
  greeting: string | null,
  reply: (line: string) => [string, boolean] | null,
): Promise<number> {
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    if (greeting !== null) socket.write(greeting);
    let buffer = '';
    socket.on('data', (data) => {
      buffer += data.toString('latin1');
      let at = buffer.indexOf('\n');
      while (at >= 0) {
        const line = buffer.slice(0, at + 1);
        buffer = buffer.slice(at + 1);
        const answer = reply(line.trim());
        if (answer === null) {
          socket.destroy();
          return;
        }
        socket.write(answer[0]);
        if (answer[1]) {
          upgrade(socket);
          return;
        }
        at = buffer.indexOf('\n');
      }
    });
  });
  return listen(server);
}

async function listen(server: Server): Promise<number> {
  const port = nextPort++;
  servers.push(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, resolve);
  });
  return port;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-starttls-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
      '-days',
      '30',
      '-subj',
      '/CN=mail.test',
    ],
    { stdio: 'ignore' },
  );
  context = createSecureContext({
    key: readFileSync(join(dir, 'key.pem')),
    cert: readFileSync(join(dir, 'cert.pem')),
    minVersion: 'TLSv1.2',
    maxVersion: 'TLSv1.2',
    ciphers: 'ECDHE-ECDSA-AES128-GCM-SHA256',
  });
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  rmSync(dir, { recursive: true, force: true });
});

const net = nodeNet();
const expected = [{ protocol: 'tls12', suites: [0xc02b], serverOrder: null }];

describe('probeTls over STARTTLS', () => {
  it('speaks SMTP (multi-line EHLO) before its hellos and before the certificate handshake', async () => {
    const port = await lineServer('220-mail.test ESMTP\r\n220 ready\r\n', (line) => {
      if (line.startsWith('EHLO'))
        return ['250-mail.test\r\n250-PIPELINING\r\n250 STARTTLS\r\n', false];
      if (line === 'STARTTLS') return ['220 2.0.0 go ahead\r\n', true];
      return null;
    });
    const seen = await probeTls(
      net,
      { address: HOST, port, starttls: 'smtp' },
      { timeoutMs: 1500 },
    );
    expect(seen.target.starttls).toBe('smtp');
    expect(seen.protocols.tls12).toBe(true);
    expect(seen.ciphers).toEqual(expected);
    expect(seen.groups).toContain('secp256r1');
    expect(seen.certificate?.chain).toHaveLength(1);
  });

  it('speaks IMAP, POP3 and FTP', async () => {
    const imap = await lineServer('* OK IMAP ready\r\n', (l) =>
      l === 'v1 STARTTLS' ? ['v1 OK begin TLS\r\n', true] : null,
    );
    const pop3 = await lineServer('+OK POP3 ready\r\n', (l) =>
      l === 'STLS' ? ['+OK begin TLS\r\n', true] : null,
    );
    const ftp = await lineServer('220 FTP ready\r\n', (l) =>
      l === 'AUTH TLS' ? ['234 AUTH TLS ok\r\n', true] : null,
    );
    for (const [port, starttls] of [
      [imap, 'imap'],
      [pop3, 'pop3'],
      [ftp, 'ftp'],
    ] as const) {
      const seen = await probeTls(net, { address: HOST, port, starttls }, { timeoutMs: 1500 });
      expect(seen.ciphers).toEqual(expected);
    }
  });

  it('sends the PostgreSQL SSLRequest', async () => {
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.once('data', (data) => {
        if (data.length === 8 && data.readUInt32BE(4) === 80877103) {
          socket.write('S');
          upgrade(socket);
        } else socket.destroy();
      });
    });
    const port = await listen(server);
    const seen = await probeTls(
      net,
      { address: HOST, port, starttls: 'postgres' },
      { timeoutMs: 1500 },
    );
    expect(seen.ciphers).toEqual(expected);
  });

  it('reports a refused STARTTLS as an error, not a crash', async () => {
    const port = await lineServer('220 ready\r\n', (l) =>
      l.startsWith('EHLO')
        ? ['250 mail.test\r\n', false]
        : ['502 5.5.1 not implemented\r\n', false],
    );
    const seen = await probeTls(net, { address: HOST, port, starttls: 'smtp' }, { timeoutMs: 800 });
    expect(seen.ciphers).toEqual([]);
    expect(seen.error).toMatch(/SMTP STARTTLS: expected 220/);
  });
});
