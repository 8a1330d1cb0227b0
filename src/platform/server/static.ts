/**
 * The built web UI (Vite's dist/web: index.html and hashed assets/*) served outside /api/, plus
 * the security headers every response carries.
 *
 * Files are read once, when the app is built, into memory: nothing outside the directory can be
 * served (only the files found by walking it are reachable: no path traversal, no symbolic
 * links followed, no dotfiles). Hashed files under /assets/ are cached for a year, everything
 * else is revalidated (`no-cache` + ETag). Any other GET path that is not a file and not under
 * /api/ answers index.html (the client-side router takes it from there); /api/* unknown stays the
 * JSON 404, and a missing /assets/* file is a 404 (never HTML in place of a script).
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from './errors.js';

/** Headers on every response, API included (a route may set its own value first). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy':
    'camera=(), microphone=(), geolocation=(), payment=(), usb=(), display-capture=()',
};

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/** The content type of a file name, by extension (`application/octet-stream` when unknown). */
export function contentTypeOf(name: string): string {
  return CONTENT_TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream';
}

const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json)|image\/svg\+xml)/;

interface StaticFile {
  readonly body: Buffer;
  /** Gzip'd body, when smaller and the type compresses. */
  readonly gzip?: Buffer;
  readonly type: string;
  readonly cacheControl: string;
  readonly etag: string;
}

function toStaticFile(urlPath: string, body: Buffer): StaticFile {
  const type = contentTypeOf(urlPath);
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  const cacheControl = urlPath.startsWith('/assets/') ? IMMUTABLE : REVALIDATE;
  if (body.length >= 1024 && COMPRESSIBLE.test(type)) {
    const gzip = gzipSync(body, { level: 9 });
    if (gzip.length < body.length) return { body, gzip, type, cacheControl, etag };
  }
  return { body, type, cacheControl, etag };
}

/**
 * Every regular file under `dir`, keyed by URL path (`/index.html`, `/assets/x.js`). Dotfiles and
 * dot-directories are skipped, symbolic links are not followed. A missing directory gives none.
 */
export function loadStaticFiles(dir: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  const walk = (folder: string, prefix: string): void => {
    let names: string[];
    try {
      names = readdirSync(folder).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const path = join(folder, name);
      const info = lstatSync(path);
      if (info.isDirectory()) walk(path, `${prefix}${name}/`);
      else if (info.isFile())
        files.set(`${prefix}${name}`, toStaticFile(prefix + name, readFileSync(path)));
    }
  };
  let isDir: boolean;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    isDir = false;
  }
  if (isDir) walk(dir, '/');
  return files;
}

const NOT_BUILT = {
  code: 'web_not_built',
  message: {
    en: 'The web interface is not built: run "npm run build" (or "npm start"), then reload. The API is available under /api/.',
    fr: 'L’interface web n’est pas construite : lancez « npm run build » (ou « npm start »), puis rechargez. L’API est disponible sous /api/.',
  },
} as const;

function notBuiltPage(): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><title>Vigie</title>',
    '<meta name="viewport" content="width=device-width, initial-scale=1"></head>',
    '<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto">',
    '<h1>Vigie</h1>',
    `<p>${NOT_BUILT.message.en.replaceAll('"', '&quot;')}</p>`,
    `<p lang="fr">${NOT_BUILT.message.fr}</p>`,
    '</body></html>',
  ].join('\n');
}

/** The URL path of a request, percent-decoded; undefined when it cannot be decoded. */
function pathOf(request: FastifyRequest): string | undefined {
  const raw = request.url.split('?', 1)[0] ?? '/';
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

function acceptsGzip(request: FastifyRequest): boolean {
  const header = request.headers['accept-encoding'];
  return typeof header === 'string' && /\bgzip\b(?!;\s*q=0(\.0*)?\s*(,|$))/i.test(header);
}

function sendFile(request: FastifyRequest, reply: FastifyReply, file: StaticFile): Buffer | string {
  void reply
    .header('content-type', file.type)
    .header('cache-control', file.cacheControl)
    .header('etag', file.etag);
  if (file.gzip !== undefined) void reply.header('vary', 'accept-encoding');
  if (request.headers['if-none-match'] === file.etag) {
    void reply.code(304);
    return '';
  }
  if (file.gzip !== undefined && acceptsGzip(request)) {
    void reply.header('content-encoding', 'gzip');
    return file.gzip;
  }
  return file.body;
}

const secured = new WeakSet<FastifyInstance>();

/** Adds SECURITY_HEADERS (and `cache-control: no-store` on /api/) to every response; once per app. */
export function registerSecurityHeaders(app: FastifyInstance): void {
  if (secured.has(app)) return;
  secured.add(app);
  app.addHook('onSend', (request, reply, payload, done) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      if (!reply.hasHeader(name)) void reply.header(name, value);
    }
    if (/^\/api(\/|\?|$)/.test(request.url) && !reply.hasHeader('cache-control')) {
      void reply.header('cache-control', 'no-store');
    }
    done(null, payload);
  });
}

/**
 * Serves the web UI built in `dir` for GET/HEAD outside /api/, with the SPA fallback to
 * index.html, and registers the security headers. When `dir` holds no index.html, pages answer
 * 503 with a bilingual message saying to run `npm run build` (HTML for browsers, JSON otherwise).
 */
export function registerStatic(app: FastifyInstance, dir: string): void {
  registerSecurityHeaders(app);
  const files = loadStaticFiles(dir);
  const index = files.get('/index.html');
  const answer = (request: FastifyRequest, reply: FastifyReply): unknown => {
    const path = pathOf(request);
    if (path === undefined) throw notFound();
    if (path === '/api' || path.startsWith('/api/')) throw notFound();
    const file = files.get(path);
    if (file !== undefined) return sendFile(request, reply, file);
    // A missing hashed asset (an old tab after an upgrade) or a dotfile: never index.html.
    if (path.startsWith('/assets/') || path.split('/').some((part) => part.startsWith('.'))) {
      throw notFound();
    }
    if (index !== undefined) return sendFile(request, reply, index);
    const wantsHtml = /\btext\/html\b/.test(request.headers.accept ?? '');
    void reply.code(503).header('cache-control', 'no-store');
    if (wantsHtml) {
      void reply.header('content-type', 'text/html; charset=utf-8');
      return notBuiltPage();
    }
    return NOT_BUILT;
  };
  app.get('/*', (request, reply) => Promise.resolve().then(() => answer(request, reply)));
}
