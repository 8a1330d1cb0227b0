import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../store/test-support.js';
import { buildApp } from './app.js';
import { IMMUTABLE, REVALIDATE, SECURITY_HEADERS, contentTypeOf } from './static.js';

const INDEX =
  '<!doctype html><html><head><script type="module" src="/assets/app-Ab12.js"></script></head><body><div id="root"></div></body></html>';
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(4000))});\n`;

let root: string;
let webDir: string;
let emptyDir: string;
let testStore: TestStore;
let app: FastifyInstance;
let bare: FastifyInstance;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'vigie-static-'));
  webDir = join(root, 'web');
  emptyDir = join(root, 'empty');
  mkdirSync(join(webDir, 'assets'), { recursive: true });
  mkdirSync(join(webDir, '.git'), { recursive: true });
  mkdirSync(emptyDir);
  writeFileSync(join(root, 'secret.txt'), 'TOP-SECRET');
  writeFileSync(join(webDir, 'index.html'), INDEX);
  writeFileSync(join(webDir, 'assets', 'app-Ab12.js'), SCRIPT);
  writeFileSync(join(webDir, 'assets', 'index-Cd34.css'), 'body{margin:0}');
  writeFileSync(
    join(webDir, 'assets', 'logo-Ef56.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg"/>',
  );
  writeFileSync(join(webDir, 'assets', 'font-Gh78.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  writeFileSync(join(webDir, 'favicon.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(join(webDir, 'manifest.json'), '{"name":"Vigie"}');
  writeFileSync(join(webDir, 'robots.txt'), 'User-agent: *\n');
  writeFileSync(join(webDir, '.env'), 'TOP-SECRET');
  writeFileSync(join(webDir, '.git', 'config'), 'TOP-SECRET');
  symlinkSync(join(root, 'secret.txt'), join(webDir, 'link.txt'));
  testStore = await openTestStore('sqlite');
  app = buildApp({ store: testStore.store, webDir });
  bare = buildApp({ store: testStore.store, webDir: emptyDir });
  await app.ready();
  await bare.ready();
  // Files are read once, at registration: later changes are not served.
  writeFileSync(join(webDir, 'robots.txt'), 'changed');
  writeFileSync(join(webDir, 'assets', 'late-Zz99.js'), 'late');
});

afterAll(async () => {
  await app.close();
  await bare.close();
  await testStore.dispose();
  rmSync(root, { recursive: true, force: true });
});

function expectSecurityHeaders(headers: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(headers[name]).toBe(value);
}

describe('registerStatic: the built web UI', () => {
  it('serves index.html at / with no-cache and the security headers', async () => {
    const response = await app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(INDEX);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['cache-control']).toBe(REVALIDATE);
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expectSecurityHeaders(response.headers);
  });

  it.each([
    ['/assets/app-Ab12.js', 'text/javascript; charset=utf-8', IMMUTABLE],
    ['/assets/index-Cd34.css', 'text/css; charset=utf-8', IMMUTABLE],
    ['/assets/logo-Ef56.svg', 'image/svg+xml', IMMUTABLE],
    ['/assets/font-Gh78.woff2', 'font/woff2', IMMUTABLE],
    ['/favicon.png', 'image/png', REVALIDATE],
    ['/manifest.json', 'application/json; charset=utf-8', REVALIDATE],
    ['/robots.txt', 'text/plain; charset=utf-8', REVALIDATE],
    ['/index.html', 'text/html; charset=utf-8', REVALIDATE],
  ])('serves %s as %s with cache-control %s', async (url, type, cache) => {
    const response = await app.inject({ method: 'GET', url });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(type);
    expect(response.headers['cache-control']).toBe(cache);
    expectSecurityHeaders(response.headers);
  });

  it('maps extensions to content types', () => {
    expect(contentTypeOf('a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('a.unknown')).toBe('application/octet-stream');
  });

  it('reads the files once, at registration', async () => {
    expect((await app.inject({ method: 'GET', url: '/robots.txt' })).body).toBe('User-agent: *\n');
    expect((await app.inject({ method: 'GET', url: '/assets/late-Zz99.js' })).statusCode).toBe(404);
  });

  it('answers HEAD without a body, and 304 for a matching ETag', async () => {
    const head = await app.inject({ method: 'HEAD', url: '/assets/app-Ab12.js' });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const etag = head.headers.etag;
    expect(typeof etag).toBe('string');
    const again = await app.inject({
      method: 'GET',
      url: '/assets/app-Ab12.js',
      headers: { 'if-none-match': String(etag) },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('gzips text files for clients that accept it', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/assets/app-Ab12.js',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(response.headers['content-encoding']).toBe('gzip');
    expect(response.headers.vary).toBe('accept-encoding');
    expect(gunzipSync(response.rawPayload).toString('utf8')).toBe(SCRIPT);
    const plain = await app.inject({ method: 'GET', url: '/assets/app-Ab12.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
  });

  it('falls back to index.html for client-side routes', async () => {
    for (const url of ['/w/3f1c/findings', '/login', '/w/x/explore/asset/a?tab=1', '/a.b/c']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toBe(INDEX);
      expect(response.headers['cache-control']).toBe(REVALIDATE);
    }
  });

  it('never serves anything outside the directory, nor dotfiles, nor symbolic links', async () => {
    for (const url of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/link.txt',
      '/.env',
      '/.git/config',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/%00',
      '/%E0%A4%A',
    ]) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.body, url).not.toContain('TOP-SECRET');
      expect(response.statusCode, url).toBeLessThan(500);
    }
    expect((await app.inject({ method: 'GET', url: '/.env' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/.git/config' })).statusCode).toBe(404);
  });

  it('gives a 404 for a missing hashed asset, never index.html', async () => {
    const response = await app.inject({ method: 'GET', url: '/assets/gone-Xy00.js' });
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('<html');
  });

  it('keeps the JSON 404 under /api/ and puts the security headers on API responses', async () => {
    for (const url of ['/api/nope', '/api/workspaces/x/unknown', '/api']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json(), url).toMatchObject({ code: 'not_found' });
      expectSecurityHeaders(response.headers);
      expect(response.headers['cache-control']).toBe('no-store');
    }
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expectSecurityHeaders(health.headers);
    expect(health.headers['cache-control']).toBe('no-store');
    const post = await app.inject({ method: 'POST', url: '/somewhere', payload: {} });
    expect(post.statusCode).toBe(404);
    expect(post.json()).toMatchObject({ code: 'not_found' });
    expectSecurityHeaders(post.headers);
  });
});

describe('registerStatic without a built UI', () => {
  it('tells browsers, in English and French, to run npm run build', async () => {
    const response = await bare.inject({
      method: 'GET',
      url: '/',
      headers: { accept: 'text/html,application/xhtml+xml' },
    });
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain('npm run build');
    expect(response.body).toContain('lancez « npm run build »');
    expectSecurityHeaders(response.headers);
  });

  it('answers JSON to other clients, and the API still works', async () => {
    const response = await bare.inject({ method: 'GET', url: '/w/1/findings' });
    expect(response.statusCode).toBe(503);
    const body = response.json<{ code: string; message: { en: string; fr: string } }>();
    expect(body.code).toBe('web_not_built');
    expect(body.message.en).toContain('npm run build');
    expect(body.message.fr).toContain('npm run build');
    expect((await bare.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('does the same for a directory that does not exist', async () => {
    const missing = buildApp({ store: testStore.store, webDir: join(root, 'nowhere') });
    try {
      const response = await missing.inject({ method: 'GET', url: '/' });
      expect(response.statusCode).toBe(503);
    } finally {
      await missing.close();
    }
  });
});
