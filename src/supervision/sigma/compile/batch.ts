/**
 * Batching of the common case: many plain string values in one OR group (`Image|endswith:` with
 * fifty suffixes). Exact values go in a Set; prefixes, suffixes and substrings are scanned in
 * tight loops over plain arrays, without one closure call per value.
 */
import type { TypedValue } from '../modifiers/types.js';
import { anyLiteralTest, simplePattern } from './string-test.js';
import type { ScalarTest } from './value-test.js';

export interface Batch {
  /** The values the batch covers (the others are compiled one by one). */
  readonly covered: ReadonlySet<TypedValue>;
  readonly test: ScalarTest | undefined;
}

/** From this many suffixes on, they are looked up by length in Sets rather than scanned. */
const BUCKET_MIN = 8;

/** Any-suffix test: one `slice` and one Set lookup per distinct suffix length (longest first). */
function suffixBuckets(needles: readonly string[]): (s: string) => boolean {
  const byLength = new Map<number, Set<string>>();
  for (const n of needles) {
    const set = byLength.get(n.length) ?? new Set<string>();
    set.add(n);
    byLength.set(n.length, set);
  }
  const lengths = [...byLength.keys()].sort((a, b) => a - b);
  const sets = lengths.map((l) => byLength.get(l) ?? new Set<string>());
  const count = lengths.length;
  return (s: string): boolean => {
    const size = s.length;
    for (let i = 0; i < count; i++) {
      const length = lengths[i] ?? 0;
      if (length > size) return false;
      if (sets[i]?.has(length === 0 ? '' : s.slice(size - length)) === true) return true;
    }
    return false;
  };
}

function loop(needles: readonly string[], kind: 'prefix' | 'suffix' | 'contains') {
  if (kind === 'prefix') {
    return (s: string): boolean => {
      for (const n of needles) if (s.startsWith(n)) return true;
      return false;
    };
  }
  if (kind === 'suffix' && needles.length >= BUCKET_MIN) return suffixBuckets(needles);
  if (kind === 'suffix') {
    return (s: string): boolean => {
      for (const n of needles) if (s.endsWith(n)) return true;
      return false;
    };
  }
  return anyLiteralTest(needles);
}

/** Builds one test for the plain string and number values of a group. */
export function batchValues(values: readonly TypedValue[], cased: boolean): Batch {
  const covered = new Set<TypedValue>();
  const exact = new Set<string>();
  const numbers = new Set<number>();
  const lists = { prefix: [] as string[], suffix: [] as string[], contains: [] as string[] };
  for (const value of values) {
    if (value.type === 'number') {
      numbers.add(value.value);
      exact.add(String(value.value));
      covered.add(value);
      continue;
    }
    if (value.type !== 'string') continue;
    const simple = simplePattern(value.tokens, cased);
    if (simple === undefined) continue;
    covered.add(value);
    if (simple.kind === 'exact') exact.add(simple.text);
    else lists[simple.kind].push(simple.text);
  }
  if (covered.size < 2) return { covered: new Set(), test: undefined };
  const parts: ((s: string) => boolean)[] = [];
  for (const kind of ['prefix', 'suffix', 'contains'] as const) {
    if (lists[kind].length > 0) parts.push(loop(lists[kind], kind));
  }
  const hasExact = exact.size > 0;
  const hasNumbers = numbers.size > 0;
  const test: ScalarTest = (text, lower, raw) => {
    if (hasNumbers && typeof raw === 'number' && numbers.has(raw)) return true;
    const s = cased ? text : lower;
    if (hasExact && exact.has(s)) return true;
    for (const p of parts) if (p(s)) return true;
    return false;
  };
  return { covered, test };
}
