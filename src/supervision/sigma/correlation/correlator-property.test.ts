import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCorrelator } from './correlator.js';
import { definition, detection, run } from './test-support.js';
import type {
  CorrelationAlert,
  CorrelationCondition,
  CorrelationDefinition,
  DetectionInput,
} from './types.js';

const TOLERANCE_MS = 5000;
const TIMESPAN_MS = 10_000;

/** Detections at whole or half seconds over two minutes, three users, two rules, small values. */
const streamArbitrary = fc
  .array(
    fc.record({
      tenths: fc.integer({ min: 0, max: 1200 }),
      rule: fc.constantFrom('a', 'b'),
      user: fc.constantFrom('u1', 'u2', 'u3'),
      bytes: fc.integer({ min: 0, max: 50 }),
      target: fc.constantFrom('x', 'y', 'z', 'w'),
    }),
    { maxLength: 120 },
  )
  .map((items) =>
    items.map((item, i) =>
      detection(item.rule, item.tenths / 10, i + 1, {
        User: item.user,
        bytes: item.bytes,
        Target: item.target,
      }),
    ),
  );

const ALL_TYPES: CorrelationDefinition[] = [
  definition({
    id: 'count',
    type: 'event_count',
    rules: ['a', 'b'],
    groupBy: ['User'],
    condition: { gte: 4 },
    timespanMs: TIMESPAN_MS,
  }),
  definition({
    id: 'range',
    type: 'event_count',
    rules: ['a'],
    groupBy: ['User'],
    condition: { gt: 1, lte: 3 },
    timespanMs: TIMESPAN_MS,
  }),
  definition({
    id: 'distinct',
    type: 'value_count',
    rules: ['a', 'b'],
    groupBy: ['User'],
    condition: { field: 'Target', gte: 3 },
    timespanMs: TIMESPAN_MS,
  }),
  definition({
    id: 'temporal',
    type: 'temporal',
    rules: ['a', 'b'],
    groupBy: ['User'],
    timespanMs: TIMESPAN_MS,
  }),
  definition({
    id: 'ordered',
    name: 'ab',
    type: 'temporal_ordered',
    rules: ['a', 'b'],
    groupBy: ['User'],
    timespanMs: TIMESPAN_MS,
  }),
  definition({
    id: 'sum',
    type: 'value_sum',
    rules: ['a'],
    groupBy: ['User'],
    condition: { field: 'bytes', gte: 60 },
    timespanMs: TIMESPAN_MS,
  }),
  definition({
    id: 'avg',
    type: 'value_avg',
    rules: ['b'],
    groupBy: ['Target'],
    condition: { field: 'bytes', lt: 10 },
    timespanMs: TIMESPAN_MS,
  }),
  definition({
    id: 'p90',
    type: 'value_percentile',
    rules: ['a', 'b'],
    condition: { field: 'bytes', percentile: 90, gte: 45 },
    timespanMs: TIMESPAN_MS,
  }),
  definition({
    id: 'chain',
    type: 'event_count',
    rules: ['ab'],
    groupBy: ['User'],
    condition: { gte: 2 },
    timespanMs: 30_000,
    generate: true,
  }),
];

function canonical(alerts: readonly CorrelationAlert[]): string[] {
  return alerts
    .map((a) => JSON.stringify([a.correlationId, a.time, a.window, a.group, a.value, a.lines]))
    .sort();
}

/** Arrival order: each detection is delayed by up to the tolerance (so never late). */
function shuffleWithinTolerance(
  stream: readonly DetectionInput[],
  delays: readonly number[],
): DetectionInput[] {
  return stream
    .map((d, i) => ({ d, arrival: d.time + (delays[i % delays.length] ?? 0) }))
    .sort((x, y) => x.arrival - y.arrival)
    .map((x) => x.d);
}

/** Independent model of event_count: quadratic, no windows or timers. */
function modelEventCount(
  stream: readonly DetectionInput[],
  condition: CorrelationCondition,
  monotone: boolean,
): string[] {
  const test = (n: number) =>
    (condition.gt === undefined || n > condition.gt) &&
    (condition.gte === undefined || n >= condition.gte) &&
    (condition.lt === undefined || n < condition.lt) &&
    (condition.lte === undefined || n <= condition.lte) &&
    (condition.eq === undefined || n === condition.eq) &&
    (condition.neq === undefined || n !== condition.neq);
  const sorted = [...stream].sort((x, y) => x.time - y.time || x.line - y.line);
  const byUser = new Map<unknown, DetectionInput[]>();
  for (const d of sorted) byUser.set(d.event['User'], [...(byUser.get(d.event['User']) ?? []), d]);
  const out: string[] = [];
  for (const [user, list] of byUser) {
    if (monotone) {
      // Fire at a detection when its unconsumed trailing window satisfies the condition.
      let consumedUpTo = 0;
      for (let i = 0; i < list.length; i++) {
        const t = (list[i] as DetectionInput).time;
        const window = list.slice(consumedUpTo, i + 1).filter((d) => d.time >= t - TIMESPAN_MS);
        if (test(window.length)) {
          out.push(
            JSON.stringify([
              user,
              t,
              window.length,
              window.map((d) => d.line).sort((x, y) => x - y),
            ]),
          );
          consumedUpTo = i + 1;
        }
      }
    } else {
      // Evaluate the complete window anchored at each unconsumed detection.
      let i = 0;
      while (i < list.length) {
        const end = (list[i] as DetectionInput).time + TIMESPAN_MS;
        const window = list.slice(i).filter((d) => d.time <= end);
        if (test(window.length)) {
          out.push(
            JSON.stringify([
              user,
              end,
              window.length,
              window.map((d) => d.line).sort((x, y) => x - y),
            ]),
          );
          i += window.length;
        } else i++;
      }
    }
  }
  return out.sort();
}

describe('correlator properties', () => {
  it('gives the same alerts for any arrival order within the reorder tolerance', () => {
    fc.assert(
      fc.property(
        streamArbitrary,
        fc.array(fc.integer({ min: 0, max: TOLERANCE_MS }), { minLength: 1, maxLength: 50 }),
        (stream, delays) => {
          const sorted = [...stream].sort((x, y) => x.time - y.time || x.line - y.line);
          const reference = canonical(run(ALL_TYPES, sorted, { reorderToleranceMs: 0 }).alerts);
          const shuffled = run(ALL_TYPES, shuffleWithinTolerance(stream, delays), {
            reorderToleranceMs: TOLERANCE_MS,
          });
          expect(shuffled.correlator.stats().late).toBe(0);
          expect(canonical(shuffled.alerts)).toEqual(reference);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never reports a record twice for the same correlation', () => {
    fc.assert(
      fc.property(streamArbitrary, (stream) => {
        const { alerts } = run(ALL_TYPES.slice(0, 8), stream);
        const seen = new Set<string>();
        for (const a of alerts) {
          for (const r of a.lines) {
            const key = `${a.correlationId ?? ''}/${r.line}`;
            expect(seen.has(key)).toBe(false);
            seen.add(key);
          }
        }
      }),
    );
  });

  it('matches an independent model of event_count for every operator', () => {
    const conditionArbitrary = fc
      .tuple(fc.constantFrom('gt', 'gte', 'lt', 'lte', 'eq', 'neq'), fc.integer({ min: 0, max: 5 }))
      .map(([op, n]): CorrelationCondition => ({ [op]: n }));
    fc.assert(
      fc.property(streamArbitrary, conditionArbitrary, (stream, condition) => {
        const def = definition({
          type: 'event_count',
          rules: ['a', 'b'],
          groupBy: ['User'],
          condition,
          timespanMs: TIMESPAN_MS,
        });
        const monotone = condition.gt !== undefined || condition.gte !== undefined;
        const alerts = run([def], stream).alerts.map((a) =>
          JSON.stringify([a.group['User'], a.time, a.value, a.lines.map((r) => r.line)]),
        );
        expect(alerts.sort()).toEqual(modelEventCount(stream, condition, monotone));
      }),
      { numRuns: 300 },
    );
  });

  it('stays linear: 100,000 detections over nine correlations in seconds, memory released', () => {
    const correlator = createCorrelator(ALL_TYPES, { reorderToleranceMs: 1000 });
    const started = performance.now();
    for (let i = 0; i < 100_000; i++) {
      correlator.push(
        detection(i % 2 === 0 ? 'a' : 'b', i / 100, i + 1, {
          User: `u${i % 500}`,
          bytes: i % 50,
          Target: `t${i % 7}`,
        }),
      );
    }
    correlator.flush();
    const elapsed = performance.now() - started;
    expect(correlator.stats().liveGroups).toBe(0);
    // About 0.3 s outside the test runner; a quadratic step would take minutes.
    expect(elapsed).toBeLessThan(10_000);
  });
});
