import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OrderStatisticTree } from './order-statistic-tree.js';

describe('OrderStatisticTree', () => {
  it('answers rank queries with duplicates', () => {
    const tree = new OrderStatisticTree();
    for (const v of [5, 1, 5, 3, -2]) tree.insert(v);
    expect(tree.size).toBe(5);
    expect([0, 1, 2, 3, 4].map((k) => tree.kth(k))).toEqual([-2, 1, 3, 5, 5]);
    expect(tree.kth(5)).toBeUndefined();
    expect(tree.kth(-1)).toBeUndefined();
    expect(tree.remove(5)).toBe(true);
    expect(tree.remove(42)).toBe(false);
    expect([0, 1, 2, 3].map((k) => tree.kth(k))).toEqual([-2, 1, 3, 5]);
  });

  it('computes percentiles by linear interpolation', () => {
    const tree = new OrderStatisticTree();
    expect(tree.percentile(50)).toBeUndefined();
    for (const v of [10, 20, 30, 40]) tree.insert(v);
    expect(tree.percentile(0)).toBe(10);
    expect(tree.percentile(50)).toBe(25);
    expect(tree.percentile(100)).toBe(40);
    expect(tree.percentile(90)).toBeCloseTo(37, 10);
    expect(tree.percentile(150)).toBe(40);
  });

  it('matches a sorted array under random inserts and removals', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: -20, max: 20 })), { maxLength: 200 }),
        (operations) => {
          const tree = new OrderStatisticTree();
          const model: number[] = [];
          for (const [isInsert, value] of operations) {
            if (isInsert) {
              tree.insert(value);
              model.push(value);
            } else {
              const at = model.indexOf(value);
              expect(tree.remove(value)).toBe(at >= 0);
              if (at >= 0) model.splice(at, 1);
            }
          }
          model.sort((a, b) => a - b);
          expect(tree.size).toBe(model.length);
          for (let k = 0; k < model.length; k++) expect(tree.kth(k)).toBe(model[k]);
        },
      ),
    );
  });
});
