/** IPv4/IPv6 addresses and CIDR ranges as integers, to sort, compare and nest them. */

export interface IpValue {
  readonly family: 4 | 6;
  readonly value: bigint;
}

export interface IpRange {
  readonly family: 4 | 6;
  readonly start: bigint;
  readonly end: bigint;
}

function parseV4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const byte = Number(part);
    if (byte > 255) return undefined;
    value = value * 256n + BigInt(byte);
  }
  return value;
}

function parseV6(text: string): bigint | undefined {
  let source = text.toLowerCase();
  const zone = source.indexOf('%');
  if (zone >= 0) source = source.slice(0, zone);
  // an embedded IPv4 suffix (::ffff:10.0.0.1) becomes two hexadecimal groups
  const lastColon = source.lastIndexOf(':');
  const last = source.slice(lastColon + 1);
  if (last.includes('.')) {
    const v4 = parseV4(last);
    if (v4 === undefined) return undefined;
    source = `${source.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = source.split('::');
  if (halves.length > 2) return undefined;
  const group = (s: string): number[] =>
    s === '' ? [] : s.split(':').map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN));
  const head = group(halves[0] ?? '');
  const rest = halves.length === 2 ? group(halves[1] ?? '') : [];
  const fill = halves.length === 2 ? 8 - head.length - rest.length : 0;
  if (fill < 0) return undefined;
  const groups = [...head, ...Array<number>(fill).fill(0), ...rest];
  if (groups.length !== 8 || groups.some((g) => Number.isNaN(g))) return undefined;
  return groups.reduce((acc, g) => (acc << 16n) + BigInt(g), 0n);
}

/** An address as an integer, `undefined` when it does not parse. */
export function parseIp(text: string): IpValue | undefined {
  if (text.includes(':')) {
    const value = parseV6(text);
    return value === undefined ? undefined : { family: 6, value };
  }
  const value = parseV4(text);
  return value === undefined ? undefined : { family: 4, value };
}

/** A CIDR block as its first and last address. */
export function parseCidr(text: string): IpRange | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const ip = parseIp(text.slice(0, slash));
  const bits = Number(text.slice(slash + 1));
  if (ip === undefined || !Number.isInteger(bits)) return undefined;
  const width = ip.family === 4 ? 32 : 128;
  if (bits < 0 || bits > width) return undefined;
  const hostBits = BigInt(width - bits);
  const size = 1n << hostBits;
  const start = (ip.value >> hostBits) << hostBits;
  return { family: ip.family, start, end: start + size - 1n };
}

export const contains = (range: IpRange, ip: IpValue): boolean =>
  range.family === ip.family && ip.value >= range.start && ip.value <= range.end;

export const overlaps = (a: IpRange, b: IpRange): boolean =>
  a.family === b.family && a.start <= b.end && b.start <= a.end;

/** Orders addresses (IPv4 first, then numerically). */
export function compareIp(a: IpValue | undefined, b: IpValue | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  if (a.family !== b.family) return a.family - b.family;
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}
