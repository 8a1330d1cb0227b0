import { describe, expect, it } from 'vitest';
import {
  ApiError,
  ERROR_STATUS,
  accountLocked,
  badRequest,
  conflict,
  csrfError,
  forbidden,
  internalError,
  invalidCredentials,
  loginThrottled,
  notFound,
  payloadTooLarge,
  rateLimited,
  storageFull,
  unauthorized,
  unsupportedMediaType,
} from './errors.js';

describe('API errors', () => {
  it('take their status from ERROR_STATUS', () => {
    const errors = [
      badRequest('no_files'),
      conflict('last_owner', { en: 'x', fr: 'x' }),
      unauthorized(),
      invalidCredentials(),
      forbidden(),
      csrfError(),
      notFound(),
      unsupportedMediaType(),
      accountLocked(5),
      loginThrottled(5),
      rateLimited(5),
      payloadTooLarge(),
      payloadTooLarge(1000),
      storageFull(),
      internalError(),
    ];
    for (const error of errors) expect(error.status, error.code).toBe(ERROR_STATUS[error.code]);
    expect(
      errors.map((e) => e.status),
      'the statuses answered before the table',
    ).toEqual([400, 409, 401, 401, 403, 403, 404, 415, 423, 429, 429, 413, 413, 507, 500]);
  });

  it('maps client mistakes to 4xx and server trouble to 5xx, never a status outside HTTP', () => {
    for (const [code, status] of Object.entries(ERROR_STATUS)) {
      expect(status >= 400 && status < 600, code).toBe(true);
      expect(status >= 500, code).toBe(
        // mail_failed: the configured SMTP server refused or did not answer (502, bad gateway)
        ['internal', 'analysis_failed', 'storage_full', 'mail_failed'].includes(code),
      );
    }
  });

  it('answers the code, both messages and the details', () => {
    const error = new ApiError('quota_exceeded', { en: 'e', fr: 'f' }, { limit: 2 });
    expect(error.status).toBe(429);
    expect(error.toBody()).toEqual({
      code: 'quota_exceeded',
      message: { en: 'e', fr: 'f' },
      details: { limit: 2 },
    });
  });
});
