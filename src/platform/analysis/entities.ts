/**
 * The model explorer: for each entity kind, the table columns and cells, what it is linked to
 * (relations with a role key the UI translates as `relation.<role>`), and its place (zones and
 * sites) for the `zone` / `site` filters. Pure.
 */
import {
  type Asset,
  type Backup,
  type DataSet,
  type Decision,
  type Entity,
  type Flow,
  hasDeclaredEncryption,
  type Identity,
  type Measure,
  type Process,
  type Site,
  type Zone,
} from '../../domain/model/index.js';
import type { ModelGraph } from '../../model/graph.js';
import { zoneChainOf } from '../../model/predicates.js';
import type { CellValue, ColumnView, ENTITY_KINDS, EntityRef, RelationView } from '../api/types.js';
import type { VersionAnalysis } from './compute.js';
import { refOf, refsOf } from './views.js';

export type ListKind = (typeof ENTITY_KINDS)[number];

interface Context {
  readonly analysis: VersionAnalysis;
  readonly graph: ModelGraph;
}

interface KindTable<E extends Entity> {
  readonly entities: (graph: ModelGraph) => readonly E[];
  readonly columns: readonly ColumnView[];
  readonly cells: (entity: E, ctx: Context) => Record<string, CellValue>;
  readonly relations: (entity: E, ctx: Context) => Record<string, readonly string[]>;
  /** Zones and sites the entity is in (for the filters). */
  readonly place: (entity: E, graph: ModelGraph) => { zones: string[]; sites: string[] };
}

const col = (key: string, type: ColumnView['type']): ColumnView => ({ key, type });
const opt = <T>(value: T | undefined): T | null => value ?? null;
const ref = (graph: ModelGraph, id: string | undefined): EntityRef | null =>
  id === undefined || !graph.has(id) ? null : refOf(graph, id);
const refs = (graph: ModelGraph, ids: readonly string[] | undefined): EntityRef[] =>
  refsOf(graph, ids ?? []);
const ids = (entities: readonly { readonly id: string }[]): string[] => entities.map((e) => e.id);
const unique = (values: Iterable<string>): string[] => [...new Set(values)].sort();

/** Highest propagated need (1–4) of an entity, null when unknown. */
function highestNeed(ctx: Context, id: string): number | null {
  const needs = ctx.analysis.input?.needs.of(id);
  if (needs === undefined) return null;
  const level = Math.max(...Object.values(needs).map((n) => n.level));
  return level === 0 ? null : level;
}

const worstCell = (ctx: Context, id: string): CellValue => ctx.analysis.worstOf.get(id) ?? null;

function sitesOfEndpoint(graph: ModelGraph, id: string): string[] {
  const site = graph.zone(id) !== undefined ? graph.siteOfZone(id) : graph.siteOfAsset(id);
  return site === undefined ? [] : [site];
}

const nowhere = (): { zones: string[]; sites: string[] } => ({ zones: [], sites: [] });

/** The earliest end of support of an asset's OS and software. */
function supportEnd(asset: Asset): string | null {
  const dates = [asset.os, ...(asset.software ?? [])]
    .map((s) => s?.supportEnd)
    .filter((d): d is string => d !== undefined)
    .sort();
  return dates[0] ?? null;
}

const sites: KindTable<Site> = {
  entities: (graph) => graph.model.sites,
  columns: [
    col('kind', 'text'),
    col('city', 'text'),
    col('country', 'text'),
    col('zones', 'number'),
    col('assets', 'number'),
    col('worst', 'severity'),
  ],
  cells: (site, { graph, analysis }) => ({
    kind: opt(site.kind),
    city: opt(site.city),
    country: opt(site.country),
    zones: graph.model.zones.filter((z) => graph.siteOfZone(z.id) === site.id).length,
    assets: graph.model.assets.filter((a) => graph.siteOfAsset(a.id) === site.id).length,
    worst: analysis.worstOf.get(site.id) ?? null,
  }),
  relations: (site, { graph }) => ({
    zones: ids(graph.model.zones.filter((z) => graph.siteOfZone(z.id) === site.id)),
    assets: ids(graph.model.assets.filter((a) => graph.siteOfAsset(a.id) === site.id)),
  }),
  place: (site) => ({ zones: [], sites: [site.id] }),
};

const zones: KindTable<Zone> = {
  entities: (graph) => graph.model.zones,
  columns: [
    col('kind', 'text'),
    col('trust', 'text'),
    col('site', 'ref'),
    col('parent', 'ref'),
    col('subnets', 'text'),
    col('assets', 'number'),
    col('need', 'level'),
    col('worst', 'severity'),
  ],
  cells: (zone, ctx) => ({
    kind: zone.kind,
    trust: opt(zone.trust),
    site: ref(ctx.graph, ctx.graph.siteOfZone(zone.id)),
    parent: ref(ctx.graph, zone.parent),
    subnets: zone.subnets ?? [],
    assets: ctx.graph.assetsOfZone(zone.id).length,
    need: highestNeed(ctx, zone.id),
    worst: worstCell(ctx, zone.id),
  }),
  relations: (zone, { graph }) => ({
    site: unique([graph.siteOfZone(zone.id) ?? ''].filter((s) => s !== '')),
    parent: zone.parent === undefined ? [] : [zone.parent],
    subZones: [...graph.childZones(zone.id)],
    assets: [...graph.assetsOfZone(zone.id, false)],
    flowsOut: ids(graph.flowsFrom(zone.id)),
    flowsIn: ids(graph.flowsTo(zone.id)),
  }),
  place: (zone, graph) => ({
    zones: zoneChainOf(graph, zone.id),
    sites: sitesOfEndpoint(graph, zone.id),
  }),
};

const assets: KindTable<Asset> = {
  entities: (graph) => graph.model.assets,
  columns: [
    col('kind', 'text'),
    col('zone', 'ref'),
    col('site', 'ref'),
    col('need', 'level'),
    col('exposed', 'bool'),
    col('os', 'text'),
    col('supportEnd', 'date'),
    col('worst', 'severity'),
  ],
  cells: (asset, ctx) => ({
    kind: asset.kind,
    zone: ref(ctx.graph, asset.zone),
    site: ref(ctx.graph, ctx.graph.siteOfAsset(asset.id)),
    need: highestNeed(ctx, asset.id),
    exposed: ctx.analysis.exposed.has(asset.id),
    os:
      asset.os === undefined
        ? null
        : `${asset.os.name}${asset.os.version === undefined ? '' : ` ${asset.os.version}`}`,
    supportEnd: supportEnd(asset),
    worst: worstCell(ctx, asset.id),
  }),
  relations: (asset, { graph }) => {
    const model = graph.model;
    const identities = model.identities.filter((i) =>
      (i.rights ?? []).some((r) => r.on === asset.id),
    );
    return {
      zone: asset.zone === undefined ? [] : [asset.zone],
      site: unique([graph.siteOfAsset(asset.id) ?? ''].filter((s) => s !== '')),
      hostedOn: asset.hostedOn === undefined ? [] : [asset.hostedOn],
      hosts: ids(model.assets.filter((a) => a.hostedOn === asset.id)),
      flowsOut: ids(graph.flowsFrom(asset.id)),
      flowsIn: ids(graph.flowsTo(asset.id)),
      flowsVia: ids(model.flows.filter((f) => (f.via ?? []).includes(asset.id))),
      data: ids(model.data.filter((d) => (d.storedOn ?? []).includes(asset.id))),
      processes: [...graph.processesUsing(asset.id)],
      backups: [...graph.backupsOf(asset.id)],
      backupsStored: ids(model.backups.filter((b) => b.target === asset.id)),
      admins: ids(
        identities.filter((i) =>
          (i.rights ?? []).some((r) => r.on === asset.id && r.level === 'admin'),
        ),
      ),
      identities: ids(
        identities.filter((i) =>
          (i.rights ?? []).some((r) => r.on === asset.id && r.level !== 'admin'),
        ),
      ),
      owner: asset.owner === undefined ? [] : [asset.owner],
    };
  },
  place: (asset, graph) => ({
    zones: zoneChainOf(graph, asset.id),
    sites: sitesOfEndpoint(graph, asset.id),
  }),
};

const data: KindTable<DataSet> = {
  entities: (graph) => graph.model.data,
  columns: [
    col('classification', 'text'),
    col('personal', 'bool'),
    col('need', 'level'),
    col('storedOn', 'refs'),
    col('owner', 'ref'),
    col('worst', 'severity'),
  ],
  cells: (set, ctx) => ({
    classification: opt(set.classification),
    personal: set.personal !== undefined,
    need: highestNeed(ctx, set.id),
    storedOn: refs(ctx.graph, set.storedOn),
    owner: ref(ctx.graph, set.owner),
    worst: worstCell(ctx, set.id),
  }),
  relations: (set, { graph }) => ({
    storedOn: [...(set.storedOn ?? [])],
    owner: set.owner === undefined ? [] : [set.owner],
    processes: ids(graph.model.processes.filter((p) => (p.data ?? []).includes(set.id))),
    flows: ids(graph.model.flows.filter((f) => (f.data ?? []).includes(set.id))),
    backups: [...graph.backupsOf(set.id)],
  }),
  place: (set, graph) => {
    const stored = set.storedOn ?? [];
    return {
      zones: unique(stored.flatMap((id) => zoneChainOf(graph, id))),
      sites: unique(stored.flatMap((id) => sitesOfEndpoint(graph, id))),
    };
  },
};

const flows: KindTable<Flow> = {
  entities: (graph) => graph.model.flows,
  columns: [
    col('source', 'ref'),
    col('destination', 'ref'),
    col('protocol', 'text'),
    col('port', 'number'),
    col('encrypted', 'bool'),
    col('authenticated', 'bool'),
    col('data', 'refs'),
    col('worst', 'severity'),
  ],
  cells: (flow, ctx) => ({
    source: ref(ctx.graph, flow.from),
    destination: ref(ctx.graph, flow.to),
    protocol: flow.protocol,
    port: opt(flow.port),
    encrypted: hasDeclaredEncryption(flow),
    authenticated: flow.authentication !== undefined && flow.authentication !== 'none',
    data: refs(ctx.graph, flow.data),
    worst: worstCell(ctx, flow.id),
  }),
  relations: (flow) => ({
    source: [flow.from],
    destination: [flow.to],
    data: [...(flow.data ?? [])],
    via: [...(flow.via ?? [])],
  }),
  place: (flow, graph) => ({
    zones: unique([...zoneChainOf(graph, flow.from), ...zoneChainOf(graph, flow.to)]),
    sites: unique([...sitesOfEndpoint(graph, flow.from), ...sitesOfEndpoint(graph, flow.to)]),
  }),
};

const identities: KindTable<Identity> = {
  entities: (graph) => graph.model.identities,
  columns: [
    col('kind', 'text'),
    col('privileged', 'bool'),
    col('mfa', 'bool'),
    col('shared', 'bool'),
    col('company', 'text'),
    col('memberOf', 'refs'),
    col('worst', 'severity'),
  ],
  cells: (identity, ctx) => ({
    kind: identity.kind,
    privileged: identity.privileged === true,
    mfa: opt(identity.mfa),
    shared: identity.shared === true,
    company: opt(identity.company),
    memberOf: refs(ctx.graph, identity.memberOf),
    worst: worstCell(ctx, identity.id),
  }),
  relations: (identity, { graph }) => ({
    memberOf: [...(identity.memberOf ?? [])],
    members: ids(graph.model.identities.filter((i) => (i.memberOf ?? []).includes(identity.id))),
    loginFrom: [...(identity.loginFrom ?? [])],
    rights: unique((identity.rights ?? []).map((r) => r.on)),
    remoteAccess: identity.remoteAccess === undefined ? [] : [identity.remoteAccess.via],
    owns: ids(
      [...graph.model.assets, ...graph.model.data, ...graph.model.processes].filter(
        (e) => e.owner === identity.id,
      ),
    ),
  }),
  place: nowhere,
};

const processes: KindTable<Process> = {
  entities: (graph) => graph.model.processes,
  columns: [
    col('owner', 'ref'),
    col('need', 'level'),
    col('rto', 'text'),
    col('rpo', 'text'),
    col('assets', 'number'),
    col('data', 'number'),
    col('worst', 'severity'),
  ],
  cells: (process, ctx) => ({
    owner: ref(ctx.graph, process.owner),
    need: highestNeed(ctx, process.id),
    rto: opt(process.rto),
    rpo: opt(process.rpo),
    assets: (process.assets ?? []).length,
    data: (process.data ?? []).length,
    worst: worstCell(ctx, process.id),
  }),
  relations: (process, { graph }) => ({
    owner: process.owner === undefined ? [] : [process.owner],
    assets: [...(process.assets ?? [])],
    data: [...(process.data ?? [])],
    dependsOn: [...(process.dependsOn ?? [])],
    dependents: ids(graph.model.processes.filter((p) => (p.dependsOn ?? []).includes(process.id))),
  }),
  place: (process, graph) => {
    const supports = process.assets ?? [];
    return {
      zones: unique(supports.flatMap((id) => zoneChainOf(graph, id))),
      sites: unique(supports.flatMap((id) => sitesOfEndpoint(graph, id))),
    };
  },
};

const backups: KindTable<Backup> = {
  entities: (graph) => graph.model.backups,
  columns: [
    col('target', 'ref'),
    col('protects', 'refs'),
    col('frequency', 'text'),
    col('offline', 'bool'),
    col('immutable', 'bool'),
    col('lastRestoreTest', 'date'),
    col('worst', 'severity'),
  ],
  cells: (backup, ctx) => ({
    target: ref(ctx.graph, backup.target),
    protects: refs(ctx.graph, backup.protects),
    frequency: opt(backup.frequency),
    offline: backup.offline === true,
    immutable: backup.immutable === true,
    lastRestoreTest: opt(backup.lastRestoreTest?.date),
    worst: worstCell(ctx, backup.id),
  }),
  relations: (backup) => ({
    protects: [...backup.protects],
    target: backup.target === undefined ? [] : [backup.target],
    site: backup.site === undefined ? [] : [backup.site],
    zone: backup.zone === undefined ? [] : [backup.zone],
  }),
  place: (backup, graph) => {
    const where = backup.zone ?? backup.target;
    const site =
      backup.site ?? (backup.target === undefined ? undefined : graph.siteOfAsset(backup.target));
    return {
      zones: where === undefined ? [] : zoneChainOf(graph, where),
      sites: site === undefined ? [] : [site],
    };
  },
};

const measures: KindTable<Measure> = {
  entities: (graph) => graph.model.measures,
  columns: [
    col('hygiene', 'number'),
    col('status', 'text'),
    col('owner', 'ref'),
    col('due', 'date'),
  ],
  cells: (measure, ctx) => ({
    hygiene: opt(measure.hygiene),
    status: measure.status,
    owner: ref(ctx.graph, measure.owner),
    due: opt(measure.due),
  }),
  relations: (measure) => ({ owner: measure.owner === undefined ? [] : [measure.owner] }),
  place: nowhere,
};

const decisions: KindTable<Decision> = {
  entities: (graph) => graph.model.decisions,
  columns: [
    col('finding', 'text'),
    col('status', 'text'),
    col('owner', 'ref'),
    col('date', 'date'),
    col('reviewDate', 'date'),
    col('expired', 'bool'),
  ],
  cells: (decision, ctx) => ({
    finding: decision.finding,
    status: decision.status,
    owner: ref(ctx.graph, decision.owner),
    date: opt(decision.date),
    reviewDate: opt(decision.reviewDate),
    expired: decision.reviewDate !== undefined && decision.reviewDate < ctx.analysis.today,
  }),
  relations: (decision) => ({
    owner: decision.owner === undefined ? [] : [decision.owner],
    subject: [decision.finding.slice(decision.finding.indexOf('@') + 1)],
  }),
  place: nowhere,
};

const TABLES: { readonly [K in ListKind]: KindTable<Entity> } = {
  sites,
  zones,
  assets,
  data,
  flows,
  identities,
  processes,
  backups,
  measures,
  decisions,
} as unknown as { readonly [K in ListKind]: KindTable<Entity> };

export function columnsOf(kind: ListKind): readonly ColumnView[] {
  return TABLES[kind].columns;
}

export interface EntityEntry {
  readonly entity: Entity;
  readonly cells: Readonly<Record<string, CellValue>>;
  readonly place: { readonly zones: readonly string[]; readonly sites: readonly string[] };
}

/** Every entity of a kind with its cells and place, in model order (by id). */
export function entityEntries(analysis: VersionAnalysis, kind: ListKind): EntityEntry[] {
  const graph = analysis.load.graph;
  const table = TABLES[kind];
  const ctx: Context = { analysis, graph };
  return table.entities(graph).map((entity) => ({
    entity,
    cells: table.cells(entity, ctx),
    place: table.place(entity, graph),
  }));
}

/** The entity of this kind with this id. */
export function findEntity(
  analysis: VersionAnalysis,
  kind: ListKind,
  id: string,
): Entity | undefined {
  return TABLES[kind].entities(analysis.load.graph).find((entity) => entity.id === id);
}

/** Its relations, non-empty ones only, in the table's order. */
export function relationsOf(
  analysis: VersionAnalysis,
  kind: ListKind,
  entity: Entity,
): RelationView[] {
  const graph = analysis.load.graph;
  const relations = TABLES[kind].relations(entity, { analysis, graph });
  const result: RelationView[] = [];
  for (const [role, list] of Object.entries(relations)) {
    const items = refsOf(graph, list);
    if (items.length > 0) result.push({ role, items });
  }
  return result;
}
