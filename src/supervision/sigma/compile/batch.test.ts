import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANY } from '../modifiers/sigma-string.js';
import type { TypedValue } from '../modifiers/types.js';
import { batchValues } from './batch.js';

const suffix = (text: string): TypedValue => ({
  type: 'string',
  tokens: [ANY, text],
  binary: false,
});
const contains = (text: string): TypedValue => ({
  type: 'string',
  tokens: [ANY, text, ANY],
  binary: false,
});

function run(values: readonly TypedValue[], text: string): boolean {
  const batch = batchValues(values, false);
  if (batch.test === undefined) throw new Error('not batched');
  return batch.test(text, text.toLowerCase(), text, {});
}

const SUFFIXES = [
  '\\a.dll',
  '.dll',
  'b.dll',
  '\\x\\c.exe',
  'exe',
  'z',
  '\\longer\\name.sys',
  'q.q',
];

describe('batched values', () => {
  it('many suffixes: looked up by length, same answers as endsWith', () => {
    const values = SUFFIXES.map(suffix);
    expect(run(values, 'C:\\A.DLL')).toBe(true);
    expect(run(values, 'c:\\x\\c.exe')).toBe(true);
    expect(run(values, 'c:\\x\\c.ex')).toBe(false);
    expect(run(values, '')).toBe(false);
    expect(run(values, 'z')).toBe(true);
    expect(run([...values, suffix('')], '')).toBe(true);
  });

  it('many suffixes agree with a scan on random texts', () => {
    const values = SUFFIXES.map(suffix);
    const piece = fc.constantFrom(...SUFFIXES, 'a', '\\', '.', 'DLL', 'x');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 4 }), (parts) => {
        const text = parts.join('').toUpperCase();
        const lower = text.toLowerCase();
        expect(run(values, text)).toBe(SUFFIXES.some((s) => lower.endsWith(s)));
      }),
      { numRuns: 1000, seed: 6 },
    );
  });

  it('many substrings: one alternation, regex syntax taken literally', () => {
    const needles = ['a.b', 'x|y', '(z)', '[q]', 'c*d', 'e+f', '^g', 'h$', '\\i'];
    const values = needles.map(contains);
    expect(run(values, 'AXB')).toBe(false);
    expect(run(values, 'x|Y')).toBe(true);
    expect(run(values, 'nope')).toBe(false);
    for (const n of needles) expect(run(values, `--${n.toUpperCase()}--`)).toBe(true);
  });
});
