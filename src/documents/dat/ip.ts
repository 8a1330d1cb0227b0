/** IPv4/IPv6 addresses and CIDR ranges as integers, to sort, compare and nest them. */
import { parseAddress, parseNetwork } from '../../domain/net.js';

export interface IpValue {
  readonly family: 4 | 6;
  readonly value: bigint;
}

export interface IpRange {
  readonly family: 4 | 6;
  readonly start: bigint;
  readonly end: bigint;
}

/** An address as an integer, `undefined` when it does not parse. */
export function parseIp(text: string): IpValue | undefined {
  return parseAddress(text.trim());
}

/** A CIDR block as its first and last address. */
export function parseCidr(text: string): IpRange | undefined {
  const network = parseNetwork(text.trim());
  if (network === undefined) return undefined;
  const hostBits = BigInt((network.family === 4 ? 32 : 128) - network.prefix);
  return { family: network.family, start: network.base, end: network.base + (1n << hostBits) - 1n };
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
