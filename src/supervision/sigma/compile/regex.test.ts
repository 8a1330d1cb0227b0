import { describe, expect, it } from 'vitest';
import { compileRegex, hasNestedRepetition, translateRegex } from './regex.js';

describe('translateRegex', () => {
  it.each([
    ['(?i)abc', '', 'abc', 'i'],
    ['(?is)a.c', '', 'a.c', 'is'],
    ['a(?i)b', 'm', 'ab', 'im'],
    ['(?P<x>a)(?P=x)', '', '(?<x>a)\\k<x>', ''],
    ['\\Aabc\\Z', '', '^abc$', ''],
    ['(?>ab)c', '', '(?:ab)c', ''],
    ['a++b*+', '', 'a+b*', ''],
    ['[[:alpha:]_]+', '', '[a-zA-Z_]+', ''],
    ['[\\A]', '', '[\\A]', ''],
    ['a\\+\\+', '', 'a\\+\\+', ''],
  ])('%s', (input, flags, source, outFlags) => {
    expect(translateRegex(input, flags)).toEqual({ source, flags: outFlags });
  });
});

describe('catastrophic backtracking guard', () => {
  it.each([
    ['(a+)+$', true],
    ['(a*)*b', true],
    ['(?:.*\\)){1,}', true],
    ['(\\w+\\s?){2,50}', true],
    ['([0-9a-f]{2}\\s?){2,20}', false],
    ['(ab)+c*', false],
    ['a+b+c+', false],
    ['(?:\\{\\d\\})+', false],
    ['[(a+)]+', false],
  ])('%s → nested %s', (source, nested) => {
    expect(hasNestedRepetition(source)).toBe(nested);
  });

  it('refuses a pathological pattern with a bilingual reason', () => {
    const r = compileRegex('(a+)+$', '');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.fr).toContain('exponentiel');
  });

  it('reports invalid patterns without throwing', () => {
    const r = compileRegex('a(b', '');
    expect(r.ok).toBe(false);
  });
});
