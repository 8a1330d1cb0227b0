/**
 * Guesses an input's format from its first bytes (after gzip decompression). Pure.
 * Content decides, not the file name: logs are often renamed or rotated (`auth.log.1`).
 */

export const INPUT_FORMATS = [
  'evtx',
  'json-lines',
  'json-array',
  'json-concat',
  'syslog',
  'auditd',
  'access-log',
  'csv',
  'text',
] as const;

export type InputFormat = (typeof INPUT_FORMATS)[number];

const EVTX_MAGIC = 'ElfFile\0';
/** `<PRI>` then RFC 5424 version, or an RFC 3164 / auth.log / RFC 3339 timestamp. */
const SYSLOG_LINE =
  /^(?:<\d{1,3}>)?(?:1 \S+ |[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d |\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\S* )/;
const AUDITD_LINE = /^(?:node=\S+ )?type=[A-Z_0-9]+ msg=audit\(/;
const ACCESS_LOG_LINE = /^\S+ \S+ \S+ \[[^\]]+\] "/;

/** True when the bytes start with gzip's magic number. */
export function isGzip(head: Uint8Array): boolean {
  return head[0] === 0x1f && head[1] === 0x8b;
}

/** True when the bytes start with the EVTX file header signature. */
export function isEvtx(head: Uint8Array): boolean {
  return (
    Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, 8)).toString('latin1') ===
    EVTX_MAGIC
  );
}

function firstLines(text: string, count: number, complete: boolean): string[] {
  const lines = text.split('\n');
  // The last piece of a head that stops mid-file may be cut: keep it only if the file ended.
  if (!complete) lines.pop();
  return lines
    .map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l))
    .filter((l) => l.trim() !== '')
    .slice(0, count);
}

function parsesAsJson(line: string): boolean {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

function majority(lines: readonly string[], test: (line: string) => boolean): boolean {
  if (lines.length === 0) return false;
  let hits = 0;
  for (const line of lines) if (test(line)) hits++;
  return hits * 2 > lines.length;
}

function looksLikeCsv(lines: readonly string[]): boolean {
  const header = lines[0];
  if (header === undefined || lines.length < 2 || !header.includes(',')) return false;
  return /^[\w@"][^"]*(?:,"?[\w@ .#/-]*"?)+$/.test(header);
}

/**
 * The format of an input whose first bytes are `head` (`complete` when `head` is the whole
 * file). An empty input reads as JSON lines (no records, no complaint).
 */
export function sniffFormat(head: Uint8Array, complete: boolean): InputFormat {
  if (isEvtx(head)) return 'evtx';
  let text = Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const trimmed = text.trimStart();
  if (trimmed === '') return 'json-lines';
  if (trimmed.startsWith('[')) return 'json-array';
  const lines = firstLines(text, 20, complete);
  if (trimmed.startsWith('{')) {
    // JSON lines when the first line is a whole object, or most lines are (the first one being
    // garbage); pretty-printed objects start with `{` alone and their lines do not parse.
    const firstLine = lines[0];
    const isJsonLines =
      (firstLine !== undefined && parsesAsJson(firstLine)) ||
      majority(lines, (l) => l.trimStart().startsWith('{') && parsesAsJson(l));
    return isJsonLines ? 'json-lines' : 'json-concat';
  }
  if (lines.length === 0) return 'text';
  if (majority(lines, (l) => AUDITD_LINE.test(l))) return 'auditd';
  if (majority(lines, (l) => SYSLOG_LINE.test(l))) return 'syslog';
  if (majority(lines, (l) => ACCESS_LOG_LINE.test(l))) return 'access-log';
  if (majority(lines, (l) => l.trimStart().startsWith('{') && parsesAsJson(l))) return 'json-lines';
  if (looksLikeCsv(lines)) return 'csv';
  return 'text';
}
