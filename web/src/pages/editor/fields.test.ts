import { describe, expect, it } from 'vitest';
import { changedFields, inferFieldType, parseFormValue, sameValue, toFormValue } from './fields';

describe('inferFieldType', () => {
  it.each([
    ['web01', 'string'],
    ['x'.repeat(81), 'text'],
    ['a\nb', 'text'],
    [3, 'number'],
    [true, 'boolean'],
    [null, 'string'],
    [['a', 'b'], 'list'],
    [[], 'list'],
    [[{ a: 1 }], 'structured'],
    [[1, 2], 'structured'],
    [{ C: 3 }, 'structured'],
  ] as const)('%j → %s', (value, type) => {
    expect(inferFieldType(value)).toBe(type);
  });
});

describe('form values round-trip', () => {
  it('shows and parses each type', () => {
    expect(toFormValue('list', ['a', 'b'])).toBe('a\nb');
    expect(parseFormValue('list', ' a \n\n b ')).toEqual({ ok: true, value: ['a', 'b'] });
    expect(toFormValue('number', 4)).toBe('4');
    expect(parseFormValue('number', '4,5')).toEqual({ ok: true, value: 4.5 });
    expect(parseFormValue('boolean', false)).toEqual({ ok: true, value: false });
    const yamlText = toFormValue('structured', { C: 3, list: [1] });
    expect(parseFormValue('structured', yamlText)).toEqual({
      ok: true,
      value: { C: 3, list: [1] },
    });
    expect(parseFormValue('structured', '{"a": [1, 2]}')).toEqual({
      ok: true,
      value: { a: [1, 2] },
    });
  });
  it('clears empty inputs, refuses empty required ones and bad numbers', () => {
    expect(parseFormValue('string', '  ')).toEqual({ ok: true, value: null });
    expect(parseFormValue('string', ' ', true)).toEqual({
      ok: false,
      problem: { code: 'required' },
    });
    expect(parseFormValue('number', 'abc')).toEqual({ ok: false, problem: { code: 'number' } });
  });
  it('locates YAML syntax errors', () => {
    const parsed = parseFormValue('structured', 'a: 1\nb: [1, 2\n');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok && parsed.problem.code === 'syntax') {
      expect(parsed.problem.line).toBeGreaterThanOrEqual(2);
      expect(parsed.problem.message).not.toBe('');
    }
  });
});

describe('changedFields', () => {
  it('keeps only changed fields and marks cleared ones null', () => {
    const original = {
      name: 'Web',
      tags: ['a'],
      port: 443,
      mfa: false,
      owner: null,
      needs: { C: 3 },
    };
    const next = {
      name: 'Web',
      tags: ['a', 'b'],
      port: null,
      mfa: false,
      owner: null,
      needs: { C: 3 },
    };
    expect(changedFields(original, next)).toEqual({ tags: ['a', 'b'], port: null });
  });
  it('compares nested values structurally', () => {
    expect(sameValue({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(sameValue({ a: [1] }, { a: [1, 2] })).toBe(false);
    expect(sameValue([1], { 0: 1 })).toBe(false);
    expect(sameValue(undefined, null)).toBe(true);
  });
});
