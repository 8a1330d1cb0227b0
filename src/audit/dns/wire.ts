/**
 * DNS messages on the wire (RFC 1035, EDNS0 RFC 6891): queries built here, answers parsed
 * defensively — every length is checked, compression pointers may only point backwards and are
 * followed at most 64 times, and a malformed message is an error value, never a throw.
 */

export const RR_TYPES = {
  A: 1,
  NS: 2,
  CNAME: 5,
  SOA: 6,
  MX: 15,
  TXT: 16,
  AAAA: 28,
  OPT: 41,
  DS: 43,
  RRSIG: 46,
  DNSKEY: 48,
  TLSA: 52,
  CAA: 257,
} as const;
export type RrType = keyof typeof RR_TYPES;
const TYPE_NAMES = new Map<number, RrType>(
  Object.entries(RR_TYPES).map(([name, code]) => [code, name as RrType]),
);

export type RrData =
  | { readonly type: 'A'; readonly address: string }
  | { readonly type: 'AAAA'; readonly address: string }
  | { readonly type: 'NS'; readonly name: string }
  | { readonly type: 'CNAME'; readonly name: string }
  | { readonly type: 'MX'; readonly preference: number; readonly exchange: string }
  | { readonly type: 'TXT'; readonly text: string }
  | { readonly type: 'CAA'; readonly flags: number; readonly tag: string; readonly value: string }
  | { readonly type: 'DNSKEY'; readonly flags: number; readonly algorithm: number }
  | { readonly type: 'DS'; readonly keyTag: number; readonly algorithm: number }
  | { readonly type: 'RRSIG'; readonly covered: number; readonly algorithm: number }
  | { readonly type: 'other'; readonly code: number };

export interface ResourceRecord {
  readonly name: string;
  readonly ttl: number;
  readonly data: RrData;
}

export interface DnsMessage {
  readonly id: number;
  readonly truncated: boolean;
  readonly authenticData: boolean;
  /** 0 NOERROR, 2 SERVFAIL, 3 NXDOMAIN… */
  readonly rcode: number;
  readonly question: { readonly name: string; readonly type: number } | null;
  readonly answers: readonly ResourceRecord[];
}

export type ParseOutcome =
  | { readonly ok: true; readonly message: DnsMessage }
  | { readonly ok: false; readonly error: string };

/** A query for `name` and `type` with an EDNS0 OPT record (4,096-byte answers; DO if asked). */
export function buildQuery(id: number, name: string, type: RrType, dnssec = false): Uint8Array {
  const labels = name
    .replace(/\.$/, '')
    .split('.')
    .filter((label) => label !== '');
  const parts: number[] = [id >> 8, id & 0xff, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 1];
  for (const label of labels) {
    const bytes = new TextEncoder().encode(label);
    if (bytes.length > 63) throw new RangeError(`DNS label too long: ${label}`);
    parts.push(bytes.length, ...bytes);
  }
  parts.push(0, RR_TYPES[type] >> 8, RR_TYPES[type] & 0xff, 0, 1);
  // OPT: root name, type 41, UDP size 4096, extended rcode 0, version 0, DO flag, no data
  parts.push(0, 0, 41, 0x10, 0x00, 0, 0, dnssec ? 0x80 : 0, 0, 0, 0);
  return Uint8Array.from(parts);
}

class Reader {
  constructor(readonly bytes: Uint8Array) {}
  u8(at: number): number {
    const value = this.bytes[at];
    if (value === undefined) throw new RangeError('message truncated');
    return value;
  }
  u16(at: number): number {
    return (this.u8(at) << 8) | this.u8(at + 1);
  }
  u32(at: number): number {
    return this.u16(at) * 65536 + this.u16(at + 2);
  }
  /** A possibly compressed name at `at`; returns it and the offset after it in place. */
  name(at: number): { name: string; next: number } {
    const labels: string[] = [];
    let offset = at;
    let next = -1;
    for (let jumps = 0; ;) {
      const length = this.u8(offset);
      if (length === 0) {
        if (next === -1) next = offset + 1;
        break;
      }
      if ((length & 0xc0) === 0xc0) {
        const target = ((length & 0x3f) << 8) | this.u8(offset + 1);
        if (next === -1) next = offset + 2;
        // pointers only go backwards: no loop can be written
        if (target >= offset || (jumps += 1) > 64) throw new RangeError('bad compression pointer');
        offset = target;
        continue;
      }
      if (length > 63) throw new RangeError('bad label length');
      const end = offset + 1 + length;
      if (end > this.bytes.length) throw new RangeError('message truncated');
      labels.push(new TextDecoder().decode(this.bytes.subarray(offset + 1, end)));
      offset = end;
      if (labels.length > 127) throw new RangeError('name too long');
    }
    return { name: labels.join('.').toLowerCase(), next };
  }
}

function ipv6(bytes: Uint8Array): string {
  const words: string[] = [];
  for (let i = 0; i < 16; i += 2)
    words.push((((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0)).toString(16));
  // RFC 5952: the longest run of two or more zero words (the first if tied) becomes "::"
  let best = { at: -1, length: 1 };
  for (let i = 0; i < 8;) {
    let end = i;
    while (words[end] === '0') end += 1;
    if (end - i > best.length) best = { at: i, length: end - i };
    i = end === i ? i + 1 : end;
  }
  if (best.at === -1) return words.join(':');
  const head = words.slice(0, best.at).join(':');
  const tail = words.slice(best.at + best.length).join(':');
  return `${head}::${tail}`;
}

function rdata(reader: Reader, type: number, at: number, length: number): RrData {
  const bytes = reader.bytes.subarray(at, at + length);
  if (bytes.length !== length) throw new RangeError('record data truncated');
  const name = TYPE_NAMES.get(type);
  switch (name) {
    case 'A':
      if (length !== 4) throw new RangeError('bad A record');
      return { type: 'A', address: [...bytes].join('.') };
    case 'AAAA':
      if (length !== 16) throw new RangeError('bad AAAA record');
      return { type: 'AAAA', address: ipv6(bytes) };
    case 'NS':
    case 'CNAME':
      return { type: name, name: reader.name(at).name };
    case 'MX':
      return { type: 'MX', preference: reader.u16(at), exchange: reader.name(at + 2).name };
    case 'TXT': {
      let text = '';
      for (let i = 0; i < length;) {
        const size = bytes[i] ?? 0;
        if (i + 1 + size > length) throw new RangeError('bad TXT string');
        text += new TextDecoder().decode(bytes.subarray(i + 1, i + 1 + size));
        i += 1 + size;
      }
      return { type: 'TXT', text };
    }
    case 'CAA': {
      const tagLength = bytes[1] ?? 0;
      if (2 + tagLength > length) throw new RangeError('bad CAA record');
      const decode = (part: Uint8Array) => new TextDecoder().decode(part);
      return {
        type: 'CAA',
        flags: bytes[0] ?? 0,
        tag: decode(bytes.subarray(2, 2 + tagLength)).toLowerCase(),
        value: decode(bytes.subarray(2 + tagLength)),
      };
    }
    case 'DNSKEY':
      return { type: 'DNSKEY', flags: reader.u16(at), algorithm: reader.u8(at + 3) };
    case 'DS':
      return { type: 'DS', keyTag: reader.u16(at), algorithm: reader.u8(at + 2) };
    case 'RRSIG':
      return { type: 'RRSIG', covered: reader.u16(at), algorithm: reader.u8(at + 2) };
    default:
      return { type: 'other', code: type };
  }
}

/** Parses an answer; a malformed one gives `{ ok: false, error }`. */
export function parseMessage(bytes: Uint8Array): ParseOutcome {
  try {
    const reader = new Reader(bytes);
    if (bytes.length < 12) return { ok: false, error: 'message shorter than its header' };
    const flags = reader.u16(2);
    const qdcount = reader.u16(4);
    const ancount = reader.u16(6);
    let offset = 12;
    let question: DnsMessage['question'] = null;
    for (let i = 0; i < qdcount; i += 1) {
      const { name, next } = reader.name(offset);
      if (i === 0) question = { name, type: reader.u16(next) };
      offset = next + 4;
    }
    const answers: ResourceRecord[] = [];
    for (let i = 0; i < ancount; i += 1) {
      const { name, next } = reader.name(offset);
      const type = reader.u16(next);
      const ttl = reader.u32(next + 4);
      const length = reader.u16(next + 8);
      answers.push({ name, ttl, data: rdata(reader, type, next + 10, length) });
      offset = next + 10 + length;
    }
    return {
      ok: true,
      message: {
        id: reader.u16(0),
        truncated: (flags & 0x0200) !== 0,
        authenticData: (flags & 0x0020) !== 0,
        rcode: flags & 0x000f,
        question,
        answers,
      },
    };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : 'malformed message' };
  }
}
