/**
 * Wraps an `AuditNet` so that every connection and datagram is judged by the scope guard first:
 * out of scope is refused with the guard's reason and nothing is sent. Probes only ever receive
 * the wrapped network (campaign/run.ts and the CLI build it), so the check cannot be skipped.
 */
import type { AuditNet, ScopeGuard } from './types.js';

/** Every refusal, in order, for the results' `refused` list. */
export interface RefusalLog {
  readonly refused: { readonly address: string; readonly port: number; readonly reason: string }[];
}

export function scopedNet(net: AuditNet, guard: ScopeGuard, log?: RefusalLog): AuditNet {
  const refuse = (address: string, port: number, reason: string) => {
    log?.refused.push({ address, port, reason });
    return { ok: false as const, failure: 'out-of-scope' as const, message: reason };
  };
  return {
    now: () => net.now(),
    async connect(endpoint, options) {
      const verdict = guard.check(endpoint, 'tcp');
      if (!verdict.allowed) return refuse(endpoint.address, endpoint.port, verdict.reason);
      return net.connect(endpoint, options);
    },
    async connectTls(endpoint, options) {
      const verdict = guard.check(endpoint, 'tcp');
      if (!verdict.allowed) return refuse(endpoint.address, endpoint.port, verdict.reason);
      return net.connectTls(endpoint, options);
    },
    async exchangeUdp(endpoint, payload, options) {
      const verdict = guard.check(endpoint, 'udp');
      if (!verdict.allowed) return refuse(endpoint.address, endpoint.port, verdict.reason);
      return net.exchangeUdp(endpoint, payload, options);
    },
  };
}
