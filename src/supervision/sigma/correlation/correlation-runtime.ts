/**
 * One correlation at run time: its groups' windows, fed detections in event-time order.
 *
 * Semantics (see README.md): a window is anchored at a group's oldest unconsumed detection s and
 * spans [s, s + timespan], both ends inclusive. A monotone condition (gt/gte on a count) is
 * checked at every detection and fires as soon as it holds; any other condition is checked once
 * the window is complete (event time has passed s + timespan). When the condition holds, one
 * alert is emitted and the window's detections are consumed; when a complete window does not
 * match, the anchor moves to the next detection.
 */
import { numericValue, tupleKey } from './field-values.js';
import { GroupWindow } from './group-window.js';
import type { WindowEntry } from './aggregates.js';
import type { ValidDefinition } from './validate.js';
import type { CorrelationAlert, RecordRef } from './types.js';
import type { SigmaEvent } from '../types.js';

/** A detection as the engine routes it: a base-rule match or a chained correlation alert. */
export interface RoutedDetection {
  readonly ruleId: string;
  readonly ruleName: string | undefined;
  readonly time: number;
  readonly event: SigmaEvent;
  readonly lines: readonly RecordRef[];
}

export interface RuntimeCounters {
  groupCapHits: number;
  missingGroupField: number;
  missingValueField: number;
}

/** What a runtime needs from the engine that drives it. */
export interface RuntimeHost {
  readonly maxGroups: number;
  readonly counters: RuntimeCounters;
  /** Calls `runtime.onTimer(group, headIndex)` once event time passes `end`. */
  schedule(runtime: CorrelationRuntime, group: GroupWindow, end: number): void;
  emit(runtime: CorrelationRuntime, alert: CorrelationAlert): void;
}

interface ResolvedFields {
  readonly groupFields: readonly string[];
  readonly valueFields: readonly string[];
}

export class CorrelationRuntime {
  private readonly groups = new Map<string, GroupWindow>();
  private readonly fieldsByRule: (ResolvedFields | undefined)[] = [];
  private readonly timespan: number;
  private readonly groupValues: unknown[] = [];

  constructor(
    readonly valid: ValidDefinition,
    private readonly host: RuntimeHost,
  ) {
    this.timespan = valid.def.timespanMs;
  }

  get groupCount(): number {
    return this.groups.size;
  }

  process(detection: RoutedDetection, ruleIndex: number): void {
    const { def, condition } = this.valid;
    const fields = this.fieldsFor(ruleIndex, detection);
    const values = this.groupValues;
    values.length = 0;
    const key = tupleKey(detection.event, fields.groupFields, values);
    if (key === undefined) {
      this.host.counters.missingGroupField++;
      return;
    }
    let number = 0;
    let valueKey = '';
    if (def.type === 'value_count') {
      const k = tupleKey(detection.event, fields.valueFields);
      if (k === undefined) {
        this.host.counters.missingValueField++;
        return;
      }
      valueKey = k;
    } else if (fields.valueFields.length > 0) {
      const n = numericValue(detection.event[fields.valueFields[0] as string]);
      if (n === undefined) {
        this.host.counters.missingValueField++;
        return;
      }
      number = n;
    }
    let group = this.groups.get(key);
    const isNew = group === undefined;
    if (group === undefined) {
      if (this.groups.size >= this.host.maxGroups) {
        this.host.counters.groupCapHits++;
        return;
      }
      const record: Record<string, unknown> = {};
      def.groupBy.forEach((name, i) => (record[name] = values[i]));
      group = new GroupWindow(key, record, def.type, def.rules.length, this.valid.percentile);
      this.groups.set(key, group);
    }
    const entry: WindowEntry = {
      time: detection.time,
      ruleIndex,
      number,
      key: valueKey,
      lines: detection.lines,
    };
    group.append(entry);
    if (condition.isMonotone && condition.test(group.value())) {
      this.fire(group, detection.time, detection.time);
      return;
    }
    if (isNew) this.host.schedule(this, group, detection.time + this.timespan);
  }

  /** Event time has passed the end of the window anchored at `headIndex`. */
  onTimer(group: GroupWindow, headIndex: number): void {
    if (!group.isAlive || group.headIndex !== headIndex) return; // stale timer
    const head = group.first;
    if (head === undefined) return;
    const end = head.time + this.timespan;
    if (!this.valid.condition.isMonotone && this.valid.condition.test(group.value())) {
      this.fire(group, end, end);
      return;
    }
    group.popHead();
    const next = group.first;
    if (next === undefined) this.drop(group);
    else this.host.schedule(this, group, next.time + this.timespan);
  }

  private drop(group: GroupWindow): void {
    group.isAlive = false;
    this.groups.delete(group.key);
  }

  private fire(group: GroupWindow, time: number, end: number): void {
    const { def } = this.valid;
    const entries = group.live();
    const start = entries[0]?.time ?? time;
    const alert: CorrelationAlert = {
      correlationId: def.id,
      correlationName: def.name,
      title: def.title,
      type: def.type,
      level: def.level,
      tags: def.tags ?? [],
      author: def.author,
      time,
      window: { start, end },
      group: group.group,
      value: group.value(),
      lines: mergeLines(entries),
    };
    this.drop(group);
    this.host.emit(this, alert);
  }

  /** group-by and value fields for one referenced rule, after aliases (computed once). */
  private fieldsFor(ruleIndex: number, detection: RoutedDetection): ResolvedFields {
    const cached = this.fieldsByRule[ruleIndex];
    if (cached !== undefined) return cached;
    const { def, valueFields } = this.valid;
    const refs = [def.rules[ruleIndex], detection.ruleId, detection.ruleName];
    const resolve = (name: string): string => {
      const mapping = def.aliases?.[name];
      if (mapping === undefined || !Object.hasOwn(def.aliases ?? {}, name)) return name;
      for (const ref of refs) {
        if (ref !== undefined && Object.hasOwn(mapping, ref)) return mapping[ref] as string;
      }
      return name;
    };
    const resolved = {
      groupFields: def.groupBy.map(resolve),
      valueFields: valueFields.map(resolve),
    };
    this.fieldsByRule[ruleIndex] = resolved;
    return resolved;
  }
}

/** The entries' records without duplicates, sorted by file then line. */
function mergeLines(entries: readonly WindowEntry[]): RecordRef[] {
  const seen = new Set<string>();
  const out: RecordRef[] = [];
  for (const entry of entries) {
    for (const ref of entry.lines) {
      const id = `${ref.line}\u0000${ref.file}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(ref);
    }
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}
