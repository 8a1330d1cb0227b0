/**
 * The route table's shape. Every API route is a `Route` value: method, path, access rule, CSRF
 * flag and zod schemas are data, so `buildApp` registers them in a loop, the OpenAPI document is
 * generated from them and tests enumerate them.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Clock } from '../clock.js';
import type { Permission } from '../api/permissions.js';
import type { PlatformLimits } from '../limits.js';
import type { PlatformMailer } from '../mail/index.js';
import { can } from '../policies.js';
import type { Role, Store, User } from '../store/index.js';
import type { ErrorCode } from './errors.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Who may call a route: anyone, any signed-in user, a platform administrator, or a member of the
 * `:workspaceId` workspace whose role holds the permission (`platform/policies.ts`; non-members
 * get 404, members without the permission 403).
 */
export type Access = 'public' | 'user' | 'admin' | WorkspaceAccess;

export interface WorkspaceAccess {
  readonly permission: Permission;
}

/** What a JSON route answers: a shape of `api/types.ts`, named for the OpenAPI document. */
export interface JsonSuccess<T> {
  readonly kind: 'json';
  /** The type's name in `api/types.ts` (the OpenAPI schema name). */
  readonly type: string;
  /** A JSON Schema of the answer, where one is written; the type's name otherwise. */
  readonly schema?: Readonly<Record<string, unknown>>;
  /** Never set: carries `T` to the handler's return type. */
  readonly shape?: T;
}

/** A download or a non-JSON answer (the handler returns its bytes or text). */
export interface FileSuccess<T = string | Buffer> {
  readonly kind: 'file';
  readonly contentTypes: readonly string[];
  readonly description: string;
  /** Never set: the handler returns bytes or text. */
  readonly shape?: T;
}

/** What a route answers on success. */
export type Success<T = unknown> = JsonSuccess<T> | FileSuccess<T>;

/**
 * JSON text already serialised (by the analysis thread, or parts of it read as stored) standing
 * for a `T`: returned as it is, with a JSON content type. Its content is the serialiser's to get
 * right (the analysis views are typed there); any string or Buffer is accepted here.
 */
export type JsonText<T> = (string | Buffer) & { readonly jsonOf?: T };

/** A JSON answer of type `T` (named `type` in the OpenAPI document). */
export function json<T>(type: string, schema?: Readonly<Record<string, unknown>>): JsonSuccess<T> {
  return schema === undefined ? { kind: 'json', type } : { kind: 'json', type, schema };
}

/** A download or text answer of one of `contentTypes`. */
export function file(description: string, ...contentTypes: readonly string[]): FileSuccess {
  return { kind: 'file', contentTypes, description };
}

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
  /**
   * The platform's mailer: SMTP with the settings stored by an administrator (read at each
   * send), `delivered: false` while none are set; AppOptions.mailer replaces it (tests).
   */
  readonly mailer: PlatformMailer;
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
  /**
   * Callable while the caller must still replace a one-time password (who am I, sign out, the
   * password change); every other route answers 403 `password_change_required` then.
   */
  readonly beforePasswordChange?: boolean;
  readonly params?: z.ZodType;
  readonly query?: z.ZodType;
  readonly body?: z.ZodType;
  /** Success status (default 200). */
  readonly status?: number;
  /** What the route answers on success (the handler's return type follows from it). */
  readonly response: Success;
  /**
   * Error codes worth documenting beyond the usual ones (those of the access rule, validation),
   * with what they mean: listed in the OpenAPI document under their `ERROR_STATUS` status.
   */
  readonly errors?: Readonly<Partial<Record<ErrorCode, string>>>;
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

/**
 * Declares a route answering `response`: `defineRoute(json<FooResponse>('FooResponse'))({...})`.
 * The handler is typed from the route's schemas and must return the declared `api/types.ts`
 * shape (or prebuilt JSON text standing for it). Two calls, so that the response type is fixed
 * before the handler is checked (TypeScript widens literals such as `ok: true` otherwise).
 */
export function defineRoute<T>(response: Success<T>) {
  return <
    P extends z.ZodType = z.ZodUndefined,
    Q extends z.ZodType = z.ZodUndefined,
    B extends z.ZodType = z.ZodUndefined,
  >(
    route: Omit<Route, 'params' | 'query' | 'body' | 'response' | 'handler'> & {
      params?: P;
      query?: Q;
      body?: B;
      handler: (
        input: HandlerInput<z.output<P>, z.output<Q>, z.output<B>>,
      ) => Promise<T | JsonText<T>>;
    },
  ): Route => ({ ...route, response }) as Route;
}

/** True for a workspace-scoped access rule. */
export function isWorkspaceAccess(access: Access): access is WorkspaceAccess {
  return typeof access === 'object';
}

/** True when a member with `role` passes the workspace access rule. */
export function allows(access: WorkspaceAccess, role: Role): boolean {
  return can(role, access.permission);
}
