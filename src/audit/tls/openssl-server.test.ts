import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeNet } from '../net/node-net.js';
import { probeTls } from './probe.js';

// `openssl s_server` reaches what Node's TLS server will not start with: TLS 1.0 with every
// suite the local OpenSSL still has at security level 0 (anonymous DH, Camellia, SEED…).
// Loopback range of the TLS wire probe: 127.0.0.40–49, ports 23000–23999.
const HOST = '127.0.0.43';
const PORT = 23900 + Math.floor(Math.random() * 90);
let dir = '';
let server: ChildProcess | null = null;
let expected: number[] = [];

async function waitForPort(): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(PORT, HOST, () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => {
        resolve(false);
      });
    });
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('openssl s_server did not start');
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-s-server-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '30',
      '-subj',
      '/CN=old.test',
    ],
    { stdio: 'ignore' },
  );
  // What OpenSSL itself can negotiate at TLS 1.0 with an RSA key: the probe must find exactly these.
  const listed = execFileSync('openssl', ['ciphers', '-V', '-s', '-tls1', 'ALL:@SECLEVEL=0'], {
    encoding: 'utf8',
  });
  expected = listed
    .split('\n')
    .filter(
      (line) => /Au=(RSA|None)/.test(line) && !/Kx=(PSK|RSAPSK|DHEPSK|ECDHEPSK|SRP)/.test(line),
    )
    .map((line) => /0x([0-9A-F]{2}),0x([0-9A-F]{2})/.exec(line))
    .flatMap((m) => (m?.[1] !== undefined && m[2] !== undefined ? [parseInt(m[1] + m[2], 16)] : []))
    .sort((a, b) => a - b);
  server = spawn(
    'openssl',
    [
      's_server',
      '-accept',
      `${HOST}:${String(PORT)}`,
      '-cert',
      cert,
      '-key',
      key,
      '-tls1',
      '-cipher',
      'ALL:@SECLEVEL=0',
      '-quiet',
      '-naccept',
      '10000',
    ],
    { stdio: ['pipe', 'ignore', 'ignore'] },
  );
  await waitForPort();
}, 20000);

afterAll(() => {
  server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('probeTls against openssl s_server (TLS 1.0, security level 0)', () => {
  it('finds TLS 1.0 only and exactly the suites OpenSSL lists for an RSA key', async () => {
    const seen = await probeTls(
      nodeNet(),
      { address: HOST, port: PORT },
      { timeoutMs: 2000, concurrency: 8 },
    );
    expect(seen.protocols).toEqual({
      ssl3: false,
      tls10: true,
      tls11: false,
      tls12: false,
      tls13: false,
    });
    expect(seen.ciphers).toHaveLength(1);
    expect([...(seen.ciphers[0]?.suites ?? [])].sort((a, b) => a - b)).toEqual(expected);
    expect(seen.ciphers[0]?.suites).toEqual(
      expect.arrayContaining([0x0034, 0x0089, 0xc013, 0xc019]),
    );
    expect(seen.dhBits).toBe(1024); // anonymous DH with a 128-bit cipher: OpenSSL's automatic 1024-bit group
    expect(seen.fallbackScsv).toBeNull();
    expect(seen.certificate?.chain).toHaveLength(1);
  }, 20000);
});
