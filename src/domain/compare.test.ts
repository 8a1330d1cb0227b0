import { describe, expect, it } from 'vitest';
import { byId, compareIds } from './compare.js';

describe('compareIds', () => {
  it('orders by code point, not by locale nor naturally', () => {
    const ids = ['b', 'site-10', 'B', 'site-2', 'é', 'a', 'e'];
    expect([...ids].sort(compareIds)).toEqual(['B', 'a', 'b', 'e', 'site-10', 'site-2', 'é']);
  });

  it('is zero only for equal ids, and antisymmetric', () => {
    expect(compareIds('x', 'x')).toBe(0);
    expect(Math.sign(compareIds('a', 'b'))).toBe(-Math.sign(compareIds('b', 'a')));
  });

  it('sorts entities by id', () => {
    expect([{ id: 'z' }, { id: 'm' }].sort(byId).map((e) => e.id)).toEqual(['m', 'z']);
  });
});
