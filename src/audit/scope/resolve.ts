/**
 * From a parsed scope file (and the model, when given) to what a campaign runs over: one target
 * per address with its host names, model entities and ports to scan; the guard; the limits with
 * their defaults; the vantage zone and the DNS settings. Names are resolved through the given
 * resolver only. Problems that need the model or the resolver (an unknown asset, a name that
 * does not resolve) are located diagnostics, like the file's own.
 */
import type { Diagnostic } from '../../domain/diagnostic.js';
import { parseAddress, parseNetwork } from '../../domain/net.js';
import type { Asset } from '../../domain/model/index.js';
import type { Locale } from '../../i18n/index.js';
import type { ModelGraph } from '../../model/graph.js';
import { closest } from '../../model/suggest.js';
import type { Endpoint, ScopeGuard } from '../net/types.js';
import { addPorts, allPorts, parsePortRange } from '../ports/spec.js';
import { TOP_1000_PORTS } from '../ports/top-1000.js';
import { canonicalAddress, compareAddresses, expandCidr } from './addresses.js';
import { createScopeGuard, excludedBy, type Exclusion } from './guard.js';
import { scopeMessage, type ScopeMessageCode } from './messages.js';
import { scopePosition, type ScopeFile } from './parse.js';
import { parseDuration, parseResolver, type ScopeTargetEntry } from './schema.js';

/** One address to audit. */
export interface ScopeTarget {
  readonly address: string;
  readonly hostnames: string[];
  /** Model assets this address stands for. */
  readonly entities: string[];
  /** Ports to scan (ports reached, after the map), ascending. */
  readonly ports: number[];
  /** Declared port → port actually reached (lab mappings). */
  readonly portMap: Record<number, number>;
}

export interface ScopeLimits {
  readonly concurrency: number;
  /** Connection attempts per second; 0 is unlimited. */
  readonly ratePerSecond: number;
  readonly timeoutMs: number;
  readonly maxBytes: number;
}

export const DEFAULT_LIMITS: ScopeLimits = {
  concurrency: 256,
  ratePerSecond: 0,
  timeoutMs: 1500,
  maxBytes: 65_536,
};

export interface ResolvedScope {
  readonly targets: ScopeTarget[];
  readonly guard: ScopeGuard;
  readonly limits: ScopeLimits;
  readonly vantage: string | null;
  readonly dns: {
    readonly resolver: Endpoint | null;
    readonly domains: string[];
    readonly dkimSelectors: string[];
  };
  /** What the file asked to scan, for the results' record (`declared+top1000`, `all`…). */
  readonly portsLabel: string;
  /** Problems found while resolving (unknown asset, name not resolved…); errors included. */
  readonly diagnostics: Diagnostic[];
}

export interface ResolveOptions {
  readonly graph?: ModelGraph;
  /** Resolves a host name to addresses (the CLI passes the system's or the scope's resolver). */
  readonly resolve?: (name: string) => Promise<string[]>;
  readonly locale?: Locale;
}

interface Building {
  readonly address: string;
  readonly hostnames: Set<string>;
  readonly entities: Set<string>;
  readonly ports: Set<number>;
  readonly portMap: Map<number, number>;
}

interface Context {
  readonly scope: ScopeFile;
  readonly options: ResolveOptions;
  readonly locale: Locale;
  readonly base: readonly number[];
  readonly targets: Map<string, Building>;
  readonly diagnostics: Diagnostic[];
  /** Assets mapped to a lab address by a `host:` entry (their own addresses are not scanned). */
  readonly mapped: Set<string>;
  readonly named: Set<string>;
}

function report(
  ctx: Context,
  code: ScopeMessageCode,
  path: readonly (string | number)[],
  values: Record<string, string | number>,
  severity: 'error' | 'warning' = 'error',
): void {
  const at = scopePosition(ctx.scope.positions, path);
  ctx.diagnostics.push({
    code,
    severity,
    message: scopeMessage(code, ctx.locale, values),
    file: ctx.scope.file,
    line: at.line,
    column: at.column,
    path: path.join('.'),
  });
}

/** The base set every target scans, and its label. */
function basePorts(ports: ScopeFile['data']['ports']): { ports: number[]; label: string } {
  if (ports === undefined) return { ports: [...TOP_1000_PORTS], label: 'declared+top1000' };
  if (ports === 'declared') return { ports: [], label: 'declared' };
  if (ports === 'top1000') return { ports: [...TOP_1000_PORTS], label: 'top1000' };
  if (ports === 'all') return { ports: allPorts(), label: 'all' };
  const set = new Set<number>();
  addPorts(set, ports);
  return { ports: [...set].sort((a, b) => a - b), label: ports.map(String).join(',') };
}

/** The TCP ports an asset declares: its services and administration interfaces. */
function declaredPorts(asset: Asset): number[] {
  const ports = new Set<number>();
  for (const service of asset.services ?? [])
    if (service.transport !== 'udp' && service.port >= 1) ports.add(service.port);
  for (const admin of asset.adminInterfaces ?? [])
    if (admin.port !== undefined && admin.port >= 1) ports.add(admin.port);
  return [...ports];
}

interface Addition {
  readonly hostnames?: readonly string[];
  readonly entities?: readonly string[];
  readonly ports?: readonly (number | string)[];
  readonly declared?: readonly number[];
  readonly map?: Readonly<Record<string, number>>;
}

function addTarget(ctx: Context, address: string, addition: Addition): void {
  const key = canonicalAddress(address);
  if (key === undefined) return;
  let target = ctx.targets.get(key);
  if (target === undefined) {
    target = {
      address: key,
      hostnames: new Set(),
      entities: new Set(),
      ports: new Set(ctx.base),
      portMap: new Map(),
    };
    ctx.targets.set(key, target);
  }
  for (const name of addition.hostnames ?? []) target.hostnames.add(name.toLowerCase());
  for (const id of addition.entities ?? []) target.entities.add(id);
  addPorts(target.ports, addition.ports ?? []);
  for (const [declared, reached] of Object.entries(addition.map ?? {})) {
    target.portMap.set(Number(declared), reached);
    target.ports.add(reached);
  }
  for (const port of addition.declared ?? []) target.ports.add(target.portMap.get(port) ?? port);
}

/** The asset an entry names, or undefined (with a diagnostic) when it cannot be found. */
function assetOf(ctx: Context, entry: ScopeTargetEntry, index: number): Asset | undefined {
  if (entry.asset === undefined) return undefined;
  const { graph } = ctx.options;
  if (graph === undefined) {
    report(ctx, 'scope-no-model', ['targets', index, 'asset'], { value: entry.asset });
    return undefined;
  }
  const asset = graph.asset(entry.asset);
  if (asset === undefined) {
    const near = closest(
      entry.asset,
      graph.model.assets.map((a) => a.id),
    );
    const hint =
      near === undefined ? '' : scopeMessage('hint-did-you-mean', ctx.locale, { value: near });
    report(ctx, 'scope-unknown-asset', ['targets', index, 'asset'], { value: entry.asset, hint });
  }
  return asset;
}

async function addressesOfHost(ctx: Context, host: string, index: number): Promise<string[]> {
  if (parseAddress(host) !== undefined) return [host];
  const path = ['targets', index, 'host'];
  if (ctx.options.resolve === undefined) {
    report(ctx, 'scope-unresolved-host', path, { value: host, detail: '' });
    return [];
  }
  try {
    const found = (await ctx.options.resolve(host)).filter((a) => parseAddress(a) !== undefined);
    if (found.length === 0) report(ctx, 'scope-unresolved-host', path, { value: host, detail: '' });
    return found;
  } catch (error) {
    const detail = `: ${error instanceof Error ? error.message : String(error)}`.slice(0, 200);
    report(ctx, 'scope-unresolved-host', path, { value: host, detail });
    return [];
  }
}

async function addEntry(ctx: Context, entry: ScopeTargetEntry, index: number): Promise<void> {
  const asset = assetOf(ctx, entry, index);
  const fromAsset: Addition =
    asset === undefined
      ? {}
      : {
          entities: [asset.id],
          hostnames: asset.hostname === undefined ? [] : [asset.hostname],
          declared: declaredPorts(asset),
        };
  const own = {
    ...(entry.ports ? { ports: entry.ports } : {}),
    ...(entry.map ? { map: entry.map } : {}),
  };
  if (entry.host !== undefined) {
    if (asset !== undefined) ctx.mapped.add(asset.id);
    const isName = parseAddress(entry.host) === undefined;
    for (const address of await addressesOfHost(ctx, entry.host, index)) {
      addTarget(ctx, address, {
        ...fromAsset,
        ...own,
        hostnames: [...(fromAsset.hostnames ?? []), ...(isName ? [entry.host] : [])],
      });
    }
  } else if (entry.cidr !== undefined) {
    for (const address of expandCidr(entry.cidr)) addTarget(ctx, address, own);
  } else if (asset !== undefined) {
    ctx.named.add(asset.id);
    const modelMode = ctx.scope.data.model;
    if (modelMode === 'none') {
      report(ctx, 'scope-model-none', ['targets', index, 'asset'], { value: asset.id }, 'warning');
      return;
    }
    const addresses = asset.addresses ?? [];
    if (addresses.length === 0)
      report(
        ctx,
        'scope-asset-no-address',
        ['targets', index, 'asset'],
        { value: asset.id },
        'warning',
      );
    for (const address of addresses) addTarget(ctx, address, { ...fromAsset, ...own });
  }
}

/** With `model: all` (the default with a model), every asset with addresses not mapped elsewhere. */
function addModelAssets(ctx: Context): void {
  const { graph } = ctx.options;
  const mode = ctx.scope.data.model ?? 'all';
  if (graph === undefined || mode !== 'all') return;
  for (const asset of graph.model.assets) {
    if (ctx.mapped.has(asset.id) || ctx.named.has(asset.id)) continue;
    for (const address of asset.addresses ?? []) {
      addTarget(ctx, address, {
        entities: [asset.id],
        hostnames: asset.hostname === undefined ? [] : [asset.hostname],
        declared: declaredPorts(asset),
      });
    }
  }
}

function exclusionsOf(scope: ScopeFile): Exclusion[] {
  return (scope.data.exclude ?? []).map((entry, index) => {
    const line = scopePosition(scope.positions, ['exclude', index]).line;
    const host = typeof entry === 'string' ? entry : entry.host;
    const port = typeof entry === 'string' ? undefined : entry.port;
    const network =
      host === undefined
        ? null
        : (parseNetwork(host) ??
          parseNetwork(`${host}/${parseAddress(host)?.family === 6 ? 128 : 32}`) ??
          null);
    const range =
      port === undefined
        ? null
        : typeof port === 'number'
          ? { from: port, to: port }
          : (parsePortRange(port) ?? null);
    return { network, ports: range, line };
  });
}

function limitsOf(scope: ScopeFile): ScopeLimits {
  const limits = scope.data.limits ?? {};
  return {
    concurrency: limits.concurrency ?? DEFAULT_LIMITS.concurrency,
    ratePerSecond: limits.rate ?? DEFAULT_LIMITS.ratePerSecond,
    timeoutMs:
      limits.timeout === undefined
        ? DEFAULT_LIMITS.timeoutMs
        : (parseDuration(limits.timeout) ?? DEFAULT_LIMITS.timeoutMs),
    maxBytes: limits.maxBytes ?? DEFAULT_LIMITS.maxBytes,
  };
}

/** The targets once exclusions are applied: excluded addresses dropped, excluded ports removed. */
function finalTargets(ctx: Context, exclusions: readonly Exclusion[]): ScopeTarget[] {
  const out: ScopeTarget[] = [];
  for (const target of ctx.targets.values()) {
    if (exclusions.some((e) => e.ports === null && excludedBy([e], target.address, null))) continue;
    const ports = [...target.ports]
      .filter((port) => excludedBy(exclusions, target.address, port) === undefined)
      .sort((a, b) => a - b);
    out.push({
      address: target.address,
      hostnames: [...target.hostnames].sort(),
      entities: [...target.entities].sort(),
      ports,
      portMap: Object.fromEntries([...target.portMap].sort((a, b) => a[0] - b[0])),
    });
  }
  return out.sort((a, b) => compareAddresses(a.address, b.address));
}

function checkVantage(ctx: Context): void {
  const vantage = ctx.scope.data.vantage;
  const { graph } = ctx.options;
  if (vantage === undefined || graph === undefined || graph.zone(vantage) !== undefined) return;
  const near = closest(
    vantage,
    graph.model.zones.map((z) => z.id),
  );
  const hint =
    near === undefined ? '' : scopeMessage('hint-did-you-mean', ctx.locale, { value: near });
  report(ctx, 'scope-unknown-zone', ['vantage'], { value: vantage, hint });
}

/**
 * Resolves a scope: targets (hosts, CIDRs, assets, and with `model: all` every asset of the
 * model with an address), exclusions applied, the guard, limits and DNS settings.
 */
export async function resolveScope(
  scope: ScopeFile,
  options: ResolveOptions = {},
): Promise<ResolvedScope> {
  const locale = options.locale ?? 'en';
  const base = basePorts(scope.data.ports);
  const ctx: Context = {
    scope,
    options,
    locale,
    base: base.ports,
    targets: new Map(),
    diagnostics: [],
    mapped: new Set(),
    named: new Set(),
  };
  const entries = scope.data.targets ?? [];
  for (let index = 0; index < entries.length; index += 1) {
    const entry = entries[index];
    if (entry !== undefined) await addEntry(ctx, entry, index);
  }
  addModelAssets(ctx);
  checkVantage(ctx);
  const exclusions = exclusionsOf(scope);
  const targets = finalTargets(ctx, exclusions);
  const dns = scope.data.dns ?? {};
  const resolver = dns.resolver === undefined ? null : (parseResolver(dns.resolver) ?? null);
  if (targets.length === 0 && (dns.domains ?? []).length === 0)
    report(ctx, 'scope-no-target', [], {}, 'warning');
  const guard = createScopeGuard({ file: scope.file, locale, targets, exclusions, resolver });
  return {
    targets,
    guard,
    limits: limitsOf(scope),
    vantage: scope.data.vantage ?? null,
    dns: { resolver, domains: dns.domains ?? [], dkimSelectors: dns.dkimSelectors ?? [] },
    portsLabel: base.label,
    diagnostics: ctx.diagnostics,
  };
}
