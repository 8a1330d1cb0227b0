/**
 * Turns one parsed JSON value into a normalised event, recognising its shape: Windows event
 * (EVTX XML-as-JSON, Winlogbeat/ECS, flat exports), AWS CloudTrail, or any other JSON object
 * (nested objects flattened to dotted names). Pure; takes ownership of the value.
 */
import type { EventSource } from '../types.js';
import {
  isObject,
  normalised,
  parseTime,
  type MutableEvent,
  type NormalisedEvent,
} from './normalised.js';
import {
  flattenInto,
  normaliseEventXmlJson,
  normaliseFlatWindows,
  normaliseWinlogbeat,
} from './normalise-windows.js';

const CLOUDTRAIL_SOURCE: EventSource = { product: 'aws', service: 'cloudtrail' };
const UNKNOWN_SOURCE: EventSource = {};

function isFlatWindows(o: Record<string, unknown>): boolean {
  return (
    ('EventID' in o || 'EventId' in o) &&
    ('Channel' in o || 'SourceName' in o || 'Provider_Name' in o || 'ProviderName' in o)
  );
}

function hasNested(o: Record<string, unknown>): boolean {
  for (const key in o) if (isObject(o[key])) return true;
  return false;
}

function flatten(o: Record<string, unknown>): MutableEvent {
  if (!hasNested(o)) return o;
  const event: MutableEvent = {};
  flattenInto(event, o, '');
  return event;
}

/** The shapes this normaliser recognises, for diagnostics and tests. */
export type JsonShape = 'evtx-xml-json' | 'winlogbeat' | 'windows-flat' | 'cloudtrail' | 'generic';

/** Which shape a JSON object has. */
export function jsonShapeOf(o: Record<string, unknown>): JsonShape {
  if (isObject(o.Event) && isObject(o.Event.System)) return 'evtx-xml-json';
  if (isObject(o.winlog) || 'winlog.channel' in o || 'winlog.event_id' in o) return 'winlogbeat';
  if (isFlatWindows(o)) return 'windows-flat';
  if ('eventSource' in o && 'eventName' in o && ('awsRegion' in o || 'eventVersion' in o))
    return 'cloudtrail';
  return 'generic';
}

/** Normalises a parsed JSON value; undefined when it is not an object (the caller reports it). */
export function normaliseJson(value: unknown): NormalisedEvent | undefined {
  if (!isObject(value)) return undefined;
  switch (jsonShapeOf(value)) {
    case 'evtx-xml-json':
      return normaliseEventXmlJson(value);
    case 'winlogbeat':
      return normaliseWinlogbeat(value);
    case 'windows-flat':
      return normaliseFlatWindows(value);
    case 'cloudtrail':
      return normalised(flatten(value), CLOUDTRAIL_SOURCE, parseTime(value.eventTime));
    case 'generic':
      return normalised(
        flatten(value),
        UNKNOWN_SOURCE,
        parseTime(value['@timestamp'] ?? value.timestamp ?? value.time),
      );
  }
}
