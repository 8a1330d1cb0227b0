import { describe, expect, it } from 'vitest';
import type { DocumentView } from '../../../../src/platform/api/types';
import {
  documentLanguage,
  fallbackFileName,
  finishedSince,
  formatSize,
  progressPercent,
  requestedKind,
  shouldPoll,
  upsertDocument,
} from './documents-logic';

const doc = (id: string, status: DocumentView['status'], extra: Partial<DocumentView> = {}) =>
  ({
    id,
    version: 3,
    kind: 'dat',
    format: 'pdf',
    lang: 'fr',
    status,
    progress: null,
    fileName: null,
    size: null,
    error: null,
    createdBy: null,
    created: '2026-11-28T06:00:00.000Z',
    finished: null,
    ...extra,
  }) satisfies DocumentView;

describe('formatSize', () => {
  it.each([
    [0, 'en', '0\u00a0B'],
    [532, 'en', '532\u00a0B'],
    [1024, 'en', '1\u00a0KB'],
    [12_700, 'en', '12.4\u00a0KB'],
    [250_000, 'en', '244\u00a0KB'],
    [3_250_000, 'en', '3.1\u00a0MB'],
    [12_700, 'fr', '12,4\u00a0Ko'],
    [3_250_000, 'fr', '3,1\u00a0Mo'],
    [5 * 1024 ** 4, 'en', '5,120\u00a0GB'],
    [-5, 'en', '0\u00a0B'],
  ] as const)('%d bytes in %s → %s', (bytes, lang, expected) => {
    expect(formatSize(bytes, lang)).toBe(expected);
  });
});

describe('polling', () => {
  it('polls while a document is queued or running, not otherwise', () => {
    expect(shouldPoll(null)).toBe(false);
    expect(shouldPoll([])).toBe(false);
    expect(shouldPoll([doc('a', 'done'), doc('b', 'failed')])).toBe(false);
    expect(shouldPoll([doc('a', 'done'), doc('b', 'queued')])).toBe(true);
    expect(shouldPoll([doc('a', 'running')])).toBe(true);
  });

  it('reports documents that went from pending to done or failed', () => {
    const before = [doc('a', 'running'), doc('b', 'queued'), doc('c', 'done'), doc('d', 'queued')];
    const after = [doc('a', 'done'), doc('b', 'failed'), doc('c', 'done'), doc('d', 'running')];
    expect(finishedSince(before, after).map((d) => d.id)).toEqual(['a', 'b']);
    expect(finishedSince(null, after)).toEqual([]);
  });

  it('puts a new document first without duplicating it', () => {
    const list = [doc('a', 'done'), doc('b', 'queued')];
    expect(upsertDocument(list, doc('b', 'running')).map((d) => [d.id, d.status])).toEqual([
      ['b', 'running'],
      ['a', 'done'],
    ]);
    expect(upsertDocument(null, doc('x', 'queued')).map((d) => d.id)).toEqual(['x']);
  });
});

describe('helpers', () => {
  it('names a file when the server gives none', () => {
    expect(fallbackFileName(doc('a', 'done', { kind: 'analysis', format: 'md', lang: 'en' }))).toBe(
      'analysis-v3-en.md',
    );
  });

  it('clamps progress to 0–100', () => {
    expect(progressPercent(null)).toBeNull();
    expect(progressPercent(Number.NaN)).toBeNull();
    expect(progressPercent(0.426)).toBe(43);
    expect(progressPercent(1.4)).toBe(100);
    expect(progressPercent(-1)).toBe(0);
  });
});

describe('documentLanguage', () => {
  it.each([
    // picked, model, UI → preselected, model's, sent
    [null, 'fr', 'en', 'fr', true, 'fr'],
    [null, 'en', 'fr', 'en', true, 'en'],
    ['en', 'fr', 'fr', 'en', false, 'en'],
    ['fr', 'fr', 'en', 'fr', true, 'fr'],
    [null, null, 'fr', 'fr', false, 'fr'],
    [null, undefined, 'fr', 'fr', false, undefined],
    ['en', undefined, 'fr', 'en', false, 'en'],
  ] as const)(
    'picked %s, model %s, UI %s → %s (model’s: %s), sends %s',
    (picked, model, ui, lang, isModels, send) => {
      expect(documentLanguage(picked, model, ui)).toEqual({ lang, isModels, send });
    },
  );
});

describe('requestedKind', () => {
  it('preselects the PRA, the analysis report or the DAT a link asks for', () => {
    expect(requestedKind('pra')).toBe('pra');
    expect(requestedKind('analysis')).toBe('analysis');
    expect(requestedKind('dat')).toBe('dat');
  });
  it('falls back to the DAT for a missing or unknown kind', () => {
    expect(requestedKind(null)).toBe('dat');
    expect(requestedKind('PRA')).toBe('dat');
    expect(requestedKind('report')).toBe('dat');
  });
  it('names the PRA file like the others', () => {
    expect(fallbackFileName(doc('p', 'done', { kind: 'pra', format: 'pdf', lang: 'en' }))).toBe(
      'pra-v3-en.pdf',
    );
  });
});
