/**
 * Run-time side of literal guards (`compile/guard.ts`): for a list of rules, one index per field
 * their guards read — exact values in a Map, prefixes and suffixes in character tries, substrings
 * behind one alternation test — so each field of an event is read, lower-cased and looked up once
 * for all rules, instead of once per rule. `mark` stamps the rules whose guard holds; the caller
 * runs the full matcher of unguarded and stamped rules only. Indexes are built once per routed
 * list (cached by identity). Never decides a match: a stamp only means "may match".
 */
import { fieldAccess, type FieldAccess } from '../compile/event-access.js';
import type { Guard } from '../compile/guard.js';
import { anyLiteralTest } from '../compile/string-test.js';
import type { SigmaEvent } from '../types.js';

type Rules = readonly number[];

/** A character trie of needles (walked forwards for prefixes, backwards for suffixes). */
interface TrieNode {
  readonly children: Map<number, TrieNode>;
  /** Rules whose needle ends at this node. */
  rules: Rules | undefined;
}

interface FieldIndex {
  readonly access: FieldAccess;
  readonly exact: ReadonlyMap<string, Rules> | undefined;
  readonly prefix: TrieNode | undefined;
  readonly suffix: TrieNode | undefined;
  /** Any-needle pre-test, then each needle with its rules. */
  readonly containsAny: ((text: string) => boolean) | undefined;
  readonly contains: readonly { readonly needle: string; readonly rules: Rules }[];
  /** Every rule of this field: marked when the value is a list (left to the matchers). */
  readonly all: Rules;
}

export interface GuardIndex {
  /** Whether rule `index` has a guard (otherwise it always runs). */
  readonly guarded: (index: number) => boolean;
  /**
   * Stamps with `stamp` the guarded rules of `routed` whose guard the event satisfies, in
   * `stamps` (indexed by rule). Rules outside `routed` may be stamped too; they are not read.
   */
  readonly mark: (routed: Rules, event: SigmaEvent, stamps: Int32Array, stamp: number) => void;
}

function push<K>(map: Map<K, number[]>, key: K, rule: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [rule]);
  else if (list[list.length - 1] !== rule) list.push(rule);
}

function trie(entries: Map<string, number[]>, backwards: boolean): TrieNode | undefined {
  if (entries.size === 0) return undefined;
  const root: TrieNode = { children: new Map(), rules: undefined };
  for (const [needle, rules] of entries) {
    let node = root;
    for (let i = 0; i < needle.length; i++) {
      const code = needle.charCodeAt(backwards ? needle.length - 1 - i : i);
      let next = node.children.get(code);
      if (next === undefined) {
        next = { children: new Map(), rules: undefined };
        node.children.set(code, next);
      }
      node = next;
    }
    node.rules = node.rules === undefined ? rules : [...node.rules, ...rules];
  }
  return root;
}

function buildField(
  field: string,
  clauses: readonly { kind: string; needles: readonly string[]; rule: number }[],
): FieldIndex {
  const exact = new Map<string, number[]>();
  const prefix = new Map<string, number[]>();
  const suffix = new Map<string, number[]>();
  const contains = new Map<string, number[]>();
  const all = new Set<number>();
  for (const { kind, needles, rule } of clauses) {
    all.add(rule);
    const target =
      kind === 'exact' ? exact : kind === 'prefix' ? prefix : kind === 'suffix' ? suffix : contains;
    for (const needle of needles) push(target, needle, rule);
  }
  const containsList = [...contains].map(([needle, rules]) => ({ needle, rules }));
  return {
    access: fieldAccess(field),
    exact: exact.size === 0 ? undefined : exact,
    prefix: trie(prefix, false),
    suffix: trie(suffix, true),
    containsAny: containsList.length === 0 ? undefined : anyLiteralTest([...contains.keys()]),
    contains: containsList,
    all: [...all].sort((a, b) => a - b),
  };
}

function stampAll(rules: Rules, stamps: Int32Array, stamp: number): void {
  for (let i = 0; i < rules.length; i++) stamps[rules[i] ?? 0] = stamp;
}

function markText(index: FieldIndex, lower: string, stamps: Int32Array, stamp: number): void {
  const exact = index.exact?.get(lower);
  if (exact !== undefined) stampAll(exact, stamps, stamp);
  const size = lower.length;
  let node = index.prefix;
  for (let i = 0; node !== undefined; i++) {
    if (node.rules !== undefined) stampAll(node.rules, stamps, stamp);
    if (i >= size) break;
    node = node.children.get(lower.charCodeAt(i));
  }
  node = index.suffix;
  for (let i = size - 1; node !== undefined; i--) {
    if (node.rules !== undefined) stampAll(node.rules, stamps, stamp);
    if (i < 0) break;
    node = node.children.get(lower.charCodeAt(i));
  }
  if (index.containsAny !== undefined && index.containsAny(lower)) {
    for (const { needle, rules } of index.contains)
      if (lower.includes(needle)) stampAll(rules, stamps, stamp);
  }
}

function scalarText(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  return undefined;
}

/** `guards[i]` is rule i's guard (undefined: none). */
export function createGuardIndex(guards: readonly (Guard | undefined)[]): GuardIndex {
  const cache = new WeakMap<Rules, readonly FieldIndex[]>();

  const build = (routed: Rules): readonly FieldIndex[] => {
    const byField = new Map<string, { kind: string; needles: readonly string[]; rule: number }[]>();
    for (const rule of routed) {
      for (const clause of guards[rule] ?? []) {
        const list = byField.get(clause.field) ?? [];
        list.push({ kind: clause.kind, needles: clause.needles, rule });
        byField.set(clause.field, list);
      }
    }
    return [...byField].map(([field, clauses]) => buildField(field, clauses));
  };

  return {
    guarded: (index) => guards[index] !== undefined,
    mark: (routed, event, stamps, stamp) => {
      let fields = cache.get(routed);
      if (fields === undefined) {
        fields = build(routed);
        cache.set(routed, fields);
      }
      for (const index of fields) {
        const raw = index.access.get(event);
        if (raw === undefined || raw === null) continue;
        if (Array.isArray(raw)) {
          stampAll(index.all, stamps, stamp);
          continue;
        }
        const text = scalarText(raw);
        if (text === undefined) continue;
        markText(index, index.access.lower(event, text), stamps, stamp);
      }
    },
  };
}
