import { describe, expect, it } from 'vitest';
import { sameValue } from './fields';

describe('sameValue', () => {
  it('compares nested values structurally', () => {
    expect(sameValue({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(sameValue({ a: [1] }, { a: [1, 2] })).toBe(false);
    expect(sameValue([1], { 0: 1 })).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameValue('443', 443)).toBe(false);
  });
  it('takes absent and null for the same "not set"', () => {
    expect(sameValue(undefined, null)).toBe(true);
    expect(sameValue({ a: null }, {})).toBe(true);
    expect(sameValue(null, 0)).toBe(false);
    expect(sameValue(false, undefined)).toBe(false);
  });
});
