/**
 * Field access and lower-casing for matchers, shared by all rules evaluating one event.
 *
 * Field names are interned into numbered slots when rules are compiled. The first time a matcher
 * sees an event object, its keys are indexed once into the slots (case-insensitively; an exact
 * key wins over a differently-cased one), so each field read is an array access, and each field's
 * lower-cased text is computed at most once per event. The cache is keyed by the event object:
 * a caller that mutates an event between matcher calls must call `resetEventCache()` first
 * (inputs produce a new object per event, so the engine never needs to).
 */
import type { SigmaEvent } from '../types.js';

const MAX_CACHE = 4096;
/** Lower-cased field name → slot. */
const slotIds = new Map<string, number>();
/** Field names as rules spell them (an exactly-spelled key wins over another case). */
const exactNames = new Set<string>();
/** Event key (as written) → slot, or -1 when no rule reads it. */
const keySlots = new Map<string, number>();
const slotValues: unknown[] = [];
const slotExact: boolean[] = [];
const slotLower: (string | undefined)[] = [];
const filled: number[] = [];
const lowerCache = new Map<string, string>();
let currentEvent: SigmaEvent | undefined;
let ownKeys: string[] | undefined;
let joinedLower: string | undefined;
let nextSlot = 0;

/** Forgets the per-event cache (call it before re-matching an event object you mutated). */
export function resetEventCache(): void {
  currentEvent = undefined;
}

function slotOf(lowerName: string): number {
  let id = slotIds.get(lowerName);
  if (id === undefined) {
    id = nextSlot++;
    slotIds.set(lowerName, id);
    keySlots.clear();
    currentEvent = undefined;
  }
  return id;
}

function enter(event: SigmaEvent): void {
  if (event === currentEvent) return;
  currentEvent = event;
  ownKeys = undefined;
  joinedLower = undefined;
  if (lowerCache.size > 0) lowerCache.clear();
  for (const id of filled) {
    slotValues[id] = undefined;
    slotLower[id] = undefined;
  }
  filled.length = 0;
  for (const key in event) {
    let id = keySlots.get(key);
    if (id === undefined) {
      id = slotIds.get(key.toLowerCase()) ?? -1;
      if (keySlots.size >= MAX_CACHE) keySlots.clear();
      keySlots.set(key, id);
    }
    if (id < 0 || !Object.hasOwn(event, key)) continue;
    const value = event[key];
    const exact = exactNames.has(key);
    if (slotValues[id] !== undefined && (slotExact[id] === true || !exact)) continue;
    if (slotValues[id] === undefined) filled.push(id);
    slotValues[id] = value === undefined ? null : value;
    slotExact[id] = exact;
  }
}

/** `text.toLowerCase()`, computed once per event and string. */
export function lowerOf(event: SigmaEvent, text: string): string {
  enter(event);
  if (text.length < 16) return text.toLowerCase();
  let lower = lowerCache.get(text);
  if (lower === undefined) {
    lower = text.toLowerCase();
    if (lowerCache.size >= MAX_CACHE) lowerCache.clear();
    lowerCache.set(text, lower);
  }
  return lower;
}

/** The event's own keys, listed once per event, for keyword searches. */
export function keysOf(event: SigmaEvent): readonly string[] {
  enter(event);
  ownKeys ??= Object.keys(event);
  return ownKeys;
}

/** Separator of `joinedLowerOf`: keyword needles containing it must not use the joined text. */
export const JOIN_SEPARATOR = '\u0000';

function appendText(parts: string[], raw: unknown): void {
  if (typeof raw === 'string') parts.push(raw.toLowerCase());
  else if (typeof raw === 'number' || typeof raw === 'boolean')
    parts.push(String(raw).toLowerCase());
  else if (Array.isArray(raw)) for (const element of raw) appendText(parts, element);
}

/**
 * The lower-cased texts of every scalar value of the event (list elements included, nested
 * objects skipped), joined by `JOIN_SEPARATOR`, computed once per event: a keyword needle free
 * of the separator occurs in some value exactly when it occurs in this text. Empty (no value)
 * gives `undefined`.
 */
export function joinedLowerOf(event: SigmaEvent): string | undefined {
  enter(event);
  if (joinedLower === undefined) {
    const parts: string[] = [];
    for (const key of keysOf(event)) appendText(parts, event[key]);
    joinedLower = parts.join(JOIN_SEPARATOR);
  }
  return joinedLower === '' ? undefined : joinedLower;
}

function nested(event: SigmaEvent, name: string): unknown {
  let value: unknown = event;
  for (const part of name.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const record = value as Record<string, unknown>;
    value = Object.hasOwn(record, part) ? record[part] : undefined;
  }
  return value;
}

export interface FieldAccess {
  /** The value (undefined when absent): exact name, else case-insensitive, else a dotted path. */
  readonly get: (event: SigmaEvent) => unknown;
  /** The lower-cased text of a string value of this field, cached per event. */
  readonly lower: (event: SigmaEvent, text: string) => string;
  readonly has: (event: SigmaEvent) => boolean;
}

export function fieldAccess(name: string): FieldAccess {
  const id = slotOf(name.toLowerCase());
  if (!exactNames.has(name)) {
    exactNames.add(name);
    currentEvent = undefined;
  }
  const dotted = name.includes('.');
  const get = (event: SigmaEvent): unknown => {
    enter(event);
    const value = slotValues[id];
    if (value !== undefined || !dotted) return value;
    return nested(event, name);
  };
  const lower = (event: SigmaEvent, text: string): string => {
    enter(event);
    if (slotValues[id] !== text) return lowerOf(event, text);
    let l = slotLower[id];
    if (l === undefined) {
      l = text.toLowerCase();
      slotLower[id] = l;
    }
    return l;
  };
  return { get, lower, has: (event) => get(event) !== undefined };
}

/** A getter for one field (see `FieldAccess.get`). */
export function fieldGetter(name: string): (event: SigmaEvent) => unknown {
  return fieldAccess(name).get;
}
