import { describe, expect, it } from 'vitest';
import { numericValue, tupleKey, valueKey } from './field-values.js';

describe('field values', () => {
  it('keys values, missing for absent and null', () => {
    expect(valueKey('a')).toBe('a');
    expect(valueKey(5)).toBe('5');
    expect(valueKey(true)).toBe('true');
    expect(valueKey(['x', 1])).toBe('["x",1]');
    expect(valueKey(null)).toBeUndefined();
    expect(valueKey(undefined)).toBeUndefined();
  });

  it('joins several fields and fails on a missing one', () => {
    const values: unknown[] = [];
    expect(tupleKey({ a: 'x', b: 2 }, ['a', 'b'], values)).toBe('x\u001f2');
    expect(values).toEqual(['x', 2]);
    expect(tupleKey({ a: 'x' }, ['a', 'b'])).toBeUndefined();
    expect(tupleKey({ a: 'x' }, [])).toBe('');
  });

  it('reads numbers and numeric strings only', () => {
    expect(numericValue(12.5)).toBe(12.5);
    expect(numericValue(' 42 ')).toBe(42);
    expect(numericValue('0x10')).toBe(16);
    expect(numericValue('')).toBeUndefined();
    expect(numericValue('12kB')).toBeUndefined();
    expect(numericValue(Number.NaN)).toBeUndefined();
    expect(numericValue(Infinity)).toBeUndefined();
    expect(numericValue(true)).toBeUndefined();
    expect(numericValue(null)).toBeUndefined();
  });
});
