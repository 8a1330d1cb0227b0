import { NEED_CRITERIA, type NeedCriterion, type Needs } from '../domain/model/index.js';
import type { ModelGraph } from '../model/graph.js';

/** One propagated need: its level (0 = unknown) and the business value it comes from. */
export interface PropagatedNeed {
  readonly level: number;
  /** Id of the process or data set the level comes from (itself for declared needs). */
  readonly source: string | undefined;
}

export type PropagatedNeeds = Readonly<Record<NeedCriterion, PropagatedNeed>>;

/** Security needs of every entity of the model, declared or inherited. */
export interface NeedsAnalysis {
  /** Processes and data sets: their declared needs (the business values). */
  readonly businessValues: ReadonlyMap<string, PropagatedNeeds>;
  /** Assets: the highest need of what they support, directly or through hosted assets. */
  readonly assets: ReadonlyMap<string, PropagatedNeeds>;
  /** Flows: the confidentiality, integrity and proof needs of the data they carry. */
  readonly flows: ReadonlyMap<string, PropagatedNeeds>;
  /** Zones: the highest need of the assets they hold (sub-zones included). */
  readonly zones: ReadonlyMap<string, PropagatedNeeds>;
  /** Needs of any entity (business value, asset or flow), zero when unknown. */
  of(id: string): PropagatedNeeds;
  /** Highest level among `ids` for the given criteria (0 when unknown). */
  max(ids: Iterable<string>, criteria: readonly NeedCriterion[]): number;
}

/** The needs that follow data wherever it goes (availability stays with what runs the process). */
const DATA_CRITERIA: readonly NeedCriterion[] = ['integrity', 'confidentiality', 'proof'];

const UNKNOWN: PropagatedNeed = { level: 0, source: undefined };
const EMPTY: PropagatedNeeds = {
  availability: UNKNOWN,
  integrity: UNKNOWN,
  confidentiality: UNKNOWN,
  proof: UNKNOWN,
};

function declared(id: string, needs: Needs | undefined): PropagatedNeeds {
  const result = {} as Record<NeedCriterion, PropagatedNeed>;
  for (const criterion of NEED_CRITERIA) {
    const level = needs?.[criterion];
    result[criterion] = level === undefined ? UNKNOWN : { level, source: id };
  }
  return result;
}

class Accumulator {
  readonly #values = new Map<string, Record<NeedCriterion, PropagatedNeed>>();

  raise(
    id: string,
    from: PropagatedNeeds,
    criteria: readonly NeedCriterion[] = NEED_CRITERIA,
  ): void {
    let current = this.#values.get(id);
    if (current === undefined) {
      current = { ...EMPTY };
      this.#values.set(id, current);
    }
    for (const criterion of criteria) {
      const candidate = from[criterion];
      const existing = current[criterion];
      // the highest level wins; on a tie the source that sorts first, so results are stable
      if (
        candidate.level > existing.level ||
        (candidate.level === existing.level &&
          candidate.level > 0 &&
          (existing.source === undefined || (candidate.source ?? '') < existing.source))
      ) {
        current[criterion] = candidate;
      }
    }
  }

  /** A copy of the levels so far, for a propagation that reads them while raising others. */
  snapshot(): Map<string, PropagatedNeeds> {
    return new Map([...this.#values].map(([id, needs]) => [id, { ...needs }]));
  }

  freeze(): Map<string, PropagatedNeeds> {
    return new Map([...this.#values].map(([id, needs]) => [id, Object.freeze(needs)]));
  }
}

/**
 * Propagates the DICP needs of business values (processes, data sets) to what supports them:
 * an asset inherits the highest need of the processes it supports and of the data it stores,
 * and so does every asset it runs on; a flow inherits the C, I and P needs of the data it carries,
 * and the assets at its ends its confidentiality need; a backup target inherits the C, I and P needs of what it
 * holds copies of (data sets, or the assets it protects).
 * Each level keeps the business value it comes from, to explain it.
 */
export function analyseNeeds(graph: ModelGraph): NeedsAnalysis {
  const { model } = graph;
  const businessValues = new Map<string, PropagatedNeeds>();
  for (const entity of [...model.processes, ...model.data]) {
    businessValues.set(entity.id, declared(entity.id, entity.needs));
  }
  const assets = new Accumulator();
  const withHosts = (assetId: string): string[] => [assetId, ...graph.hostsOf(assetId)];
  for (const process of model.processes) {
    const needs = businessValues.get(process.id) ?? EMPTY;
    for (const asset of graph.supportOf(process.id).assets) assets.raise(asset, needs);
  }
  for (const data of model.data) {
    const needs = businessValues.get(data.id) ?? EMPTY;
    for (const stored of data.storedOn ?? []) {
      for (const asset of withHosts(stored)) if (graph.asset(asset)) assets.raise(asset, needs);
    }
  }
  const flows = new Accumulator();
  for (const flow of model.flows) {
    flows.raise(flow.id, EMPTY);
    for (const data of flow.data ?? []) {
      const needs = businessValues.get(data);
      if (needs === undefined) continue;
      flows.raise(flow.id, needs, DATA_CRITERIA);
      // the assets at both ends see the data they send or receive (not the zones, not relays):
      // they can disclose it; what they keep of it is what `storedOn` says
      for (const end of [flow.from, flow.to]) {
        if (graph.asset(end))
          for (const asset of withHosts(end)) assets.raise(asset, needs, ['confidentiality']);
      }
    }
  }
  for (const asset of model.assets) assets.raise(asset.id, EMPTY);
  // backup targets hold copies of what they protect: they inherit its C, I and P needs
  const held = assets.snapshot();
  for (const backup of model.backups) {
    if (backup.target === undefined || !graph.asset(backup.target)) continue;
    for (const protectedId of backup.protects) {
      const needs = businessValues.get(protectedId) ?? held.get(protectedId);
      if (needs === undefined) continue;
      for (const asset of withHosts(backup.target)) assets.raise(asset, needs, DATA_CRITERIA);
    }
  }
  const assetNeeds = assets.freeze();
  const flowNeeds = flows.freeze();
  const zones = new Accumulator();
  for (const zone of model.zones) {
    zones.raise(zone.id, EMPTY);
    for (const asset of graph.assetsOfZone(zone.id))
      zones.raise(zone.id, assetNeeds.get(asset) ?? EMPTY);
  }
  const zoneNeeds = zones.freeze();
  const of = (id: string): PropagatedNeeds =>
    businessValues.get(id) ?? assetNeeds.get(id) ?? flowNeeds.get(id) ?? zoneNeeds.get(id) ?? EMPTY;
  return {
    businessValues,
    assets: assetNeeds,
    flows: flowNeeds,
    zones: zoneNeeds,
    of,
    max(ids, criteria) {
      let level = 0;
      for (const id of ids)
        for (const criterion of criteria) level = Math.max(level, of(id)[criterion].level);
      return level;
    },
  };
}
