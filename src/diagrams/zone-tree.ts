/**
 * Zones as nested boxes: which zones and assets a view holds (all, a site, a zone), the zone
 * boxes (name, kind, trust; asset counts when aggregated) and the nesting, grouped by site in
 * the full view of a multi-site organisation.
 */
import { nameOf, type Asset, type Zone } from '../domain/model/index.js';
import type { ZonesView } from '../presentation/diagram-provider.js';
import { assetNode, type Facts } from './facts.js';
import type { SceneNode } from './scene.js';
import { COLOUR, FONT, SEVERITY_COLOUR, TRUST_FILL, TRUST_STROKE } from './styles.js';
import {
  assetCount,
  count,
  say,
  SITE_KIND_TEXT,
  TEXT,
  TRUST_TEXT,
  ZONE_KIND_TEXT,
} from './texts.js';

export interface Scope {
  readonly kind: 'all' | 'site' | 'zone';
  readonly name: string;
  readonly zones: readonly Zone[];
  readonly zoneIds: ReadonlySet<string>;
  readonly assets: readonly Asset[];
}

/** Natural order of ids (`site-2` before `site-10`); locale-free, so deterministic. */
export function compareIds(a: string, b: string): number {
  const left = a.split(/(\d+)/);
  const right = b.split(/(\d+)/);
  for (let i = 0; i < Math.min(left.length, right.length); i += 1) {
    const x = left[i] ?? '';
    const y = right[i] ?? '';
    if (x === y) continue;
    if (i % 2 === 1) return Number(x) - Number(y) || (x < y ? -1 : 1);
    return x < y ? -1 : 1;
  }
  return left.length - right.length;
}

export const byId = (a: { id: string }, b: { id: string }): number => compareIds(a.id, b.id);

export function descendants(facts: Facts, zoneId: string): Set<string> {
  const result = new Set<string>();
  const queue = [zoneId];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    if (result.has(id)) continue;
    result.add(id);
    queue.push(...facts.graph.childZones(id));
  }
  return result;
}

export function scopeOf(facts: Facts, view: ZonesView): Scope {
  const { graph } = facts;
  const { model } = graph;
  if (view.zoneId !== undefined) {
    const zone = graph.zone(view.zoneId);
    if (zone === undefined) throw new Error(`unknown zone ${view.zoneId}`);
    const ids = descendants(facts, zone.id);
    return {
      kind: 'zone',
      name: nameOf(zone),
      zones: model.zones.filter((z) => ids.has(z.id)).sort(byId),
      zoneIds: ids,
      assets: graph
        .assetsOfZone(zone.id)
        .flatMap((id) => graph.asset(id) ?? [])
        .sort(byId),
    };
  }
  if (view.siteId !== undefined) {
    const site = graph.site(view.siteId);
    if (site === undefined) throw new Error(`unknown site ${view.siteId}`);
    const zones = model.zones.filter((z) => graph.siteOfZone(z.id) === site.id).sort(byId);
    return {
      kind: 'site',
      name: nameOf(site),
      zones,
      zoneIds: new Set(zones.map((z) => z.id)),
      assets: model.assets.filter((a) => graph.siteOfAsset(a.id) === site.id).sort(byId),
    };
  }
  const zones = [...model.zones].sort(byId);
  return {
    kind: 'all',
    name: '',
    zones,
    zoneIds: new Set(zones.map((z) => z.id)),
    assets: [...model.assets].sort(byId),
  };
}

export interface Counts {
  readonly assets: ReadonlyMap<string, number>;
  readonly internal: Map<string, number>;
}

export function zoneNode(
  facts: Facts,
  zone: Zone,
  children: SceneNode[],
  counts: Counts | undefined,
): SceneNode {
  const locale = facts.input.locale;
  const trust = zone.trust ?? 'unknown';
  const kind = say(ZONE_KIND_TEXT[zone.kind], locale);
  const trustText = zone.trust === undefined ? undefined : TRUST_TEXT[zone.trust];
  const lines: SceneNode['lines'][number][] = [
    { text: nameOf(zone), size: FONT.group, weight: 'bold' },
    {
      text: trustText === undefined ? kind : `${kind} · ${say(trustText, locale)}`,
      size: FONT.detail,
      colour: COLOUR.muted,
    },
  ];
  const assets = counts?.assets.get(zone.id) ?? 0;
  if (counts !== undefined && assets > 0) {
    const internal = counts.internal.get(`z:${zone.id}`) ?? 0;
    const parts = [assetCount(assets, locale)];
    if (internal > 0)
      parts.push(
        internal === 1
          ? say(TEXT.oneInternalFlow, locale)
          : say(TEXT.internalFlows, locale, { count: count(internal, locale) }),
      );
    lines.push({ text: parts.join(', '), size: FONT.detail, colour: COLOUR.muted });
  }
  const severity = facts.severityOf(zone.id);
  return {
    id: `z:${zone.id}`,
    kind: 'zone',
    entity: zone.id,
    lines,
    style: {
      fill: TRUST_FILL[trust] ?? COLOUR.boxFill,
      stroke: TRUST_STROKE[trust] ?? COLOUR.boxStroke,
      ...(severity === 'none' ? {} : { dot: SEVERITY_COLOUR[severity] }),
    },
    children,
  };
}

export interface Tree {
  readonly nodes: SceneNode[];
  /** Scene node of each endpoint inside the view (asset or zone). */
  readonly inside: Map<string, string>;
  /** Site box around each zone node (when zones are grouped by site). */
  readonly siteBox: Map<string, string>;
}

/** Zones nested as in the model, assets inside (or counted), grouped by site in the full view. */
export function buildTree(facts: Facts, scope: Scope, aggregated: boolean, counts: Counts): Tree {
  const { graph } = facts;
  const locale = facts.input.locale;
  const inside = new Map<string, string>();
  const siteBox = new Map<string, string>();
  const childZones = new Map<string | undefined, Zone[]>();
  for (const zone of scope.zones) {
    const parent =
      zone.parent !== undefined && scope.zoneIds.has(zone.parent) ? zone.parent : undefined;
    childZones.set(parent, [...(childZones.get(parent) ?? []), zone]);
  }
  const assetsIn = new Map<string | undefined, Asset[]>();
  for (const asset of scope.assets) {
    const zone = asset.zone !== undefined && scope.zoneIds.has(asset.zone) ? asset.zone : undefined;
    assetsIn.set(zone, [...(assetsIn.get(zone) ?? []), asset]);
  }
  const emitted = new Set<string>();
  const emit = (zone: Zone): SceneNode => {
    emitted.add(zone.id);
    inside.set(zone.id, `z:${zone.id}`);
    const subZones = (childZones.get(zone.id) ?? []).filter((z) => !emitted.has(z.id)).map(emit);
    const assets = assetsIn.get(zone.id) ?? [];
    for (const asset of assets) inside.set(asset.id, aggregated ? `z:${zone.id}` : `a:${asset.id}`);
    const leaves = aggregated ? [] : assets.map((asset) => assetNode(facts, asset));
    return zoneNode(facts, zone, [...subZones, ...leaves], aggregated ? counts : undefined);
  };
  const roots = (childZones.get(undefined) ?? []).map(emit);
  // zones caught in a parent cycle have no root: draw them at the top level
  for (const zone of scope.zones) if (!emitted.has(zone.id)) roots.push(emit(zone));

  const loose = assetsIn.get(undefined) ?? [];
  if (loose.length > 0) {
    for (const asset of loose) inside.set(asset.id, aggregated ? 'u:' : `a:${asset.id}`);
    roots.push({
      id: 'u:',
      kind: 'unzoned',
      lines: [
        { text: say(TEXT.noZone, locale), size: FONT.group, weight: 'bold' },
        ...(aggregated
          ? [
              {
                text: assetCount(loose.length, locale),
                size: FONT.detail,
                colour: COLOUR.muted,
              },
            ]
          : []),
      ],
      style: {
        fill: TRUST_FILL.unknown ?? COLOUR.boxFill,
        stroke: COLOUR.outsideStroke,
        dash: '4 3',
      },
      children: aggregated ? [] : loose.map((asset) => assetNode(facts, asset)),
    });
  }

  const sites = facts.graph.model.sites;
  if (scope.kind !== 'all' || sites.length < 2) return { nodes: roots, inside, siteBox };
  // the full view of a multi-site organisation: top-level zones in their site's box
  const bySite = new Map<string, SceneNode[]>();
  const nodes: SceneNode[] = [];
  for (const root of roots) {
    const site = root.entity === undefined ? undefined : graph.siteOfZone(root.entity);
    if (site === undefined || graph.site(site) === undefined) nodes.push(root);
    else bySite.set(site, [...(bySite.get(site) ?? []), root]);
  }
  for (const site of [...sites].sort(byId)) {
    const children = bySite.get(site.id);
    if (children === undefined) continue;
    const box = `s:${site.id}`;
    const mark = (node: SceneNode): void => {
      siteBox.set(node.id, box);
      for (const child of node.children ?? []) mark(child);
    };
    children.forEach(mark);
    const detail = [
      say(TEXT.site, locale),
      ...(site.kind === undefined ? [] : [say(SITE_KIND_TEXT[site.kind], locale)]),
      ...(site.city === undefined ? [] : [site.city]),
    ].join(' · ');
    nodes.push({
      id: box,
      kind: 'site',
      entity: site.id,
      lines: [
        { text: nameOf(site), size: FONT.group, weight: 'bold' },
        { text: detail, size: FONT.detail, colour: COLOUR.muted },
      ],
      style: { fill: COLOUR.boxFill, stroke: COLOUR.siteStroke, dash: '5 3' },
      children,
    });
  }
  return { nodes, inside, siteBox };
}

/**
 * The given assets inside boxes of their zones (and the enclosing zones), for views that show a
 * selection of assets (a process); assets without a zone stay at the top level.
 */
export function nestInZones(
  facts: Facts,
  assets: readonly Asset[],
  leaf: (asset: Asset) => SceneNode,
): SceneNode[] {
  const { graph } = facts;
  const needed = new Set<string>();
  for (const asset of assets) {
    if (asset.zone === undefined || graph.zone(asset.zone) === undefined) continue;
    needed.add(asset.zone);
    for (const ancestor of graph.zoneAncestors(asset.zone)) needed.add(ancestor);
  }
  const zones = graph.model.zones.filter((z) => needed.has(z.id)).sort(byId);
  const emitted = new Set<string>();
  const emit = (zone: Zone): SceneNode => {
    emitted.add(zone.id);
    const sub = zones.filter((z) => z.parent === zone.id && !emitted.has(z.id)).map(emit);
    const own = assets.filter((a) => a.zone === zone.id).map(leaf);
    return zoneNode(facts, zone, [...sub, ...own], undefined);
  };
  const roots = zones.filter((z) => z.parent === undefined || !needed.has(z.parent)).map(emit);
  for (const zone of zones) if (!emitted.has(zone.id)) roots.push(emit(zone));
  const loose = assets.filter((a) => a.zone === undefined || !needed.has(a.zone)).map(leaf);
  return [...roots, ...loose];
}
