import type {
  Asset,
  Backup,
  DataSet,
  Entity,
  EntityByKind,
  EntityKind,
  Flow,
  Identity,
  Model,
  Process,
  Site,
  Zone,
} from '../domain/model/index.js';

/** An entity with its kind, as the graph indexes it. */
export interface GraphNode {
  readonly kind: EntityKind;
  readonly entity: Entity;
}

/** What a process rests on, directly or transitively. */
export interface Support {
  readonly assets: readonly string[];
  readonly data: readonly string[];
  readonly processes: readonly string[];
}

/** What depends on an asset, directly or transitively. */
export interface Dependents {
  readonly processes: readonly string[];
  readonly data: readonly string[];
  readonly assets: readonly string[];
  readonly backups: readonly string[];
  readonly flows: readonly string[];
}

export interface ReachOptions {
  /** Stop after this many flow hops. */
  readonly maxHops?: number;
  /** Only follow flows this predicate accepts. */
  readonly follow?: (flow: Flow) => boolean;
}

/** A node reached through flows, with the flow and node it was reached from. */
export interface Reached {
  readonly id: string;
  readonly hops: number;
  readonly via: string | undefined;
  readonly from: string | undefined;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

const sorted = (values: Iterable<string>): readonly string[] => Object.freeze([...values].sort());

/**
 * A frozen, indexed view of a resolved model with the queries the engines need.
 * It tolerates dangling references (they are skipped), so it can be built for invalid models.
 */
export class ModelGraph {
  readonly model: Model;
  readonly #nodes = new Map<string, GraphNode>();
  readonly #zoneChildren = new Map<string, string[]>();
  readonly #zoneAssets = new Map<string, string[]>();
  readonly #flowsFrom = new Map<string, Flow[]>();
  readonly #flowsTo = new Map<string, Flow[]>();
  readonly #hosted = new Map<string, string[]>();
  readonly #dataOn = new Map<string, string[]>();
  readonly #processesOfAsset = new Map<string, string[]>();
  readonly #processesOfData = new Map<string, string[]>();
  readonly #dependentProcesses = new Map<string, string[]>();
  readonly #backupsOn = new Map<string, string[]>();
  readonly #backupsOf = new Map<string, string[]>();
  readonly #flowsVia = new Map<string, string[]>();

  constructor(model: Model) {
    this.model = model;
    const add = (kind: EntityKind, entities: readonly Entity[]): void => {
      for (const entity of entities) this.#nodes.set(entity.id, { kind, entity });
    };
    add('site', model.sites);
    add('zone', model.zones);
    add('asset', model.assets);
    add('data', model.data);
    add('flow', model.flows);
    add('identity', model.identities);
    add('process', model.processes);
    add('backup', model.backups);
    add('measure', model.measures);
    add('decision', model.decisions);

    for (const zone of model.zones) {
      if (zone.parent !== undefined) push(this.#zoneChildren, zone.parent, zone.id);
    }
    for (const asset of model.assets) {
      if (asset.zone !== undefined) push(this.#zoneAssets, asset.zone, asset.id);
      if (asset.hostedOn !== undefined) push(this.#hosted, asset.hostedOn, asset.id);
    }
    for (const flow of model.flows) {
      push(this.#flowsFrom, flow.from, flow);
      push(this.#flowsTo, flow.to, flow);
      for (const device of flow.via ?? []) push(this.#flowsVia, device, flow.id);
    }
    for (const data of model.data) {
      for (const asset of new Set(data.storedOn ?? [])) push(this.#dataOn, asset, data.id);
    }
    for (const process of model.processes) {
      for (const asset of process.assets ?? []) push(this.#processesOfAsset, asset, process.id);
      for (const data of process.data ?? []) push(this.#processesOfData, data, process.id);
      for (const other of process.dependsOn ?? [])
        push(this.#dependentProcesses, other, process.id);
    }
    for (const backup of model.backups) {
      if (backup.target !== undefined) push(this.#backupsOn, backup.target, backup.id);
      for (const id of backup.protects) push(this.#backupsOf, id, backup.id);
    }
    for (const index of [this.#flowsFrom, this.#flowsTo])
      for (const list of index.values()) Object.freeze(list);
    for (const node of this.#nodes.values()) Object.freeze(node);
    Object.freeze(this);
  }

  /** The entity with this id, whatever its kind. */
  get(id: string): GraphNode | undefined {
    return this.#nodes.get(id);
  }

  kindOf(id: string): EntityKind | undefined {
    return this.#nodes.get(id)?.kind;
  }

  has(id: string): boolean {
    return this.#nodes.has(id);
  }

  asset(id: string): Asset | undefined {
    return this.#typed(id, 'asset');
  }
  zone(id: string): Zone | undefined {
    return this.#typed(id, 'zone');
  }
  site(id: string): Site | undefined {
    return this.#typed(id, 'site');
  }
  data(id: string): DataSet | undefined {
    return this.#typed(id, 'data');
  }
  flow(id: string): Flow | undefined {
    return this.#typed(id, 'flow');
  }
  identity(id: string): Identity | undefined {
    return this.#typed(id, 'identity');
  }
  process(id: string): Process | undefined {
    return this.#typed(id, 'process');
  }
  backup(id: string): Backup | undefined {
    return this.#typed(id, 'backup');
  }

  #typed<K extends EntityKind>(id: string, kind: K): EntityByKind[K] | undefined {
    const node = this.#nodes.get(id);
    return node?.kind === kind ? (node.entity as EntityByKind[K]) : undefined;
  }

  /** Direct sub-zones of a zone. */
  childZones(zoneId: string): readonly string[] {
    return sorted(this.#zoneChildren.get(zoneId) ?? []);
  }

  /** Enclosing zones from the nearest outwards (cycles are cut). */
  zoneAncestors(zoneId: string): readonly string[] {
    const result: string[] = [];
    const seen = new Set([zoneId]);
    for (let parent = this.zone(zoneId)?.parent; parent !== undefined;) {
      if (seen.has(parent) || this.zone(parent) === undefined) break;
      seen.add(parent);
      result.push(parent);
      parent = this.zone(parent)?.parent;
    }
    return result;
  }

  /** The site a zone belongs to, its own or the nearest ancestor's. */
  siteOfZone(zoneId: string): string | undefined {
    for (const id of [zoneId, ...this.zoneAncestors(zoneId)]) {
      const site = this.zone(id)?.site;
      if (site !== undefined) return site;
    }
    return undefined;
  }

  /** The site of an asset: declared, else its zone's, else its host's. */
  siteOfAsset(assetId: string): string | undefined {
    const seen = new Set<string>();
    for (let asset = this.asset(assetId); asset !== undefined;) {
      if (asset.site !== undefined) return asset.site;
      if (asset.zone !== undefined) {
        const site = this.siteOfZone(asset.zone);
        if (site !== undefined) return site;
      }
      if (asset.hostedOn === undefined || seen.has(asset.id)) return undefined;
      seen.add(asset.id);
      asset = this.asset(asset.hostedOn);
    }
    return undefined;
  }

  /** Assets of a zone; with `recursive` (default), of its sub-zones too. */
  assetsOfZone(zoneId: string, recursive = true): readonly string[] {
    const result = new Set(this.#zoneAssets.get(zoneId) ?? []);
    if (recursive) {
      const seen = new Set([zoneId]);
      const queue = [...(this.#zoneChildren.get(zoneId) ?? [])];
      for (let zone = queue.shift(); zone !== undefined; zone = queue.shift()) {
        if (seen.has(zone)) continue;
        seen.add(zone);
        for (const asset of this.#zoneAssets.get(zone) ?? []) result.add(asset);
        queue.push(...(this.#zoneChildren.get(zone) ?? []));
      }
    }
    return sorted(result);
  }

  /** Flows that leave an endpoint (asset or zone) as declared. */
  flowsFrom(id: string): readonly Flow[] {
    return this.#flowsFrom.get(id) ?? [];
  }

  /** Flows that reach an endpoint (asset or zone) as declared. */
  flowsTo(id: string): readonly Flow[] {
    return this.#flowsTo.get(id) ?? [];
  }

  /**
   * Flows an asset can initiate: its own and those declared from its zone and enclosing zones.
   * Bidirectional flows count in both directions.
   */
  outgoingFlows(id: string): readonly Flow[] {
    return this.#outgoing(id).map((step) => step.flow);
  }

  #outgoing(id: string): { readonly flow: Flow; readonly next: string }[] {
    const sources = [id];
    const zone = this.asset(id)?.zone;
    if (zone !== undefined) sources.push(zone, ...this.zoneAncestors(zone));
    else if (this.zone(id) !== undefined) sources.push(...this.zoneAncestors(id));
    const steps: { flow: Flow; next: string }[] = [];
    for (const source of sources) {
      for (const flow of this.flowsFrom(source)) steps.push({ flow, next: flow.to });
      for (const flow of this.flowsTo(source)) {
        if (flow.bidirectional === true) steps.push({ flow, next: flow.from });
      }
    }
    return steps;
  }

  /** Endpoints linked to this one by a flow in either direction. */
  neighbours(id: string): readonly string[] {
    const result = new Set<string>();
    for (const flow of this.flowsFrom(id)) result.add(flow.to);
    for (const flow of this.flowsTo(id)) result.add(flow.from);
    result.delete(id);
    return sorted(result);
  }

  /**
   * Everything reachable from an asset or zone by following flows from initiator to destination
   * (breadth first: the fewest hops first). A flow to a zone reaches the zone, not each asset in it.
   */
  reachableFrom(id: string, options: ReachOptions = {}): readonly Reached[] {
    const maxHops = options.maxHops ?? Number.POSITIVE_INFINITY;
    const reached = new Map<string, Reached>([
      [id, { id, hops: 0, via: undefined, from: undefined }],
    ]);
    const queue = [id];
    for (let index = 0; index < queue.length; index += 1) {
      const current = queue[index] as string;
      const hops = (reached.get(current)?.hops ?? 0) + 1;
      if (hops > maxHops) continue;
      for (const { flow, next } of this.#outgoing(current)) {
        if (options.follow !== undefined && !options.follow(flow)) continue;
        if (reached.has(next) || !this.#nodes.has(next)) continue;
        reached.set(next, { id: next, hops, via: flow.id, from: current });
        queue.push(next);
      }
    }
    reached.delete(id);
    return [...reached.values()];
  }

  /** Assets this asset runs on, nearest first. */
  hostsOf(assetId: string): readonly string[] {
    const result: string[] = [];
    const seen = new Set([assetId]);
    for (let host = this.asset(assetId)?.hostedOn; host !== undefined;) {
      if (seen.has(host) || this.asset(host) === undefined) break;
      seen.add(host);
      result.push(host);
      host = this.asset(host)?.hostedOn;
    }
    return result;
  }

  /**
   * What a process rests on: its assets and data, where that data is stored, the hosts of those
   * assets, and the same for the processes it depends on.
   */
  supportOf(processId: string): Support {
    const assets = new Set<string>();
    const data = new Set<string>();
    const processes = new Set<string>();
    const queue = [processId];
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      if (processes.has(id)) continue;
      const process = this.process(id);
      if (process === undefined) continue;
      processes.add(id);
      for (const asset of process.assets ?? []) if (this.asset(asset)) assets.add(asset);
      for (const set of process.data ?? []) {
        const dataSet = this.data(set);
        if (dataSet === undefined) continue;
        data.add(set);
        for (const asset of dataSet.storedOn ?? []) if (this.asset(asset)) assets.add(asset);
      }
      queue.push(...(process.dependsOn ?? []));
    }
    for (const asset of [...assets]) for (const host of this.hostsOf(asset)) assets.add(host);
    processes.delete(processId);
    return { assets: sorted(assets), data: sorted(data), processes: sorted(processes) };
  }

  /**
   * What depends on an asset: assets hosted on it (transitively), data stored on any of them,
   * processes using those assets or data (and processes depending on those), backups stored on
   * it, and flows that cross it.
   */
  dependentsOf(assetId: string): Dependents {
    const assets = new Set<string>();
    const queue = [assetId];
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      for (const hosted of this.#hosted.get(id) ?? []) {
        if (hosted === assetId || assets.has(hosted)) continue;
        assets.add(hosted);
        queue.push(hosted);
      }
    }
    const affected = [assetId, ...assets];
    const data = new Set(affected.flatMap((id) => this.#dataOn.get(id) ?? []));
    const processes = new Set<string>();
    const pending = [
      ...affected.flatMap((id) => this.#processesOfAsset.get(id) ?? []),
      ...[...data].flatMap((id) => this.#processesOfData.get(id) ?? []),
    ];
    for (let id = pending.shift(); id !== undefined; id = pending.shift()) {
      if (processes.has(id)) continue;
      processes.add(id);
      pending.push(...(this.#dependentProcesses.get(id) ?? []));
    }
    return {
      assets: sorted(assets),
      data: sorted(data),
      processes: sorted(processes),
      backups: sorted(this.#backupsOn.get(assetId) ?? []),
      flows: sorted(this.#flowsVia.get(assetId) ?? []),
    };
  }

  /** Ids of the data sets stored on an asset (its `storedOn`), in model order, each once. */
  dataOn(assetId: string): readonly string[] {
    return this.#dataOn.get(assetId) ?? [];
  }

  /** Assets that run directly on this one (`hostedOn` it), in model order. */
  hostedBy(assetId: string): readonly string[] {
    return this.#hosted.get(assetId) ?? [];
  }

  /** Backups that protect an asset or a data set. */
  backupsOf(id: string): readonly string[] {
    return sorted(this.#backupsOf.get(id) ?? []);
  }

  /** Processes that list this asset among their supporting assets. */
  processesUsing(assetId: string): readonly string[] {
    return sorted(this.#processesOfAsset.get(assetId) ?? []);
  }
}
