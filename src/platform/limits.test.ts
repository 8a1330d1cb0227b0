import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LIMITS,
  LIMIT_VARIABLES,
  describeBytes,
  describeDelay,
  limitsFromEnv,
  DEFAULT_AUDIT_NETWORKS,
  auditNetworksFrom,
  uploadBytesFor,
} from './limits.js';

describe('limitsFromEnv', () => {
  it('gives the defaults without variables (empty values count as unset)', () => {
    expect(limitsFromEnv({})).toEqual({ ok: true, value: DEFAULT_LIMITS });
    expect(limitsFromEnv({ VIGIE_MAX_MODEL_BYTES: '', VIGIE_DOCUMENT_JOBS_PER_HOUR: ' ' })).toEqual(
      { ok: true, value: DEFAULT_LIMITS },
    );
    expect(DEFAULT_LIMITS).toEqual({
      maxModelBytes: 33_554_432,
      maxUploadBytes: 2 * 33_554_432 + 65_536,
      documents: {
        queuedPerUser: 3,
        queuedPerWorkspace: 10,
        perHourPerUser: 30,
        perHourPerWorkspace: 100,
      },
      auditNetworks: DEFAULT_AUDIT_NETWORKS,
    });
  });

  it('reads the networks audits may reach, and refuses a malformed one by name', () => {
    const result = limitsFromEnv({ VIGIE_AUDIT_NETWORKS: ' 127.0.0.0/8, 10.1.2.3 ,fd00::/8' });
    expect(result.ok && result.value.auditNetworks).toEqual([
      '127.0.0.0/8',
      '10.1.2.3/32',
      'fd00::/8',
    ]);
    expect(limitsFromEnv({ VIGIE_AUDIT_NETWORKS: '' })).toMatchObject({
      ok: true,
      value: { auditNetworks: DEFAULT_AUDIT_NETWORKS },
    });
    for (const bad of ['10.0.0.0/33', 'example.org', '127.0.0.0/8,,']) {
      expect(limitsFromEnv({ VIGIE_AUDIT_NETWORKS: bad })).toMatchObject({
        ok: false,
        error: { code: 'invalid_audit_network', variable: 'VIGIE_AUDIT_NETWORKS' },
      });
    }
    expect(auditNetworksFrom('192.168.0.0/16').ok).toBe(true);
  });

  it('reads every variable, and derives the upload limit from the model limit', () => {
    const result = limitsFromEnv({
      VIGIE_MAX_MODEL_BYTES: '16_777_216',
      VIGIE_DOCUMENT_JOBS_QUEUED_PER_USER: '1',
      VIGIE_DOCUMENT_JOBS_QUEUED_PER_WORKSPACE: '4',
      VIGIE_DOCUMENT_JOBS_PER_HOUR: '12',
      VIGIE_DOCUMENT_JOBS_PER_HOUR_PER_WORKSPACE: '40',
    });
    expect(result).toEqual({
      ok: true,
      value: {
        maxModelBytes: 16_777_216,
        maxUploadBytes: uploadBytesFor(16_777_216),
        documents: {
          queuedPerUser: 1,
          queuedPerWorkspace: 4,
          perHourPerUser: 12,
          perHourPerWorkspace: 40,
        },
        auditNetworks: DEFAULT_AUDIT_NETWORKS,
      },
    });
    const upload = limitsFromEnv({ VIGIE_MAX_UPLOAD_BYTES: '40000000' });
    expect(upload.ok && upload.value.maxUploadBytes).toBe(40_000_000);
    expect(upload.ok && upload.value.maxModelBytes).toBe(DEFAULT_LIMITS.maxModelBytes);
  });

  it.each([
    ['VIGIE_MAX_MODEL_BYTES', '32MB'],
    ['VIGIE_MAX_MODEL_BYTES', '-1'],
    ['VIGIE_MAX_MODEL_BYTES', '1.5'],
    ['VIGIE_MAX_MODEL_BYTES', '1e9'],
    ['VIGIE_MAX_MODEL_BYTES', '1000'],
    ['VIGIE_MAX_MODEL_BYTES', '99999999999999999999'],
    ['VIGIE_MAX_UPLOAD_BYTES', '0x100000'],
    ['VIGIE_DOCUMENT_JOBS_QUEUED_PER_USER', '0'],
    ['VIGIE_DOCUMENT_JOBS_PER_HOUR', 'many'],
    ['VIGIE_DOCUMENT_JOBS_PER_HOUR_PER_WORKSPACE', '1__0'],
  ])('refuses %s=%j, naming the variable and its bounds', (name, value) => {
    const result = limitsFromEnv({ [name]: value });
    const variable = LIMIT_VARIABLES.find((v) => v.name === name);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid_limit',
        variable: name,
        value,
        min: variable?.min,
        max: variable?.max,
      },
    });
  });

  it('refuses an upload limit below the model limit', () => {
    const result = limitsFromEnv({
      VIGIE_MAX_MODEL_BYTES: '10000000',
      VIGIE_MAX_UPLOAD_BYTES: '9999999',
    });
    expect(!result.ok && result.error).toMatchObject({
      code: 'upload_below_model',
      variable: 'VIGIE_MAX_UPLOAD_BYTES',
      value: '9999999',
      min: 10_000_000,
    });
  });
});

describe('describeBytes and describeDelay', () => {
  it('says sizes readably and exactly, in both languages', () => {
    expect(describeBytes(33_554_432, 'en')).toBe('32 MiB (33,554,432 bytes)');
    expect(describeBytes(33_554_432, 'fr')).toBe('32 Mio (33\u202f554\u202f432 octets)');
    expect(describeBytes(9_280_848, 'en')).toBe('8.9 MiB (9,280,848 bytes)');
    expect(describeBytes(512, 'en')).toBe('512 bytes');
  });

  it('says when to retry in seconds under a minute and a half, in minutes above', () => {
    expect(describeDelay(0.2, 'en')).toBe('1 second');
    expect(describeDelay(30, 'en')).toBe('30 seconds');
    expect(describeDelay(30, 'fr')).toBe('30 secondes');
    expect(describeDelay(89, 'en')).toBe('89 seconds');
    expect(describeDelay(90, 'en')).toBe('2 minutes');
    expect(describeDelay(3600, 'fr')).toBe('60 minutes');
  });
});
