/**
 * Wraps an `AuditNet` so that every connection and datagram is judged by the scope guard first:
 * out of scope is refused with the guard's reason and nothing is sent. Probes only ever receive
 * the wrapped network (campaign/run.ts and the CLI build it), so the check cannot be skipped.
 */
import type { AuditNet, Endpoint, ScopeGuard, TcpProbeOptions, TcpProbeState } from './types.js';

/** Every refusal, in order, for the results' `refused` list. */
export interface RefusalLog {
  readonly refused: { readonly address: string; readonly port: number; readonly reason: string }[];
}

export function scopedNet(net: AuditNet, guard: ScopeGuard, log?: RefusalLog): AuditNet {
  const refuse = (address: string, port: number, reason: string) => {
    log?.refused.push({ address, port, reason });
    return { ok: false as const, failure: 'out-of-scope' as const, message: reason };
  };
  const probeTcp = net.probeTcp?.bind(net);
  return {
    now: () => net.now(),
    // the batch form exists only when the wrapped network has it; every endpoint is judged first
    ...(probeTcp === undefined
      ? {}
      : {
          async probeTcp(endpoints: readonly Endpoint[], options: TcpProbeOptions) {
            const states = new Array<TcpProbeState>(endpoints.length).fill('out-of-scope');
            const allowed: number[] = [];
            endpoints.forEach((endpoint, i) => {
              const verdict = guard.check(endpoint, 'tcp');
              if (verdict.allowed) allowed.push(i);
              else refuse(endpoint.address, endpoint.port, verdict.reason);
            });
            const onResult = options.onResult;
            const inner = await probeTcp(
              allowed.map((i) => endpoints[i] as Endpoint),
              onResult === undefined
                ? options
                : {
                    ...options,
                    onResult: (k, state) => {
                      onResult(allowed[k] ?? 0, state);
                    },
                  },
            );
            inner.forEach((state, k) => (states[allowed[k] ?? 0] = state));
            states.forEach((state, i) => {
              if (state === 'out-of-scope') onResult?.(i, state);
            });
            return states;
          },
        }),
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
