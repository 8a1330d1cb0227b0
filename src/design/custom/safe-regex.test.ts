import { describe, expect, it } from 'vitest';
import { checkPattern, compileSafeRegex, MATCH_INPUT_LIMIT, safeTest } from './safe-regex.js';

describe('checkPattern', () => {
  it.each([
    ['(a+)+$', 'nested-quantifier'],
    ['(a*)*b', 'nested-quantifier'],
    ['(a|aa)+$', 'nested-quantifier'],
    ['^(\\w+\\s?)*$', 'nested-quantifier'],
    ['((ab)*)+', 'nested-quantifier'],
    ['(x+x+)+y', 'nested-quantifier'],
    ['(.*a){2,}', 'nested-quantifier'],
    ['(a)\\1', 'backreference'],
    ['(?<n>a)\\k<n>', 'backreference'],
    ['(?<=a)b', 'lookbehind'],
    ['a*b*c*d*', 'too-many-quantifiers'],
    ['a'.repeat(201), 'too-long'],
  ])('refuses %s (%s)', (pattern, code) => {
    const result = checkPattern(pattern);
    expect(result.ok ? undefined : result.error.code).toBe(code);
  });

  it.each([
    '^srv-',
    '^(srv|db)-[a-z]+-\\d+$',
    '(prod|prd)$',
    '^[a-z0-9-]+\\.example\\.fr$',
    '(ab)?c+',
    '[*+]+',
    'x{2,4}',
    '^\\d{1,3}(\\.\\d{1,3}){3}$',
  ])('accepts %s', (pattern) => {
    expect(compileSafeRegex(pattern).ok).toBe(true);
  });

  it('reports a pattern JavaScript cannot compile', () => {
    const result = compileSafeRegex('[a-');
    expect(result.ok ? undefined : result.error.code).toBe('invalid-regex');
  });
});

describe('safeTest', () => {
  it('only looks at the first characters of long values', () => {
    const regex = compileSafeRegex('z$');
    if (!regex.ok) throw new Error('pattern refused');
    expect(safeTest(regex.value, `${'a'.repeat(MATCH_INPUT_LIMIT)}z`)).toBe(false);
    expect(safeTest(regex.value, 'az')).toBe(true);
  });
});
