import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../lib/api';
import { classifySaveFailure, detailLines, failureDetails } from './save-failure';

const failure = (status: number, code: string, details?: unknown): ApiFailure =>
  new ApiFailure(status, { code, message: { en: 'e', fr: 'f' }, details });

describe('classifySaveFailure', () => {
  it('reads 422 invalid_model diagnostics', () => {
    const result = classifySaveFailure(
      failure(422, 'invalid_model', {
        errors: 1,
        diagnostics: [
          { file: 'a.yaml', line: 2, column: 3, severity: 'error', code: 'c', message: 'm' },
        ],
      }),
    );
    expect(result).toEqual({
      kind: 'invalid',
      diagnostics: [
        { file: 'a.yaml', line: 2, column: 3, severity: 'error', code: 'c', message: 'm' },
      ],
    });
  });
  it('reads 409 conflict versions', () => {
    expect(
      classifySaveFailure(failure(409, 'conflict', { expectedLatest: 3, actualLatest: 4 })),
    ).toEqual({ kind: 'conflict', expected: 3, actual: 4 });
    expect(classifySaveFailure(failure(409, 'conflict'))).toEqual({
      kind: 'conflict',
      expected: null,
      actual: null,
    });
  });
  it('keeps anything else as is', () => {
    const other = failure(400, 'no_files');
    expect(classifySaveFailure(other)).toEqual({ kind: 'other', error: other });
    expect(classifySaveFailure(failure(409, 'slug_taken')).kind).toBe('other');
  });
});

describe('detailLines', () => {
  it('formats objects, strings and arrays', () => {
    expect(detailLines({ maxBytes: 10, files: ['a', 'b'] })).toEqual([
      'maxBytes: 10',
      'files: ["a","b"]',
    ]);
    expect(detailLines('x')).toEqual(['x']);
    expect(detailLines(undefined)).toEqual([]);
    expect(failureDetails(failure(413, 'zip_too_large', { entries: 300 }))).toEqual([
      'entries: 300',
    ]);
    expect(failureDetails(new Error('x'))).toEqual([]);
  });
  it('adds nothing to a message that already says the limit (413) or when to retry (429)', () => {
    for (const code of ['model_too_large', 'payload_too_large', 'quota_exceeded']) {
      expect(failureDetails(failure(413, code, { maxBytes: 33_554_432 })), code).toEqual([]);
    }
  });
});
