/**
 * The scope file (`--scope scope.yaml`): what an audit may touch. The zod schema is the one
 * definition of the format; its inferred type is `ScopeData`. Value checks that need a reason
 * (a bad IP, a CIDR too large, a reversed port range) are refinements tagged with a diagnostic
 * code, so parse.ts turns every problem into a located, translated diagnostic.
 */
import { z } from 'zod';
import { parseAddress, parseNetwork } from '../../domain/net.js';
import { parsePortRange } from '../ports/spec.js';

/** Largest CIDR a target may name (a /16 in IPv4). */
export const MAX_CIDR_ADDRESSES = 65_536;

export const PORT_SETS = ['declared', 'top1000', 'all'] as const;
export type PortSet = (typeof PORT_SETS)[number];

export const MODEL_MODES = ['all', 'mapped', 'none'] as const;
export type ModelMode = (typeof MODEL_MODES)[number];

/** Bounds of the limits (a scope cannot ask for more than this). */
export const LIMIT_BOUNDS = {
  concurrency: { min: 1, max: 1024 },
  rate: { min: 1, max: 100_000 },
  timeoutMs: { min: 50, max: 30_000 },
  maxBytes: { min: 256, max: 16 * 1024 * 1024 },
} as const;

const coded = (code: string) => ({ params: { code } });

/** An IPv4 or IPv6 literal (no zone index, no brackets). */
export function isIpLiteral(text: string): boolean {
  return parseAddress(text) !== undefined;
}

/** A DNS name of letters, digits and hyphens (RFC 1123), at most 253 characters. */
export function isHostname(text: string): boolean {
  return (
    text.length <= 253 &&
    /^(?=.*[a-z-])[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i.test(
      text,
    )
  );
}

/** Number of addresses of a CIDR, or undefined when it does not parse. */
export function cidrSize(text: string): bigint | undefined {
  const network = parseNetwork(text);
  if (network === undefined) return undefined;
  return 1n << BigInt((network.family === 4 ? 32 : 128) - network.prefix);
}

const portNumber = z.int().min(1).max(65_535);
/** A port or a range: `22`, `"22"`, `"8000-8100"`. */
const portItem = z.union([
  portNumber,
  z.string().refine((t) => parsePortRange(t) !== undefined, coded('scope-bad-port-range')),
]);
const portList = z.array(portItem).max(10_000);

const hostText = z
  .string()
  .refine((t) => !/^[\d.]+$/.test(t) || isIpLiteral(t), coded('scope-bad-ip'))
  .refine((t) => isIpLiteral(t) || /^[\d.]+$/.test(t) || isHostname(t), coded('scope-bad-host'));
const cidrText = z
  .string()
  .refine((t) => cidrSize(t) !== undefined, coded('scope-bad-cidr'))
  .refine((t) => (cidrSize(t) ?? 0n) <= BigInt(MAX_CIDR_ADDRESSES), coded('scope-cidr-too-large'));
const addressOrCidr = z
  .string()
  .refine((t) => isIpLiteral(t) || cidrSize(t) !== undefined, coded('scope-bad-address'));

const mapKey = z
  .string()
  .refine(
    (k) => /^\d{1,5}$/.test(k) && Number(k) >= 1 && Number(k) <= 65_535,
    coded('scope-map-port'),
  );

const targetSchema = z
  .strictObject({
    host: hostText.optional(),
    cidr: cidrText.optional(),
    asset: z.string().min(1).max(200).optional(),
    ports: portList.optional(),
    map: z.record(mapKey, portNumber).optional(),
  })
  .refine(
    (t) =>
      t.host !== undefined
        ? t.cidr === undefined
        : t.cidr !== undefined
          ? t.asset === undefined
          : t.asset !== undefined,
    coded('scope-target-shape'),
  );

const excludeSchema = z.union([
  addressOrCidr,
  z
    .strictObject({ host: addressOrCidr.optional(), port: portItem.optional() })
    .refine((e) => e.host !== undefined || e.port !== undefined, coded('scope-exclude-empty')),
]);

/** `1500ms`, `2s`, `1.5s` or a number of milliseconds. */
export function parseDuration(value: number | string): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s)?\s*$/.exec(value);
  if (match === null) return undefined;
  const amount = Number(match[1]);
  return match[2] === 's' ? amount * 1000 : amount;
}

const limitsSchema = z.strictObject({
  concurrency: z
    .int()
    .min(LIMIT_BOUNDS.concurrency.min)
    .max(LIMIT_BOUNDS.concurrency.max)
    .optional(),
  rate: z.number().min(LIMIT_BOUNDS.rate.min).max(LIMIT_BOUNDS.rate.max).optional(),
  timeout: z
    .union([z.number(), z.string()])
    .refine((v) => parseDuration(v) !== undefined, coded('scope-bad-duration'))
    .refine((v) => {
      const ms = parseDuration(v);
      return (
        ms === undefined || (ms >= LIMIT_BOUNDS.timeoutMs.min && ms <= LIMIT_BOUNDS.timeoutMs.max)
      );
    }, coded('scope-timeout-range'))
    .optional(),
  maxBytes: z.int().min(LIMIT_BOUNDS.maxBytes.min).max(LIMIT_BOUNDS.maxBytes.max).optional(),
});

/** `127.0.0.1`, `127.0.0.1:5353`, `::1`, `[::1]:5353`: the DNS resolver (port 53 by default). */
export function parseResolver(text: string): { address: string; port: number } | undefined {
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(text);
  const plain = /^([\d.]+)(?::(\d{1,5}))?$/.exec(text);
  const [address, portText] = bracketed
    ? [bracketed[1], bracketed[2]]
    : plain
      ? [plain[1], plain[2]]
      : [text, undefined];
  if (address === undefined || !isIpLiteral(address)) return undefined;
  const port = portText === undefined ? 53 : Number(portText);
  if (port < 1 || port > 65_535) return undefined;
  return { address, port };
}

const dnsSchema = z.strictObject({
  resolver: z
    .string()
    .refine((t) => parseResolver(t) !== undefined, coded('scope-bad-resolver'))
    .optional(),
  domains: z
    .array(z.string().refine(isHostname, coded('scope-bad-domain')))
    .max(1000)
    .optional(),
  dkimSelectors: z
    .array(z.string().regex(/^[a-z0-9._-]{1,63}$/i))
    .max(100)
    .optional(),
});

export const scopeSchema = z.strictObject({
  name: z.string().max(200).optional(),
  model: z.enum(MODEL_MODES).optional(),
  targets: z.array(targetSchema).max(10_000).optional(),
  ports: z.union([z.enum(PORT_SETS), portList]).optional(),
  exclude: z.array(excludeSchema).max(10_000).optional(),
  limits: limitsSchema.optional(),
  vantage: z.string().min(1).max(200).optional(),
  dns: dnsSchema.optional(),
});

/** The scope file's content, as written. */
export type ScopeData = z.infer<typeof scopeSchema>;
export type ScopeTargetEntry = z.infer<typeof targetSchema>;
export type ScopeExcludeEntry = z.infer<typeof excludeSchema>;
export type PortItem = z.infer<typeof portItem>;
