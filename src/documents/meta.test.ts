import { describe, expect, it } from 'vitest';
import { documentMeta, type DocumentOptions } from './meta.js';

const OPTIONS: DocumentOptions = {
  version: '2.1',
  date: '2026-11-28',
  author: 'A. Martin',
  classification: 'Diffusion restreinte',
};
const IDENTITY = {
  title: 'Title',
  subtitle: 'Subtitle',
  organisation: 'Atelier Martin',
  lang: 'en',
  firstIssue: 'First issue',
} as const;

describe('documentMeta', () => {
  it('takes the options and the identity, with one first-issue entry for this version as history', () => {
    expect(documentMeta(OPTIONS, IDENTITY)).toEqual({
      title: 'Title',
      subtitle: 'Subtitle',
      organisation: 'Atelier Martin',
      version: '2.1',
      date: '2026-11-28',
      author: 'A. Martin',
      classification: 'Diffusion restreinte',
      lang: 'en',
      history: [
        { version: '2.1', date: '2026-11-28', author: 'A. Martin', changes: 'First issue' },
      ],
    });
  });

  it('keeps a given history, and treats an empty one as none', () => {
    const history = [{ version: '1.0', date: '2025-01-02', author: 'B', changes: 'Draft' }];
    expect(documentMeta({ ...OPTIONS, history }, IDENTITY).history).toEqual(history);
    expect(documentMeta({ ...OPTIONS, history: [] }, IDENTITY).history).toHaveLength(1);
  });
});
