/**
 * Which reverse proxies the server believes (`VIGIE_TRUST_PROXY`), so that the login throttles
 * and rate limits see the client's address from `X-Forwarded-For` instead of the proxy's.
 *
 * - unset or empty: trust nothing (`X-Forwarded-For` is ignored);
 * - a hop count `n` (1–32): trust the `n` nearest hops, whoever they are — only for a server
 *   that cannot be reached except through its proxies (e.g. listening on 127.0.0.1), since a
 *   direct client could otherwise write the header itself;
 * - a comma-separated list of addresses, CIDR networks, or the names `loopback`, `linklocal`,
 *   `uniquelocal`: trust exactly the proxies at those addresses (recommended).
 */
import { parseAddress, parseNetwork } from '../../domain/net.js';
import { err, ok } from '../../domain/result.js';
import type { Result } from '../../domain/result.js';
import type { Message } from './errors.js';

export type TrustProxy =
  | { readonly kind: 'none' }
  | { readonly kind: 'hops'; readonly hops: number }
  | { readonly kind: 'addresses'; readonly addresses: readonly string[] };

export interface TrustProxyError {
  readonly code: 'invalid_trust_proxy';
  readonly message: Message;
}

export const MAX_TRUSTED_HOPS = 32;
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function invalid(entry: string): TrustProxyError {
  const shown = JSON.stringify(entry.slice(0, 80));
  return {
    code: 'invalid_trust_proxy',
    message: {
      en: `${shown} is neither a hop count (1 to ${String(MAX_TRUSTED_HOPS)}) nor an address, a CIDR network (10.0.0.0/8, fd00::/8) or one of loopback, linklocal, uniquelocal; separate several with commas`,
      fr: `${shown} n’est ni un nombre de relais (1 à ${String(MAX_TRUSTED_HOPS)}) ni une adresse, un réseau CIDR (10.0.0.0/8, fd00::/8) ou l’un de loopback, linklocal, uniquelocal ; séparez-en plusieurs par des virgules`,
    },
  };
}

/** Parses the setting; every entry of a list must be valid. */
export function parseTrustProxy(text: string | undefined): Result<TrustProxy, TrustProxyError> {
  const value = (text ?? '').trim();
  if (value === '') return ok({ kind: 'none' });
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops === 0) return ok({ kind: 'none' });
    return hops <= MAX_TRUSTED_HOPS ? ok({ kind: 'hops', hops }) : err(invalid(value));
  }
  const addresses: string[] = [];
  for (const raw of value.split(',')) {
    const entry = raw.trim();
    const valid =
      NAMED_RANGES.has(entry) ||
      parseAddress(entry) !== undefined ||
      (entry.includes('/') && parseNetwork(entry) !== undefined);
    if (!valid) return err(invalid(entry));
    addresses.push(entry);
  }
  return ok({ kind: 'addresses', addresses });
}

/** The value Fastify's `trustProxy` option takes for this setting. */
export function fastifyTrustProxy(
  setting: TrustProxy | undefined,
): false | string[] | ((address: string, hop: number) => boolean) {
  if (setting === undefined || setting.kind === 'none') return false;
  if (setting.kind === 'addresses') return [...setting.addresses];
  // Fastify 5 ignores a bare number (it fails closed); proxy-addr calls this hop by hop.
  const hops = setting.hops;
  return (_address, hop) => hop < hops;
}
