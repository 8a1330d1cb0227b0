import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../lib/api';
import { retryHint } from './login-retry';

const failure = (status: number, details?: unknown): ApiFailure =>
  new ApiFailure(status, {
    code: status === 423 ? 'account_locked' : 'login_throttled',
    message: { en: 'x', fr: 'x' },
    ...(details === undefined ? {} : { details }),
  });

describe('retryHint', () => {
  it('says seconds under two minutes and whole minutes (rounded up) beyond', () => {
    expect(retryHint(failure(429, { retryAfterSeconds: 1 }))).toEqual({
      key: 'login.retrySeconds',
      n: 1,
    });
    expect(retryHint(failure(429, { retryAfterSeconds: 119.2 }))).toEqual({
      key: 'login.retrySeconds',
      n: 120,
    });
    expect(retryHint(failure(423, { retryAfterSeconds: 900 }))).toEqual({
      key: 'login.retryMinutes',
      n: 15,
    });
    expect(retryHint(failure(423, { retryAfterSeconds: 121 }))).toEqual({
      key: 'login.retryMinutes',
      n: 3,
    });
  });

  it('says nothing for other answers or details it cannot read', () => {
    expect(retryHint(failure(401))).toBeNull();
    expect(retryHint(failure(401, { retryAfterSeconds: 5 }))).toBeNull();
    expect(retryHint(failure(429))).toBeNull();
    expect(retryHint(failure(429, { retryAfterSeconds: '5' }))).toBeNull();
    expect(retryHint(failure(429, { retryAfterSeconds: -1 }))).toBeNull();
    expect(retryHint(failure(429, { retryAfterSeconds: Number.NaN }))).toBeNull();
    expect(retryHint(failure(429, [5]))).toBeNull();
    expect(retryHint(new ApiFailure(429, null))).toBeNull();
    expect(retryHint(new Error('network'))).toBeNull();
  });
});
