import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelFrom } from '../../../test/support/model.js';
import { nodeNet } from '../net/node-net.js';
import type { ScopeGuard } from '../net/types.js';
import {
  DEFAULT_MODULES,
  type CampaignModules,
  type EndpointModule,
  type ScanFn,
} from './modules.js';
import { runCampaign, type CampaignProgress, type CampaignScope } from './run.js';

/**
 * The campaign's orchestration over real loopback sockets (127.0.0.90, ports 28000–28099): the
 * scan is a plain connect loop written here (the engine's scanner has its own tests), the HTTP
 * probe and checks are the engine's.
 */
const ADDRESS = '127.0.0.90';
const HTTP_PORT = 28080;
const CLOSED_PORT = 28081;
const EXCLUDED_PORT = 28082;

let server: HttpServer;
beforeAll(async () => {
  server = createHttpServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', server: 'Apache/2.4.62 (Debian)' });
    res.end('<html><body>hello</body></html>');
  });
  await new Promise<void>((resolve) => server.listen(HTTP_PORT, ADDRESS, resolve));
});
afterAll(async () => {
  await new Promise<void>((resolve) => {
    server.close(() => {
      resolve();
    });
  });
});

const scan: ScanFn = async (net, targets, options) =>
  Promise.all(
    targets.map(async (t) => {
      const open: number[] = [];
      for (const port of t.ports) {
        const outcome = await net.connect(
          { address: t.address, port },
          { timeoutMs: options.timeoutMs },
        );
        if (outcome.ok) {
          open.push(port);
          outcome.conn.close();
        }
      }
      return { address: t.address, open, tried: t.ports.length, reachable: true };
    }),
  );

const guard: ScopeGuard = {
  check: (endpoint) =>
    endpoint.address === ADDRESS && endpoint.port !== EXCLUDED_PORT
      ? { allowed: true }
      : {
          allowed: false,
          reason: `${endpoint.address}:${endpoint.port} is excluded by line 3 of scope.yaml`,
        },
};

const scope: CampaignScope = {
  targets: [
    {
      address: ADDRESS,
      hostnames: [],
      entities: ['web'],
      ports: [HTTP_PORT, CLOSED_PORT, EXCLUDED_PORT],
      portMap: { 80: HTTP_PORT },
    },
  ],
  guard,
  limits: { concurrency: 8, ratePerSecond: 1000, timeoutMs: 1000, maxBytes: 65536 },
  vantage: null,
  dns: { resolver: null, domains: [], dkimSelectors: [] },
};

const { graph } = modelFrom(`
organisation: { name: Test }
assets:
  - id: web
    kind: server
    services:
      - { port: 80, transport: tcp, protocol: http, product: Apache httpd, version: '2.4' }
      - { port: 443, transport: tcp, protocol: https }
`);

describe('runCampaign', () => {
  it('scans, probes, judges and compares with the model, naming the mapped entity', async () => {
    const progress: CampaignProgress[] = [];
    const results = await runCampaign({
      scope,
      graph,
      today: '2026-12-08',
      net: nodeNet(),
      modules: { ...DEFAULT_MODULES, scan },
      onProgress: (p) => {
        progress.push(p);
      },
    });
    expect(results.hosts).toEqual([
      expect.objectContaining({
        address: ADDRESS,
        entities: ['web'],
        open: [
          {
            port: HTTP_PORT,
            transport: 'tcp',
            // what the HTTP probe learnt, with no identification module in this test
            service: expect.objectContaining({
              protocol: 'http',
              product: 'Apache',
              version: '2.4.62',
            }) as unknown,
          },
        ],
      }),
    ]);
    // the excluded port never left: refused with the guard's reason
    expect(results.refused).toEqual([
      {
        address: ADDRESS,
        port: EXCLUDED_PORT,
        reason: `${ADDRESS}:${EXCLUDED_PORT} is excluded by line 3 of scope.yaml`,
      },
    ]);
    expect(results.observations.http).toHaveLength(1);
    const http = results.findings.filter((f) => f.domain === 'http');
    expect(http.length).toBeGreaterThan(0);
    for (const f of http) expect(f.entities).toEqual(['web']);
    // drift: 443 declared, never answering (it was not even in the scan set, so not judged),
    // nothing else differs on port 80
    expect(results.findings.filter((f) => f.domain === 'drift').map((f) => f.id)).toEqual([]);
    expect(progress.map((p) => p.phase)).toEqual(
      expect.arrayContaining(['scan', 'probe', 'judge', 'done']),
    );
    expect(results.errors).toEqual([]);
  });

  it('records a failing probe and carries on', async () => {
    const broken: EndpointModule = {
      domain: 'ssh',
      applies: () => true,
      probe: () => Promise.reject(new Error('handshake exploded')),
      judge: () => [],
    };
    const modules: CampaignModules = { scan, endpoints: [broken, ...DEFAULT_MODULES.endpoints] };
    const results = await runCampaign({
      scope,
      graph,
      today: '2026-12-08',
      net: nodeNet(),
      modules,
    });
    expect(results.errors).toEqual([
      { target: `${ADDRESS}:${HTTP_PORT}`, probe: 'ssh', message: 'handshake exploded' },
    ]);
    expect(results.observations.http).toHaveLength(1);
  });

  it('says so when no port scanner is available, without sending anything', async () => {
    const results = await runCampaign({
      scope,
      today: '2026-12-08',
      net: nodeNet(),
      modules: { endpoints: [] },
    });
    expect(results.errors).toEqual([
      { target: '*', probe: 'ports', message: 'port scan not available' },
    ]);
    expect(results.stats.connections).toBe(0);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const results = await runCampaign({
      scope,
      today: '2026-12-08',
      net: nodeNet(),
      modules: { ...DEFAULT_MODULES, scan },
      signal: controller.signal,
    });
    expect(results.observations.http).toEqual([]);
    expect(results.errors).toContainEqual({
      target: '*',
      probe: 'campaign',
      message: 'stopped before the end',
    });
  });
});
