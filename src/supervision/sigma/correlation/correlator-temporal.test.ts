import { describe, expect, it } from 'vitest';
import { brief, definition, detection, run } from './test-support.js';

const on = (rule: string, t: number, line: number, host = 'h1') =>
  detection(rule, t, line, { Host: host });

describe('temporal', () => {
  const def = definition({ type: 'temporal', rules: ['a', 'b', 'c'], groupBy: ['Host'] });

  it('fires when every referenced rule matched in the timespan, in any order', () => {
    const { alerts } = run(
      [def],
      [
        on('a', 0, 1),
        on('c', 3, 2),
        on('a', 4, 3),
        on('b', 5, 4),
        on('a', 6, 5, 'h2'),
        on('b', 7, 6, 'h2'),
      ],
    );
    expect(alerts.map(brief)).toEqual([
      { id: 'c1', time: 5, window: [0, 5], value: 3, group: { Host: 'h1' }, lines: [1, 2, 3, 4] },
    ]);
  });

  it('is inclusive at exactly one timespan and not beyond', () => {
    expect(run([def], [on('a', 0, 1), on('b', 5, 2), on('c', 10, 3)]).alerts.map(brief)).toEqual([
      { id: 'c1', time: 10, window: [0, 10], value: 3, group: { Host: 'h1' }, lines: [1, 2, 3] },
    ]);
    expect(run([def], [on('a', 0, 1), on('b', 5, 2), on('c', 10.5, 3)]).alerts).toEqual([]);
  });

  it('slides the window when the oldest detection expires', () => {
    const { alerts } = run([def], [on('a', 0, 1), on('b', 2, 2), on('a', 9, 3), on('c', 12, 4)]);
    expect(alerts.map(brief)).toEqual([
      { id: 'c1', time: 12, window: [2, 12], value: 3, group: { Host: 'h1' }, lines: [2, 3, 4] },
    ]);
  });

  it('accepts a condition on the number of distinct rules', () => {
    const twoOfThree = { ...def, condition: { gte: 2 } };
    const { alerts } = run([twoOfThree], [on('a', 0, 1), on('a', 1, 2), on('c', 2, 3)]);
    expect(alerts.map(brief)).toEqual([
      { id: 'c1', time: 2, window: [0, 2], value: 2, group: { Host: 'h1' }, lines: [1, 2, 3] },
    ]);
  });
});

describe('temporal_ordered', () => {
  const def = definition({ type: 'temporal_ordered', rules: ['a', 'b', 'c'], groupBy: ['Host'] });

  it('fires when the rules matched in the given order', () => {
    expect(run([def], [on('a', 0, 1), on('b', 1, 2), on('c', 2, 3)]).alerts.map(brief)).toEqual([
      { id: 'c1', time: 2, window: [0, 2], value: 3, group: { Host: 'h1' }, lines: [1, 2, 3] },
    ]);
  });

  it('does not fire on another order', () => {
    expect(run([def], [on('c', 0, 1), on('b', 1, 2), on('a', 2, 3)]).alerts).toEqual([]);
    expect(run([def], [on('a', 0, 1), on('c', 1, 2), on('b', 2, 3)]).alerts).toEqual([]);
  });

  it('finds the order among other detections', () => {
    const { alerts } = run(
      [def],
      [on('c', 0, 1), on('b', 1, 2), on('a', 2, 3), on('c', 3, 4), on('b', 4, 5), on('c', 5, 6)],
    );
    expect(alerts.map(brief)).toEqual([
      {
        id: 'c1',
        time: 5,
        window: [0, 5],
        value: 3,
        group: { Host: 'h1' },
        lines: [1, 2, 3, 4, 5, 6],
      },
    ]);
  });

  it('rebuilds the order when its first link expires', () => {
    const { alerts } = run(
      [def],
      [on('a', 0, 1), on('b', 1, 2), on('a', 8, 3), on('b', 12, 4), on('c', 13, 5)],
    );
    expect(alerts.map(brief)).toEqual([
      { id: 'c1', time: 13, window: [8, 13], value: 3, group: { Host: 'h1' }, lines: [3, 4, 5] },
    ]);
  });

  it('misses a sequence longer than the timespan (inclusive edge)', () => {
    expect(run([def], [on('a', 0, 1), on('b', 4, 2), on('c', 10, 3)]).alerts).toHaveLength(1);
    expect(run([def], [on('a', 0, 1), on('b', 4, 2), on('c', 10.001, 3)]).alerts).toEqual([]);
  });

  it('orders detections of the same time by file then record', () => {
    const same = [on('b', 5, 2), on('a', 5, 1)];
    const { alerts } = run([{ ...def, rules: ['a', 'b'] }], same);
    expect(alerts.map((a) => a.value)).toEqual([2]);
    const reversed = [on('b', 5, 1), on('a', 5, 2)];
    expect(run([{ ...def, rules: ['a', 'b'] }], reversed).alerts).toEqual([]);
  });

  it('can ask for a prefix of the order only', () => {
    const prefix = { ...def, condition: { gte: 2 } };
    const { alerts } = run([prefix], [on('b', 0, 1), on('a', 1, 2), on('b', 2, 3)]);
    expect(alerts.map(brief)).toEqual([
      { id: 'c1', time: 2, window: [0, 2], value: 2, group: { Host: 'h1' }, lines: [1, 2, 3] },
    ]);
  });
});
