/**
 * The shared machinery of service identification: a probing session over one endpoint with a
 * time budget, bounded reads, and helpers to keep what a hostile peer says printable.
 */
import type { AuditNet, Conn, Endpoint, ReadResult } from '../net/types.js';
import type { ServiceIdentity } from '../types.js';

export interface IdentifyOptions {
  readonly timeoutMs: number;
  readonly maxBytes: number;
  /** The protocol the port is expected to speak (model, scope): its probe goes first. */
  readonly hint?: string;
}

/** One identification: the connection in use, the limits and the time left. */
export interface Session {
  readonly net: AuditNet;
  readonly endpoint: Endpoint;
  readonly options: IdentifyOptions;
  /** The connection is TLS (identification inside a TLS port). */
  readonly tls: boolean;
  conn: Conn;
  /** Reads at most maxBytes, waiting at most the per-probe timeout. */
  read(until?: (bytes: Uint8Array) => boolean, timeoutMs?: number): Promise<ReadResult>;
  /** Sends then reads. */
  ask(data: Uint8Array | string, until?: (bytes: Uint8Array) => boolean): Promise<ReadResult>;
  /** Closes the current connection and opens a new one; false when the port no longer answers. */
  reconnect(): Promise<boolean>;
}

/** A protocol identifier: one file each, listed in registry.ts. */
export interface ServiceIdentifier {
  readonly id: string;
  /** Protocol registry keys this identifier can report. */
  readonly protocols: readonly string[];
  /** Ports where this protocol is expected (probe order). */
  readonly ports: readonly number[];
  /** Server speaks first: recognise its greeting (and continue on the same connection). */
  readonly greeting?: (banner: Uint8Array, session: Session) => Promise<ServiceIdentity | null>;
  /** Client speaks first: send a probe on the session's connection and recognise the answer. */
  readonly probe?: (session: Session) => Promise<ServiceIdentity | null>;
}

const decoder = new TextDecoder('latin1');

export const latin1 = (bytes: Uint8Array): string => decoder.decode(bytes);

/** Printable ASCII only (evidence never carries control bytes), lines joined by ` | `, trimmed. */
export function printableBanner(bytes: Uint8Array, max = 512): string {
  return latin1(bytes)
    .split(/\r?\n/)
    .map((line) => line.replace(/[^\x20-\x7e]/g, '?').trim())
    .filter((line) => line !== '')
    .join(' | ')
    .slice(0, max);
}

export const hasLine = (bytes: Uint8Array): boolean => bytes.includes(0x0a);

/** Reads lines until one matches `last` (multi-line replies: `250 ` after `250-`). */
export const untilLine =
  (last: RegExp) =>
  (bytes: Uint8Array): boolean =>
    latin1(bytes)
      .split(/\r?\n/)
      .some((line, index, lines) => index < lines.length - 1 && last.test(line));

/** `Product/1.2.3 (comment)` → product and version. */
export function productVersion(value: string): { product?: string; version?: string } {
  const match = /^([A-Za-z][\w .-]*?)[/ _-]v?(\d[\w.+~-]*)/.exec(value.trim());
  if (match?.[1] !== undefined && match[2] !== undefined) {
    return { product: match[1].trim(), version: match[2] };
  }
  const word = /^[A-Za-z][\w.-]*/.exec(value.trim())?.[0];
  return word === undefined ? {} : { product: word };
}

/** Drops undefined fields (exactOptionalPropertyTypes). */
export function identity(fields: {
  protocol: string;
  tls: boolean;
  starttls?: boolean | undefined;
  product?: string | undefined;
  version?: string | undefined;
  banner?: string | undefined;
  details?: Record<string, string> | undefined;
}): ServiceIdentity {
  const out: Record<string, unknown> = { protocol: fields.protocol, tls: fields.tls };
  for (const key of ['starttls', 'product', 'version', 'banner'] as const) {
    const value = fields[key];
    if (value !== undefined && value !== '') out[key] = value;
  }
  if (fields.details !== undefined && Object.keys(fields.details).length > 0) {
    out['details'] = fields.details;
  }
  return out as unknown as ServiceIdentity;
}

export const u16be = (b: Uint8Array, at: number): number => ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
export const u16le = (b: Uint8Array, at: number): number => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
export const u32le = (b: Uint8Array, at: number): number =>
  (u16le(b, at) | (u16le(b, at + 2) << 16)) >>> 0;
export const u32be = (b: Uint8Array, at: number): number =>
  ((u16be(b, at) << 16) | u16be(b, at + 2)) >>> 0;

export function concat(...parts: readonly (Uint8Array | readonly number[])[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);
