/**
 * When a refused sign-in may be tried again: the server's 429 `login_throttled` and 423
 * `account_locked` answers carry `details.retryAfterSeconds`. Shown in seconds under two
 * minutes, in whole minutes (rounded up) beyond.
 */
import { ApiFailure } from '../../lib/api';

export type RetryHint =
  | { readonly key: 'login.retrySeconds'; readonly n: number }
  | { readonly key: 'login.retryMinutes'; readonly n: number };

/** The wait announced by a refused sign-in, or null when the error says none. */
export function retryHint(error: unknown): RetryHint | null {
  if (!(error instanceof ApiFailure) || (error.status !== 429 && error.status !== 423)) {
    return null;
  }
  const details = error.body?.details;
  if (typeof details !== 'object' || details === null || !('retryAfterSeconds' in details)) {
    return null;
  }
  const seconds = details.retryAfterSeconds;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0) return null;
  return seconds < 120
    ? { key: 'login.retrySeconds', n: Math.ceil(seconds) }
    : { key: 'login.retryMinutes', n: Math.ceil(seconds / 60) };
}
