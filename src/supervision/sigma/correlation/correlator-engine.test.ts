import { describe, expect, it } from 'vitest';
import { createCorrelator } from './correlator.js';
import { brief, definition, detection, run } from './test-support.js';
import type { DetectionInput } from './types.js';

const failed = (t: number, line: number, user = 'alice') =>
  detection('failed', t, line, { User: user });
const count3 = definition({
  type: 'event_count',
  rules: ['failed'],
  groupBy: ['User'],
  condition: { gte: 3 },
});

describe('arrival order', () => {
  const stream = [
    failed(0, 1),
    failed(1, 2, 'bob'),
    failed(4, 3),
    failed(10, 4),
    failed(5, 5, 'bob'),
    failed(11, 6),
    failed(12, 7),
    failed(13, 8),
    failed(9, 9, 'bob'),
  ];
  const expected = [
    { id: 'c1', time: 9, window: [1, 9], value: 3, group: { User: 'bob' }, lines: [2, 5, 9] },
    { id: 'c1', time: 10, window: [0, 10], value: 3, group: { User: 'alice' }, lines: [1, 3, 4] },
    { id: 'c1', time: 13, window: [11, 13], value: 3, group: { User: 'alice' }, lines: [6, 7, 8] },
  ];

  it('gives the same alerts whatever the order within the tolerance', () => {
    const orders = [
      stream,
      [...stream].reverse(),
      [...stream].sort((a, b) => (a.line % 3) - (b.line % 3)),
    ];
    for (const order of orders) {
      expect(run([count3], order).alerts.map(brief)).toEqual(expected);
    }
  });

  it('emits an alert once the watermark passes it, not before', () => {
    const correlator = createCorrelator([count3], { reorderToleranceMs: 0 });
    expect(correlator.push(failed(0, 1))).toEqual([]);
    expect(correlator.push(failed(4, 2))).toEqual([]);
    // The third detection is held: one at the same time could still come and sort before it.
    expect(correlator.push(failed(10, 3))).toEqual([]);
    expect(correlator.push(failed(10.5, 4, 'bob')).map(brief)).toEqual([
      { id: 'c1', time: 10, window: [0, 10], value: 3, group: { User: 'alice' }, lines: [1, 2, 3] },
    ]);
    expect(correlator.flush()).toEqual([]);
    expect(correlator.flush()).toEqual([]);
  });

  it('drops and reports a detection later than the tolerance', () => {
    const { alerts, correlator } = run(
      [count3],
      // 99.5 arrives 1.5 s behind the newest time: beyond the 1 s tolerance.
      [failed(100, 1), failed(101, 2), failed(99.5, 3), failed(100.5, 4), failed(102, 5)],
      { reorderToleranceMs: 1000 },
    );
    expect(alerts.map(brief)).toEqual([
      {
        id: 'c1',
        time: 101,
        window: [100, 101],
        value: 3,
        group: { User: 'alice' },
        lines: [1, 2, 4],
      },
    ]);
    expect(correlator.stats().late).toBe(1);
    expect(correlator.diagnostics().map((d) => [d.code, d.severity])).toEqual([
      ['correlation-late-detection', 'warning'],
    ]);
    expect(correlator.diagnostics()[0]?.message.fr).toContain('1 détection(s)');
  });

  it('buffers everything until flush with an infinite tolerance', () => {
    const correlator = createCorrelator([count3], { reorderToleranceMs: Infinity });
    for (const d of [...stream].reverse()) expect(correlator.push(d)).toEqual([]);
    expect(correlator.stats().pending).toBe(9);
    expect(correlator.flush().map(brief)).toEqual(expected);
    expect(correlator.stats().pending).toBe(0);
  });

  it('releases early and says so when the reorder buffer is full', () => {
    const { alerts, correlator } = run(
      [count3],
      [failed(2, 1), failed(1, 2), failed(0, 3), failed(3, 4)],
      {
        maxPending: 1,
      },
    );
    // 1 is released to make room for 2, so 0 is late; 2 is released to make room for 3.
    expect(correlator.stats().forcedReleases).toBe(2);
    expect(correlator.stats().late).toBe(1);
    expect(alerts.map(brief)).toEqual([
      { id: 'c1', time: 3, window: [1, 3], value: 3, group: { User: 'alice' }, lines: [1, 2, 4] },
    ]);
    expect(correlator.diagnostics().map((d) => d.code)).toEqual([
      'correlation-late-detection',
      'correlation-reorder-buffer-full',
    ]);
  });
});

describe('bad input and bounds', () => {
  it('ignores detections without a usable time', () => {
    const bad: DetectionInput = { ...failed(0, 1), time: Number.NaN };
    const { correlator } = run([count3], [bad, failed(1, 2)]);
    expect(correlator.stats()).toMatchObject({ pushed: 2, badTime: 1 });
    expect(correlator.diagnostics().map((d) => d.code)).toEqual(['correlation-bad-time']);
  });

  it('ignores detections of rules no correlation refers to', () => {
    const { correlator } = run([count3], [detection('other', 0, 1, { User: 'a' })]);
    expect(correlator.stats()).toMatchObject({ pushed: 1, pending: 0, liveGroups: 0 });
  });

  it('caps the number of groups and reports it', () => {
    const { alerts, correlator } = run(
      [{ ...count3, condition: { gte: 2 } }],
      [
        failed(0, 1, 'a'),
        failed(0, 2, 'b'),
        failed(0, 3, 'c'),
        failed(1, 4, 'a'),
        failed(1, 5, 'c'),
      ],
      { maxGroups: 2 },
    );
    expect(alerts.map((a) => a.group)).toEqual([{ User: 'a' }]);
    // c is refused at 0 s; at 1 s the group of a is consumed, so c finds room.
    expect(correlator.stats().groupCapHits).toBe(1);
    expect(correlator.diagnostics().map((d) => d.code)).toEqual(['correlation-group-cap']);
  });

  it('forgets groups whose detections are older than the timespan', () => {
    const correlator = createCorrelator([count3], { reorderToleranceMs: 0 });
    for (let i = 0; i < 1000; i++) correlator.push(failed(i * 2, i + 1, `user${i}`));
    // Groups live while their detection is within 10 s of the watermark: at most 6 of them.
    expect(correlator.stats().liveGroups).toBeLessThanOrEqual(6);
    expect(correlator.stats().pending).toBe(1);
    correlator.flush();
    expect(correlator.stats()).toMatchObject({ liveGroups: 0, pending: 0 });
  });
});

describe('aliases', () => {
  const def = definition({
    type: 'temporal',
    rules: ['login', 'proxy'],
    groupBy: ['user'],
    aliases: { user: { login: 'TargetUserName', proxy: 'cs-username' } },
  });

  it('reads the group-by value from each rule’s own field', () => {
    const { alerts } = run(
      [def],
      [
        detection('login', 0, 1, { TargetUserName: 'alice', 'cs-username': 'mallory' }),
        detection('proxy', 2, 2, { 'cs-username': 'bob' }),
        detection('proxy', 3, 3, { 'cs-username': 'alice', TargetUserName: 'bob' }),
      ],
    );
    expect(alerts.map(brief)).toEqual([
      { id: 'c1', time: 3, window: [0, 3], value: 2, group: { user: 'alice' }, lines: [1, 3] },
    ]);
  });

  it('resolves a rule referred to by id through its name', () => {
    const byId = { ...def, rules: ['id-login', 'proxy'] };
    const { alerts } = run(
      [byId],
      [
        { ...detection('id-login', 0, 1, { TargetUserName: 'alice' }), ruleName: 'login' },
        detection('proxy', 1, 2, { 'cs-username': 'alice' }),
      ],
    );
    expect(alerts.map((a) => a.group)).toEqual([{ user: 'alice' }]);
  });

  it('applies aliases to the value field', () => {
    const sum = definition({
      type: 'value_sum',
      rules: ['a', 'b'],
      condition: { field: 'size', gte: 10 },
      aliases: { size: { a: 'bytes_in', b: 'bytes_out' } },
    });
    const { alerts } = run(
      [sum],
      [detection('a', 0, 1, { bytes_in: 4 }), detection('b', 1, 2, { bytes_out: 6, size: 99 })],
    );
    expect(alerts.map((a) => a.value)).toEqual([10]);
  });
});

describe('generate', () => {
  it('suppresses the referenced rules unless generate is true', () => {
    const hidden = createCorrelator([count3]);
    expect(hidden.suppressesBaseRule('failed')).toBe(true);
    expect(hidden.suppressesBaseRule('x', 'failed')).toBe(true);
    expect(hidden.suppressesBaseRule('other')).toBe(false);
    const shown = createCorrelator([{ ...count3, generate: true }]);
    expect(shown.suppressesBaseRule('failed')).toBe(false);
  });

  it('does not suppress rules of a disabled correlation', () => {
    const broken = createCorrelator([{ ...count3, timespanMs: 0 }]);
    expect(broken.suppressesBaseRule('failed')).toBe(false);
    expect(broken.diagnostics().map((d) => d.code)).toEqual(['correlation-timespan-invalid']);
  });

  it('hides the alerts of a chained correlation the outer one does not generate', () => {
    const inner = { ...count3, id: 'inner', name: 'many_failed', condition: { gte: 2 } };
    const outer = definition({
      id: 'outer',
      type: 'event_count',
      rules: ['many_failed'],
      groupBy: ['User'],
      condition: { gte: 1 },
    });
    const stream = [failed(0, 1), failed(1, 2)];
    expect(run([inner, outer], stream).alerts.map((a) => a.correlationId)).toEqual(['outer']);
    const generated = { ...outer, generate: true };
    expect(run([inner, generated], stream).alerts.map((a) => a.correlationId)).toEqual([
      'inner',
      'outer',
    ]);
  });
});
