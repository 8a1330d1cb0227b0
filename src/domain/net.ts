/** An IP network: family, first address and prefix length. */
export interface Network {
  readonly family: 4 | 6;
  readonly base: bigint;
  readonly prefix: number;
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const byte = Number(part);
    if (byte > 255) return undefined;
    value = (value << 8n) | BigInt(byte);
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (part: string | undefined): string[] =>
    part === undefined || part === '' ? [] : part.split(':');
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  // an embedded IPv4 address may only be the very last group, where it counts as two
  const last = halves.length === 2 ? tail : head;
  const dotted = [...head, ...tail].filter((group) => group.includes('.'));
  if (dotted.length > 1 || (dotted.length === 1 && last.at(-1)?.includes('.') !== true)) {
    return undefined;
  }
  const ending = last.at(-1);
  if (ending?.includes('.') === true) {
    const v4 = parseIpv4(ending);
    if (v4 === undefined) return undefined;
    last.splice(-1, 1, ((v4 >> 16n) & 0xffffn).toString(16), (v4 & 0xffffn).toString(16));
  }
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const full = [...head, ...Array<string>(Math.max(0, missing)).fill('0'), ...tail];
  let value = 0n;
  for (const group of full) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
    value = (value << 16n) | BigInt(parseInt(group, 16));
  }
  return value;
}

/** Parses an IPv4 or IPv6 address into its family and numeric value. */
export function parseAddress(text: string): { family: 4 | 6; value: bigint } | undefined {
  const v4 = parseIpv4(text);
  if (v4 !== undefined) return { family: 4, value: v4 };
  const v6 = parseIpv6(text);
  return v6 === undefined ? undefined : { family: 6, value: v6 };
}

/** Parses `10.0.0.0/24` or `2001:db8::/32`; the base is masked to the prefix. */
export function parseNetwork(text: string): Network | undefined {
  const parts = text.split('/');
  const [address, prefixText] = parts;
  if (
    parts.length !== 2 ||
    address === undefined ||
    prefixText === undefined ||
    !/^\d{1,3}$/.test(prefixText)
  ) {
    return undefined;
  }
  const parsed = parseAddress(address);
  const prefix = Number(prefixText);
  if (parsed === undefined || prefix > (parsed.family === 4 ? 32 : 128)) return undefined;
  const bits = BigInt(parsed.family === 4 ? 32 : 128);
  const mask = ((1n << bits) - 1n) ^ ((1n << (bits - BigInt(prefix))) - 1n);
  return { family: parsed.family, base: parsed.value & mask, prefix };
}

/** True when the network holds the address. */
export function networkContains(network: Network, address: string): boolean {
  const parsed = parseAddress(address);
  if (parsed?.family !== network.family) return false;
  const bits = BigInt(network.family === 4 ? 32 : 128);
  return (
    parsed.value >> (bits - BigInt(network.prefix)) ===
    network.base >> (bits - BigInt(network.prefix))
  );
}

/** True when `inner` lies entirely inside `outer`. */
export function networkWithin(inner: Network, outer: Network): boolean {
  if (inner.family !== outer.family || inner.prefix < outer.prefix) return false;
  const bits = BigInt(inner.family === 4 ? 32 : 128);
  const shift = bits - BigInt(outer.prefix);
  return inner.base >> shift === outer.base >> shift;
}
