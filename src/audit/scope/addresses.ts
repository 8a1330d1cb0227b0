/** Address helpers of the scope: CIDR expansion and canonical spelling. */
import { parseAddress, parseNetwork } from '../../domain/net.js';

/** The canonical text of an address (IPv6 compressed as RFC 5952 writes it). */
export function formatAddress(family: 4 | 6, value: bigint): string {
  if (family === 4) {
    return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 0xffn)).join('.');
  }
  const groups = Array.from({ length: 8 }, (_, i) =>
    Number((value >> BigInt((7 - i) * 16)) & 0xffffn),
  );
  // the longest run of at least two zero groups becomes `::` (the first one on a tie)
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i += 1;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j += 1;
    if (j - i > best.length && j - i >= 2) best = { start: i, length: j - i };
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best.start < 0) return hex.join(':');
  const head = hex.slice(0, best.start).join(':');
  const tail = hex.slice(best.start + best.length).join(':');
  return `${head}::${tail}`;
}

/** The canonical spelling of an address, or undefined when it is not one. */
export function canonicalAddress(text: string): string | undefined {
  const parsed = parseAddress(text);
  return parsed === undefined ? undefined : formatAddress(parsed.family, parsed.value);
}

/** Every address of a CIDR (the caller bounds its size), in order. */
export function expandCidr(cidr: string): string[] {
  const network = parseNetwork(cidr);
  if (network === undefined) return [];
  const size = 1n << BigInt((network.family === 4 ? 32 : 128) - network.prefix);
  const out: string[] = [];
  for (let i = 0n; i < size; i += 1n) out.push(formatAddress(network.family, network.base + i));
  return out;
}

/** Orders addresses: IPv4 before IPv6, then numerically. */
export function compareAddresses(a: string, b: string): number {
  const x = parseAddress(a);
  const y = parseAddress(b);
  if (x === undefined || y === undefined) return a < b ? -1 : a > b ? 1 : 0;
  if (x.family !== y.family) return x.family - y.family;
  return x.value < y.value ? -1 : x.value > y.value ? 1 : 0;
}
