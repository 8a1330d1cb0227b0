/**
 * Turns an input's bytes into records, format by format (JSON lines, JSON array, concatenated
 * JSON, syslog, auditd, access log, CSV, plain text). Pure over its async input: no file
 * access here (see read-events.ts). Bad records become diagnostics and reading goes on.
 */
import type { EventSource, InputRecord } from '../types.js';
import { parseAccessLogLine } from './access-log.js';
import { parseAuditdLine } from './auditd.js';
import { CsvAssembler } from './csv.js';
import type { InputItem } from './diagnostics.js';
import { inputProblems } from './input-messages.js';
import { scanJsonValues } from './json-scanner.js';
import { splitLines } from './line-splitter.js';
import { normaliseJson } from './normalise-json.js';
import type { NormalisedEvent } from './normalised.js';
import type { InputFormat } from './sniff.js';
import { parseSyslogLine } from './syslog.js';

/** Settings of a decoding run. */
export interface DecodeSettings {
  readonly file: string;
  readonly maxRecordBytes: number;
  /** Year given to RFC 3164 timestamps, which have none. */
  readonly year: number;
}

const TEXT_SOURCE: EventSource = {};

function record(n: NormalisedEvent, file: string, line: number): InputRecord {
  return n.time === undefined
    ? { event: n.event, file, line, source: n.source }
    : { event: n.event, file, line, source: n.source, time: n.time };
}

function parseJsonRecord(text: string, file: string, line: number): InputItem {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return inputProblems.badJson(
      file,
      line,
      text,
      error instanceof Error ? error.message : 'syntax error',
    );
  }
  const n = normaliseJson(value);
  return n === undefined ? inputProblems.notObject(file, line) : record(n, file, line);
}

async function* jsonLines(
  chunks: AsyncIterable<Buffer>,
  s: DecodeSettings,
): AsyncGenerator<InputItem> {
  for await (const item of splitLines(chunks, s.maxRecordBytes)) {
    if (item.kind === 'over-long')
      yield inputProblems.tooLong(s.file, item.line, item.bytes, s.maxRecordBytes);
    else if (item.text.trim() !== '') yield parseJsonRecord(item.text, s.file, item.line);
  }
}

async function* jsonValues(
  chunks: AsyncIterable<Buffer>,
  s: DecodeSettings,
  array: boolean,
): AsyncGenerator<InputItem> {
  for await (const v of scanJsonValues(chunks, { array, maxBytes: s.maxRecordBytes })) {
    if (v.kind === 'value') yield parseJsonRecord(v.text, s.file, v.index);
    else if (v.kind === 'garbage') yield inputProblems.garbage(s.file, v.index, v.sample);
    else if (v.kind === 'truncated') yield inputProblems.truncated(s.file, v.index);
    else yield inputProblems.tooLong(s.file, v.index, v.bytes, s.maxRecordBytes);
  }
}

type LineParser = (text: string) => NormalisedEvent | undefined;

async function* parsedLines(
  chunks: AsyncIterable<Buffer>,
  s: DecodeSettings,
  format: string,
  parse: LineParser,
): AsyncGenerator<InputItem> {
  for await (const item of splitLines(chunks, s.maxRecordBytes)) {
    if (item.kind === 'over-long') {
      yield inputProblems.tooLong(s.file, item.line, item.bytes, s.maxRecordBytes);
      continue;
    }
    if (item.text.trim() === '') continue;
    const n = parse(item.text);
    yield n === undefined
      ? inputProblems.badLine(s.file, item.line, format, item.text)
      : record(n, s.file, item.line);
  }
}

async function* csvRecords(
  chunks: AsyncIterable<Buffer>,
  s: DecodeSettings,
): AsyncGenerator<InputItem> {
  const csv = new CsvAssembler();
  let header: readonly string[] | undefined;
  let start = 0;
  for await (const item of splitLines(chunks, s.maxRecordBytes)) {
    if (!csv.isOpen) start = item.line;
    if (item.kind === 'over-long' || csv.pendingSize > s.maxRecordBytes) {
      const bytes = item.kind === 'over-long' ? item.bytes : csv.pendingSize;
      csv.reset();
      yield inputProblems.tooLong(s.file, start, bytes, s.maxRecordBytes);
      continue;
    }
    if (!csv.isOpen && item.text.trim() === '') continue;
    const fields = csv.push(item.text);
    if (fields === undefined) continue;
    if (header === undefined) {
      header = fields.map((f) => f.trim());
      continue;
    }
    if (fields.length !== header.length) {
      yield inputProblems.csvColumns(s.file, start, fields.length, header.length);
      continue;
    }
    const row: Record<string, unknown> = {};
    header.forEach((name, i) => {
      row[name] = fields[i];
    });
    const n = normaliseJson(row);
    if (n !== undefined) yield record(n, s.file, start);
  }
  if (csv.isOpen) yield inputProblems.badLine(s.file, start, 'CSV', 'unterminated quoted field');
}

/** Decodes `chunks` (already decompressed) as `format`. EVTX is handled by the caller. */
export function decodeRecords(
  chunks: AsyncIterable<Buffer>,
  format: Exclude<InputFormat, 'evtx'>,
  s: DecodeSettings,
): AsyncGenerator<InputItem> {
  switch (format) {
    case 'json-lines':
      return jsonLines(chunks, s);
    case 'json-array':
      return jsonValues(chunks, s, true);
    case 'json-concat':
      return jsonValues(chunks, s, false);
    case 'syslog':
      return parsedLines(chunks, s, 'syslog', (t) => parseSyslogLine(t, s.year));
    case 'auditd':
      return parsedLines(chunks, s, 'auditd', parseAuditdLine);
    case 'access-log':
      return parsedLines(chunks, s, 'access log', parseAccessLogLine);
    case 'csv':
      return csvRecords(chunks, s);
    case 'text':
      return parsedLines(chunks, s, 'text', (t) => ({
        event: { message: t },
        source: TEXT_SOURCE,
      }));
  }
}
