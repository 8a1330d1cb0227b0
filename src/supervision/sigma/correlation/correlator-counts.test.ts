import { describe, expect, it } from 'vitest';
import { brief, definition, detection, run } from './test-support.js';
import type { CorrelationCondition } from './types.js';

const failed = (seconds: number, line: number, user?: string) =>
  detection('failed', seconds, line, user === undefined ? {} : { User: user });

describe('event_count', () => {
  const def = definition({
    type: 'event_count',
    rules: ['failed'],
    groupBy: ['User'],
    condition: { gte: 3 },
  });

  it('counts per group within the timespan and fires once', () => {
    const { alerts } = run(
      [def],
      [
        failed(0, 1, 'alice'),
        failed(1, 2, 'bob'),
        failed(4, 3, 'alice'),
        failed(10, 4, 'alice'),
        failed(5, 5, 'bob'),
        failed(11, 6, 'alice'),
        failed(12, 7, 'alice'),
        failed(25, 8, 'alice'),
      ],
    );
    expect(alerts.map(brief)).toEqual([
      { id: 'c1', time: 10, window: [0, 10], value: 3, group: { User: 'alice' }, lines: [1, 3, 4] },
    ]);
    expect(alerts[0]).toMatchObject({ title: 'Test correlation', type: 'event_count', tags: [] });
  });

  it('includes a detection exactly one timespan after the first (inclusive edge)', () => {
    const at = run([def], [failed(0, 1, 'a'), failed(5, 2, 'a'), failed(10, 3, 'a')]);
    expect(at.alerts.map(brief)).toEqual([
      { id: 'c1', time: 10, window: [0, 10], value: 3, group: { User: 'a' }, lines: [1, 2, 3] },
    ]);
    const after = run([def], [failed(0, 1, 'a'), failed(5, 2, 'a'), failed(10.001, 3, 'a')]);
    expect(after.alerts).toEqual([]);
  });

  it('consumes the detections of an alert: the next alert needs new ones', () => {
    const times = [0, 1, 2, 3, 4, 5, 6];
    const { alerts } = run(
      [def],
      times.map((t, i) => failed(t, i + 1, 'a')),
    );
    expect(alerts.map((a) => a.lines.map((r) => r.line))).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });

  it('evaluates every operator', () => {
    const burst = [failed(0, 1, 'a'), failed(1, 2, 'a'), failed(2, 3, 'a')];
    const cases: [CorrelationCondition, ReturnType<typeof brief>[]][] = [
      [
        { gt: 2 },
        [{ id: 'c1', time: 2, window: [0, 2], value: 3, group: { User: 'a' }, lines: [1, 2, 3] }],
      ],
      [
        { gte: 3 },
        [{ id: 'c1', time: 2, window: [0, 2], value: 3, group: { User: 'a' }, lines: [1, 2, 3] }],
      ],
      [{ gt: 3 }, []],
      // Conditions with an upper bound are checked on complete windows [s, s + 10 s].
      [
        { lt: 4 },
        [{ id: 'c1', time: 10, window: [0, 10], value: 3, group: { User: 'a' }, lines: [1, 2, 3] }],
      ],
      [
        { lte: 3 },
        [{ id: 'c1', time: 10, window: [0, 10], value: 3, group: { User: 'a' }, lines: [1, 2, 3] }],
      ],
      [
        { eq: 3 },
        [{ id: 'c1', time: 10, window: [0, 10], value: 3, group: { User: 'a' }, lines: [1, 2, 3] }],
      ],
      [
        { neq: 2 },
        [{ id: 'c1', time: 10, window: [0, 10], value: 3, group: { User: 'a' }, lines: [1, 2, 3] }],
      ],
      // The window anchored at the first detection fails; the one anchored at the second holds.
      [
        { eq: 2 },
        [{ id: 'c1', time: 11, window: [1, 11], value: 2, group: { User: 'a' }, lines: [2, 3] }],
      ],
      [
        { lt: 3 },
        [{ id: 'c1', time: 11, window: [1, 11], value: 2, group: { User: 'a' }, lines: [2, 3] }],
      ],
      [
        { gt: 1, lte: 2 },
        [{ id: 'c1', time: 11, window: [1, 11], value: 2, group: { User: 'a' }, lines: [2, 3] }],
      ],
      [{ gte: 4, lte: 9 }, []],
    ];
    for (const [condition, expected] of cases) {
      const { alerts } = run([{ ...def, condition }], burst);
      expect({ condition, alerts: alerts.map(brief) }).toEqual({ condition, alerts: expected });
    }
  });

  it('ignores detections whose group-by field is missing or null', () => {
    const { alerts, correlator } = run(
      [def],
      [failed(0, 1), failed(1, 2), detection('failed', 2, 3, { User: null }), failed(3, 4, 'a')],
    );
    expect(alerts).toEqual([]);
    expect(correlator.stats().missingGroupField).toBe(3);
  });

  it('groups by several fields (AND) and keeps their raw values', () => {
    const two = { ...def, groupBy: ['User', 'Port'], condition: { gte: 2 } };
    const { alerts } = run(
      [two],
      [
        detection('failed', 0, 1, { User: 'a', Port: 22 }),
        detection('failed', 1, 2, { User: 'a', Port: 23 }),
        detection('failed', 2, 3, { User: 'a', Port: 22 }),
      ],
    );
    expect(alerts.map(brief)).toEqual([
      {
        id: 'c1',
        time: 2,
        window: [0, 2],
        value: 2,
        group: { User: 'a', Port: 22 },
        lines: [1, 3],
      },
    ]);
  });

  it('counts everything in one group without group-by', () => {
    const { alerts } = run(
      [{ ...def, groupBy: [] }],
      [failed(0, 1, 'a'), failed(1, 2, 'b'), failed(2, 3)],
    );
    expect(alerts.map(brief)).toEqual([
      { id: 'c1', time: 2, window: [0, 2], value: 3, group: {}, lines: [1, 2, 3] },
    ]);
  });

  it('counts the detections of every referenced rule together', () => {
    const both = { ...def, rules: ['failed', 'locked'], condition: { gte: 2 } };
    const { alerts } = run([both], [failed(0, 1, 'a'), detection('locked', 1, 2, { User: 'a' })]);
    expect(alerts.map((a) => a.value)).toEqual([2]);
  });
});

describe('value_count', () => {
  const def = definition({
    type: 'value_count',
    rules: ['failed'],
    groupBy: ['Source'],
    condition: { field: 'User', gte: 3 },
  });
  const login = (t: number, line: number, source: string, user?: string) =>
    detection(
      'failed',
      t,
      line,
      user === undefined ? { Source: source } : { Source: source, User: user },
    );

  it('counts distinct values per group', () => {
    const { alerts, correlator } = run(
      [def],
      [
        login(0, 1, 'A', 'u1'),
        login(1, 2, 'A', 'u1'),
        login(2, 3, 'B', 'u1'),
        login(3, 4, 'A', 'u2'),
        login(4, 5, 'B', 'u2'),
        login(5, 6, 'A'),
        login(6, 7, 'A', 'u3'),
      ],
    );
    expect(alerts.map(brief)).toEqual([
      { id: 'c1', time: 6, window: [0, 6], value: 3, group: { Source: 'A' }, lines: [1, 2, 4, 7] },
    ]);
    expect(correlator.stats().missingValueField).toBe(1);
  });

  it('forgets values that left the window', () => {
    const { alerts } = run(
      [def],
      [
        login(0, 1, 'A', 'u1'),
        login(5, 2, 'A', 'u2'),
        login(10.5, 3, 'A', 'u3'),
        login(15, 4, 'A', 'u2'),
      ],
    );
    expect(alerts).toEqual([]);
  });

  it('counts distinct tuples when several fields are given', () => {
    const tuples = { ...def, condition: { field: ['User', 'Domain'], gte: 2 } };
    const { alerts } = run(
      [tuples],
      [
        detection('failed', 0, 1, { Source: 'A', User: 'u', Domain: 'd1' }),
        detection('failed', 1, 2, { Source: 'A', User: 'u', Domain: 'd1' }),
        detection('failed', 2, 3, { Source: 'A', User: 'u' }),
        detection('failed', 3, 4, { Source: 'A', User: 'u', Domain: 'd2' }),
      ],
    );
    expect(alerts.map(brief)).toEqual([
      { id: 'c1', time: 3, window: [0, 3], value: 2, group: { Source: 'A' }, lines: [1, 2, 4] },
    ]);
  });
});
