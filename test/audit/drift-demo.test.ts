/**
 * Acceptance (issue 15, "Drift on the demo"): loopback services stand for some assets of the
 * Forges de l'Est demo (their addresses mapped by the scope file), with planted differences —
 * an extra port, a plaintext service where the flows declare TLS, an older version banner, an
 * administration interface answering from a zone the model forbids, an undeclared host — and
 * a faithful one. Every difference must be reported against the right entity, and nothing else.
 * Addresses 127.0.0.92–97, ports 28000–28999 (this suite's range).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttp, type Server as HttpServer } from 'node:http';
import { createServer as createHttps } from 'node:https';
import { createServer as createTcp, type Server as TcpServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCampaign } from '../../src/audit/campaign/run.js';
import { nodeNet } from '../../src/audit/net/node-net.js';
import { parseScope, resolveScope } from '../../src/audit/scope/index.js';
import type { AuditResults } from '../../src/audit/types.js';
import { exampleModel } from '../support/model.js';

const SCOPE = `
name: Demo drift
model: mapped
ports: declared
vantage: lan-siege
limits: { timeout: 1000ms }
targets:
  - { host: 127.0.0.92, asset: rp-siege, map: { 443: 28443 }, ports: [28200] }   # extra port 28200
  - { host: 127.0.0.93, asset: web-vitrine, map: { 80: 28080 } }                 # faithful
  - { host: 127.0.0.94, asset: srv-erp, map: { 443: 28444 } }                    # plain HTTP, flows say TLS 1.2
  - { host: 127.0.0.95, asset: proxy-web, map: { 3128: 28128 } }                 # squid/4.10, model says 5.7
  - { host: 127.0.0.96, asset: sw-coeur-siege, map: { 22: 28022 } }              # SSH admin from the LAN
  - { host: 127.0.0.97, ports: [28300] }                                         # no asset
`;

const dir = mkdtempSync(join(tmpdir(), 'vigie-drift-demo-'));
const servers: (HttpServer | TcpServer)[] = [];

/** Every connection the test servers accepted: destroyed at the end, so closing never waits. */
const accepted = new Set<Socket>();

function listen(server: HttpServer | TcpServer, port: number, host: string): Promise<void> {
  servers.push(server);
  server.on('connection', (socket: Socket) => {
    accepted.add(socket);
    socket.on('close', () => accepted.delete(socket));
  });
  return new Promise((resolve) => {
    server.listen(port, host, resolve);
  });
}

const page = (server: string | null) =>
  createHttp((_req, res) => {
    res.writeHead(200, server === null ? {} : { server });
    res.end('<html><body>ok</body></html>');
  });

let results: AuditResults;

beforeAll(async () => {
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '30',
      '-subj',
      '/CN=rp-siege',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  const tls13 = createHttps(
    {
      key: readFileSync(join(dir, 'key.pem')),
      cert: readFileSync(join(dir, 'cert.pem')),
      minVersion: 'TLSv1.3',
    },
    (_req, res) => {
      res.end('ok');
    },
  );
  tls13.on('tlsClientError', () => undefined);
  // a probe may reset its connection: a socket error is not the test's concern
  const silent = createTcp((socket) => {
    socket.on('error', () => undefined);
    socket.setTimeout(2000, () => socket.destroy());
  });
  const ssh = createTcp((socket) => {
    socket.on('error', () => undefined);
    socket.end('SSH-2.0-OpenSSH_9.6\r\n');
  });
  await Promise.all([
    listen(tls13, 28443, '127.0.0.92'),
    listen(silent, 28200, '127.0.0.92'),
    listen(page('Apache/2.4.62 (Debian)'), 28080, '127.0.0.93'),
    listen(page(null), 28444, '127.0.0.94'),
    listen(page('squid/4.10'), 28128, '127.0.0.95'),
    listen(ssh, 28022, '127.0.0.96'),
    listen(page(null), 28300, '127.0.0.97'),
  ]);
  const { graph } = exampleModel('forges-de-l-est');
  const parsed = parseScope(SCOPE, 'scope.yaml');
  expect(parsed.diagnostics).toEqual([]);
  if (parsed.scope === null) throw new Error('scope not parsed');
  const scope = await resolveScope(parsed.scope, { graph });
  expect(scope.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  results = await runCampaign({ scope, graph, today: '2026-12-08', net: nodeNet() });
}, 60_000);

afterAll(async () => {
  for (const socket of accepted) socket.destroy();
  await Promise.all(
    servers.map(
      (s) =>
        new Promise<void>((resolve) => {
          s.close(() => {
            resolve();
          });
        }),
    ),
  );
  rmSync(dir, { recursive: true, force: true });
}, 30_000);

describe('drift on the demo', () => {
  it('scans only the mapped addresses, never the demo’s own', () => {
    expect(results.hosts.map((h) => h.address)).toEqual([
      '127.0.0.92',
      '127.0.0.93',
      '127.0.0.94',
      '127.0.0.95',
      '127.0.0.96',
      '127.0.0.97',
    ]);
    expect(results.refused).toEqual([]);
  });

  it('reports every planted difference against the right entities, and nothing else', () => {
    const drift = results.findings
      .filter((f) => f.domain === 'drift')
      .map((f) => `${f.check}@${f.subject} [${f.entities.join(',')}]`)
      .sort();
    expect(drift).toEqual([
      'drift-admin-interface-exposed@127.0.0.96:28022 [lan-siege,sw-coeur-siege]',
      'drift-cleartext-on-encrypted@127.0.0.94:28444 [flux-postes-erp,flux-usine-erp,flux-vpn-erp,srv-erp]',
      'drift-support-ended@127.0.0.95:28128 [proxy-web]',
      'drift-undeclared-host@127.0.0.97 []',
      'drift-undeclared-port@127.0.0.92:28200 [rp-siege]',
      'drift-version-older@127.0.0.95:28128 [proxy-web]',
    ]);
  });

  it('offers the model updates that would make the model match', () => {
    const byCheck = (check: string) => results.findings.find((f) => f.check === check);
    expect(byCheck('drift-undeclared-host')?.proposal).toMatchObject({
      kind: 'create-entity',
      fields: {
        kind: 'other',
        addresses: ['127.0.0.97'],
        services: [expect.objectContaining({ port: 28300 })],
      },
    });
    const port = byCheck('drift-undeclared-port')?.proposal;
    expect(port).toMatchObject({ kind: 'update-entity', id: 'rp-siege' });
    expect((port?.fields.services as { port: number }[]).map((s) => s.port)).toEqual([443, 28200]);
    expect(byCheck('drift-version-older')?.proposal).toMatchObject({
      id: 'proxy-web',
      fields: { software: [{ name: 'Squid', version: '4.10' }] },
    });
  });
});
