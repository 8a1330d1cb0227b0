import { describe, expect, it } from 'vitest';
import { compileCondition } from './condition.js';

describe('compileCondition', () => {
  it.each([
    [{ gt: 3 }, [2, 3, 4], [false, false, true]],
    [{ gte: 3 }, [2, 3, 4], [false, true, true]],
    [{ lt: 3 }, [2, 3, 4], [true, false, false]],
    [{ lte: 3 }, [2, 3, 4], [true, true, false]],
    [{ eq: 3 }, [2, 3, 4], [false, true, false]],
    [{ neq: 3 }, [2, 3, 4], [true, false, true]],
    [{ gt: 100, lte: 200 }, [100, 101, 200, 201], [false, true, true, false]],
    [{ gte: 1, lte: 5, neq: 3 }, [0, 1, 3, 5, 6], [false, true, false, true, false]],
  ])('%j', (condition, values, expected) => {
    const compiled = compileCondition('event_count', condition, 1);
    expect(values.map((v) => compiled.test(v))).toEqual(expected);
  });

  it('is monotone only for lower bounds on counts', () => {
    expect(compileCondition('event_count', { gte: 3 }, 1).isMonotone).toBe(true);
    expect(compileCondition('value_count', { gt: 3, field: 'u' }, 1).isMonotone).toBe(true);
    expect(compileCondition('temporal', {}, 2).isMonotone).toBe(true);
    expect(compileCondition('event_count', { gt: 100, lte: 200 }, 1).isMonotone).toBe(false);
    expect(compileCondition('event_count', { eq: 3 }, 1).isMonotone).toBe(false);
    expect(compileCondition('value_sum', { gt: 3, field: 'b' }, 1).isMonotone).toBe(false);
    expect(compileCondition('value_avg', { gte: 3, field: 'b' }, 1).isMonotone).toBe(false);
  });

  it('defaults temporal conditions to all referenced rules', () => {
    const compiled = compileCondition('temporal_ordered', {}, 3);
    expect(compiled.text).toBe('gte 3');
    expect([2, 3].map((v) => compiled.test(v))).toEqual([false, true]);
  });

  it('never matches a non-temporal condition without operator', () => {
    const compiled = compileCondition('event_count', {}, 1);
    expect(compiled.test(5)).toBe(false);
    expect(compiled.isMonotone).toBe(false);
  });
});
