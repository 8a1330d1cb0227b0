/**
 * The HTTP audit against a real nginx on loopback (127.0.0.70–72, ports 26000–26999): a weak
 * configuration gets exactly the findings it is known to deserve, a hardened one (every OWASP
 * Secure Headers header, HSTS two years with subdomains, 80→443 redirect, server_tokens off,
 * strict CSP) gets none, and hostile servers cost one bounded timeout.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../src/audit/findings.js';
import { HTTP_CHECKS } from '../../src/audit/http/checks/index.js';
import { probeHttp } from '../../src/audit/http/probe.js';
import { nodeNet } from '../../src/audit/net/node-net.js';
import type { AuditNet } from '../../src/audit/net/types.js';
import { createTestPki, type TestCertificate, type TestPki } from '../support/certs.js';
import { startNginx, type NginxServerBlock, type RunningNginx } from '../support/nginx.js';

const WEAK = '127.0.0.70';
const HARDENED = '127.0.0.71';
const HOSTILE = '127.0.0.72';
const PLAIN = 26080;
const TLS = 26443;
const DEFAULT = 26081;
const net: AuditNet = nodeNet();

const HARDENED_HEADERS = [
  'Strict-Transport-Security "max-age=63072000; includeSubDomains"',
  `Content-Security-Policy "default-src 'self'; form-action 'self'; base-uri 'self'; object-src 'none'; frame-ancestors 'none'; upgrade-insecure-requests"`,
  'X-Content-Type-Options "nosniff"',
  'X-Frame-Options "deny"',
  'Referrer-Policy "no-referrer"',
  'Permissions-Policy "camera=(), microphone=(), geolocation=(), payment=(), usb=()"',
  'Cross-Origin-Opener-Policy "same-origin"',
  'Cross-Origin-Embedder-Policy "require-corp"',
  'Cross-Origin-Resource-Policy "same-origin"',
  'Set-Cookie "session=abc123; Path=/; Secure; HttpOnly; SameSite=Strict"',
];

/** The weak, default and hardened sites, as startNginx server blocks. */
function serverBlocks(dir: string, tls: TestCertificate): NginxServerBlock[] {
  const certificate = { cert: tls.cert, key: tls.key };
  return [
    // weak: plain and HTTPS, versions shown, no security header, a flagless cookie,
    // a browsable directory and the .git metadata served
    {
      listen: [
        { address: WEAK, port: PLAIN },
        { address: WEAK, port: TLS, ssl: true },
      ],
      ...certificate,
      headers: ['Set-Cookie "session=abc123; Path=/"'],
      extra: [
        'server_tokens on;',
        `root ${join(dir, 'weak')};`,
        'location /uploads/ { autoindex on; }',
      ],
      location: 'index index.html;',
    },
    // left as installed: Debian's welcome page, with the stub_status page open to all
    {
      listen: [{ address: WEAK, port: DEFAULT }],
      extra: [
        'server_tokens off;',
        'root /usr/share/nginx/html;',
        'location = /nginx_status { stub_status; }',
      ],
      location: 'index index.html;',
    },
    // hardened: plain HTTP only redirects, HTTPS sends every OWASP header
    {
      listen: [{ address: HARDENED, port: PLAIN }],
      extra: ['server_tokens off;'],
      location: `return 301 https://hardened.test:${String(TLS)}$request_uri;`,
    },
    {
      listen: [{ address: HARDENED, port: TLS, ssl: true }],
      serverName: 'hardened.test',
      ...certificate,
      protocols: 'TLSv1.2 TLSv1.3',
      headers: HARDENED_HEADERS.map((h) => `${h} always`),
      extra: [
        'server_tokens off;',
        `root ${join(dir, 'hardened')};`,
        'location ~ /\\. { deny all; }',
      ],
      location: 'index index.html;',
    },
  ];
}

function site(root: string): void {
  mkdirSync(join(root, '.git'), { recursive: true });
  mkdirSync(join(root, 'uploads'), { recursive: true });
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><title>Intranet</title><p>Forges de l’Est</p>\n',
  );
  writeFileSync(join(root, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  writeFileSync(join(root, 'uploads', 'payroll-2026.csv'), 'name;salary\n');
}

let dir = '';
let pki: TestPki | undefined;
let nginx: RunningNginx | undefined;
const sockets = new Set<Socket>();
const hostile: Server[] = [];

function hostileServer(port: number, onRequest: (socket: Socket) => void): Promise<void> {
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('data', () => {
      onRequest(socket);
    });
  });
  hostile.push(server);
  return new Promise((resolve) => server.listen(port, HOSTILE, resolve));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigie-http-sites-'));
  pki = createTestPki({ hosts: ['hardened.test', WEAK, HARDENED] });
  site(join(dir, 'weak'));
  site(join(dir, 'hardened'));
  nginx = await startNginx(serverBlocks(dir, pki.leaves.ecdsa), {
    http: ['include /etc/nginx/mime.types;'],
  });
  // never ends its headers: a header line every 10 ms, forever
  await hostileServer(26091, (socket) => {
    socket.write('HTTP/1.1 200 OK\r\n');
    const timer = setInterval(() => socket.write('X-Slow: 1\r\n'), 10);
    socket.on('close', () => {
      clearInterval(timer);
    });
  });
  // endless headers as fast as the socket takes them
  await hostileServer(26092, (socket) => {
    socket.write('HTTP/1.1 200 OK\r\n');
    const flood = () => {
      while (!socket.destroyed && socket.write(`X-Flood: ${'a'.repeat(1000)}\r\n`));
      if (!socket.destroyed) socket.once('drain', flood);
    };
    flood();
  });
}, 30_000);

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all(hostile.map((server) => new Promise((resolve) => server.close(resolve))));
  await nginx?.stop();
  pki?.dispose();
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

const audit = async (target: Parameters<typeof probeHttp>[1], plainPort?: number) => {
  const observation = await probeHttp(net, target, {
    timeoutMs: 3000,
    ...(plainPort === undefined ? {} : { plainPort }),
  });
  return {
    observation,
    ids: runChecks(HTTP_CHECKS, observation, undefined)
      .map((f) => f.id)
      .sort(),
  };
};

describe('HTTP audit of a real nginx', () => {
  it('finds exactly what the weak plain-HTTP configuration gets wrong', async () => {
    const { observation, ids } = await audit({
      address: WEAK,
      port: PLAIN,
      tls: false,
      host: null,
    });
    expect(observation.error, nginx?.errorLog()).toBeNull();
    const at = `${WEAK}:${String(PLAIN)}`;
    expect(ids).toEqual(
      [
        `http-clickjacking-unprotected@${at}`,
        `http-cookie-without-httponly@${at}`,
        `http-cookie-without-samesite@${at}`,
        `http-cross-origin-isolation-missing@${at}`,
        `http-csp-missing@${at}`,
        `http-directory-listing@${at}/uploads/`,
        `http-no-https-redirect@${at}`,
        `http-permissions-policy-missing@${at}`,
        `http-referrer-policy-missing@${at}`,
        `http-sensitive-file-exposed@${at}/.git/HEAD`,
        `http-version-disclosure@${at}`,
        `http-x-content-type-options-missing@${at}`,
      ].sort(),
    );
    expect(observation.trace?.status).toBe(405);
    expect(observation.requests).toBeLessThanOrEqual(30);
  });

  it('adds HSTS and the Secure flag over HTTPS, and judges the plain port redirect', async () => {
    const { ids } = await audit({ address: WEAK, port: TLS, tls: true, host: null }, PLAIN);
    const at = `${WEAK}:${String(TLS)}`;
    const plain = `${WEAK}:${String(PLAIN)}`;
    expect(ids).toEqual(
      [
        `http-clickjacking-unprotected@${at}`,
        `http-cookie-without-httponly@${at}`,
        `http-cookie-without-samesite@${at}`,
        `http-cookie-without-secure@${at}`,
        `http-cross-origin-isolation-missing@${at}`,
        `http-csp-missing@${at}`,
        `http-directory-listing@${at}/uploads/`,
        `http-hsts-missing@${at}`,
        `http-no-https-redirect@${plain}`,
        `http-permissions-policy-missing@${at}`,
        `http-referrer-policy-missing@${at}`,
        `http-sensitive-file-exposed@${at}/.git/HEAD`,
        `http-version-disclosure@${at}`,
        `http-x-content-type-options-missing@${at}`,
      ].sort(),
    );
  });

  it('recognises the welcome page of a server left as installed, and its status page', async () => {
    const { observation, ids } = await audit({
      address: WEAK,
      port: DEFAULT,
      tls: false,
      host: null,
    });
    const at = `${WEAK}:${String(DEFAULT)}`;
    expect(observation.defaultPage?.product).toBe('nginx');
    expect(ids).toContain(`http-default-page@${at}`);
    expect(ids).toContain(`http-admin-interface-exposed@${at}/nginx_status`);
    expect(ids.filter((id) => /version|sensitive|listing/.test(id))).toEqual([]);
  });

  it('finds nothing on the hardened configuration, HTTPS or its plain redirecting port', async () => {
    const https = await audit(
      { address: HARDENED, port: TLS, tls: true, host: 'hardened.test' },
      PLAIN,
    );
    expect(https.observation.error, nginx?.errorLog()).toBeNull();
    expect(https.observation.hsts).toMatchObject({ maxAge: 63072000, includeSubDomains: true });
    expect(https.observation.redirect).toMatchObject({ status: 301, toHttps: true });
    expect(https.observation.paths.find((p) => p.path === '/.git/HEAD')?.status).toBe(403);
    expect(https.ids).toEqual([]);
    const plain = await audit({
      address: HARDENED,
      port: PLAIN,
      tls: false,
      host: 'hardened.test',
    });
    expect(plain.observation.root?.status).toBe(301);
    expect(plain.ids).toEqual([]);
  });

  it.each([
    ['never ends its headers', 26091],
    ['sends endless headers', 26092],
  ])('a server that %s costs one request and one bounded timeout', async (_what, port) => {
    const started = Date.now();
    const observation = await probeHttp(
      net,
      { address: HOSTILE, port, tls: false, host: null },
      { timeoutMs: 1000 },
    );
    expect(Date.now() - started).toBeLessThan(1800);
    expect(observation.requests).toBe(1);
    expect(observation.reachable).toBe(true);
    expect(observation.error).toMatch(
      /no complete headers in 1000 ms|headers longer than 32768 bytes/,
    );
    expect(runChecks(HTTP_CHECKS, observation, undefined)).toEqual([]);
  });
});
