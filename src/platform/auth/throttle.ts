/**
 * Login throttling, as pure functions over small states the store keeps (see login-guard.ts for
 * how they are combined), plus a per-IP sliding-window rate limiter (in memory, per instance).
 *
 * Account-wide lock: every LOCKOUT_THRESHOLD consecutive failures (from anywhere) lock the
 * account, for 15 minutes the first time, then twice as long each time (30 min, 1 h, …) up to
 * 24 hours. A successful login resets the state. Failures are not forgotten when a lock expires,
 * so a slow guessing attack keeps meeting longer locks — until FORGET_AFTER_MS pass without any
 * failure. The lock is not a weapon: a correct password from a known device or source passes it
 * (login-guard.ts), and an administrator can clear it (`vigie admin unlock`).
 *
 * Per (account, source) delays: after PAIR_FREE_FAILURES failures from one pair, the next attempt
 * must wait 1 s, then 2 s, 4 s… up to PAIR_MAX_DELAY_MS; a success resets the pair.
 * All times are milliseconds since the epoch, read from the platform clock (platform/clock.ts).
 */

export const LOCKOUT_THRESHOLD = 10;
export const BASE_LOCKOUT_MS = 15 * 60 * 1000;
export const MAX_LOCKOUT_MS = 24 * 60 * 60 * 1000;
/** Failures from one (account, source) pair allowed without any delay. */
export const PAIR_FREE_FAILURES = 3;
export const PAIR_BASE_DELAY_MS = 1000;
export const PAIR_MAX_DELAY_MS = 5 * 60 * 1000;
/** A counter with no failure for this long (and no running lock) starts afresh. */
export const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

export interface LoginThrottleState {
  readonly failures: number;
  readonly lockedUntil: number | null;
}

function assertTime(now: number): void {
  if (!Number.isFinite(now)) throw new RangeError('time must be a finite number of milliseconds');
}

/** A failure count read from storage, made safe (negative, fractional or NaN → sane integer). */
function sanitiseFailures(failures: number): number {
  return Number.isFinite(failures) && failures > 0 ? Math.floor(failures) : 0;
}

/** True while the account is locked at `now`. */
export function isLocked(state: LoginThrottleState, now: number): boolean {
  assertTime(now);
  return state.lockedUntil !== null && now < state.lockedUntil;
}

/** Milliseconds until the lock ends (0 when not locked), for a Retry-After header. */
export function lockRemainingMs(state: LoginThrottleState, now: number): number {
  return isLocked(state, now) && state.lockedUntil !== null ? state.lockedUntil - now : 0;
}

/** Duration of the n-th lock (n ≥ 1): 15 min × 2^(n−1), capped at 24 h. */
export function lockoutDurationMs(lockNumber: number): number {
  const exponent = Math.max(0, Math.min(lockNumber - 1, 16));
  return Math.min(BASE_LOCKOUT_MS * 2 ** exponent, MAX_LOCKOUT_MS);
}

/** The state after a failed login at `now`. */
export function afterFailedLogin(state: LoginThrottleState, now: number): LoginThrottleState {
  if (isLocked(state, now)) return state;
  const failures = sanitiseFailures(state.failures) + 1;
  if (failures % LOCKOUT_THRESHOLD === 0) {
    return { failures, lockedUntil: now + lockoutDurationMs(failures / LOCKOUT_THRESHOLD) };
  }
  return { failures, lockedUntil: null };
}

/** The state after a successful login (or an administrator's unlock). */
export function afterSuccessfulLogin(): LoginThrottleState {
  return { failures: 0, lockedUntil: null };
}

/**
 * The state to apply at `now` given the stored one and its last failure: a fresh state when the
 * last failure is older than FORGET_AFTER_MS and no lock runs, the stored one otherwise.
 */
export function forgetStale(
  state: LoginThrottleState,
  lastFailureAt: number,
  now: number,
): LoginThrottleState {
  assertTime(now);
  if (isLocked(state, now)) return state;
  return now - lastFailureAt >= FORGET_AFTER_MS ? afterSuccessfulLogin() : state;
}

/** Per (account, source) state: consecutive failures and when the next attempt may come. */
export interface PairThrottleState {
  readonly failures: number;
  readonly blockedUntil: number | null;
}

/** Wait after `failures` consecutive failures of a pair: 0, then 1 s × 2^(n − free), capped. */
export function pairDelayMs(failures: number): number {
  const n = sanitiseFailures(failures);
  if (n < PAIR_FREE_FAILURES) return 0;
  const exponent = Math.min(n - PAIR_FREE_FAILURES, 30);
  return Math.min(PAIR_BASE_DELAY_MS * 2 ** exponent, PAIR_MAX_DELAY_MS);
}

/** Milliseconds before the pair may try again (0 when it may now). */
export function pairWaitMs(state: PairThrottleState, now: number): number {
  assertTime(now);
  return state.blockedUntil !== null && now < state.blockedUntil ? state.blockedUntil - now : 0;
}

/** The pair's state after a failure at `now`. */
export function afterPairFailure(state: PairThrottleState, now: number): PairThrottleState {
  assertTime(now);
  const failures = sanitiseFailures(state.failures) + 1;
  const delay = pairDelayMs(failures);
  return { failures, blockedUntil: delay === 0 ? null : now + delay };
}

/**
 * Per-key (per-IP) sliding-window limiter: at most `limit` allowed hits in any `windowMs`.
 * Refused hits are not recorded, so a client that stops is let in again once its oldest allowed
 * hit leaves the window. Memory is bounded: at most `limit` timestamps per key and `maxKeys`
 * keys; expired keys are dropped as hits come in, and over `maxKeys` the least recently seen
 * key is forgotten (that key then starts afresh: the limiter fails open for it, by design).
 * Per instance: several instances each apply the limit, which is acceptable for a coarse IP
 * limit; the per-account lock and the per-pair delays live in the database.
 */
export class RateLimiter {
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #maxKeys: number;
  /** Key → timestamps of allowed hits, oldest first; Map order = least recently seen first. */
  readonly #hits = new Map<string, number[]>();

  constructor(limit: number, windowMs: number, maxKeys = 10_000) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError('limit must be an integer ≥ 1');
    if (!Number.isFinite(windowMs) || windowMs <= 0) throw new RangeError('windowMs must be > 0');
    if (!Number.isInteger(maxKeys) || maxKeys < 1) {
      throw new RangeError('maxKeys must be an integer ≥ 1');
    }
    this.#limit = limit;
    this.#windowMs = windowMs;
    this.#maxKeys = maxKeys;
  }

  /** Records a hit for `key` at `now`; true when allowed, false when over the limit. */
  hit(key: string, now: number): boolean {
    assertTime(now);
    const since = now - this.#windowMs;
    const times = (this.#hits.get(key) ?? []).filter((t) => t > since);
    const allowed = times.length < this.#limit;
    if (allowed) times.push(now);
    // Delete then set: the key becomes the most recently seen (last in Map order).
    this.#hits.delete(key);
    this.#hits.set(key, times);
    this.#evict(since);
    return allowed;
  }

  /** Forgets a key (e.g. after a successful login from that address). */
  reset(key: string): void {
    this.#hits.delete(key);
  }

  /** Drops every key with no hit inside the window at `now`. */
  prune(now: number): void {
    assertTime(now);
    const since = now - this.#windowMs;
    for (const [key, times] of this.#hits) {
      if (isExpired(times, since)) this.#hits.delete(key);
    }
  }

  /** Number of keys currently tracked. */
  get size(): number {
    return this.#hits.size;
  }

  /**
   * Map order is least recently seen first, so the front holds the keys whose hits are oldest:
   * drop expired keys from the front (amortised O(1) per hit), then, over capacity, the least
   * recently seen keys even if still active.
   */
  #evict(since: number): void {
    for (const [key, times] of this.#hits) {
      if (this.#hits.size <= this.#maxKeys && !isExpired(times, since)) break;
      this.#hits.delete(key);
    }
  }
}

function isExpired(times: readonly number[], since: number): boolean {
  const newest = times.at(-1);
  return newest === undefined || newest <= since;
}
