/**
 * Password checks made over HTTP (sign-in, change of one's own password) through the login
 * guard: admission (429 `login_throttled` / 423 `account_locked`, the same for every address),
 * the audit entries of a failure, and the device cookie set after a success.
 */
import type { FastifyRequest } from 'fastify';
import { beginAttempt, succeed } from '../auth/login-guard.js';
import type { AttemptTicket } from '../auth/login-guard.js';
import type { User } from '../store/index.js';
import { readCookie } from './cookies.js';
import { accountLocked, loginThrottled } from './errors.js';
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

/** Admits the attempt or throws the refusal; the attempt counts as a failure until `succeeded`. */
export async function admitAttempt(
  server: ServerContext,
  request: FastifyRequest,
  email: string,
  user: User | undefined,
): Promise<AttemptTicket> {
  const decision = await beginAttempt(
    server.store,
    { email, user, ip: request.ip, deviceToken: readCookie(request.headers.cookie, DEVICE_COOKIE) },
    server.now(),
  );
  if (decision.ok) return decision.ticket;
  throw decision.reason === 'locked'
    ? accountLocked(decision.retryAfterSeconds)
    : loginThrottled(decision.retryAfterSeconds);
}

/**
 * Audit entries of a wrong password — written for unknown addresses too (without account), so
 * both cost the same — and of the lock it may have caused.
 */
export async function recordFailure(
  server: ServerContext,
  ticket: AttemptTicket,
  user: User | undefined,
  action: 'auth.login_failed' | 'user.password_change_failed',
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
export async function succeeded(
  server: ServerContext,
  ticket: AttemptTicket,
  user: User,
): Promise<string | undefined> {
  const { newDeviceToken } = await succeed(server.store, ticket, user);
  return newDeviceToken === null ? undefined : deviceCookie(newDeviceToken, server.secureCookies);
}
