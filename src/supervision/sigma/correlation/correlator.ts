/**
 * The correlation engine: takes base-rule detections as they come, puts them back in event-time
 * order through a reorder buffer, routes them to the correlations that refer to their rule, and
 * returns the alerts that became final. Chained correlations receive the alerts of the ones they
 * refer to as detections.
 *
 * Order: a detection is held until the newest time seen is more than `reorderToleranceMs` past
 * it, then released in (time, file, line, rule) order; so any arrival order within the
 * tolerance gives the same alerts. A detection older than what was already released is dropped
 * and counted (`late`), never processed out of order.
 */
import { CorrelationRuntime } from './correlation-runtime.js';
import type { RoutedDetection, RuntimeCounters, RuntimeHost } from './correlation-runtime.js';
import type { GroupWindow } from './group-window.js';
import { MinHeap } from './min-heap.js';
import { counterDiagnostics } from './stats-diagnostics.js';
import { validateDefinitions } from './validate.js';
import type {
  CorrelationAlert,
  CorrelationDefinition,
  Correlator,
  CorrelatorOptions,
  CorrelatorStats,
  DetectionInput,
} from './types.js';

const DEFAULT_REORDER_TOLERANCE_MS = 300_000;
const DEFAULT_MAX_GROUPS = 100_000;
const DEFAULT_MAX_PENDING = 1_000_000;

interface Route {
  readonly runtime: CorrelationRuntime;
  readonly ruleIndex: number;
}

interface Timer {
  readonly end: number;
  readonly seq: number;
  readonly runtime: CorrelationRuntime;
  readonly group: GroupWindow;
  readonly headIndex: number;
}

interface Pending extends RoutedDetection {
  readonly file: string;
  readonly line: number;
}

function pendingLess(a: Pending, b: Pending): boolean {
  if (a.time !== b.time) return a.time < b.time;
  if (a.file !== b.file) return a.file < b.file;
  if (a.line !== b.line) return a.line < b.line;
  return a.ruleId < b.ruleId;
}

/** Builds a correlator; definitions with problems are disabled and reported by `diagnostics()`. */
export function createCorrelator(
  definitions: readonly CorrelationDefinition[],
  options: CorrelatorOptions = {},
): Correlator {
  const tolerance = Math.max(0, options.reorderToleranceMs ?? DEFAULT_REORDER_TOLERANCE_MS);
  const maxPending = Math.max(1, options.maxPending ?? DEFAULT_MAX_PENDING);
  const { valid, diagnostics } = validateDefinitions(definitions);
  const counters: RuntimeCounters = { groupCapHits: 0, missingGroupField: 0, missingValueField: 0 };
  const stats = { pushed: 0, late: 0, badTime: 0, forcedReleases: 0 };
  const routes = new Map<string, Route[]>();
  const suppressed = new Set<string>();
  const timers = new MinHeap<Timer>((a, b) => (a.end !== b.end ? a.end < b.end : a.seq < b.seq));
  const pending = new MinHeap<Pending>(pendingLess);
  let timerSeq = 0;
  let maxTime = -Infinity;
  /** Event time up to which windows have been completed: older detections are late. */
  let processedTime = -Infinity;
  let out: CorrelationAlert[] = [];

  const host: RuntimeHost = {
    maxGroups: Math.max(1, options.maxGroups ?? DEFAULT_MAX_GROUPS),
    counters,
    schedule(runtime, group, end) {
      timers.push({ end, seq: timerSeq++, runtime, group, headIndex: group.headIndex });
    },
    emit(runtime, alert) {
      const refs = runtime.valid.refs;
      if (!refs.some((ref) => suppressed.has(ref))) out.push(alert);
      const ruleId = refs[0] ?? alert.title;
      const chained: RoutedDetection = {
        ruleId,
        ruleName: runtime.valid.def.name,
        time: alert.time,
        event: alert.group,
        lines: alert.lines,
      };
      dispatch(chained);
    },
  };

  const runtimes = valid.map((v) => new CorrelationRuntime(v, host));
  for (const runtime of runtimes) {
    const v = runtime.valid;
    v.def.rules.forEach((ref, ruleIndex) => {
      const list = routes.get(ref);
      if (list === undefined) routes.set(ref, [{ runtime, ruleIndex }]);
      else if (!list.some((r) => r.runtime === runtime)) list.push({ runtime, ruleIndex });
      if (!v.def.generate) suppressed.add(ref);
    });
  }

  function dispatch(detection: RoutedDetection): void {
    const byId = routes.get(detection.ruleId);
    const byName =
      detection.ruleName === undefined || detection.ruleName === detection.ruleId
        ? undefined
        : routes.get(detection.ruleName);
    if (byId !== undefined) for (const r of byId) r.runtime.process(detection, r.ruleIndex);
    if (byName !== undefined) {
      for (const r of byName) {
        if (byId?.some((other) => other.runtime === r.runtime) === true) continue;
        r.runtime.process(detection, r.ruleIndex);
      }
    }
  }

  /** Completes every window whose end is strictly before `time`. */
  function advanceTo(time: number): void {
    for (
      let timer = timers.peek();
      timer !== undefined && timer.end < time;
      timer = timers.peek()
    ) {
      timers.pop();
      timer.runtime.onTimer(timer.group, timer.headIndex);
    }
  }

  function release(detection: Pending): void {
    advanceTo(detection.time);
    if (detection.time > processedTime) processedTime = detection.time;
    dispatch(detection);
  }

  function isRouted(ruleId: string, ruleName: string | undefined): boolean {
    return routes.has(ruleId) || (ruleName !== undefined && routes.has(ruleName));
  }

  return {
    push(detection: DetectionInput): CorrelationAlert[] {
      stats.pushed++;
      const { time } = detection;
      if (typeof time !== 'number' || !Number.isFinite(time)) {
        stats.badTime++;
        return [];
      }
      if (!isRouted(detection.ruleId, detection.ruleName)) return [];
      if (time < processedTime) {
        stats.late++;
        return [];
      }
      out = [];
      if (time > maxTime) maxTime = time;
      pending.push({
        ruleId: detection.ruleId,
        ruleName: detection.ruleName,
        time,
        event: detection.event,
        file: detection.file,
        line: detection.line,
        lines: [{ file: detection.file, line: detection.line }],
      });
      const watermark = maxTime - tolerance;
      for (
        let next = pending.peek();
        next !== undefined && next.time < watermark;
        next = pending.peek()
      ) {
        pending.pop();
        release(next);
      }
      while (pending.size > maxPending) {
        stats.forcedReleases++;
        release(pending.pop() as Pending);
      }
      if (watermark > processedTime) {
        advanceTo(watermark);
        processedTime = watermark;
      }
      return out;
    },

    flush(): CorrelationAlert[] {
      out = [];
      for (let next = pending.pop(); next !== undefined; next = pending.pop()) release(next);
      advanceTo(Infinity);
      maxTime = -Infinity;
      processedTime = -Infinity;
      return out;
    },

    suppressesBaseRule(ruleId: string, ruleName?: string): boolean {
      return suppressed.has(ruleId) || (ruleName !== undefined && suppressed.has(ruleName));
    },

    diagnostics() {
      return [...diagnostics, ...counterDiagnostics(this.stats())];
    },

    stats(): CorrelatorStats {
      let liveGroups = 0;
      for (const runtime of runtimes) liveGroups += runtime.groupCount;
      return { ...stats, ...counters, liveGroups, pending: pending.size };
    },
  };
}
