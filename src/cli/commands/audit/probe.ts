/**
 * `vigie audit ports|tls|ssh|http|dns <target>`: one-off checks. The target itself becomes the
 * scope (one host and its port; for dns, the domain and `--resolver`), so the same guard, limits
 * and probes as a campaign apply. With `--scope <file>` the target must also lie inside that
 * scope: otherwise it is refused, with the scope's reason, before any packet is sent.
 */
import { isIP } from 'node:net';
import { stringify } from 'yaml';
import { DEFAULT_MODULES, type CampaignModules } from '../../../audit/campaign/modules.js';
import { runCampaign } from '../../../audit/campaign/run.js';
import { nodeNet } from '../../../audit/net/node-net.js';
import type { ScopeGuard } from '../../../audit/net/types.js';
import { UsageError, type CommandContext, type ParsedArgs } from '../../context.js';
import { EXIT, printError } from '../../failure.js';
import { withCommandOutput } from '../../output.js';
import { VERSION } from '../../version.js';
import { todayOf } from '../pra/options.js';
import { findingsTable } from './common.js';
import { loadScope, loadScopeText, printSummary } from './run.js';

export const PROBE_ACTIONS = ['ports', 'tls', 'ssh', 'http', 'dns'] as const;
export type ProbeAction = (typeof PROBE_ACTIONS)[number];

const DEFAULT_PORT: Readonly<Record<ProbeAction, number | null>> = {
  ports: null,
  tls: 443,
  ssh: 22,
  http: 80,
  dns: null,
};

/** `host`, `host:port`, `[v6]:port`, `v6`; undefined when malformed. */
export function parseTarget(target: string): { host: string; port: number | null } | undefined {
  const bracket = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(target);
  const plain = /^([^:[\]\s]+)(?::(\d{1,5}))?$/.exec(target);
  const [, host, port] =
    bracket ?? plain ?? (isIP(target) === 6 ? [target, target, undefined] : []);
  if (host === undefined || host === '') return undefined;
  if (port === undefined) return { host, port: null };
  const number = Number(port);
  return number >= 1 && number <= 65535 ? { host, port: number } : undefined;
}

/** `1500`, `1500ms`, `2s` → milliseconds within the scope's bounds. */
export function timeoutOf(ctx: CommandContext, value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d+)(ms|s)?$/.exec(value.trim());
  const ms = match === null ? NaN : Number(match[1]) * (match[2] === 's' ? 1000 : 1);
  if (!(ms >= 50 && ms <= 30_000)) throw new UsageError(ctx.t('cli.audit.bad-timeout', { value }));
  return ms;
}

/** The scope file text a one-off check stands for. */
function targetScope(
  action: ProbeAction,
  target: { host: string; port: number | null },
  values: ParsedArgs['values'],
  timeoutMs: number | undefined,
): string {
  const limits = timeoutMs === undefined ? {} : { limits: { timeout: `${timeoutMs}ms` } };
  if (action === 'dns') {
    const selectors = values.selector;
    return stringify({
      name: `audit dns ${target.host}`,
      model: 'none',
      targets: [],
      ports: [],
      dns: {
        resolver: values.resolver,
        domains: [target.host],
        dkimSelectors: typeof selectors === 'string' ? [selectors] : (selectors ?? []),
      },
      ...limits,
    });
  }
  const port = target.port ?? DEFAULT_PORT[action];
  const ports =
    port !== null ? [port] : typeof values.ports === 'string' ? values.ports : 'top1000';
  return stringify({
    name: `audit ${action} ${target.host}${port === null ? '' : `:${port}`}`,
    model: 'none',
    targets: [{ host: target.host }],
    ports: Array.isArray(ports)
      ? ports
      : /^(declared|top1000|all)$/.test(ports)
        ? ports
        : ports.split(','),
    ...limits,
  });
}

/** Both guards must allow: the one-off target's and the user's `--scope`. */
function bothGuards(a: ScopeGuard, b: ScopeGuard): ScopeGuard {
  return {
    check: (endpoint, transport) => {
      const first = b.check(endpoint, transport);
      return first.allowed ? a.check(endpoint, transport) : first;
    },
  };
}

function modulesFor(ctx: CommandContext, action: ProbeAction): CampaignModules {
  const unavailable = (probe: string): never => {
    throw new UsageError(ctx.t('cli.audit.unavailable', { probe }));
  };
  if (DEFAULT_MODULES.scan === undefined && action !== 'dns') unavailable('ports');
  if (action === 'dns')
    return {
      endpoints: [],
      ...(DEFAULT_MODULES.dns === undefined ? unavailable('dns') : { dns: DEFAULT_MODULES.dns }),
    };
  // the user named the probe: it runs on the target's port whatever identification says
  const endpoints = DEFAULT_MODULES.endpoints
    .filter((m) => m.domain === action)
    .map((m) => ({ ...m, applies: () => true }));
  if (action !== 'ports' && endpoints.length === 0) unavailable(action);
  const { scan, identify } = DEFAULT_MODULES;
  return {
    endpoints,
    ...(scan === undefined ? {} : { scan }),
    ...(identify === undefined ? {} : { identify }),
  };
}

export async function runProbe(
  ctx: CommandContext,
  action: ProbeAction,
  rawTarget: string | undefined,
  values: ParsedArgs['values'],
): Promise<number> {
  const { t } = ctx;
  if (rawTarget === undefined) throw new UsageError(t('cli.audit.target-missing', { action }));
  const target = parseTarget(rawTarget);
  if (target === undefined) throw new UsageError(t('cli.audit.bad-target', { target: rawTarget }));
  if (action === 'dns' && typeof values.resolver !== 'string')
    throw new UsageError(t('cli.audit.no-resolver'));
  const format = typeof values.format === 'string' ? values.format : 'table';
  if (format !== 'table' && format !== 'json')
    throw new UsageError(t('cli.audit.bad-format', { format, action, allowed: 'table, json' }));
  const modules = modulesFor(ctx, action);
  const today = await todayOf(ctx, undefined, values);
  const own = await loadScopeText(
    ctx,
    targetScope(action, target, values, timeoutOf(ctx, values.timeout)),
    `<${action} ${rawTarget}>`,
    undefined,
  );
  if (own === null) return EXIT.bad;
  let scope = own;
  if (typeof values.scope === 'string') {
    const user = await loadScope(ctx, values.scope, undefined);
    if (user === null) return EXIT.bad;
    const endpoints =
      action === 'dns'
        ? own.dns.resolver === null
          ? []
          : [own.dns.resolver]
        : own.targets.flatMap((h) => h.ports.map((port) => ({ address: h.address, port })));
    for (const endpoint of endpoints) {
      const verdict = user.guard.check(endpoint, action === 'dns' ? 'udp' : 'tcp');
      if (!verdict.allowed) {
        printError(
          ctx,
          t('cli.audit.out-of-scope', {
            target: `${endpoint.address}:${endpoint.port}`,
            reason: verdict.reason,
          }),
        );
        return EXIT.bad;
      }
    }
    scope = { ...own, guard: bothGuards(own.guard, user.guard) };
  }
  return withCommandOutput(ctx, values.output, async (out) => {
    const results = await runCampaign({
      scope,
      name: `audit ${action} ${rawTarget}`,
      today,
      net: nodeNet(),
      modules,
      toolVersion: VERSION,
    });
    if (format === 'json') await out.write(`${JSON.stringify(results, null, 2)}\n`);
    else {
      const lines = results.hosts.map((h) =>
        h.open.length === 0
          ? t('cli.audit.no-open-port', { address: h.address, tried: h.tried })
          : t('cli.audit.open-ports', {
              address: h.address,
              ports: h.open
                .map(
                  (o) =>
                    `${o.port}${o.service === undefined ? '' : `/${o.service.protocol}${o.service.product === undefined ? '' : ` (${o.service.product}${o.service.version === undefined ? '' : ` ${o.service.version}`})`}`}`,
                )
                .join(', '),
            }),
      );
      if (lines.length > 0) await out.write(`${lines.join('\n')}\n`);
      await out.write(`${findingsTable(ctx, results.findings)}\n`);
    }
    await out.commit();
    return printSummary(ctx, results, values['fail-on'], null);
  });
}
