/**
 * A campaign over real loopback services (127.0.0.90–91, ports 28600–28699) with the engine's
 * own scanner and probes: open ports found, services judged, exclusions respected, anything
 * out of scope refused before a packet, a target that never answers costing about one timeout.
 */
import { createServer as createHttp, type Server as HttpServer } from 'node:http';
import { createServer as createTcp, type Server as TcpServer, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCampaign } from '../../src/audit/campaign/run.js';
import { nodeNet } from '../../src/audit/net/node-net.js';
import { scopedNet } from '../../src/audit/net/scoped.js';
import { parseScope, resolveScope } from '../../src/audit/scope/index.js';
import type { AuditResults } from '../../src/audit/types.js';
import { modelFrom } from '../support/model.js';

const servers: (HttpServer | TcpServer)[] = [];
const sockets: Socket[] = [];
let excludedHits = 0;

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

const MODEL = modelFrom(`
organisation: { name: Lab }
assets:
  - id: web
    kind: server
    addresses: [10.0.0.1]
    services:
      - { port: 80, transport: tcp, protocol: http }
      - { port: 8080, transport: tcp, protocol: http }
`);

const SCOPE = `
name: Campaign
model: mapped
ports: declared
limits: { timeout: 400ms }
targets:
  - { host: 127.0.0.90, asset: web, map: { 80: 28600, 8080: 28601 }, ports: [28602, 28603] }
exclude: [{ host: 127.0.0.90, port: 28603 }]
`;

let results: AuditResults;

beforeAll(async () => {
  const web = createHttp((_req, res) => {
    res.writeHead(200, { server: 'Apache/2.4.62' });
    res.end('<html>ok</html>');
  });
  // hostile: accepts, then never says a word
  const mute = createTcp((socket) => {
    socket.on('error', () => undefined);
    sockets.push(socket);
  });
  const extra = createTcp((socket) => {
    socket.on('error', () => undefined);
    socket.end('+OK ready\r\n');
  });
  const excluded = createTcp((socket) => {
    excludedHits += 1;
    socket.destroy();
  });
  await Promise.all([
    listen(web, 28600, '127.0.0.90'),
    listen(mute, 28601, '127.0.0.90'),
    listen(extra, 28602, '127.0.0.90'),
    listen(excluded, 28603, '127.0.0.90'),
  ]);
  const parsed = parseScope(SCOPE, 'scope.yaml');
  if (parsed.scope === null) throw new Error('scope not parsed');
  const scope = await resolveScope(parsed.scope, { graph: MODEL.graph });
  expect(scope.diagnostics).toEqual([]);
  results = await runCampaign({ scope, graph: MODEL.graph, today: '2026-12-08', net: nodeNet() });
}, 60_000);

afterAll(async () => {
  for (const socket of accepted) socket.destroy();
  for (const socket of sockets) socket.destroy();
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
}, 30_000);

describe('runCampaign on loopback', () => {
  it('finds the open ports and leaves the excluded one alone', () => {
    expect(results.hosts.map((h) => [h.address, h.open.map((o) => o.port)])).toEqual([
      ['127.0.0.90', [28600, 28601, 28602]],
    ]);
    expect(excludedHits).toBe(0);
  });

  it('identifies and judges the web service, naming the mapped asset', () => {
    const port = results.hosts[0]?.open.find((o) => o.port === 28600);
    expect(port?.service).toMatchObject({ protocol: 'http', tls: false });
    const http = results.findings.filter((f) => f.domain === 'http');
    expect(http.length).toBeGreaterThan(0);
    expect(http.every((f) => f.subject === '127.0.0.90:28600' && f.entities.includes('web'))).toBe(
      true,
    );
    expect(results.findings.map((f) => f.id)).toContain('drift-undeclared-port@127.0.0.90:28602');
  });

  it('costs about one timeout for a target that never answers', () => {
    // the mute port is probed as HTTP (declared): bounded by its timeouts, not hanging
    expect(results.stats.durationMs).toBeLessThan(8_000);
  });

  it('refuses what is out of scope before any packet, with the reason', async () => {
    const parsed = parseScope(SCOPE, 'scope.yaml');
    if (parsed.scope === null) throw new Error('scope not parsed');
    const scope = await resolveScope(parsed.scope, { graph: MODEL.graph });
    const log = { refused: [] as { address: string; port: number; reason: string }[] };
    const net = scopedNet(nodeNet(), scope.guard, log);
    const excluded = await net.connect({ address: '127.0.0.90', port: 28603 }, { timeoutMs: 400 });
    const outside = await net.connect({ address: '127.0.0.91', port: 28600 }, { timeoutMs: 400 });
    expect(excluded.ok).toBe(false);
    expect(outside.ok).toBe(false);
    expect(log.refused.map((r) => `${r.address}:${r.port}`)).toEqual([
      '127.0.0.90:28603',
      '127.0.0.91:28600',
    ]);
    expect(log.refused[0]?.reason).toMatch(/scope\.yaml/);
    expect(excludedHits).toBe(0);
  });
});
