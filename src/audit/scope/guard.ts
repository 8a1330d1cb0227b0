/**
 * The scope guard: judges every endpoint before a packet leaves (net/scoped.ts asks it). An
 * address passes when it is a target's (a host, an address of a CIDR, an in-scope asset's) and
 * no exclusion holds it; a port passes when it is among that target's ports. Exclusions always
 * win. UDP goes only to the DNS resolver, which TCP may also reach on its port (truncated
 * answers). Each refusal is a sentence naming the rule, in the scope's language.
 */
import { networkContains, parseAddress, type Network } from '../../domain/net.js';
import type { Locale } from '../../i18n/index.js';
import type { Endpoint, ScopeGuard } from '../net/types.js';
import { scopeMessage } from './messages.js';

/** One exclusion: a network (a single address is a /32 or /128), a port range, or both. */
export interface Exclusion {
  readonly network: Network | null;
  readonly ports: { readonly from: number; readonly to: number } | null;
  /** Line of the scope file that writes it (0 when not from a file). */
  readonly line: number;
}

export interface GuardRules {
  readonly file: string;
  readonly locale: Locale;
  /** Each target address with the ports it may be reached on. */
  readonly targets: readonly { readonly address: string; readonly ports: readonly number[] }[];
  readonly exclusions: readonly Exclusion[];
  readonly resolver: Endpoint | null;
}

/** One key per address, whatever its spelling (`::1` and `0:0::1` are the same). */
export function addressKey(address: string): string | undefined {
  const parsed = parseAddress(address);
  return parsed === undefined ? undefined : `${parsed.family}/${parsed.value.toString(16)}`;
}

/** The exclusion that holds this endpoint (or this address, when `port` is null), if any. */
export function excludedBy(
  exclusions: readonly Exclusion[],
  address: string,
  port: number | null,
): Exclusion | undefined {
  return exclusions.find(
    (rule) =>
      (rule.network === null || networkContains(rule.network, address)) &&
      (rule.ports === null || (port !== null && port >= rule.ports.from && port <= rule.ports.to)),
  );
}

/** Builds the guard of a resolved scope. */
export function createScopeGuard(rules: GuardRules): ScopeGuard {
  const allowed = new Map<string, Set<number>>();
  for (const target of rules.targets) {
    const key = addressKey(target.address);
    if (key === undefined) continue;
    const ports = allowed.get(key) ?? new Set<number>();
    for (const port of target.ports) ports.add(port);
    allowed.set(key, ports);
  }
  const resolverKey = rules.resolver === null ? undefined : addressKey(rules.resolver.address);
  const say = (code: Parameters<typeof scopeMessage>[0], values: Record<string, string | number>) =>
    ({
      allowed: false,
      reason: scopeMessage(code, rules.locale, { file: rules.file, ...values }),
    }) as const;
  return {
    check(endpoint, transport) {
      const { address, port } = endpoint;
      const key = addressKey(address);
      if (key === undefined) return say('refuse-bad-address', { address });
      const exclusion = excludedBy(rules.exclusions, address, port);
      if (exclusion !== undefined) {
        const code = exclusion.ports === null ? 'refuse-excluded-host' : 'refuse-excluded-port';
        return say(code, { address, port, line: exclusion.line });
      }
      const isResolver = key === resolverKey && port === rules.resolver?.port;
      if (transport === 'udp') {
        return isResolver ? { allowed: true } : say('refuse-udp', { address, port });
      }
      if (isResolver) return { allowed: true };
      const ports = allowed.get(key);
      if (ports === undefined) return say('refuse-not-target', { address });
      return ports.has(port) ? { allowed: true } : say('refuse-port', { address, port });
    },
  };
}
