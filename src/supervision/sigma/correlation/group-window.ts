/**
 * One group's window: the detections (of one correlation, one group-by value) not yet consumed
 * by an alert, oldest first, with the aggregate kept in step. Entries enter at the tail in event
 * time order and leave at the head, so every operation is amortised O(1) (plus the aggregate).
 */
import { createAggregate } from './aggregates.js';
import type { Aggregate, WindowEntry, WindowView } from './aggregates.js';
import type { CorrelationType } from './types.js';

export class GroupWindow implements WindowView {
  private entries: (WindowEntry | undefined)[] = [];
  /** Position of the head in `entries`. */
  private head = 0;
  /** Absolute index of `entries[0]`. */
  private offset = 0;
  private readonly aggregate: Aggregate;
  /** False once the window emptied: the group is gone, its pending timers are stale. */
  isAlive = true;

  constructor(
    readonly key: string,
    /** group-by name → value, from the group's first detection. */
    readonly group: Readonly<Record<string, unknown>>,
    type: CorrelationType,
    ruleCount: number,
    percentile: number,
  ) {
    this.aggregate = createAggregate(type, ruleCount, percentile, this);
  }

  get headIndex(): number {
    return this.offset + this.head;
  }

  get endIndex(): number {
    return this.offset + this.entries.length;
  }

  get size(): number {
    return this.entries.length - this.head;
  }

  get first(): WindowEntry | undefined {
    return this.entries[this.head];
  }

  ruleAt(index: number): number {
    return this.entries[index - this.offset]?.ruleIndex ?? -1;
  }

  value(): number {
    return this.aggregate.value();
  }

  append(entry: WindowEntry): void {
    const index = this.endIndex;
    this.entries.push(entry);
    this.aggregate.add(entry, index);
  }

  /** Drops the oldest entry. */
  popHead(): void {
    const entry = this.entries[this.head];
    if (entry === undefined) return;
    const index = this.headIndex;
    this.entries[this.head] = undefined;
    this.head++;
    this.aggregate.removeHead(entry, index);
    if (this.head >= 1024 && this.head * 2 >= this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.offset += this.head;
      this.head = 0;
    }
  }

  /** The live entries, oldest first. */
  live(): WindowEntry[] {
    const out: WindowEntry[] = [];
    for (let i = this.head; i < this.entries.length; i++) {
      const entry = this.entries[i];
      if (entry !== undefined) out.push(entry);
    }
    return out;
  }
}
