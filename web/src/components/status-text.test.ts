import { describe, expect, it } from 'vitest';
import { ApiFailure, retryAfterSeconds } from '../lib/api';
import { errorText } from './Status';

const body = {
  code: 'quota_exceeded',
  message: { en: 'Try again in 30 seconds.', fr: 'Réessayez dans 30 secondes.' },
};

describe('errorText', () => {
  it("shows the server's message in the UI language: it names the limit and when to retry", () => {
    expect(errorText(new ApiFailure(429, body, 30), 'fr', 'net')).toBe(
      'Réessayez dans 30 secondes.',
    );
    expect(errorText(new ApiFailure(429, body, 30), 'en', 'net')).toBe('Try again in 30 seconds.');
  });

  it('explains a 413 or 429 without a body (a proxy in front) when told how, else the status', () => {
    const statusText = (failure: ApiFailure): string | null =>
      failure.status === 413
        ? 'too large'
        : failure.status === 429
          ? `retry ${String(failure.retryAfterSeconds)}`
          : null;
    expect(errorText(new ApiFailure(413, null), 'en', 'net', statusText)).toBe('too large');
    expect(errorText(new ApiFailure(429, null, 12), 'en', 'net', statusText)).toBe('retry 12');
    expect(errorText(new ApiFailure(502, null), 'en', 'net', statusText)).toBe('HTTP 502');
    expect(errorText(new ApiFailure(0, null), 'en', 'net', statusText)).toBe('net');
  });
});

describe('retryAfterSeconds', () => {
  it('reads whole seconds and ignores the date form and junk', () => {
    expect(retryAfterSeconds('30')).toBe(30);
    expect(retryAfterSeconds(' 3600 ')).toBe(3600);
    expect(retryAfterSeconds(null)).toBeNull();
    expect(retryAfterSeconds('Wed, 21 Oct 2026 07:28:00 GMT')).toBeNull();
    expect(retryAfterSeconds('-5')).toBeNull();
  });
});
