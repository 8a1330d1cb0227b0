/** IPv4 and IPv6 networks for the `cidr` modifier; addresses parsed without allocation where possible. */

export type IpAddress =
  | { readonly version: 4; readonly value: number }
  | { readonly version: 6; readonly words: readonly number[] };

export interface CidrNetwork {
  readonly version: 4 | 6;
  readonly prefix: number;
  readonly base: IpAddress;
}

export function parseIpv4(text: string): number | undefined {
  let value = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      part = part * 10 + (c - 48);
      digits++;
      if (part > 255 || digits > 3) return undefined;
    } else if (c === 46) {
      if (digits === 0 || dots === 3) return undefined;
      value = value * 256 + part;
      part = 0;
      digits = 0;
      dots++;
    } else {
      return undefined;
    }
  }
  if (digits === 0 || dots !== 3) return undefined;
  return value * 256 + part;
}

export function parseIpv6(input: string): number[] | undefined {
  const zone = input.indexOf('%');
  let text = zone >= 0 ? input.slice(0, zone) : input;
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  let tail: number[] = [];
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.', lastColon)) {
    const v4 = parseIpv4(text.slice(lastColon + 1));
    if (v4 === undefined) return undefined;
    tail = [Math.floor(v4 / 65536), v4 % 65536];
    text = text.slice(0, lastColon + 1);
    if (!text.endsWith('::')) text = text.slice(0, -1);
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parseWords = (s: string): number[] | undefined => {
    if (s === '') return [];
    const out: number[] = [];
    for (const w of s.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(w)) return undefined;
      out.push(parseInt(w, 16));
    }
    return out;
  };
  const head = parseWords(halves[0] ?? '');
  const rest = halves.length === 2 ? parseWords(halves[1] ?? '') : [];
  if (head === undefined || rest === undefined) return undefined;
  const total = head.length + rest.length + tail.length;
  if (halves.length === 1 ? total !== 8 : total > 7) return undefined;
  return [...head, ...new Array<number>(8 - total).fill(0), ...rest, ...tail];
}

/** An address, IPv4-mapped IPv6 (`::ffff:a.b.c.d`) folded to IPv4. */
export function parseIp(text: string): IpAddress | undefined {
  const v4 = parseIpv4(text);
  if (v4 !== undefined) return { version: 4, value: v4 };
  if (!text.includes(':')) return undefined;
  const words = parseIpv6(text);
  if (words === undefined) return undefined;
  if (words.slice(0, 5).every((w) => w === 0) && words[5] === 0xffff) {
    return { version: 4, value: (words[6] ?? 0) * 65536 + (words[7] ?? 0) };
  }
  return { version: 6, words };
}

export function parseCidr(text: string): CidrNetwork | undefined {
  const slash = text.indexOf('/');
  const address = parseIp(slash < 0 ? text : text.slice(0, slash));
  if (address === undefined) return undefined;
  const max = address.version === 4 ? 32 : 128;
  const prefixText = slash < 0 ? String(max) : text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (prefix > max) return undefined;
  return { version: address.version, prefix, base: address };
}

export function cidrContains(network: CidrNetwork, address: IpAddress): boolean {
  if (network.base.version === 4 && address.version === 4) {
    if (network.prefix === 0) return true;
    const shift = 32 - network.prefix;
    return Math.floor(address.value / 2 ** shift) === Math.floor(network.base.value / 2 ** shift);
  }
  if (network.base.version === 6 && address.version === 6) {
    let bits = network.prefix;
    for (let i = 0; i < 8 && bits > 0; i++) {
      const a = address.words[i] ?? 0;
      const b = network.base.words[i] ?? 0;
      const take = Math.min(16, bits);
      const mask = (0xffff << (16 - take)) & 0xffff;
      if ((a & mask) !== (b & mask)) return false;
      bits -= take;
    }
    return true;
  }
  return false;
}
