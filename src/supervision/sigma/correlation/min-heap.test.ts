import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MinHeap } from './min-heap.js';

describe('MinHeap', () => {
  it('pops in ascending order', () => {
    const heap = new MinHeap<number>((a, b) => a < b);
    for (const n of [5, 1, 4, 1, 3, 9, 2]) heap.push(n);
    expect(heap.size).toBe(7);
    expect(heap.peek()).toBe(1);
    const out: number[] = [];
    for (let v = heap.pop(); v !== undefined; v = heap.pop()) out.push(v);
    expect(out).toEqual([1, 1, 2, 3, 4, 5, 9]);
    expect(heap.pop()).toBeUndefined();
  });

  it('sorts like Array.prototype.sort', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), (values) => {
        const heap = new MinHeap<number>((a, b) => a < b);
        for (const v of values) heap.push(v);
        const out: number[] = [];
        while (heap.size > 0) out.push(heap.pop()!);
        expect(out).toEqual([...values].sort((a, b) => a - b));
      }),
    );
  });
});
