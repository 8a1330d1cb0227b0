/**
 * The one credential check made over HTTP (sign-in, change of one's own password): the per-IP
 * rate limit, the login guard's admission (429 `login_throttled` / 423 `account_locked`, the
 * same for every address), the password verification, the audit entries of a failure, and the
 * device cookie set after a success.
 */
import type { FastifyRequest } from 'fastify';
import { beginAttempt, succeed } from '../auth/login-guard.js';
import type { AttemptTicket } from '../auth/login-guard.js';
import { verifyPassword } from '../auth/passwords.js';
import { millisOf } from '../clock.js';
import type { User } from '../store/index.js';
import { readCookie } from './cookies.js';
import { accountLocked, loginThrottled, rateLimited } from './errors.js';
import type { ApiError } from './errors.js';
import type { ServerContext } from './route.js';

/** The long-lived cookie naming a browser an account signed in from. */
export const DEVICE_COOKIE = 'vigie_device';
const DEVICE_COOKIE_MAX_AGE_SECONDS = 400 * 24 * 60 * 60;

/**
 * Set-Cookie value for the device cookie: only sent to `/api/auth` (sign-in and password
 * change), never readable by scripts.
 */
export function deviceCookie(token: string, secure: boolean): string {
  const attributes = [
    `${DEVICE_COOKIE}=${token}`,
    'Path=/api/auth',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${String(DEVICE_COOKIE_MAX_AGE_SECONDS)}`,
  ];
  if (secure) attributes.push('Secure');
  return attributes.join('; ');
}

/** What a wrong password answers, and the audit action it is recorded under. */
export interface WrongPassword {
  readonly error: () => ApiError;
  readonly action: 'auth.login_failed' | 'user.password_change_failed';
}

/**
 * Checks `password` for the address `email` (used by `user`, if any) through the login guard:
 * throws 429 `login_throttled`, 423 `account_locked` or `wrong.error()`, writing the audit
 * entries of a failure; returns the ticket of a correct password (then call `succeeded`).
 * Every path that refuses after admission or for the lock spends one password verification, so
 * timing does not tell an existing account from an unknown address either.
 */
async function verifyAttempt(
  server: ServerContext,
  request: FastifyRequest,
  attempt: { readonly email: string; readonly user: User | undefined; readonly password: string },
  wrong: WrongPassword,
): Promise<AttemptTicket> {
  const { email, user, password } = attempt;
  const decision = await beginAttempt(
    server.store,
    { email, user, ip: request.ip, deviceToken: readCookie(request.headers.cookie, DEVICE_COOKIE) },
    millisOf(server.clock),
  );
  if (!decision.ok) {
    if (decision.reason === 'throttled') {
      await recordSignIn(server, request, user, wrong, decision.reason);
      throw loginThrottled(decision.retryAfterSeconds);
    }
    await verifyPassword(null, password);
    await recordSignIn(server, request, user, wrong, decision.reason);
    throw accountLocked(decision.retryAfterSeconds);
  }
  const { ticket } = decision;
  // A disabled account's right password is refused like a wrong one, after the same work.
  const right = user !== undefined && (await verifyPassword(user.passwordHash, password));
  if (right && user.disabledAt === null) return ticket;
  if (user === undefined) await verifyPassword(null, password);
  await recordSignIn(server, request, user, wrong, right ? 'disabled' : 'wrong_password');
  await recordFailure(server, ticket, user, wrong.action);
  // On a locked account a wrong password says "locked", whoever asks: no account is revealed.
  if (ticket.lockedRetryAfterSeconds !== null) {
    throw accountLocked(ticket.lockedRetryAfterSeconds);
  }
  throw wrong.error();
}

/**
 * A sign-in attempt in the account's history (sign-ins only, not password changes; unknown
 * addresses have no account and no history). `reason` is for administrators.
 */
async function recordSignIn(
  server: ServerContext,
  request: FastifyRequest,
  user: User | undefined,
  wrong: WrongPassword,
  reason: string | null,
): Promise<void> {
  if (user === undefined || wrong.action !== 'auth.login_failed') return;
  await server.store.signIns.record({
    userId: user.id,
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? '',
    success: reason === null,
    reason,
  });
}

/**
 * Audit entries of a wrong password — written for unknown addresses too (without account), so
 * both cost the same — and of the lock it may have caused.
 */
async function recordFailure(
  server: ServerContext,
  ticket: AttemptTicket,
  user: User | undefined,
  action: WrongPassword['action'],
): Promise<void> {
  const entry = {
    workspaceId: null,
    userId: user?.id ?? null,
    entityKind: 'user',
    entityId: user?.id ?? null,
  };
  await server.store.audit.append({ ...entry, action });
  if (ticket.lockedNow)
    await server.store.audit.append({ ...entry, action: 'auth.account_locked' });
}

/**
 * After a correct password: forgets the failures, remembers the source and device, and returns
 * the Set-Cookie value of a new device cookie (undefined when the browser's one is kept).
 */
async function succeeded(
  server: ServerContext,
  ticket: AttemptTicket,
  user: User,
): Promise<string | undefined> {
  const { newDeviceToken } = await succeed(server.store, ticket, user);
  return newDeviceToken === null ? undefined : deviceCookie(newDeviceToken, server.secureCookies);
}

/** A correct password's account, and the Set-Cookie value of a new device cookie if any. */
export interface CheckedCredentials {
  readonly user: User;
  readonly deviceCookie: string | undefined;
}

/**
 * Checks `password` for the address `email` (used by `user`, if any): 429 `rate_limited` over
 * the per-IP limit, then the login guard (429 `login_throttled`, 423 `account_locked`, or
 * `wrong.error()` with the audit entries of a failure). Sign-in and the password change both
 * call it, so guessing a password costs as much through either.
 */
export async function checkCredentials(
  server: ServerContext,
  request: FastifyRequest,
  attempt: { readonly email: string; readonly user: User | undefined; readonly password: string },
  wrong: WrongPassword,
): Promise<CheckedCredentials> {
  if (!server.allowLoginAttempt(request.ip)) throw rateLimited(60);
  const ticket = await verifyAttempt(server, request, attempt, wrong);
  // verifyAttempt returns only for a correct password, which only an account has.
  if (attempt.user === undefined) throw wrong.error();
  await recordSignIn(server, request, attempt.user, wrong, null);
  return { user: attempt.user, deviceCookie: await succeeded(server, ticket, attempt.user) };
}
