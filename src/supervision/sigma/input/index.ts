/**
 * Public surface of the inputs: readers (I/O) and the pure parsers and normalisers behind them.
 */
export { readEvents, DEFAULT_MAX_RECORD_BYTES, type ReadEventsOptions } from './read-events.js';
export type { ProgressCallback } from './byte-source.js';
export { decodeRecords, type DecodeSettings } from './decode-records.js';
export { readEvtxBytes } from './evtx-reader.js';
export { isInputDiagnostic, isInputRecord, type InputItem } from './diagnostics.js';
export { sniffFormat, isGzip, isEvtx, INPUT_FORMATS, type InputFormat } from './sniff.js';
export { normaliseJson, jsonShapeOf, type JsonShape } from './normalise-json.js';
export { fieldName } from './normalise-windows.js';
export type { NormalisedEvent } from './normalised.js';
export { parseSyslogLine, linuxServiceOf } from './syslog.js';
export { parseAuditdLine } from './auditd.js';
export { parseAccessLogLine } from './access-log.js';
