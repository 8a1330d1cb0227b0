/**
 * Normalises Windows events to one flat SigmaEvent, whatever their rendering: the XML-as-JSON
 * rendering of EVTX records (`{"Event":{"System":…,"EventData"|"UserData":…}}`, SigmaHQ's
 * regression files), Winlogbeat/ECS (`winlog.event_data.X`, nested or dotted), and flat exports
 * (Security-Datasets, NXLog: `Channel`, `EventID`, `SourceName`, `Hostname`…). Pure; takes
 * ownership of the parsed object it is given (flat exports are completed in place, no copy).
 */
import type { EventSource } from '../types.js';
import {
  isObject,
  normalised,
  parseTime,
  type MutableEvent,
  type NormalisedEvent,
} from './normalised.js';

/** Field names lose their spaces (Defender's "Threat Name" is matched as `ThreatName`). */
export function fieldName(name: string): string {
  return name.includes(' ') ? name.replaceAll(' ', '') : name;
}

/** `{"#text": v}` → v; `{"#attributes":…}` alone → null; scalars and arrays unchanged. */
function leafValue(value: unknown): unknown {
  if (!isObject(value)) return value;
  if ('#text' in value) return value['#text'];
  return value;
}

function toEventId(value: unknown): number | undefined {
  const raw = leafValue(value);
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'string' && raw.trim() !== '') {
    const n = Number(raw);
    return Number.isInteger(n) ? n : undefined;
  }
  return undefined;
}

function attribute(value: unknown, name: string): unknown {
  if (!isObject(value)) return undefined;
  const attrs = value['#attributes'];
  return isObject(attrs) ? attrs[name] : undefined;
}

function windowsSource(
  channel: unknown,
  provider: unknown,
  eventId: number | undefined,
): EventSource {
  const source: { product: string; channel?: string; provider?: string; eventId?: number } = {
    product:
      typeof channel === 'string' && channel.startsWith('Linux-Sysmon') ? 'linux' : 'windows',
  };
  if (typeof channel === 'string') source.channel = channel;
  if (typeof provider === 'string') source.provider = provider;
  if (eventId !== undefined) source.eventId = eventId;
  return source;
}

/** EventData `Data` items: `{"#attributes":{"Name":X},"#text":v}` become field X; unnamed ones `Data`. */
function addDataItems(event: MutableEvent, data: unknown): void {
  const items = Array.isArray(data) ? data : [data];
  const unnamed: unknown[] = [];
  for (const item of items) {
    const name = attribute(item, 'Name');
    if (typeof name === 'string') {
      const value = isObject(item) ? (item['#text'] ?? null) : null;
      event[fieldName(name)] = value;
    } else if (isObject(item) && '#text' in item) {
      const text = item['#text'];
      if (Array.isArray(text)) unnamed.push(...(text as unknown[]));
      else unnamed.push(text);
    } else if (!isObject(item)) unnamed.push(item);
  }
  if (unnamed.length === 1) event.Data = unnamed[0];
  else if (unnamed.length > 1) event.Data = unnamed;
}

function addEventData(event: MutableEvent, eventData: unknown): void {
  if (!isObject(eventData)) return;
  for (const key in eventData) {
    if (key === '#attributes') continue;
    const value = eventData[key];
    if (key === 'Data') addDataItems(event, value);
    else event[fieldName(key)] = leafValue(value);
  }
}

/** UserData is flattened to its leaves' names (`UserData.Operation_ClientFailure.User` → `User`). */
function addUserData(event: MutableEvent, node: unknown, depth = 0): void {
  if (!isObject(node) || depth > 16) return;
  for (const key in node) {
    if (key.startsWith('#')) continue;
    const value = node[key];
    if (isObject(value) && !('#text' in value)) addUserData(event, value, depth + 1);
    else {
      const name = fieldName(key);
      if (!(name in event)) event[name] = leafValue(value);
    }
  }
}

/** The XML-as-JSON rendering of an EVTX record. */
export function normaliseEventXmlJson(root: Record<string, unknown>): NormalisedEvent {
  const ev = isObject(root.Event) ? root.Event : {};
  const system = isObject(ev.System) ? ev.System : {};
  const event: MutableEvent = {};
  const eventId = toEventId(system.EventID);
  const provider = attribute(system.Provider, 'Name');
  const channel = leafValue(system.Channel);
  if (eventId !== undefined) event.EventID = eventId;
  if (channel !== undefined) event.Channel = channel;
  if (provider !== undefined) event.Provider_Name = provider;
  const guid = attribute(system.Provider, 'Guid');
  if (guid !== undefined) event.Provider_Guid = guid;
  const sourceName = attribute(system.Provider, 'EventSourceName');
  if (sourceName !== undefined) event.Provider_EventSourceName = sourceName;
  for (const key of [
    'Computer',
    'EventRecordID',
    'Version',
    'Level',
    'Task',
    'Opcode',
    'Keywords',
  ]) {
    if (key in system) event[key] = leafValue(system[key]);
  }
  const userId = attribute(system.Security, 'UserID');
  if (userId !== undefined) event.Security_UserID = userId;
  const systemTime = attribute(system.TimeCreated, 'SystemTime');
  if (systemTime !== undefined) event.TimeCreated_SystemTime = systemTime;
  const processId = attribute(system.Execution, 'ProcessID');
  if (processId !== undefined) event.Execution_ProcessID = processId;
  addEventData(event, ev.EventData);
  addUserData(event, ev.UserData);
  return normalised(event, windowsSource(channel, provider, eventId), parseTime(systemTime));
}

/** Flattens nested ECS objects to dotted names (`process.executable`). */
export function flattenInto(
  event: MutableEvent,
  node: Record<string, unknown>,
  prefix: string,
  depth = 0,
): void {
  for (const key in node) {
    const value = node[key];
    const name = prefix === '' ? key : `${prefix}.${key}`;
    if (isObject(value) && depth < 16) flattenInto(event, value, name, depth + 1);
    else event[name] = value;
  }
}

/** Winlogbeat / Elastic Agent events, nested (`winlog: {event_data: …}`) or already dotted. */
export function normaliseWinlogbeat(root: Record<string, unknown>): NormalisedEvent {
  const dotted: MutableEvent = {};
  flattenInto(dotted, root, '');
  const event: MutableEvent = {};
  for (const key in dotted) {
    const value = dotted[key];
    if (key.startsWith('winlog.event_data.')) event[fieldName(key.slice(18))] = value;
    else if (key.startsWith('winlog.user_data.')) {
      const leaf = key.slice(key.lastIndexOf('.') + 1);
      if (!leaf.startsWith('#')) event[fieldName(leaf)] ??= value;
    } else event[key] = value;
  }
  const eventId = toEventId(dotted['winlog.event_id'] ?? dotted['event.code']);
  const channel = dotted['winlog.channel'];
  const provider = dotted['winlog.provider_name'];
  if (eventId !== undefined) event.EventID = eventId;
  if (channel !== undefined) event.Channel = channel;
  if (provider !== undefined) event.Provider_Name = provider;
  const computer = dotted['winlog.computer_name'] ?? dotted['host.name'];
  if (computer !== undefined) event.Computer = computer;
  return normalised(
    event,
    windowsSource(channel, provider, eventId),
    parseTime(dotted['@timestamp']),
  );
}

/** Flat exports (Security-Datasets, NXLog): `Channel`, `EventID`, `SourceName`, `Hostname`… */
export function normaliseFlatWindows(root: Record<string, unknown>): NormalisedEvent {
  let event: MutableEvent = root;
  for (const key in root) {
    if (key.includes(' ')) {
      event = {};
      for (const k in root) event[fieldName(k)] = root[k];
      break;
    }
  }
  const eventId = toEventId(event.EventID ?? event.EventId ?? event.event_id);
  if (eventId !== undefined) event.EventID = eventId;
  const channel = event.Channel;
  const provider = event.Provider_Name ?? event.SourceName ?? event.ProviderName;
  if (provider !== undefined) event.Provider_Name ??= provider;
  const computer = event.Computer ?? event.Hostname;
  if (computer !== undefined) event.Computer ??= computer;
  const time = parseTime(event['@timestamp'] ?? event.TimeCreated ?? event.UtcTime);
  return normalised(event, windowsSource(channel, provider, eventId), time);
}
