import { durationMinutes } from '../../domain/duration.js';
import type { AssetKind, Backup } from '../../domain/model/index.js';
import type { ModelGraph } from '../../model/graph.js';
import { assetsAt } from '../../model/predicates.js';
import { recoveryOf } from '../recovery-time.js';
import { Heap, type Precedence } from './list-scheduler.js';

/**
 * Why an asset must be back before another can start: declared in the model (`host`, a
 * `directory` it calls, a `network` device its flows cross), the storage and backup server a
 * restore reads from (`backup`), or the implicit order of the infrastructure (`infrastructure`).
 */
export type PrerequisiteReason = 'host' | 'directory' | 'network' | 'backup' | 'infrastructure';

export interface Prerequisite {
  readonly asset: string;
  readonly reason: PrerequisiteReason;
}

/** Kinds of asset a flow's initiator needs back before it can work again. */
const NEEDED_SERVICE_KINDS: ReadonlySet<string> = new Set(['directory']);

/**
 * What an asset needs recovered before its own recovery can start: the asset it runs on, the
 * directories it authenticates against (flows it initiates to a directory), and the network and
 * filtering devices its flows cross (`via`, in either direction). Direct prerequisites only,
 * sorted by id; the asset itself never appears.
 */
export function prerequisitesOf(graph: ModelGraph, assetId: string): readonly Prerequisite[] {
  const found = new Map<string, PrerequisiteReason>();
  const add = (id: string, reason: PrerequisiteReason): void => {
    if (id !== assetId && !found.has(id) && graph.asset(id) !== undefined) found.set(id, reason);
  };
  const host = graph.asset(assetId)?.hostedOn;
  if (host !== undefined) add(host, 'host');
  const initiated = [
    ...graph.flowsFrom(assetId).map((flow) => ({ flow, other: flow.to })),
    ...graph
      .flowsTo(assetId)
      .filter((flow) => flow.bidirectional === true)
      .map((flow) => ({ flow, other: flow.from })),
  ];
  for (const { other } of initiated) {
    const kind = graph.asset(other)?.kind;
    if (kind !== undefined && NEEDED_SERVICE_KINDS.has(kind)) add(other, 'directory');
  }
  for (const flow of [...graph.flowsFrom(assetId), ...graph.flowsTo(assetId)]) {
    for (const device of flow.via ?? []) add(device, 'network');
  }
  return [...found]
    .map(([asset, reason]) => ({ asset, reason }))
    .sort((a, b) => (a.asset < b.asset ? -1 : a.asset > b.asset ? 1 : 0));
}

/**
 * The assets a full recovery brings back: every asset supporting a process (its assets, where its
 * data is stored, their hosts, those of the processes it depends on), plus everything they need,
 * transitively. Sorted by id.
 */
export function recoveryScope(graph: ModelGraph): readonly string[] {
  const scope = new Set<string>();
  for (const process of graph.model.processes) {
    for (const asset of graph.supportOf(process.id).assets) scope.add(asset);
    for (const asset of process.assets ?? []) if (graph.asset(asset)) scope.add(asset);
  }
  const queue = [...scope];
  for (let i = 0; i < queue.length; i += 1) {
    for (const { asset } of prerequisitesOf(graph, queue[i] as string)) {
      if (scope.has(asset)) continue;
      scope.add(asset);
      queue.push(asset);
    }
  }
  return [...scope].sort();
}

/**
 * The precedences among a set of assets: each asset after its prerequisites that are in the set
 * (a prerequisite outside the set is taken as available). Sorted by the waiting asset, then the
 * prerequisite. Callers may build their own list and pass it to the scheduler instead.
 */
export function buildPrecedences(
  graph: ModelGraph,
  assetIds: readonly string[],
  options: PrecedenceOptions = {},
): readonly Precedence[] {
  const inScope = new Set(assetIds);
  const precedences: Precedence[] = [];
  const declared = new Map<string, Set<string>>();
  for (const after of [...inScope].sort()) {
    const own = new Set<string>();
    declared.set(after, own);
    for (const { asset, reason } of prerequisitesOf(graph, after)) {
      own.add(asset);
      if (!inScope.has(asset)) continue;
      precedences.push({
        before: asset,
        after,
        reason,
        ...(reason === 'host' ? { hard: true } : {}),
      });
    }
    for (const before of restoreSourcesOf(graph, after, inScope, options.restoreFrom)) {
      if (own.has(before)) continue;
      own.add(before);
      precedences.push({ before, after, reason: 'backup' });
    }
  }
  if (options.implicit !== false) {
    // Implicit edges never go against the declared ones: only those running forward in one
    // order of the declared precedences (lower tiers first where free) are kept, so they close
    // no cycle (a backup server restoring the directory stays before it).
    const tiers = tierMemo(graph);
    const position = declaredOrder([...inScope].sort(), precedences, tiers);
    const forward = (before: string, after: string): boolean =>
      (position.get(before) ?? 0) < (position.get(after) ?? 0);
    for (const { before, after } of implicitPrecedences(
      graph,
      [...inScope],
      declared,
      tiers,
      forward,
    )) {
      precedences.push({ before, after, reason: 'infrastructure' });
    }
  }
  return precedences.sort((a, b) => byId(a.after, b.after) || byId(a.before, b.before));
}

export interface PrecedenceOptions {
  /**
   * The backup each restored asset is restored from (a scenario knows which copies survive), or
   * null when it is rebuilt without one; an asset not listed uses `restoreSourcesOf`'s choice.
   */
  readonly restoreFrom?: Readonly<Record<string, string | null>>;
  /** Add the implicit infrastructure order (default true). */
  readonly implicit?: boolean;
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A topological order of the declared precedences (Kahn), taking the lowest infrastructure
 * tier first among the free assets (no tier counts as servers), then the id; assets on a
 * declared cycle come last. Position by asset id.
 */
function declaredOrder(
  ids: readonly string[],
  precedences: readonly Precedence[],
  tierOf: (id: string) => number | undefined,
): Map<string, number> {
  const index = new Map(ids.map((id, i) => [id, i]));
  const tier = ids.map((id) => tierOf(id) ?? 3);
  const successors: number[][] = ids.map(() => []);
  const pending = new Array<number>(ids.length).fill(0);
  for (const { before, after } of precedences) {
    const b = index.get(before);
    const a = index.get(after);
    if (b === undefined || a === undefined) continue;
    successors[b]?.push(a);
    pending[a] = (pending[a] as number) + 1;
  }
  const free = new Heap((a, b) =>
    tier[a] !== tier[b] ? (tier[a] as number) < (tier[b] as number) : a < b,
  );
  ids.forEach((_, i) => {
    if (pending[i] === 0) free.push(i);
  });
  const position = new Map<string, number>();
  while (free.size > 0) {
    const node = free.pop() as number;
    position.set(ids[node] as string, position.size);
    for (const succ of successors[node] as number[]) {
      pending[succ] = (pending[succ] as number) - 1;
      if (pending[succ] === 0) free.push(succ);
    }
  }
  for (const id of ids) if (!position.has(id)) position.set(id, position.size);
  return position;
}

/**
 * The assets a backup's copies are read from: its target (the storage holding them) and the
 * backup servers that write to that target (a `backup-server` asset with a flow to it) — or,
 * with no target, the backup servers with a flow to a protected asset. Sorted by id.
 */
export function backupServersOf(graph: ModelGraph, backup: Backup): readonly string[] {
  const found = new Set<string>();
  const endpoints =
    backup.target !== undefined && graph.asset(backup.target) !== undefined
      ? [backup.target]
      : backup.protects.filter((id) => graph.asset(id) !== undefined);
  if (backup.target !== undefined && graph.asset(backup.target) !== undefined)
    found.add(backup.target);
  for (const endpoint of endpoints) {
    if (graph.asset(endpoint)?.kind === 'backup-server') found.add(endpoint);
    for (const flow of graph.flowsTo(endpoint)) {
      for (const source of assetsAt(graph, flow.from)) {
        if (graph.asset(source)?.kind === 'backup-server') found.add(source);
      }
    }
  }
  return [...found].sort();
}

/**
 * What a restore of `assetId` waits for: the storage and backup server of the backup it is
 * restored from, when they are to be recovered too (in `scope`). The backup is `restoreFrom`'s
 * when given; otherwise, among the asset's own backups, one whose storage and server are not to
 * be recovered (nothing to wait for), else the most frequent (then by id). Nothing for an asset
 * not recovered by restore.
 */
export function restoreSourcesOf(
  graph: ModelGraph,
  assetId: string,
  scope: ReadonlySet<string>,
  restoreFrom?: Readonly<Record<string, string | null>>,
): readonly string[] {
  const given = restoreFrom !== undefined && Object.hasOwn(restoreFrom, assetId);
  if (!given && graph.backupsOf(assetId).length === 0) return [];
  const asset = graph.asset(assetId);
  if (asset === undefined || recoveryOf(asset).method !== 'restore') return [];
  const waitsOn = (backup: Backup): string[] =>
    backupServersOf(graph, backup).filter((id) => id !== assetId && scope.has(id));
  if (restoreFrom !== undefined && given) {
    const chosen = restoreFrom[assetId];
    const backup = chosen === null || chosen === undefined ? undefined : graph.backup(chosen);
    return backup === undefined ? [] : waitsOn(backup);
  }
  const candidates = graph
    .backupsOf(assetId)
    .map((id) => graph.backup(id))
    .filter((backup): backup is Backup => backup !== undefined);
  if (candidates.length === 0 || candidates.some((backup) => waitsOn(backup).length === 0))
    return [];
  const frequency = (backup: Backup): number => {
    const minutes = backup.frequency === undefined ? Number.NaN : durationMinutesOf(backup);
    return Number.isFinite(minutes) ? minutes : Number.POSITIVE_INFINITY;
  };
  const best = [...candidates].sort(
    (a, b) => frequency(a) - frequency(b) || byId(a.id, b.id),
  )[0] as Backup;
  return waitsOn(best);
}

function durationMinutesOf(backup: Backup): number {
  return backup.frequency === undefined ? Number.NaN : durationMinutes(backup.frequency);
}

/**
 * The implicit order of the infrastructure, used where the model declares no edge (a new
 * model rarely has `via` or `hostedOn`): network (firewall, switch, router, VPN gateway, Wi-Fi
 * controller) → directory and DNS (a `directory`, or any asset serving LDAP, Kerberos, RADIUS or
 * DNS) → hypervisors and storage → servers and databases → clients (workstations, laptops,
 * phones). Tiers are numbered 0 to 4 in that order; other kinds (SaaS, OT, printers…) have none.
 */
export const INFRASTRUCTURE_TIERS: Readonly<Partial<Record<AssetKind, number>>> = {
  firewall: 0,
  router: 0,
  switch: 0,
  'vpn-gateway': 0,
  'wifi-controller': 0,
  directory: 1,
  hypervisor: 2,
  storage: 2,
  server: 3,
  'virtual-machine': 3,
  database: 3,
  'file-server': 3,
  'mail-server': 3,
  application: 3,
  'web-application': 3,
  'backup-server': 3,
  service: 3,
  workstation: 4,
  laptop: 4,
  'admin-workstation': 4,
  mobile: 4,
  'engineering-workstation': 4,
};

const DIRECTORY_PROTOCOLS: ReadonlySet<string> = new Set([
  'ldap',
  'ldaps',
  'kerberos',
  'radius',
  'dns',
]);

/** `infrastructureTier` remembered per asset. */
function tierMemo(graph: ModelGraph): (id: string) => number | undefined {
  const memo = new Map<string, number | undefined>();
  return (id) => {
    if (memo.has(id)) return memo.get(id);
    const tier = infrastructureTier(graph, id);
    memo.set(id, tier);
    return tier;
  };
}

/** The implicit tier of an asset (see `INFRASTRUCTURE_TIERS`), undefined when it has none. */
export function infrastructureTier(graph: ModelGraph, assetId: string): number | undefined {
  const asset = graph.asset(assetId);
  if (asset === undefined) return undefined;
  const tier = INFRASTRUCTURE_TIERS[asset.kind];
  if (tier === undefined || tier <= 1) return tier;
  if (tier === 3) {
    const serves =
      (asset.services ?? []).some((service) => DIRECTORY_PROTOCOLS.has(service.protocol ?? '')) ||
      graph.flowsTo(assetId).some((flow) => DIRECTORY_PROTOCOLS.has(flow.protocol));
    if (serves) return 1;
  }
  return tier;
}

/** The assets an asset runs on, transitively. */
function hostChain(graph: ModelGraph, id: string): Set<string> {
  const chain = new Set<string>();
  for (let host = graph.asset(id)?.hostedOn; host !== undefined && !chain.has(host);) {
    chain.add(host);
    host = graph.asset(host)?.hostedOn;
  }
  return chain;
}

/** Above this many pairs between two tiers of one site, only the pairs joined by a flow are kept. */
export const IMPLICIT_PAIRS_PER_SITE = 20_000;

/**
 * The implicit precedences among `assetIds` (see `INFRASTRUCTURE_TIERS`): an asset waits for
 * (1) the assets of a lower tier it uses (a flow it or its zone initiates to them), and (2) on
 * its site, the assets of the nearest lower tier present — unless it declares a prerequisite of
 * that tier itself (its host, a device its flows cross, a directory it calls: the model says
 * which), in which case the declared one stands for the tier. Transitively this gives
 * network → directory → hypervisor/storage → servers → clients per site. A pair the model
 * already orders either way (`declared`: each asset's declared prerequisites) is left out, and
 * so is a site's tier pair with more than `IMPLICIT_PAIRS_PER_SITE` pairs (then only flows
 * count). `allowed` vetoes pairs (the caller's order of the declared precedences); on a site, a
 * tier whose every pair is vetoed is skipped for the next lower one. Sorted by the waiting
 * asset, then the prerequisite.
 */
export function implicitPrecedences(
  graph: ModelGraph,
  assetIds: readonly string[],
  declared: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
  tiers: (id: string) => number | undefined = tierMemo(graph),
  allowed: (before: string, after: string) => boolean = () => true,
): readonly Precedence[] {
  const inScope = new Set(assetIds);
  const tierOf = new Map<string, number>();
  for (const id of inScope) {
    const tier = tiers(id);
    if (tier !== undefined) tierOf.set(id, tier);
  }
  const pairs = new Map<string, Set<string>>();
  const ordered = (before: string, after: string): boolean =>
    declared.get(after)?.has(before) === true || declared.get(before)?.has(after) === true;
  const add = (before: string, after: string): void => {
    if (before === after || ordered(before, after) || !allowed(before, after)) return;
    const set = pairs.get(after) ?? new Set<string>();
    set.add(before);
    pairs.set(after, set);
  };
  // (1) what an asset uses
  for (const flow of graph.model.flows) {
    const tier = tierOf.get(flow.to);
    if (tier === undefined) continue;
    const users = tierOf.has(flow.from) ? [flow.from] : assetsAt(graph, flow.from);
    for (const after of users) {
      const own = tierOf.get(after);
      if (own !== undefined && own > tier) add(flow.to, after);
    }
  }
  // (2) per site, the nearest lower tier present
  const bySite = new Map<string, string[][]>();
  for (const [id, tier] of tierOf) {
    const site = graph.siteOfAsset(id);
    if (site === undefined) continue;
    const tiers = bySite.get(site) ?? [[], [], [], [], []];
    tiers[tier]?.push(id);
    bySite.set(site, tiers);
  }
  const tiersOf = (id: string): number | undefined => tiers(id);
  const hosts = new Map<string, Set<string>>();
  const hostsOf = (id: string): Set<string> => {
    let chain = hosts.get(id);
    if (chain === undefined) {
      chain = hostChain(graph, id);
      hosts.set(id, chain);
    }
    return chain;
  };
  for (const siteTiers of bySite.values()) {
    for (let tier = 1; tier < siteTiers.length; tier += 1) {
      for (const after of siteTiers[tier] ?? []) {
        if (graph.asset(after)?.hostedOn !== undefined) continue; // its host stands for the rest
        const own = [...(declared.get(after) ?? [])].map(tiersOf);
        for (let lower = tier - 1; lower >= 0; lower -= 1) {
          if (own.includes(lower)) break;
          const present = siteTiers[lower] ?? [];
          if (present.length * (siteTiers[tier]?.length ?? 0) > IMPLICIT_PAIRS_PER_SITE) {
            if (present.length > 0) break;
            continue;
          }
          const members = present.filter((id) => !hostsOf(id).has(after) && allowed(id, after));
          if (members.length === 0) continue;
          for (const before of members) add(before, after);
          break;
        }
      }
    }
  }
  const precedences: Precedence[] = [];
  for (const after of [...pairs.keys()].sort()) {
    for (const before of [...(pairs.get(after) ?? [])].sort())
      precedences.push({ before, after, reason: 'infrastructure' });
  }
  return precedences;
}
