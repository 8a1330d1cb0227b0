/**
 * The route table's shape. Every API route is a `Route` value: method, path, access rule, CSRF
 * flag and zod schemas are data, so `buildApp` registers them in a loop, the OpenAPI document is
 * generated from them and tests enumerate them.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Clock } from '../clock.js';
import type { PlatformLimits } from '../limits.js';
import type { Role, Store, User } from '../store/index.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call a route: anyone, any signed-in user, a platform administrator, or a member of the
 * `:workspaceId` workspace holding one of the listed roles (non-members get 404, members with
 * another role 403).
 */
export type Access = 'public' | 'user' | 'admin' | { readonly workspaceRoles: readonly Role[] };

export interface SessionInfo {
  readonly user: User;
  readonly tokenHash: string;
  readonly csrfToken: string;
}

export interface ServerContext {
  readonly store: Store;
  /** The store's clock, the platform's only one (see platform/clock.ts). */
  readonly clock: Clock;
  readonly secureCookies: boolean;
  /** The address users open (AppOptions.publicUrl), for links the server builds. */
  readonly publicUrl?: string;
  /** Model size, upload size and document quotas set by the operator (AppOptions.limits). */
  readonly limits: PlatformLimits;
  /** Per-IP login limiter: true when the attempt is allowed. */
  readonly allowLoginAttempt: (ip: string) => boolean;
  /**
   * Reuses a value computed within the access cache's time to live (AppOptions.accessCacheMs)
   * when no state-changing request went through this instance meanwhile; computes it otherwise
   * (always when the cache is off).
   */
  readonly recent: <T>(key: string, compute: () => Promise<T>) => Promise<T>;
}

export interface HandlerInput<P, Q, B> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  /** Present on every route whose access is not 'public'. */
  readonly session: SessionInfo | null;
  /** The caller's role on workspace routes. */
  readonly role: Role | null;
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
  readonly server: ServerContext;
}

export interface Route {
  readonly method: HttpMethod;
  /** Fastify syntax (`/api/workspaces/:workspaceId`). */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  readonly access: Access;
  /** State-changing requests made with a session must carry `x-csrf-token`. */
  readonly csrf: boolean;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** Success status (default 200). */
  readonly status?: number;
  /**
   * Error statuses worth documenting beyond the usual ones (401, 403, 404, 400), with what they
   * mean: listed in the OpenAPI description.
   */
  readonly errors?: Readonly<Record<number, string>>;
  /**
   * Largest accepted request body in bytes (default `BODY_LIMIT_BYTES`, 1 MB); `'upload'` for
   * the routes that carry a whole model (the operator's `PlatformLimits.maxUploadBytes`).
   */
  readonly bodyLimit?: number | 'upload';
  /**
   * A raw body instead of JSON: the request must have this content type and the handler gets
   * the bytes as a `Buffer` in `body` (no zod schema).
   */
  readonly rawBody?: 'application/zip';
  readonly handler: (input: HandlerInput<unknown, unknown, unknown>) => Promise<unknown>;
}

/** Declares a route with its handler typed from its schemas. */
export function defineRoute<
  P extends z.ZodType = z.ZodUndefined,
  Q extends z.ZodType = z.ZodUndefined,
  B extends z.ZodType = z.ZodUndefined,
>(
  route: Omit<Route, 'params' | 'query' | 'body' | 'handler'> & {
    params?: P;
    query?: Q;
    body?: B;
    handler: (input: HandlerInput<z.output<P>, z.output<Q>, z.output<B>>) => Promise<unknown>;
  },
): Route {
  return route as Route;
}

/** True for a workspace-scoped access rule. */
export function isWorkspaceAccess(
  access: Access,
): access is { readonly workspaceRoles: readonly Role[] } {
  return typeof access === 'object';
}
