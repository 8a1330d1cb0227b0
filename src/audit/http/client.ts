/**
 * A small HTTP/1.1 client over the audit's `Conn` (one request per connection, `Connection:
 * close`): status line, headers (count and size capped), body up to a cap with chunked decoding,
 * redirects never followed. Every read shares one deadline, so a server that never ends its
 * headers, sends endless ones or trickles its body costs at most one timeout and a bounded read.
 */
import type { Conn } from '../net/types.js';
import type { HttpExchange } from './observation.js';

export interface HttpLimits {
  /** Whole request: write, headers and body. */
  readonly timeoutMs: number;
  /** Status line and headers together. */
  readonly maxHeaderBytes: number;
  readonly maxHeaders: number;
  /** Body bytes kept (and read: the rest is not waited for). */
  readonly maxBodyBytes: number;
  /** Body characters kept in the observation's sample. */
  readonly sampleChars: number;
}

export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  timeoutMs: 5000,
  maxHeaderBytes: 32 * 1024,
  maxHeaders: 100,
  maxBodyBytes: 64 * 1024,
  sampleChars: 4096,
};

export interface HttpRequest {
  readonly method: string;
  readonly path: string;
  /** The Host header value. */
  readonly host: string;
  readonly headers?: readonly (readonly [string, string])[];
}

const CRLFCRLF = [13, 10, 13, 10] as const;

function indexOfHeadEnd(bytes: Uint8Array, from = 0): number {
  for (let i = Math.max(0, from); i + 3 < bytes.length; i += 1) {
    if (
      bytes[i] === CRLFCRLF[0] &&
      bytes[i + 1] === CRLFCRLF[1] &&
      bytes[i + 2] === CRLFCRLF[2] &&
      bytes[i + 3] === CRLFCRLF[3]
    )
      return i;
  }
  return -1;
}

/** Bytes of a header section as latin-1 text (RFC 9110 §5.5: field values are octets). */
function latin1(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += String.fromCharCode(byte);
  return out;
}

type Head =
  | {
      readonly ok: true;
      readonly status: number;
      readonly reason: string;
      readonly headers: [string, string][];
    }
  | { readonly ok: false; readonly error: string };

/** Parses the status line and header fields; obsolete line folding is joined (RFC 9112 §5.2). */
export function parseHead(text: string, maxHeaders: number): Head {
  const lines = text.split('\r\n');
  const statusLine = /^HTTP\/(\d)\.(\d) (\d{3})(?: (.*))?$/.exec(lines[0] ?? '');
  if (statusLine === null)
    return {
      ok: false,
      error: `not an HTTP response: ${JSON.stringify((lines[0] ?? '').slice(0, 80))}`,
    };
  const headers: [string, string][] = [];
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    const last = headers.at(-1);
    if (/^[ \t]/.test(line) && last !== undefined) {
      last[1] = `${last[1]} ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0)
      return { ok: false, error: `malformed header line: ${JSON.stringify(line.slice(0, 80))}` };
    headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    if (headers.length > maxHeaders) return { ok: false, error: `more than ${maxHeaders} headers` };
  }
  return { ok: true, status: Number(statusLine[3]), reason: statusLine[4] ?? '', headers };
}

/** Decodes a chunked body as far as it goes; `complete` when the last chunk was seen. */
export function decodeChunked(bytes: Uint8Array): { body: Uint8Array; complete: boolean } {
  const parts: Uint8Array[] = [];
  let offset = 0;
  for (;;) {
    let lineEnd = -1;
    for (let i = offset; i + 1 < bytes.length; i += 1)
      if (bytes[i] === 13 && bytes[i + 1] === 10) {
        lineEnd = i;
        break;
      }
    if (lineEnd < 0) break;
    const size = Number.parseInt(latin1(bytes.subarray(offset, lineEnd)).split(';')[0] ?? '', 16);
    if (!Number.isFinite(size) || size < 0) break;
    if (size === 0) return { body: concat(parts), complete: true };
    const start = lineEnd + 2;
    parts.push(bytes.subarray(start, Math.min(start + size, bytes.length)));
    if (start + size + 2 > bytes.length) break;
    offset = start + size + 2;
  }
  return { body: concat(parts), complete: false };
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function headerOf(headers: readonly (readonly [string, string])[], name: string): string | null {
  const found = headers.find(([key]) => key.toLowerCase() === name);
  return found === undefined ? null : found[1];
}

function encodeRequest(request: HttpRequest): string {
  const extra = (request.headers ?? []).map(([name, value]) => `${name}: ${value}\r\n`).join('');
  return (
    `${request.method} ${request.path} HTTP/1.1\r\nHost: ${request.host}\r\n` +
    `User-Agent: vigie-audit\r\nAccept: */*\r\n${extra}Connection: close\r\n\r\n`
  );
}

function failed(request: HttpRequest, error: string, durationMs: number): HttpExchange {
  return {
    method: request.method,
    path: request.path,
    status: null,
    reason: '',
    headers: [],
    bodySample: '',
    bodyLength: 0,
    truncated: false,
    error,
    durationMs,
  };
}

/** Sends one request on an open connection and reads the answer, within the limits. */
export async function httpRequest(
  conn: Conn,
  request: HttpRequest,
  limits: HttpLimits,
  now: () => number,
  /** When the time allowed started (the connection attempt, when it counts). */
  started: number = now(),
): Promise<HttpExchange> {
  const left = () => Math.max(0, limits.timeoutMs - (now() - started));
  const elapsed = () => Math.round(now() - started);
  try {
    await conn.write(encodeRequest(request));
  } catch (error) {
    return failed(request, `write failed: ${String(error)}`.slice(0, 200), elapsed());
  }
  let scanned = 0;
  const head = await conn.read({
    maxBytes: limits.maxHeaderBytes,
    timeoutMs: left(),
    until: (bytes) => {
      // only the new bytes are scanned: a server trickling its headers costs linear time
      const found = indexOfHeadEnd(bytes, scanned - 3) >= 0;
      scanned = bytes.length;
      return found;
    },
  });
  const end = indexOfHeadEnd(head.bytes);
  if (end < 0) {
    const why =
      head.end === 'max-bytes'
        ? `headers longer than ${limits.maxHeaderBytes} bytes`
        : head.end === 'timeout'
          ? `no complete headers in ${limits.timeoutMs} ms`
          : `connection ${head.end === 'closed' ? 'closed' : 'failed'} before the end of the headers`;
    return failed(request, why, elapsed());
  }
  const parsed = parseHead(latin1(head.bytes.subarray(0, end)), limits.maxHeaders);
  if (!parsed.ok) return failed(request, parsed.error, elapsed());
  const body = await readBody(conn, request, parsed, head.bytes.subarray(end + 4), limits, left);
  return {
    method: request.method,
    path: request.path,
    status: parsed.status,
    reason: parsed.reason,
    headers: parsed.headers,
    bodySample: new TextDecoder().decode(body.bytes).slice(0, limits.sampleChars),
    bodyLength: body.bytes.length,
    truncated: body.truncated,
    error: null,
    durationMs: elapsed(),
  };
}

async function readBody(
  conn: Conn,
  request: HttpRequest,
  head: { readonly status: number; readonly headers: readonly (readonly [string, string])[] },
  already: Uint8Array,
  limits: HttpLimits,
  left: () => number,
): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  const { status, headers } = head;
  if (request.method === 'HEAD' || status < 200 || status === 204 || status === 304)
    return { bytes: new Uint8Array(0), truncated: false };
  const chunked = /\bchunked\b/i.test(headerOf(headers, 'transfer-encoding') ?? '');
  const length = chunked ? null : Number(headerOf(headers, 'content-length') ?? Number.NaN);
  const wanted = Number.isFinite(length) && length !== null ? length : Number.POSITIVE_INFINITY;
  // chunked framing adds a few bytes per chunk: allow some slack over the cap
  const cap = chunked ? limits.maxBodyBytes + 16 * 1024 : Math.min(wanted, limits.maxBodyBytes);
  let bytes = already.subarray(0, cap);
  let end: string = bytes.length >= cap ? 'max-bytes' : 'until';
  if (bytes.length < cap && !(chunked && decodeChunked(bytes).complete)) {
    const rest = await conn.read({
      maxBytes: cap - bytes.length,
      timeoutMs: left(),
      until: (more) =>
        chunked ? endsWithLastChunk(more) || decodeChunkedDone(bytes, more) : false,
    });
    bytes = concat([bytes, rest.bytes]);
    end = rest.end;
  }
  if (chunked) {
    const decoded = decodeChunked(bytes);
    const body = decoded.body.subarray(0, limits.maxBodyBytes);
    return { bytes: body, truncated: !decoded.complete || decoded.body.length > body.length };
  }
  const complete = Number.isFinite(wanted) ? bytes.length >= wanted : end === 'closed';
  return { bytes, truncated: !complete };
}

function endsWithLastChunk(bytes: Uint8Array): boolean {
  const n = bytes.length;
  return n >= 5 && latin1(bytes.subarray(n - 5)) === '0\r\n\r\n';
}

/** For a last chunk split across the bytes already held and the new ones (rare). */
function decodeChunkedDone(before: Uint8Array, more: Uint8Array): boolean {
  if (more.length >= 5 || before.length + more.length < 5) return false;
  return endsWithLastChunk(concat([before.subarray(-5), more]));
}
