/**
 * What the normalisers produce from one raw record, and small helpers they share. Pure.
 */
import type { EventSource, SigmaEvent } from '../types.js';

/** A normalised event with its routing source and, when known, its time (ms since epoch). */
export interface NormalisedEvent {
  readonly event: SigmaEvent;
  readonly source: EventSource;
  readonly time?: number;
}

/** Record type for events being built (the result is handed out as read-only). */
export type MutableEvent = Record<string, unknown>;

/** True for a plain JSON object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses a timestamp string; undefined when absent or unreadable. */
export function parseTime(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value === '') return undefined;
  // "2019-03-02 08:51:00.008" (Sysmon UtcTime) has no zone: it is UTC.
  const text =
    value.length >= 19 && value[10] === ' ' && !/[zZ+]|-\d\d:?\d\d$/.test(value.slice(19))
      ? `${value.slice(0, 10)}T${value.slice(11)}Z`
      : value;
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : time;
}

/** Builds a normalised event, leaving `time` out when unknown (exactOptionalPropertyTypes). */
export function normalised(
  event: MutableEvent,
  source: EventSource,
  time: number | undefined,
): NormalisedEvent {
  return time === undefined ? { event, source } : { event, source, time };
}
