/**
 * Session and CSRF tokens.
 *
 * A session token is 32 random bytes (256 bits) from the OS CSPRNG, base64url-encoded (43
 * characters, cookie-safe). The store keeps only its SHA-256 hash, so a leaked database does not
 * hand out live sessions; a fast hash is enough because the token has full entropy (no
 * dictionary to attack, unlike a password).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const TOKEN_BYTES = 32;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A new session token, to send to the browser once (HttpOnly cookie) and never store as is. */
export function newSessionToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** A new CSRF token (same strength as a session token). */
export function newCsrfToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** True when `token` has the shape of a token made here; lets callers reject garbage early. */
export function isWellFormedToken(token: unknown): token is string {
  return typeof token === 'string' && TOKEN_PATTERN.test(token);
}

/** What the store keeps for a token: SHA-256 of its UTF-8 bytes, lower-case hex. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Constant-time comparison of two secrets (CSRF token against cookie, hash against hash).
 * False, without throwing, when either is not a string or their UTF-8 lengths differ (the
 * length is not secret: every token has the same length).
 */
export function safeEqual(a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  if (left.length !== right.length) return false;
  return timingSafeEqual(left, right);
}
