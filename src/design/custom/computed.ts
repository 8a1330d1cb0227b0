import {
  adminTargets,
  hasDeclaredEncryption,
  hasMfa,
  isActive,
  isPrivileged,
  isSpecialCategory,
  NEED_CRITERIA,
  ZONE_KINDS,
  type Asset,
  type DataSet,
  type Entity,
  type EntityKind,
  type Flow,
  type Identity,
  type Process,
  type ZoneKind,
} from '../../domain/model/index.js';
import type { RuleContext } from '../rule.js';
import type { Field, FieldTable, SelectableKind, ValueType } from './fields.js';
import { graphIndex } from './graph-index.js';
import { isInZoneKind, isOtAsset, zoneChainOf, zoneOf } from '../../model/predicates.js';

/** A property computed from the graph rather than written in the model. */
export interface ComputedProperty {
  readonly type: ValueType;
  /** One line of documentation (English; docs/custom-rules.md has both languages). */
  readonly doc: string;
  get(entity: Entity, context: RuleContext): unknown;
}

const BOOLEAN: ValueType = { type: 'boolean' };
const refs = (...kinds: EntityKind[]): ValueType => ({
  type: 'list',
  item: { type: 'ref', kinds },
});
const ref = (...kinds: EntityKind[]): ValueType => ({ type: 'ref', kinds });
const ZONE_KIND_LIST: ValueType = { type: 'list', item: { type: 'enum', values: ZONE_KINDS } };

const NEEDS_TYPE: ValueType = {
  type: 'object',
  fields: Object.fromEntries(NEED_CRITERIA.map((c) => [c, { type: { type: 'number' } }])),
};

const needs: ComputedProperty = {
  type: NEEDS_TYPE,
  doc: 'Propagated DICP needs (0 when unknown): declared for data and processes, inherited for assets and flows.',
  get: (entity, { needs: analysis }) => {
    const of = analysis.of(entity.id);
    return Object.fromEntries(NEED_CRITERIA.map((c) => [c, of[c].level]));
  },
};

function zoneKindsOf(context: RuleContext, id: string): ZoneKind[] {
  const kinds = zoneChainOf(context.graph, id)
    .map((z) => context.graph.zone(z)?.kind)
    .filter((kind): kind is ZoneKind => kind !== undefined);
  return [...new Set(kinds)];
}

const zoneKinds: ComputedProperty = {
  type: ZONE_KIND_LIST,
  doc: 'Kinds of its zone and of every enclosing zone (an asset without zone: its host’s).',
  get: (entity, context) => zoneKindsOf(context, entity.id),
};

const flowsIn: ComputedProperty = {
  type: refs('flow'),
  doc: 'Flows declared to it.',
  get: (entity, { graph }) => graph.flowsTo(entity.id).map((f) => f.id),
};
const flowsOut: ComputedProperty = {
  type: refs('flow'),
  doc: 'Flows declared from it.',
  get: (entity, { graph }) => graph.flowsFrom(entity.id).map((f) => f.id),
};

const ASSET: Readonly<Record<string, ComputedProperty>> = {
  site: {
    type: ref('site'),
    doc: 'Effective site: declared, else its zone’s (or an enclosing zone’s), else its host’s.',
    get: (entity, { graph }) => graph.siteOfAsset(entity.id),
  },
  zoneKinds,
  hosts: {
    type: refs('asset'),
    doc: 'Assets it runs on, nearest first (hostedOn, transitively).',
    get: (entity, { graph }) => graph.hostsOf(entity.id),
  },
  hosted: {
    type: refs('asset'),
    doc: 'Assets running on it, transitively.',
    get: (entity, { graph }) => graph.dependentsOf(entity.id).assets,
  },
  backups: {
    type: refs('backup'),
    doc: 'Backups that protect it.',
    get: (entity, { graph }) => graph.backupsOf(entity.id),
  },
  backedUp: {
    type: BOOLEAN,
    doc: 'At least one backup protects it.',
    get: (entity, { graph }) => graph.backupsOf(entity.id).length > 0,
  },
  internetReachable: {
    type: BOOLEAN,
    doc: 'A flow from an internet zone (or an asset in one) is declared to it, its zone or an enclosing zone.',
    get: (entity, { graph }) => {
      const targets = graphIndex(graph).internetTargets;
      const zone = (entity as Asset).zone;
      const endpoints = [
        entity.id,
        ...(zone === undefined ? [] : [zone, ...graph.zoneAncestors(zone)]),
      ];
      return endpoints.some((id) => targets.has(id));
    },
  },
  flowsIn,
  flowsOut,
  processes: {
    type: refs('process'),
    doc: 'Processes that rest on it (directly, through hosted assets or stored data).',
    get: (entity, { graph }) => graph.dependentsOf(entity.id).processes,
  },
  data: {
    type: refs('data'),
    doc: 'Data sets stored on it or on assets it hosts.',
    get: (entity, { graph }) => graph.dependentsOf(entity.id).data,
  },
  administrators: {
    type: refs('identity'),
    doc: 'Identities with an admin right on it.',
    get: (entity, { graph }) => graphIndex(graph).administrators.get(entity.id) ?? [],
  },
  ot: {
    type: BOOLEAN,
    doc: 'Operational-technology asset: an OT kind, or in an OT zone.',
    get: (entity, { graph }) => isOtAsset(graph, entity as Asset),
  },
};

const ZONE: Readonly<Record<string, ComputedProperty>> = {
  site: {
    type: ref('site'),
    doc: 'Effective site: its own, else the nearest enclosing zone’s.',
    get: (entity, { graph }) => graph.siteOfZone(entity.id),
  },
  zoneKinds,
  ancestors: {
    type: refs('zone'),
    doc: 'Enclosing zones, nearest first.',
    get: (entity, { graph }) => graph.zoneAncestors(entity.id),
  },
  children: {
    type: refs('zone'),
    doc: 'Direct sub-zones.',
    get: (entity, { graph }) => graph.childZones(entity.id),
  },
  assets: {
    type: refs('asset'),
    doc: 'Assets in the zone or its sub-zones.',
    get: (entity, { graph }) => graph.assetsOfZone(entity.id),
  },
  internetReachable: {
    type: BOOLEAN,
    doc: 'A flow from the Internet is declared to the zone, an enclosing zone or an asset inside it.',
    get: (entity, { graph }) => {
      const targets = graphIndex(graph).internetTargets;
      return [entity.id, ...graph.zoneAncestors(entity.id), ...graph.assetsOfZone(entity.id)].some(
        (id) => targets.has(id),
      );
    },
  },
  flowsIn,
  flowsOut,
};

const DATA: Readonly<Record<string, ComputedProperty>> = {
  backups: {
    type: refs('backup'),
    doc: 'Backups that protect the data set or an asset it is stored on.',
    get: (entity, { graph }) => {
      const ids = [entity.id, ...((entity as DataSet).storedOn ?? [])];
      return [...new Set(ids.flatMap((id) => graph.backupsOf(id)))].sort();
    },
  },
  backedUp: {
    type: BOOLEAN,
    doc: 'A backup protects the data set or an asset it is stored on.',
    get: (entity, { graph }) =>
      [entity.id, ...((entity as DataSet).storedOn ?? [])].some(
        (id) => graph.backupsOf(id).length > 0,
      ),
  },
  processes: {
    type: refs('process'),
    doc: 'Processes that use the data set.',
    get: (entity, { graph }) => graphIndex(graph).processesOfData.get(entity.id) ?? [],
  },
  flows: {
    type: refs('flow'),
    doc: 'Flows that carry the data set.',
    get: (entity, { graph }) => graphIndex(graph).flowsOfData.get(entity.id) ?? [],
  },
  special: {
    type: BOOLEAN,
    doc: 'Holds GDPR article 9 special-category personal data.',
    get: (entity) => isSpecialCategory(entity),
  },
};

const FLOW: Readonly<Record<string, ComputedProperty>> = {
  encrypted: {
    type: BOOLEAN,
    doc: 'Encryption is declared and is not `none`.',
    get: (entity) => hasDeclaredEncryption(entity as Flow),
  },
  fromInternet: {
    type: BOOLEAN,
    doc: 'The source is an internet zone or sits in one.',
    get: (entity, { graph }) => isInZoneKind(graph, (entity as Flow).from, ['internet']),
  },
  toInternet: {
    type: BOOLEAN,
    doc: 'The destination is an internet zone or sits in one.',
    get: (entity, { graph }) => isInZoneKind(graph, (entity as Flow).to, ['internet']),
  },
  fromZone: {
    type: ref('zone'),
    doc: 'Zone of the source (the source itself when it is a zone).',
    get: (entity, { graph }) => zoneOf(graph, (entity as Flow).from)?.id,
  },
  toZone: {
    type: ref('zone'),
    doc: 'Zone of the destination (the destination itself when it is a zone).',
    get: (entity, { graph }) => zoneOf(graph, (entity as Flow).to)?.id,
  },
};

const IDENTITY: Readonly<Record<string, ComputedProperty>> = {
  privileged: {
    type: BOOLEAN,
    doc: 'Declared privileged, or member of a privileged group.',
    get: (entity, { graph }) => isPrivileged(graph, entity as Identity),
  },
  mfa: {
    type: BOOLEAN,
    doc: 'Has MFA, itself or through a group.',
    get: (entity, { graph }) => hasMfa(graph, entity as Identity),
  },
  active: {
    type: BOOLEAN,
    doc: 'Has not left: no `left` date, or today is on or before it (`left` is the last day).',
    get: (entity, { today }) => isActive(entity as Identity, today),
  },
  administers: {
    type: refs('asset', 'zone', 'data'),
    doc: 'Entities it has an admin right on.',
    get: (entity) => adminTargets(entity as Identity),
  },
};

const PROCESS: Readonly<Record<string, ComputedProperty>> = {
  supportAssets: {
    type: refs('asset'),
    doc: 'Every asset the process rests on, directly or through data, hosts and processes it depends on.',
    get: (entity, { graph }) => graph.supportOf((entity as Process).id).assets,
  },
  supportData: {
    type: refs('data'),
    doc: 'Every data set the process rests on, directly or through processes it depends on.',
    get: (entity, { graph }) => graph.supportOf(entity.id).data,
  },
};

const SITE: Readonly<Record<string, ComputedProperty>> = {
  zones: {
    type: refs('zone'),
    doc: 'Zones on the site (declared or through an enclosing zone).',
    get: (entity, { graph }) => graphIndex(graph).zonesOfSite.get(entity.id) ?? [],
  },
  assets: {
    type: refs('asset'),
    doc: 'Assets whose effective site it is.',
    get: (entity, { graph }) => graphIndex(graph).assetsOfSite.get(entity.id) ?? [],
  },
};

/**
 * Computed properties by entity kind. Where a name is also a written field (`site`, `privileged`,
 * `mfa`, `needs`), the computed value wins: it is the written value made effective.
 */
export const COMPUTED: Readonly<
  Record<SelectableKind, Readonly<Record<string, ComputedProperty>>>
> = {
  site: { ...SITE, needs },
  zone: { ...ZONE, needs },
  asset: { ...ASSET, needs },
  data: { ...DATA, needs },
  flow: { ...FLOW, needs },
  identity: { ...IDENTITY, needs },
  process: { ...PROCESS, needs },
  backup: { needs },
};

/** Written and computed fields of a kind, for checking paths. */
export function fieldsOf(kind: SelectableKind, written: FieldTable): FieldTable {
  const table: Record<string, Field> = { ...written };
  for (const [name, property] of Object.entries(COMPUTED[kind])) {
    table[name] = { type: property.type, computed: name };
  }
  return table;
}
