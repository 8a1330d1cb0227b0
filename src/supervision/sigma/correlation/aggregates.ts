/**
 * The value a correlation computes over one group's window, kept up to date as detections enter
 * (at the tail) and leave (at the head): O(1) per change, O(log n) for percentiles.
 */
import { OrderStatisticTree } from './order-statistic-tree.js';
import type { CorrelationType, RecordRef } from './types.js';

/** One detection inside a group's window. */
export interface WindowEntry {
  readonly time: number;
  /** Index of the matched rule in the correlation's `rules`. */
  readonly ruleIndex: number;
  /** value_sum/avg/percentile: the number read from the field. */
  readonly number: number;
  /** value_count: the distinct-value key. */
  readonly key: string;
  readonly lines: readonly RecordRef[];
}

/** Read access to the window's entries by absolute index (for temporal_ordered). */
export interface WindowView {
  /** Absolute index of the first entry still in the window. */
  readonly headIndex: number;
  /** Absolute index one past the last entry. */
  readonly endIndex: number;
  ruleAt(index: number): number;
}

export interface Aggregate {
  add(entry: WindowEntry, index: number): void;
  /** Removes the head entry (entries leave in arrival order). */
  removeHead(entry: WindowEntry, index: number): void;
  value(): number;
}

class EventCount implements Aggregate {
  private n = 0;
  add(): void {
    this.n++;
  }
  removeHead(): void {
    this.n--;
  }
  value(): number {
    return this.n;
  }
}

class DistinctCount implements Aggregate {
  private readonly counts = new Map<string, number>();
  add(entry: WindowEntry): void {
    this.counts.set(entry.key, (this.counts.get(entry.key) ?? 0) + 1);
  }
  removeHead(entry: WindowEntry): void {
    const left = (this.counts.get(entry.key) ?? 1) - 1;
    if (left === 0) this.counts.delete(entry.key);
    else this.counts.set(entry.key, left);
  }
  value(): number {
    return this.counts.size;
  }
}

/** temporal: how many of the referenced rules have at least one detection in the window. */
class DistinctRules implements Aggregate {
  private readonly perRule: number[];
  private distinct = 0;
  constructor(ruleCount: number) {
    this.perRule = new Array<number>(ruleCount).fill(0);
  }
  add(entry: WindowEntry): void {
    const before = this.perRule[entry.ruleIndex] ?? 0;
    if (before === 0) this.distinct++;
    this.perRule[entry.ruleIndex] = before + 1;
  }
  removeHead(entry: WindowEntry): void {
    const after = (this.perRule[entry.ruleIndex] ?? 1) - 1;
    if (after === 0) this.distinct--;
    this.perRule[entry.ruleIndex] = after;
  }
  value(): number {
    return this.distinct;
  }
}

/**
 * temporal_ordered: the length of the longest prefix of `rules` found in order in the window.
 * Keeps the greedy earliest chain (chain[i] = first rule-i entry after chain[i-1]); when the
 * head leaves, each link only moves forward, so the total scanning is linear in the entries.
 */
class OrderedPrefix implements Aggregate {
  private readonly chain: number[] = [];
  constructor(
    private readonly ruleCount: number,
    private readonly view: WindowView,
  ) {}
  add(entry: WindowEntry, index: number): void {
    if (this.chain.length < this.ruleCount && entry.ruleIndex === this.chain.length) {
      this.chain.push(index);
    }
  }
  removeHead(_entry: WindowEntry, index: number): void {
    if (this.chain[0] !== index) return;
    // A link that was missing stays missing: no entry of its rule follows the previous link.
    const links = this.chain.length;
    let previous = index;
    for (let i = 0; i < links; i++) {
      let p = Math.max(this.chain[i] as number, previous + 1);
      while (p < this.view.endIndex && this.view.ruleAt(p) !== i) p++;
      if (p >= this.view.endIndex) {
        this.chain.length = i;
        return;
      }
      this.chain[i] = p;
      previous = p;
    }
  }
  value(): number {
    return this.chain.length;
  }
}

class Sum implements Aggregate {
  protected total = 0;
  protected n = 0;
  add(entry: WindowEntry): void {
    this.total += entry.number;
    this.n++;
  }
  removeHead(entry: WindowEntry): void {
    this.n--;
    // Reset when empty so that rounding errors do not survive the window.
    this.total = this.n === 0 ? 0 : this.total - entry.number;
  }
  value(): number {
    return this.total;
  }
}

class Average extends Sum {
  override value(): number {
    return this.n === 0 ? 0 : this.total / this.n;
  }
}

class Percentile implements Aggregate {
  private readonly tree = new OrderStatisticTree();
  constructor(private readonly p: number) {}
  add(entry: WindowEntry): void {
    this.tree.insert(entry.number);
  }
  removeHead(entry: WindowEntry): void {
    this.tree.remove(entry.number);
  }
  value(): number {
    return this.tree.percentile(this.p) ?? 0;
  }
}

export function createAggregate(
  type: CorrelationType,
  ruleCount: number,
  percentile: number,
  view: WindowView,
): Aggregate {
  switch (type) {
    case 'event_count':
      return new EventCount();
    case 'value_count':
      return new DistinctCount();
    case 'temporal':
      return new DistinctRules(ruleCount);
    case 'temporal_ordered':
      return new OrderedPrefix(ruleCount, view);
    case 'value_sum':
      return new Sum();
    case 'value_avg':
      return new Average();
    case 'value_percentile':
      return new Percentile(percentile);
  }
}
