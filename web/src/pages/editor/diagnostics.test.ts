import { describe, expect, it } from 'vitest';
import type { DiagnosticView } from '../../../../src/platform/api/types';
import {
  countsByFile,
  diagnosticsOf,
  lineStarts,
  offsetAt,
  orderForDisplay,
  sortDiagnostics,
  toLintRanges,
} from './diagnostics';

const diag = (over: Partial<DiagnosticView>): DiagnosticView => ({
  file: 'a.yaml',
  line: 1,
  column: 1,
  severity: 'error',
  code: 'x',
  message: 'm',
  ...over,
});

describe('line and column to offsets', () => {
  it('finds line starts for LF, CRLF and CR', () => {
    expect(lineStarts('ab\ncd\r\nef\rg')).toEqual([0, 3, 7, 10]);
  });
  it('maps 1-based line/column and clamps out-of-range positions', () => {
    const text = 'abc\ndef\n';
    const starts = lineStarts(text);
    expect(offsetAt(text, starts, 1, 1)).toBe(0);
    expect(offsetAt(text, starts, 2, 2)).toBe(5);
    expect(offsetAt(text, starts, 2, 99)).toBe(7);
    expect(offsetAt(text, starts, 99, 1)).toBe(8);
    expect(offsetAt(text, starts, 0, 0)).toBe(0);
  });
  it('does not count the CR of a CRLF in the line', () => {
    const text = 'ab\r\ncd';
    expect(offsetAt(text, lineStarts(text), 1, 10)).toBe(2);
  });
});

describe('toLintRanges', () => {
  it('covers the token at the position, only for the given file, in order', () => {
    const text = 'assets:\n  - id: web01\n    zone: dmz\n';
    const ranges = toLintRanges(text, 'a.yaml', [
      diag({ line: 3, column: 11, message: 'unknown zone', code: 'ref' }),
      diag({ line: 2, column: 5, severity: 'warning' }),
      diag({ file: 'b.yaml', line: 1 }),
    ]);
    expect(ranges).toEqual([
      { from: 12, to: 15, severity: 'warning', message: 'm', source: 'x' },
      { from: 32, to: 35, severity: 'error', message: 'unknown zone', source: 'ref' },
    ]);
    expect(text.slice(32, 35)).toBe('dmz');
  });
  it('gives an empty range at the end of an empty text', () => {
    expect(toLintRanges('', 'a.yaml', [diag({ line: 4, column: 2 })])).toEqual([
      { from: 0, to: 0, severity: 'error', message: 'm', source: 'x' },
    ]);
  });
  it('covers one character when the position is on a space', () => {
    const [range] = toLintRanges('a  b', 'a.yaml', [diag({ column: 2 })]);
    expect(range).toMatchObject({ from: 1, to: 2 });
  });
});

describe('counts, order, parsing', () => {
  it('counts by file and severity', () => {
    const counts = countsByFile([
      diag({}),
      diag({ severity: 'warning' }),
      diag({ file: 'b.yaml', severity: 'info' }),
    ]);
    expect(counts.get('a.yaml')).toEqual({ errors: 1, warnings: 1, infos: 0 });
    expect(counts.get('b.yaml')).toEqual({ errors: 0, warnings: 0, infos: 1 });
  });
  it('sorts errors first then by position', () => {
    const sorted = sortDiagnostics([
      diag({ severity: 'warning', line: 1 }),
      diag({ line: 5 }),
      diag({ line: 2 }),
    ]);
    expect(sorted.map((d) => `${d.severity}:${d.line}`)).toEqual([
      'error:2',
      'error:5',
      'warning:1',
    ]);
  });
  it('reads 422 details defensively', () => {
    expect(diagnosticsOf(null)).toEqual([]);
    expect(diagnosticsOf({ diagnostics: 'x' })).toEqual([]);
    expect(
      diagnosticsOf({ diagnostics: [{ file: 'a.yaml', line: 3, message: 'bad' }, 7] }),
    ).toEqual([
      { file: 'a.yaml', line: 3, column: 1, severity: 'error', code: '', message: 'bad' },
    ]);
  });
});

describe('display order', () => {
  it('puts syntax errors first, then errors, warnings and infos', () => {
    const warning = diag({ file: 'a.yaml', line: 1, severity: 'warning', code: 'w' });
    const error = diag({ file: 'a.yaml', line: 2, code: 'unknown-reference' });
    const syntax = diag({ file: 'z.yaml', line: 9, code: 'yaml-syntax' });
    const tooLarge = diag({ file: 'b.yaml', code: 'file-too-large' });
    expect(orderForDisplay([warning, error, syntax, tooLarge])).toEqual([
      tooLarge,
      syntax,
      error,
      warning,
    ]);
  });
});
