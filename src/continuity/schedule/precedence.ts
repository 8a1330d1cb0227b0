import type { ModelGraph } from '../../model/graph.js';
import type { Precedence } from './list-scheduler.js';

/** Why an asset must be back before another can start. */
export type PrerequisiteReason = 'host' | 'directory' | 'network';

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
): readonly Precedence[] {
  const inScope = new Set(assetIds);
  const precedences: Precedence[] = [];
  for (const after of [...inScope].sort()) {
    for (const { asset, reason } of prerequisitesOf(graph, after)) {
      if (!inScope.has(asset)) continue;
      precedences.push({
        before: asset,
        after,
        reason,
        ...(reason === 'host' ? { hard: true } : {}),
      });
    }
  }
  return precedences;
}
