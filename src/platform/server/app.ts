/**
 * The HTTP API: `buildApp` returns a Fastify instance (not listening) serving the route table
 * under /api/. Access control, CSRF and zod validation happen here, once, for every route:
 * 401 without a valid session, 404 for a workspace the caller is not a member of (existence
 * does not leak), 403 for a role without the right, 403 `csrf` for a state-changing request
 * without the session's CSRF token. The logger is off: nothing (cookies, passwords) is logged.
 */
import Fastify from 'fastify';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RateLimiter } from '../auth/throttle.js';
import { millisOf } from '../clock.js';
import { hashToken, isWellFormedToken, safeEqual } from '../auth/tokens.js';
import { DEFAULT_LIMITS, type PlatformLimits } from '../limits.js';
import { platformMailer } from '../mail/index.js';
import type { Mailer } from '../mail/index.js';
import { HSTS_HEADER, isHttpsUrl, type TlsFiles } from '../https.js';
import { isStorageFull } from '../store/index.js';
import type { Role, Store } from '../store/index.js';
import { AccessCache } from './access-cache.js';
import { closeAnalysisService } from './analysis-routes.js';
import { SESSION_COOKIE, readCookie } from './cookies.js';
import {
  ApiError,
  badRequest,
  csrfError,
  forbidden,
  internalError,
  notFound,
  passwordChangeRequired,
  payloadTooLarge,
  storageFull,
  unauthorized,
  unsupportedMediaType,
  validationError,
} from './errors.js';
import { openApiDocument } from './openapi.js';
import { allows, defineRoute, isWorkspaceAccess, json } from './route.js';
import type { Route, ServerContext, SessionInfo } from './route.js';
import { API_ROUTES } from './routes.js';
import { registerSecurityHeaders, registerStatic } from './static.js';
import { fastifyTrustProxy } from './trust-proxy.js';
import type { TrustProxy } from './trust-proxy.js';

export const BODY_LIMIT_BYTES = 1024 * 1024;

export interface AppOptions {
  /** The store; its clock is the server's (lockout, session expiry, dates). */
  store: Store;
  /** Adds `Secure` to the session cookie (default: when `publicUrl` is https or `tls` is set). */
  secureCookies?: boolean;
  /**
   * The address users open (`https://vigie.example.org`, VIGIE_PUBLIC_URL), for the links the
   * server builds (the OpenAPI `servers` entry). An https address turns on `Secure` cookies
   * and HSTS.
   */
  publicUrl?: string;
  /** Sends Strict-Transport-Security (default: when `publicUrl` is https or `tls` is set). */
  hsts?: boolean;
  /** Certificate and key to serve HTTPS directly (`--tls-cert`/`--tls-key`). */
  tls?: TlsFiles;
  /** Login attempts allowed per IP per minute (default 20). */
  loginAttemptsPerMinute?: number;
  /** Directory of the built web UI (index.html and assets), served outside /api/. */
  webDir?: string;
  /**
   * How long this instance may reuse a session's user and a member's role without asking the
   * store (default 0: always ask). `vigie serve` uses one second; see AccessCache.
   */
  accessCacheMs?: number;
  /**
   * Reverse proxies whose X-Forwarded-For is believed (VIGIE_TRUST_PROXY; default: none), so
   * login throttles and rate limits see the client's address.
   */
  trustProxy?: TrustProxy;
  /**
   * Model size, upload size and document quotas (default DEFAULT_LIMITS; `vigie serve` reads
   * them from VIGIE_* variables with limitsFromEnv).
   */
  limits?: PlatformLimits;
  /** Sends the platform's e-mail instead of the SMTP server of the stored settings (tests). */
  mailer?: Mailer;
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const openApiRoute = defineRoute(
  json<Record<string, unknown>>('OpenApiDocument', { type: 'object' }),
)({
  method: 'GET',
  path: '/api/openapi.json',
  summary: 'This OpenAPI 3.1 description.',
  tag: 'meta',
  access: 'public',
  csrf: false,
  handler: ({ server }) =>
    Promise.resolve({
      ...openApiDocument(ROUTES),
      ...(server.publicUrl === undefined ? {} : { servers: [{ url: server.publicUrl }] }),
    }),
});

/** The full route table, in registration order. */
export const ROUTES: readonly Route[] = [...API_ROUTES, openApiRoute];

function isJson(contentType: string | undefined): boolean {
  return /^application\/json\s*(;|$)/i.test(contentType ?? '');
}

async function loadSession(
  store: Store,
  cache: AccessCache,
  request: FastifyRequest,
): Promise<SessionInfo | null> {
  const token = readCookie(request.headers.cookie, SESSION_COOKIE);
  if (!isWellFormedToken(token)) return null;
  const tokenHash = hashToken(token);
  const cached = cache.session(tokenHash);
  if (cached !== undefined) return cached;
  const session = await store.sessions.findValid(tokenHash);
  if (session === undefined) return null;
  const user = await store.users.findById(session.user_id);
  // a disabled account's sessions are deleted when it is disabled; refuse any left anyway
  if (user === undefined || user.disabledAt !== null) return null;
  const info = { user, tokenHash, csrfToken: session.csrf_token };
  cache.rememberSession(info, Date.parse(session.expires_at));
  return info;
}

function parseWith(schema: Route['params'], value: unknown, where: string): unknown {
  if (schema === undefined) return undefined;
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(where, result.error);
  return result.data;
}

/** Maps Fastify's own errors (JSON parsing, body size, media type) and anything else. */
function toApiError(error: unknown, bodyLimit?: number): ApiError {
  if (error instanceof ApiError) return error;
  // A full disk is the operator's to fix, not a bug: say so (507), never an opaque 500.
  if (isStorageFull(error)) return storageFull();
  const fastifyError = error as Partial<FastifyError>;
  if (fastifyError.statusCode === 413) return payloadTooLarge(bodyLimit);
  if (fastifyError.statusCode === 415) return unsupportedMediaType();
  if (
    typeof fastifyError.statusCode === 'number' &&
    fastifyError.statusCode >= 400 &&
    fastifyError.statusCode < 500
  ) {
    return badRequest(
      fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ? 'invalid_json' : 'bad_request',
    );
  }
  return internalError();
}

async function sendError(reply: FastifyReply, error: ApiError): Promise<void> {
  await reply.code(error.status).headers(error.headers).send(error.toBody());
}

export function buildApp(options: AppOptions): FastifyInstance {
  const { clock } = options.store;
  const access = new AccessCache(options.accessCacheMs ?? 0, clock);
  const limiter = new RateLimiter(options.loginAttemptsPerMinute ?? 20, 60_000);
  const limits = options.limits ?? DEFAULT_LIMITS;
  const https = options.tls !== undefined || isHttpsUrl(options.publicUrl);
  const server: ServerContext = {
    store: options.store,
    clock,
    secureCookies: options.secureCookies ?? https,
    ...(options.publicUrl === undefined ? {} : { publicUrl: options.publicUrl }),
    limits,
    mailer: platformMailer(options.store.settings, {
      ...(options.mailer === undefined ? {} : { override: options.mailer }),
    }),
    allowLoginAttempt: (ip) => limiter.hit(ip, millisOf(clock)),
    recent: (key, compute) => access.recent(key, compute),
  };
  const fastifyOptions = {
    logger: false,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: fastifyTrustProxy(options.trustProxy),
  };
  // Over TLS Fastify builds an https.Server; routes, hooks, inject and listen are the same, so
  // the instance is typed as the plain HTTP one the rest of the code uses.
  const app =
    options.tls === undefined
      ? Fastify(fastifyOptions)
      : (Fastify({
          ...fastifyOptions,
          https: { cert: options.tls.cert, key: options.tls.key },
        }) as unknown as FastifyInstance);
  if (options.hsts ?? https) {
    app.addHook('onSend', (_request, reply, payload, done) => {
      void reply.header('strict-transport-security', HSTS_HEADER);
      done(null, payload);
    });
  }

  app.setErrorHandler(async (error, request, reply) => {
    // The body limit of the route asked for, so a 413 says what the limit is.
    await sendError(reply, toApiError(error, request.routeOptions.bodyLimit));
  });
  app.setNotFoundHandler(async (_request, reply) => {
    await sendError(reply, notFound());
  });
  app.addContentTypeParser(
    'application/zip',
    { parseAs: 'buffer', bodyLimit: limits.maxUploadBytes },
    (_request, body, done) => {
      done(null, body);
    },
  );
  if (options.webDir !== undefined) registerStatic(app, options.webDir);
  else registerSecurityHeaders(app);

  for (const route of ROUTES) {
    app.route({
      method: route.method,
      url: route.path,
      ...(route.bodyLimit === undefined
        ? {}
        : { bodyLimit: route.bodyLimit === 'upload' ? limits.maxUploadBytes : route.bodyLimit }),
      // A whole model is read only for a signed-in caller with the CSRF token: anyone else gets
      // 401/403 before tens of megabytes are buffered and parsed (the handler checks again).
      ...(route.bodyLimit === 'upload'
        ? {
            onRequest: async (request: FastifyRequest) => {
              const session = await loadSession(server.store, access, request);
              if (session === null) throw unauthorized();
              if (!safeEqual(request.headers['x-csrf-token'], session.csrfToken)) {
                throw csrfError();
              }
            },
          }
        : {}),
      handler: async (request, reply) => {
        // Any change made through this instance (logout, roles, passwords…) forgets what it knew.
        if (STATE_CHANGING.has(route.method)) access.clear();
        const session =
          route.access === 'public' ? null : await loadSession(server.store, access, request);
        if (route.access !== 'public' && session === null) throw unauthorized();
        if (session !== null && (route.csrf || STATE_CHANGING.has(route.method))) {
          if (!safeEqual(request.headers['x-csrf-token'], session.csrfToken)) throw csrfError();
        }
        if (session?.user.mustChangePassword === true && route.beforePasswordChange !== true) {
          throw passwordChangeRequired();
        }
        if (route.access === 'admin' && session?.user.isAdmin !== true) throw forbidden();
        let role: Role | null = null;
        if (isWorkspaceAccess(route.access) && session !== null) {
          const raw = request.params as Record<string, unknown>;
          const workspaceId = raw.workspaceId;
          if (typeof workspaceId !== 'string') throw notFound();
          const known = access.role(workspaceId, session.user.id);
          if (known !== undefined) {
            role = known;
          } else {
            role = (await server.store.workspaces.roleOf(workspaceId, session.user.id)) ?? null;
            access.rememberRole(workspaceId, session.user.id, role);
          }
          if (role === null) throw notFound();
          if (!allows(route.access, role)) throw forbidden();
        }
        const params = parseWith(route.params, request.params, 'params');
        const query = parseWith(route.query, request.query, 'query');
        let body: unknown;
        if (route.rawBody !== undefined) {
          const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
          if (type !== route.rawBody || !Buffer.isBuffer(request.body)) {
            throw unsupportedMediaType();
          }
          body = request.body;
        } else {
          // JSON only: a cross-site HTML form cannot send `application/json` without CORS.
          if (route.body !== undefined && !isJson(request.headers['content-type'])) {
            throw unsupportedMediaType();
          }
          body = parseWith(route.body, request.body, 'body');
        }
        const result = await route.handler({
          params,
          query,
          body,
          session,
          role,
          request,
          reply,
          server,
        });
        // …and again once the change is stored (a read meanwhile may have cached the old state).
        if (STATE_CHANGING.has(route.method)) access.clear();
        void reply.code(route.status ?? 200);
        return result;
      },
    });
  }
  // the analysis thread of this store stops with the server
  app.addHook('onClose', async () => {
    await closeAnalysisService(options.store);
  });
  return app;
}
