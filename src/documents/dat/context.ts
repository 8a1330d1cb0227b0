/**
 * What every DAT section builder reads: the document input, the locale, and indexes of the model
 * built once (zones in tree order, assets per zone, sites, Internet exposure, findings per
 * subject), so that sections stay linear on the 10,000-asset model. Analyses (Internet exposure,
 * backup coverage) come from the document input, as the rules computed them: never recomputed.
 */
import type { Finding } from '../../design/findings.js';
import { needLevelsOf, type NeedLevels } from '../../design/cp1/needs-report.js';
import type { LocalizedText } from '../../design/text.js';
import type { Asset, EntityKind, Zone } from '../../domain/model/index.js';
import type { DocumentInput } from '../../presentation/input.js';
import type { DocumentLocale } from '../model.js';

/** A zone with its depth in the zone tree (0 for top-level zones). */
export interface ZoneNode {
  readonly zone: Zone;
  readonly depth: number;
}

export interface DatIndex {
  /** Zones depth first (parents before children, siblings by id). */
  readonly zoneOrder: readonly ZoneNode[];
  /** Assets declared directly in each zone, by id. */
  readonly assetsByZone: ReadonlyMap<string, readonly Asset[]>;
  /** Assets with no zone, or a zone the model does not declare. */
  readonly unzoned: readonly Asset[];
  /** Assets of each zone, sub-zones included. */
  readonly assetCountDeep: ReadonlyMap<string, number>;
  readonly siteOfZone: ReadonlyMap<string, string | undefined>;
  readonly siteOfAsset: ReadonlyMap<string, string | undefined>;
  /** Zone ids an endpoint (asset or zone) belongs to, nearest first (itself for a zone). */
  zonesOf(id: string): readonly string[];
  /**
   * What of an asset the Internet reaches (`rdp/3389`, `admin https/443`…), absent when nothing:
   * the Internet exposure analysis the rules read.
   */
  readonly internetExposure: ReadonlyMap<string, readonly string[]>;
  /** Findings whose first subject is this entity. */
  readonly findingsBySubject: ReadonlyMap<string, readonly Finding[]>;
  /** Findings that involve this entity (as any of their subjects). */
  readonly findingsInvolving: ReadonlyMap<string, readonly Finding[]>;
  /** True for an endpoint in an Internet zone. */
  isInternet(id: string): boolean;
}

export interface DatContext {
  readonly input: DocumentInput;
  readonly locale: DocumentLocale;
  readonly fr: boolean;
  readonly index: DatIndex;
  /** The text of a bilingual value in the document's language. */
  t(value: LocalizedText): string;
  /** Propagated DICP levels of an entity (0 when unknown). */
  levels(id: string): NeedLevels;
  /** The name of an entity, else its id. */
  nameOf(id: string): string;
  kindOf(id: string): EntityKind | undefined;
}

function zoneTree(zones: readonly Zone[]): ZoneNode[] {
  const known = new Set(zones.map((z) => z.id));
  const children = new Map<string, Zone[]>();
  const roots: Zone[] = [];
  for (const zone of zones) {
    if (zone.parent !== undefined && known.has(zone.parent) && zone.parent !== zone.id) {
      const list = children.get(zone.parent);
      if (list === undefined) children.set(zone.parent, [zone]);
      else list.push(zone);
    } else roots.push(zone);
  }
  const order: ZoneNode[] = [];
  const seen = new Set<string>();
  const visit = (zone: Zone, depth: number): void => {
    if (seen.has(zone.id)) return;
    seen.add(zone.id);
    order.push({ zone, depth });
    for (const child of children.get(zone.id) ?? []) visit(child, depth + 1);
  };
  for (const root of roots) visit(root, 0);
  // zones caught in a parent cycle have no root: list them at the top level
  for (const zone of zones) visit(zone, 0);
  return order;
}

function pushTo<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** `rdp/3389`, `https`: a protocol and its port when known. */
const portLabel = (e: { readonly protocol: string; readonly port: number | undefined }): string =>
  e.port === undefined ? e.protocol : `${e.protocol}/${String(e.port)}`;

export function buildIndex(input: DocumentInput): DatIndex {
  const { model, graph } = input;
  const zoneOrder = zoneTree(model.zones);
  const zoneIds = new Set(model.zones.map((z) => z.id));
  const assetsByZone = new Map<string, Asset[]>();
  const unzoned: Asset[] = [];
  for (const asset of model.assets) {
    if (asset.zone !== undefined && zoneIds.has(asset.zone))
      pushTo(assetsByZone, asset.zone, asset);
    else unzoned.push(asset);
  }
  const ancestors = new Map<string, readonly string[]>();
  for (const zone of model.zones) ancestors.set(zone.id, graph.zoneAncestors(zone.id));
  const siteOfZone = new Map<string, string | undefined>();
  for (const zone of model.zones) siteOfZone.set(zone.id, graph.siteOfZone(zone.id));
  const siteOfAsset = new Map<string, string | undefined>();
  for (const asset of model.assets) siteOfAsset.set(asset.id, graph.siteOfAsset(asset.id));

  const assetCountDeep = new Map<string, number>();
  for (const [zone, assets] of assetsByZone) {
    for (const id of [zone, ...(ancestors.get(zone) ?? [])])
      assetCountDeep.set(id, (assetCountDeep.get(id) ?? 0) + assets.length);
  }

  // each zone's chain (itself, then its ancestors) is built once: flows ask for it 100,000 times
  const chains = new Map<string, readonly string[]>();
  for (const zone of model.zones) chains.set(zone.id, [zone.id, ...(ancestors.get(zone.id) ?? [])]);
  const none: readonly string[] = [];
  const zonesOf = (id: string): readonly string[] => {
    const own = chains.get(id);
    if (own !== undefined) return own;
    const zone = graph.asset(id)?.zone;
    return (zone === undefined ? undefined : chains.get(zone)) ?? none;
  };
  const internetZones = new Set(
    model.zones
      .filter((z) =>
        [z.id, ...(ancestors.get(z.id) ?? [])].some((a) => graph.zone(a)?.kind === 'internet'),
      )
      .map((z) => z.id),
  );
  const isInternet = (id: string): boolean => zonesOf(id).some((z) => internetZones.has(z));

  // what the Internet reaches, as the rules see it (one analysis, shared with them)
  const internetExposure = new Map<string, readonly string[]>();
  for (const [target, exposures] of input.analyses.internetExposure.byTarget) {
    if (graph.asset(target) === undefined) continue;
    const items = exposures.map((e) => (e.adminInterface ? `admin ${portLabel(e)}` : portLabel(e)));
    internetExposure.set(target, [...new Set(items)].sort());
  }

  const findingsBySubject = new Map<string, Finding[]>();
  const findingsInvolving = new Map<string, Finding[]>();
  for (const finding of input.findings) {
    const subject = finding.subjects[0];
    if (subject !== undefined) pushTo(findingsBySubject, subject, finding);
    for (const id of new Set(finding.subjects)) pushTo(findingsInvolving, id, finding);
  }

  return {
    zoneOrder,
    assetsByZone,
    unzoned,
    assetCountDeep,
    siteOfZone,
    siteOfAsset,
    zonesOf,
    internetExposure,
    findingsBySubject,
    findingsInvolving,
    isInternet,
  };
}

export function createContext(input: DocumentInput): DatContext {
  const locale = input.locale;
  const { graph, needs } = input;
  return {
    input,
    locale,
    fr: locale === 'fr',
    index: buildIndex(input),
    t: (value) => value[locale],
    levels: (id) => needLevelsOf(needs, id),
    nameOf: (id) => {
      const entity = graph.get(id)?.entity;
      return entity !== undefined && 'name' in entity && entity.name !== undefined
        ? entity.name
        : id;
    },
    kindOf: (id) => graph.kindOf(id),
  };
}
