import { describe, expect, it } from 'vitest';
import {
  afterFailedLogin,
  afterPairFailure,
  afterSuccessfulLogin,
  BASE_LOCKOUT_MS,
  FORGET_AFTER_MS,
  forgetStale,
  isLocked,
  lockoutDurationMs,
  lockRemainingMs,
  LOCKOUT_THRESHOLD,
  MAX_LOCKOUT_MS,
  PAIR_FREE_FAILURES,
  PAIR_MAX_DELAY_MS,
  pairDelayMs,
  pairWaitMs,
  RateLimiter,
} from './throttle.js';
import type { LoginThrottleState, PairThrottleState } from './throttle.js';

const T0 = Date.UTC(2026, 0, 1);
const MINUTE = 60_000;

function fail(state: LoginThrottleState, now: number, times: number): LoginThrottleState {
  let next = state;
  for (let i = 0; i < times; i++) next = afterFailedLogin(next, now);
  return next;
}

describe('login lockout', () => {
  it('does not lock before the threshold', () => {
    const state = fail(afterSuccessfulLogin(), T0, LOCKOUT_THRESHOLD - 1);
    expect(state).toEqual({ failures: LOCKOUT_THRESHOLD - 1, lockedUntil: null });
    expect(isLocked(state, T0)).toBe(false);
  });

  it('locks for 15 minutes after LOCKOUT_THRESHOLD (10) failures, then expires', () => {
    expect(LOCKOUT_THRESHOLD).toBe(10);
    const state = fail(afterSuccessfulLogin(), T0, LOCKOUT_THRESHOLD);
    expect(state).toEqual({ failures: LOCKOUT_THRESHOLD, lockedUntil: T0 + 15 * MINUTE });
    expect(isLocked(state, T0)).toBe(true);
    expect(isLocked(state, T0 + 15 * MINUTE - 1)).toBe(true);
    expect(lockRemainingMs(state, T0 + 5 * MINUTE)).toBe(10 * MINUTE);
    expect(isLocked(state, T0 + 15 * MINUTE)).toBe(false);
    expect(lockRemainingMs(state, T0 + 15 * MINUTE)).toBe(0);
  });

  it('ignores failures while locked', () => {
    const locked = fail(afterSuccessfulLogin(), T0, LOCKOUT_THRESHOLD);
    expect(fail(locked, T0 + MINUTE, 20)).toBe(locked);
  });

  it('grows the lock each time, up to 24 hours', () => {
    let state = afterSuccessfulLogin();
    let now = T0;
    const durations: number[] = [];
    for (let lock = 1; lock <= 12; lock++) {
      state = fail(state, now, LOCKOUT_THRESHOLD);
      expect(isLocked(state, now)).toBe(true);
      durations.push((state.lockedUntil ?? now) - now);
      now = state.lockedUntil ?? now; // wait until it expires
      expect(isLocked(state, now)).toBe(false);
    }
    expect(durations.slice(0, 4)).toEqual([15 * MINUTE, 30 * MINUTE, 60 * MINUTE, 120 * MINUTE]);
    expect(Math.max(...durations)).toBe(MAX_LOCKOUT_MS);
    expect(durations.at(-1)).toBe(MAX_LOCKOUT_MS);
    expect(lockoutDurationMs(1)).toBe(BASE_LOCKOUT_MS);
    expect(lockoutDurationMs(10_000)).toBe(MAX_LOCKOUT_MS);
    expect(lockoutDurationMs(0)).toBe(BASE_LOCKOUT_MS);
  });

  it('a failure after expiry counts towards the next lock, not a new one', () => {
    const expired = fail(afterSuccessfulLogin(), T0, LOCKOUT_THRESHOLD);
    const after = afterFailedLogin(expired, T0 + 16 * MINUTE);
    expect(after).toEqual({ failures: LOCKOUT_THRESHOLD + 1, lockedUntil: null });
  });

  it('a successful login resets everything, so the count starts over', () => {
    expect(afterSuccessfulLogin()).toEqual({ failures: 0, lockedUntil: null });
    // Success after 9 failures (the caller replaces the state): 9 more failures do not lock.
    const almost = LOCKOUT_THRESHOLD - 1;
    const fresh = fail(afterSuccessfulLogin(), T0, almost);
    expect(isLocked(fresh, T0)).toBe(false);
    expect(fail(afterSuccessfulLogin(), T0, almost)).toEqual({
      failures: almost,
      lockedUntil: null,
    });
    expect(isLocked(fail(fresh, T0, 1), T0)).toBe(true); // without the reset, the 10th locks
  });

  it('survives corrupt stored counters and rejects bad times', () => {
    expect(afterFailedLogin({ failures: -3, lockedUntil: null }, T0)).toEqual({
      failures: 1,
      lockedUntil: null,
    });
    expect(afterFailedLogin({ failures: Number.NaN, lockedUntil: null }, T0).failures).toBe(1);
    expect(afterFailedLogin({ failures: 3.7, lockedUntil: null }, T0).failures).toBe(4);
    expect(() => isLocked(afterSuccessfulLogin(), Number.NaN)).toThrow(RangeError);
    expect(() => afterFailedLogin(afterSuccessfulLogin(), Infinity)).toThrow(RangeError);
  });
});

describe('forgetting old failures', () => {
  it('starts afresh after FORGET_AFTER_MS without failure, unless a lock still runs', () => {
    const some: LoginThrottleState = { failures: 7, lockedUntil: null };
    expect(forgetStale(some, T0, T0 + FORGET_AFTER_MS - 1)).toBe(some);
    expect(forgetStale(some, T0, T0 + FORGET_AFTER_MS)).toEqual(afterSuccessfulLogin());
    const locked: LoginThrottleState = { failures: 50, lockedUntil: T0 + 2 * FORGET_AFTER_MS };
    expect(forgetStale(locked, T0, T0 + FORGET_AFTER_MS + 1)).toBe(locked);
    expect(() => forgetStale(some, T0, Number.NaN)).toThrow(RangeError);
  });
});

describe('per (account, source) delays', () => {
  const failPair = (times: number, now = T0): PairThrottleState => {
    let state: PairThrottleState = { failures: 0, blockedUntil: null };
    for (let i = 0; i < times; i++) state = afterPairFailure(state, now);
    return state;
  };

  it('lets the first failures through, then waits 1 s, 2 s, 4 s… capped at 5 minutes', () => {
    expect(PAIR_FREE_FAILURES).toBe(3);
    expect([0, 1, 2, 3, 4, 5, 6].map(pairDelayMs)).toEqual([0, 0, 0, 1000, 2000, 4000, 8000]);
    expect(pairDelayMs(100)).toBe(PAIR_MAX_DELAY_MS);
    expect(pairDelayMs(Number.MAX_SAFE_INTEGER)).toBe(PAIR_MAX_DELAY_MS);
    expect(pairDelayMs(-4)).toBe(0);
    expect(pairDelayMs(Number.NaN)).toBe(0);
  });

  it('blocks the pair until the delay has passed', () => {
    expect(failPair(2)).toEqual({ failures: 2, blockedUntil: null });
    const third = failPair(3);
    expect(third).toEqual({ failures: 3, blockedUntil: T0 + 1000 });
    expect(pairWaitMs(third, T0)).toBe(1000);
    expect(pairWaitMs(third, T0 + 999)).toBe(1);
    expect(pairWaitMs(third, T0 + 1000)).toBe(0);
    const fourth = afterPairFailure(third, T0 + 1000);
    expect(fourth).toEqual({ failures: 4, blockedUntil: T0 + 3000 });
    expect(pairWaitMs({ failures: 0, blockedUntil: null }, T0)).toBe(0);
    expect(() => pairWaitMs(third, Infinity)).toThrow(RangeError);
    expect(() => afterPairFailure(third, Number.NaN)).toThrow(RangeError);
  });
});

describe('RateLimiter', () => {
  it('allows `limit` hits per window and refuses the next', () => {
    const limiter = new RateLimiter(3, 1000);
    expect([1, 2, 3, 4].map((i) => limiter.hit('1.2.3.4', T0 + i))).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(limiter.hit('5.6.7.8', T0 + 5)).toBe(true); // keys are independent
  });

  it('slides: a slot frees when the oldest allowed hit leaves the window', () => {
    const limiter = new RateLimiter(2, 1000);
    expect(limiter.hit('k', T0)).toBe(true);
    expect(limiter.hit('k', T0 + 600)).toBe(true);
    expect(limiter.hit('k', T0 + 999)).toBe(false);
    expect(limiter.hit('k', T0 + 1000)).toBe(true); // T0 left the window
    expect(limiter.hit('k', T0 + 1500)).toBe(false); // T0+600 and T0+1000 still inside
    expect(limiter.hit('k', T0 + 1600)).toBe(true);
  });

  it('does not count refused hits', () => {
    const limiter = new RateLimiter(1, 1000);
    expect(limiter.hit('k', T0)).toBe(true);
    for (let t = 1; t < 1000; t += 50) expect(limiter.hit('k', T0 + t)).toBe(false);
    expect(limiter.hit('k', T0 + 1000)).toBe(true);
  });

  it('keeps at most maxKeys keys, forgetting the least recently seen', () => {
    const limiter = new RateLimiter(1, 60_000, 100);
    for (let i = 0; i < 10_000; i++) limiter.hit(`ip-${i}`, T0 + i);
    expect(limiter.size).toBe(100);
    // The most recent keys are still limited; the oldest were forgotten.
    expect(limiter.hit('ip-9999', T0 + 10_000)).toBe(false);
    expect(limiter.hit('ip-0', T0 + 10_000)).toBe(true);
    expect(limiter.size).toBe(100);
  });

  it('drops expired keys as time passes, and on prune', () => {
    const limiter = new RateLimiter(5, 1000);
    for (let i = 0; i < 50; i++) limiter.hit(`ip-${i}`, T0);
    expect(limiter.size).toBe(50);
    limiter.hit('late', T0 + 2000);
    expect(limiter.size).toBe(1);
    limiter.prune(T0 + 4000);
    expect(limiter.size).toBe(0);
  });

  it('reset forgets a key', () => {
    const limiter = new RateLimiter(1, 1000);
    limiter.hit('k', T0);
    expect(limiter.hit('k', T0 + 1)).toBe(false);
    limiter.reset('k');
    expect(limiter.hit('k', T0 + 2)).toBe(true);
  });

  it('rejects bad configuration and times', () => {
    expect(() => new RateLimiter(0, 1000)).toThrow(RangeError);
    expect(() => new RateLimiter(1.5, 1000)).toThrow(RangeError);
    expect(() => new RateLimiter(1, 0)).toThrow(RangeError);
    expect(() => new RateLimiter(1, Number.NaN)).toThrow(RangeError);
    expect(() => new RateLimiter(1, 1000, 0)).toThrow(RangeError);
    expect(() => new RateLimiter(1, 1000).hit('k', Number.NaN)).toThrow(RangeError);
  });
});
