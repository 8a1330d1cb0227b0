/**
 * Signed-in callers for the API tests: a session made directly in the store (fast; signing in
 * itself is tested through the API), a client that injects requests with its cookie and CSRF
 * token, the way the web UI sends them, and the check of an error answer.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { hashToken, newCsrfToken, newSessionToken } from '../auth/tokens.js';
import type { Role, Store, User } from '../store/index.js';
import { ERROR_STATUS } from './errors.js';
import type { ErrorBody, ErrorCode } from './errors.js';

/** A user's session: the cookie to send and the CSRF token it holds. */
export interface TestSession {
  readonly user: User;
  /** `vigie_session=…`, as the browser sends it. */
  readonly cookie: string;
  readonly csrf: string;
}

/** A session of `user`, stored directly, valid for a year by the store's clock (tests that move the clock by weeks keep it). */
export async function signIn(store: Store, user: User): Promise<TestSession> {
  const token = newSessionToken();
  const csrf = newCsrfToken();
  await store.sessions.create({
    tokenHash: hashToken(token),
    userId: user.id,
    csrfToken: csrf,
    expiresAt: new Date(store.clock().getTime() + 365 * 24 * 3_600_000),
  });
  return { user, cookie: `vigie_session=${token}`, csrf };
}

/**
 * A new account (named after the address's local part, no usable password unless
 * `passwordHash` is given) and a session of it.
 */
export async function signUp(
  store: Store,
  email: string,
  options: { readonly isAdmin?: boolean; readonly passwordHash?: string } = {},
): Promise<TestSession> {
  const user = await store.users.create({
    email,
    displayName: email.split('@')[0] ?? email,
    passwordHash: options.passwordHash ?? 'x',
    isAdmin: options.isAdmin ?? false,
  });
  return signIn(store, user);
}

/** `signUp` of `<name>@example.test` for each name, by name. */
export async function signUpAll<const N extends string>(
  store: Store,
  names: readonly N[],
): Promise<Record<N, TestSession>> {
  const sessions: Partial<Record<N, TestSession>> = {};
  for (const name of names) sessions[name] = await signUp(store, `${name}@example.test`);
  return sessions as Record<N, TestSession>;
}

/** Adds each session's user to the workspace with the role it is listed under. */
export async function addMembers(
  store: Store,
  workspaceId: string,
  members: Readonly<Partial<Record<Role, TestSession>>>,
): Promise<void> {
  for (const [role, session] of Object.entries(members) as [Role, TestSession][]) {
    await store.workspaces.addMember(workspaceId, session.user.id, role);
  }
}

/**
 * Checks an error answer: `status` (which must be the one ERROR_STATUS gives `code`), the code
 * and a message in both languages. Returns the body.
 */
export function expectError(
  response: LightMyRequestResponse,
  status: number,
  code: ErrorCode,
): ErrorBody {
  expect(response.statusCode, response.body).toBe(status);
  expect(ERROR_STATUS[code], `ERROR_STATUS.${code}`).toBe(status);
  const body = response.json<ErrorBody>();
  expect(body.code).toBe(code);
  expect(body.message.en.length).toBeGreaterThan(0);
  expect(body.message.fr.length).toBeGreaterThan(0);
  return body;
}

export type TestMethod = NonNullable<InjectOptions['method']>;

export interface RequestOptions {
  /** The `x-csrf-token` to send instead of the session's (`''` sends an empty one). */
  readonly csrf?: string | undefined;
  /** Sends the payload as it is (a string or bytes) with this content type, instead of as JSON. */
  readonly contentType?: string;
  /** More headers; they replace the client's own of the same name (a `cookie` with a device…). */
  readonly headers?: Readonly<Record<string, string>>;
  readonly remoteAddress?: string;
}

/**
 * Requests of one caller. Like `app.inject`, each is sent when it is awaited (or `then`-ed):
 * wrap it in `Promise.resolve` to send it at once.
 */
export interface TestClient {
  get(url: string, options?: RequestOptions): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown, options?: RequestOptions): Promise<LightMyRequestResponse>;
  put(url: string, payload?: unknown, options?: RequestOptions): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown, options?: RequestOptions): Promise<LightMyRequestResponse>;
  delete(url: string, options?: RequestOptions): Promise<LightMyRequestResponse>;
  send(
    method: TestMethod,
    url: string,
    payload?: unknown,
    options?: RequestOptions,
  ): Promise<LightMyRequestResponse>;
}

/** Methods the web UI sends without the CSRF token (reads need none). */
const READS: ReadonlySet<string> = new Set(['GET', 'HEAD']);

/**
 * A client of `app` for the holder of `session` (none: an anonymous caller). It sends the
 * session cookie, the CSRF token on every method but reads, and a payload as JSON.
 */
export function client(app: FastifyInstance, session?: TestSession): TestClient {
  const send: TestClient['send'] = (method, url, payload, options = {}) => {
    const headers: Record<string, string> = {};
    if (session !== undefined) headers.cookie = session.cookie;
    const csrf = options.csrf ?? (READS.has(method.toUpperCase()) ? undefined : session?.csrf);
    if (csrf !== undefined) headers['x-csrf-token'] = csrf;
    const request: InjectOptions = { method, url };
    if (payload !== undefined) {
      if (options.contentType === undefined) {
        headers['content-type'] = 'application/json';
        request.payload = JSON.stringify(payload);
      } else if (typeof payload === 'string' || Buffer.isBuffer(payload)) {
        headers['content-type'] = options.contentType;
        request.payload = payload;
      } else {
        throw new TypeError('a payload with a content type is a string or a Buffer');
      }
    }
    request.headers = { ...headers, ...options.headers };
    if (options.remoteAddress !== undefined) request.remoteAddress = options.remoteAddress;
    return app.inject(request);
  };
  return {
    get: (url, options) => send('GET', url, undefined, options),
    post: (url, payload, options) => send('POST', url, payload, options),
    put: (url, payload, options) => send('PUT', url, payload, options),
    patch: (url, payload, options) => send('PATCH', url, payload, options),
    delete: (url, options) => send('DELETE', url, undefined, options),
    send,
  };
}
