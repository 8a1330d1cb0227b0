import { describe, expect, it } from 'vitest';
import { parseSigmaString } from '../modifiers/sigma-string.js';
import { compileTextTest } from './string-test.js';

/** The escaping table of the specification ("Escape Character"), value as written in YAML. */
describe('wildcards and escaping', () => {
  it.each([
    ['plain backslash', 'C:\\Windows', 'c:\\windows', true],
    ['double backslash is one backslash', 'C:\\\\Windows', 'c:\\windows', true],
    ['\\* is a plain star', 'a\\*', 'a*', true],
    ['\\* does not match other text', 'a\\*', 'ab', false],
    ['\\? is a plain question mark', 'a\\?', 'a?', true],
    ['\\\\* is a backslash then a wildcard', 'a\\\\*', 'a\\xyz', true],
    ['\\\\* requires the backslash', 'a\\\\*', 'axyz', false],
    ['\\\\\\* is a backslash then a plain star', 'a\\\\\\*', 'a\\*', true],
    ['\\\\\\* is not a wildcard', 'a\\\\\\*', 'a\\x', false],
    ['three backslashes are two', 'a\\\\\\b', 'a\\\\b', true],
    ['four backslashes are two', 'a\\\\\\\\b', 'a\\\\b', true],
    ['* matches any length', 'a*c', 'abbbc', true],
    ['* matches nothing', 'a*c', 'ac', true],
    ['? matches exactly one', 'a?c', 'abc', true],
    ['? needs a character', 'a?c', 'ac', false],
    ['several stars in order', '*a*b*', 'xxbxaxb', true],
    ['several stars out of order', '*a*b*', 'ba', false],
    ['case-insensitive by default', 'CMD.EXE', 'cmd.exe', true],
    ['empty pattern matches empty value only', '', '', true],
    ['empty pattern, non-empty value', '', 'x', false],
    ['lone star matches anything', '*', 'whatever', true],
    ['overlapping prefix and suffix', 'ab*ba', 'aba', false],
  ])('%s', (_name, pattern, value, expected) => {
    const test = compileTextTest(parseSigmaString(pattern), false);
    expect(test(value.toLowerCase())).toBe(expected);
  });

  it('cased patterns keep their case', () => {
    const test = compileTextTest(parseSigmaString('A*b'), true);
    expect(test('AxB')).toBe(false);
    expect(test('Axb')).toBe(true);
  });

  it('tokenizes placeholders only when asked', () => {
    expect(parseSigmaString('%a%x', true)).toEqual([{ kind: 'placeholder', name: 'a' }, 'x']);
    expect(parseSigmaString('%a%x')).toEqual(['%a%x']);
    expect(parseSigmaString('\\%a%', true)).toEqual(['%a%']);
  });
});
