/**
 * Parses one web server access log line in the common or combined log format (Apache, nginx)
 * into Sigma's webserver taxonomy fields (`c-ip`, `cs-method`, `cs-uri-stem`, `cs-uri-query`,
 * `sc-status`, `cs-user-agent`…). Pure.
 */
import type { EventSource } from '../types.js';
import { normalised, type NormalisedEvent } from './normalised.js';

const LINE =
  /^(\S+) (\S+) (\S+) \[(\d\d)\/([A-Z][a-z]{2})\/(\d{4}):(\d\d):(\d\d):(\d\d) ([+-])(\d\d)(\d\d)\] "((?:[^"\\]|\\.)*)" (\d{3}|-) (\d+|-)(?: "((?:[^"\\]|\\.)*)" "((?:[^"\\]|\\.)*)")?/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEBSERVER_SOURCE: EventSource = { category: 'webserver' };

function unescape(text: string): string {
  return text.includes('\\') ? text.replace(/\\(["\\])/g, '$1') : text;
}

function addRequest(fields: Record<string, unknown>, request: string): void {
  const parts = request.split(' ');
  if (parts.length < 2) {
    fields['cs-uri'] = request;
    return;
  }
  fields['cs-method'] = parts[0];
  const uri = parts.slice(1, parts.length > 2 ? -1 : undefined).join(' ');
  if (parts.length > 2) fields['cs-version'] = parts.at(-1);
  fields['cs-uri'] = uri;
  const question = uri.indexOf('?');
  fields['cs-uri-stem'] = question < 0 ? uri : uri.slice(0, question);
  if (question >= 0) fields['cs-uri-query'] = uri.slice(question + 1);
}

function timeOf(m: RegExpExecArray): number {
  const month = MONTHS.indexOf(m[5] ?? '');
  if (month < 0) return Number.NaN;
  const offset = (Number(m[11]) * 60 + Number(m[12])) * 60_000 * (m[10] === '-' ? -1 : 1);
  return (
    Date.UTC(Number(m[6]), month, Number(m[4]), Number(m[7]), Number(m[8]), Number(m[9])) - offset
  );
}

/** Parses one access log line, or returns undefined when it is not one. */
export function parseAccessLogLine(line: string): NormalisedEvent | undefined {
  const m = LINE.exec(line);
  if (m === null) return undefined;
  const fields: Record<string, unknown> = { 'c-ip': m[1] };
  if (m[3] !== '-') fields['cs-username'] = m[3];
  addRequest(fields, unescape(m[13] ?? ''));
  if (m[14] !== '-') fields['sc-status'] = Number(m[14]);
  if (m[15] !== '-') fields['sc-bytes'] = Number(m[15]);
  if (m[16] !== undefined && m[16] !== '-') fields['cs-referer'] = unescape(m[16]);
  if (m[17] !== undefined && m[17] !== '-') fields['cs-user-agent'] = unescape(m[17]);
  const time = timeOf(m);
  return normalised(fields, WEBSERVER_SOURCE, Number.isNaN(time) ? undefined : time);
}
