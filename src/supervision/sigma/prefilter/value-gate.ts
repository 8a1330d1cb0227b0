/**
 * Run-time side of `requiredValues`: narrows a routed list of rule indexes to the rules whose
 * required values (for one field, e.g. `EventID`) contain the event's value. The narrowed list is
 * cached per (routed list, value), so after warm-up a call is one field read and two Map lookups,
 * without allocation. Rules without a requirement are always kept; order is preserved. Pure
 * (memoised).
 */
import { fieldAccess } from '../compile/event-access.js';
import type { SigmaEvent } from '../types.js';

/** Beyond this many distinct values per routed list, answers are computed but not cached. */
const MAX_KEYS = 4096;
/** The key of an absent or null value: no rule requiring values accepts it. */
const ABSENT = '\u0000absent';

export type ValueGate = (routed: readonly number[], event: SigmaEvent) => readonly number[];

/**
 * `required[i]` is rule i's set of lower-cased texts for `field` (undefined: no requirement).
 * Returns undefined when no rule has a requirement (nothing to gate).
 */
export function createValueGate(
  field: string,
  required: readonly (ReadonlySet<string> | undefined)[],
): ValueGate | undefined {
  if (required.every((r) => r === undefined)) return undefined;
  const get = fieldAccess(field).get;
  const cache = new WeakMap<readonly number[], Map<string, readonly number[]> | null>();

  const narrow = (routed: readonly number[], key: string): readonly number[] =>
    Object.freeze(
      routed.filter((index) => {
        const set = required[index];
        return set === undefined || set.has(key);
      }),
    );

  return (routed, event) => {
    let byKey = cache.get(routed);
    if (byKey === undefined) {
      byKey = routed.some((index) => required[index] !== undefined) ? new Map() : null;
      cache.set(routed, byKey);
    }
    if (byKey === null) return routed;
    const raw = get(event);
    let key: string;
    if (typeof raw === 'string') key = raw.toLowerCase();
    else if (typeof raw === 'number' || typeof raw === 'boolean') key = String(raw);
    else if (raw === undefined || raw === null) key = ABSENT;
    else return routed; // lists and objects: left to the full matchers
    let result = byKey.get(key);
    if (result === undefined) {
      result = narrow(routed, key);
      if (byKey.size < MAX_KEYS) byKey.set(key, result);
    }
    return result;
  };
}
