import { describe, expect, it } from 'vitest';
import { brief, definition, detection, run } from './test-support.js';

const access = (t: number, line: number, user: string, bytes?: unknown) =>
  detection('web', t, line, bytes === undefined ? { User: user } : { User: user, bytes });

describe('value_sum', () => {
  const def = definition({
    type: 'value_sum',
    rules: ['web'],
    groupBy: ['User'],
    condition: { field: 'bytes', gt: 100 },
  });

  it('sums the field over complete windows', () => {
    const { alerts, correlator } = run(
      [def],
      [
        access(0, 1, 'u', 40),
        access(1, 2, 'u', 'abc'),
        access(3, 3, 'u', '50'),
        access(4, 4, 'v', 90),
        access(8, 5, 'u', 20),
        access(14.5, 6, 'v', 20),
      ],
    );
    expect(alerts.map(brief)).toEqual([
      { id: 'c1', time: 10, window: [0, 10], value: 110, group: { User: 'u' }, lines: [1, 3, 5] },
    ]);
    expect(correlator.stats().missingValueField).toBe(1);
  });

  it('includes a value exactly one timespan later, not beyond', () => {
    expect(
      run([def], [access(0, 1, 'u', 60), access(10, 2, 'u', 60)]).alerts.map((a) => a.value),
    ).toEqual([120]);
    expect(run([def], [access(0, 1, 'u', 60), access(10.001, 2, 'u', 60)]).alerts).toEqual([]);
  });

  it('checks ranges on the sum', () => {
    const range = { ...def, condition: { field: 'bytes', gte: 50, lt: 60 } };
    const { alerts } = run(
      [range],
      [access(0, 1, 'u', 30), access(1, 2, 'u', 40), access(20, 3, 'u', 55)],
    );
    expect(alerts.map(brief)).toEqual([
      { id: 'c1', time: 30, window: [20, 30], value: 55, group: { User: 'u' }, lines: [3] },
    ]);
  });
});

describe('value_avg', () => {
  const def = definition({
    type: 'value_avg',
    rules: ['web'],
    groupBy: ['User'],
    condition: { field: 'bytes', gt: 500 },
  });

  it('averages the field over complete windows', () => {
    const { alerts } = run(
      [def],
      [
        access(0, 1, 'u', 400),
        access(1, 2, 'u', 700),
        access(2, 3, 'v', 400),
        access(3, 4, 'v', 500),
      ],
    );
    expect(alerts.map(brief)).toEqual([
      { id: 'c1', time: 10, window: [0, 10], value: 550, group: { User: 'u' }, lines: [1, 2] },
    ]);
  });

  it('slides to the next anchor when the first window does not match', () => {
    const { alerts } = run(
      [def],
      [access(0, 1, 'u', 100), access(5, 2, 'u', 800), access(9, 3, 'u', 600)],
    );
    expect(alerts.map(brief)).toEqual([
      { id: 'c1', time: 15, window: [5, 15], value: 700, group: { User: 'u' }, lines: [2, 3] },
    ]);
  });
});

describe('value_percentile', () => {
  const def = definition({
    type: 'value_percentile',
    rules: ['web'],
    groupBy: ['User'],
    condition: { field: 'bytes', percentile: 90, gte: 100 },
  });

  it('computes the percentile by linear interpolation', () => {
    const values = [10, 200, 30, 40, 20];
    const { alerts } = run(
      [def],
      values.map((v, i) => access(i, i + 1, 'u', v)),
    );
    // Sorted 10 20 30 40 200; rank 0.9 × 4 = 3.6 → 40 + 0.6 × 160.
    expect(alerts.map(brief)).toEqual([
      {
        id: 'c1',
        time: 10,
        window: [0, 10],
        value: 136,
        group: { User: 'u' },
        lines: [1, 2, 3, 4, 5],
      },
    ]);
  });

  it('uses the median when no percentile is given', () => {
    const median = { ...def, condition: { field: 'bytes', lte: 25 } };
    const { alerts } = run(
      [median],
      [access(0, 1, 'u', 10), access(1, 2, 'u', 30), access(2, 3, 'u', 20)],
    );
    expect(alerts.map(brief)).toEqual([
      { id: 'c1', time: 10, window: [0, 10], value: 20, group: { User: 'u' }, lines: [1, 2, 3] },
    ]);
  });

  it('drops values that left the window', () => {
    const high = { ...def, condition: { field: 'bytes', percentile: 100, lt: 50 } };
    const { alerts } = run(
      [high],
      [access(0, 1, 'u', 90), access(5, 2, 'u', 10), access(11, 3, 'u', 20)],
    );
    expect(alerts.map(brief)).toEqual([
      { id: 'c1', time: 15, window: [5, 15], value: 20, group: { User: 'u' }, lines: [2, 3] },
    ]);
  });
});
