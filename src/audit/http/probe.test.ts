import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeNet } from '../net/node-net.js';
import { scopedNet, type RefusalLog } from '../net/scoped.js';
import { probeHttp } from './probe.js';

const ADDRESS = '127.0.0.70';
const net = nodeNet();
const sockets = new Set<Socket>();
let weak: HttpServer;
let soft: HttpServer;
let hostile: Server;
let picky: HttpServer;

const LISTING =
  '<html><head><title>Index of /uploads/</title></head><body><h1>Index of /uploads/</h1><hr><pre><a href="../">../</a>\n</pre></body></html>';

async function listen(server: Server | HttpServer): Promise<number> {
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, ADDRESS, resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

const ports = { weak: 0, soft: 0, hostile: 0, picky: 0 };

beforeAll(async () => {
  weak = createHttpServer((request, response) => {
    if (request.method === 'TRACE') {
      response.setHeader('Content-Type', 'message/http');
      response.end(
        `TRACE / HTTP/1.1\r\nX-Vigie-Trace: ${String(request.headers['x-vigie-trace'])}\r\n`,
      );
      return;
    }
    response.setHeader('X-Powered-By', 'Express 4.18.2');
    if (request.url === '/') {
      response.setHeader('Set-Cookie', ['sid=secret123; Path=/', 'pref=1; HttpOnly; SameSite=Lax']);
      // chunked: no Content-Length, written in two parts
      response.write('<html><body>');
      response.end('hello</body></html>');
    } else if (request.url === '/.git/HEAD') response.end('ref: refs/heads/main\n');
    else if (request.url === '/uploads/') response.end(LISTING);
    else {
      response.statusCode = 404;
      response.end('not found');
    }
  });
  // answers 200 with an admin-looking page and a git-like body to everything
  soft = createHttpServer((_request, response) => {
    response.end('<html><head><title>Admin login</title></head>ref: refs/heads/main\n</html>');
  });
  hostile = createServer((socket) => {
    socket.once('data', () => {
      socket.write('HTTP/1.1 200 OK\r\n');
      const timer = setInterval(
        () => socket.write(`X-Endless-${String(Date.now())}: ${'a'.repeat(100)}\r\n`),
        5,
      );
      socket.on('close', () => {
        clearInterval(timer);
      });
    });
  });
  // answers / at once, then never answers anything else
  picky = createHttpServer((request, response) => {
    if (request.url === '/') response.end('<html>home</html>');
  });
  ports.picky = await listen(picky);
  ports.weak = await listen(weak);
  ports.soft = await listen(soft);
  ports.hostile = await listen(hostile);
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await Promise.all(
    [weak, soft, hostile, picky].map((server) => new Promise((resolve) => server.close(resolve))),
  );
});

describe('probeHttp', () => {
  it('observes headers, cookies, a chunked body, exposed paths, listings and TRACE', async () => {
    const observation = await probeHttp(
      net,
      { address: ADDRESS, port: ports.weak, tls: false, host: null },
      { timeoutMs: 2000 },
    );
    expect(observation.error).toBeNull();
    expect(observation.subject).toBe(`${ADDRESS}:${String(ports.weak)}`);
    expect(observation.page?.status).toBe(200);
    expect(observation.page?.bodySample).toBe('<html><body>hello</body></html>');
    expect(observation.page?.truncated).toBe(false);
    expect(observation.cookies.map((c) => [c.name, c.secure, c.httpOnly, c.sameSite])).toEqual([
      ['sid', false, false, null],
      ['pref', false, true, 'Lax'],
    ]);
    expect(observation.cookies[0]?.raw).not.toContain('secret123');
    expect(observation.redirect).toMatchObject({ answered: true, status: 200, toHttps: false });
    expect(observation.hsts).toBeNull();
    const matched = observation.paths.filter((path) => path.matched).map((path) => path.path);
    expect(matched).toEqual(['/.git/HEAD', '/uploads/']);
    expect(observation.trace).toEqual({ status: 200, echoed: true });
    expect(observation.requests).toBeLessThanOrEqual(30);
  });

  it('reports nothing on a server that answers 200 to every path (soft 404)', async () => {
    const observation = await probeHttp(
      net,
      { address: ADDRESS, port: ports.soft, tls: false, host: 'soft.test' },
      { timeoutMs: 2000 },
    );
    expect(observation.notFound?.status).toBe(200);
    expect(observation.paths.length).toBeGreaterThan(20);
    expect(observation.paths.filter((path) => path.matched)).toEqual([]);
  });

  it('costs one timeout and a bounded read on a server sending endless headers', async () => {
    const started = Date.now();
    const observation = await probeHttp(
      net,
      { address: ADDRESS, port: ports.hostile, tls: false, host: null },
      { timeoutMs: 1500 },
    );
    const elapsed = Date.now() - started;
    expect(observation.reachable).toBe(true);
    expect(observation.error).toMatch(/headers longer than|no complete headers/);
    expect(observation.requests).toBe(1);
    expect(observation.paths).toEqual([]);
    expect(elapsed).toBeLessThan(2500);
  });

  it('stops the extra requests after one more timeout when only / answers', async () => {
    const started = Date.now();
    const observation = await probeHttp(
      net,
      { address: ADDRESS, port: ports.picky, tls: false, host: null },
      { timeoutMs: 400 },
    );
    expect(Date.now() - started).toBeLessThan(1200);
    expect(observation.page?.bodySample).toBe('<html>home</html>');
    expect(observation.error).toMatch(/^not-found baseline: /);
    expect(observation.paths).toEqual([]);
    expect(observation.requests).toBe(2);
  });

  it('sends nothing to an out-of-scope endpoint, and says why', async () => {
    const log: RefusalLog = { refused: [] };
    const guard = {
      check: () => ({
        allowed: false as const,
        reason: '127.0.0.70 is excluded by line 3 of scope.yaml',
      }),
    };
    const observation = await probeHttp(
      scopedNet(net, guard, log),
      { address: ADDRESS, port: ports.weak, tls: false, host: null },
      { timeoutMs: 1000 },
    );
    expect(observation.reachable).toBe(false);
    expect(observation.error).toBe('out-of-scope: 127.0.0.70 is excluded by line 3 of scope.yaml');
    expect(log.refused).toHaveLength(1);
  });

  it('says unreachable when nothing listens', async () => {
    const observation = await probeHttp(
      net,
      { address: ADDRESS, port: 1, tls: false, host: null },
      { timeoutMs: 1000 },
    );
    expect(observation.reachable).toBe(false);
    expect(observation.error).toMatch(/^refused/);
    expect(observation.root).toBeNull();
  });
});
