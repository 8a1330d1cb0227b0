/**
 * The network/zone diagram: zones as nested boxes (grouped by site), assets inside, flows as
 * edges (solid when encrypted, dashed otherwise, coloured by the worst open finding). Restricted
 * to a site or a zone, what lies outside appears in a grey box. Above `maxAssets` assets, zones
 * are drawn alone with their counts and flows are aggregated per pair of zones (and per pair of
 * sites when even that is too many): a 10,000-asset model is drawn as a few dozen boxes.
 */
import { nameOf, type Flow } from '../domain/model/index.js';
import type { Diagram, ZonesView } from '../presentation/diagram-provider.js';
import {
  assetLegend,
  assetNode,
  flowLegend,
  flowLabel,
  isEncrypted,
  severityColour,
  worst,
  type Facts,
  type Severity,
} from './facts.js';
import { drawScene, type LegendItem, type SceneEdge, type SceneNode } from './scene.js';
import { COLOUR, FONT, TRUST_FILL, TRUST_STROKE } from './styles.js';
import { count, say, TEXT, TRUST_SHORT, TRUST_TEXT, ZONE_KIND_TEXT } from './texts.js';
import { buildTree, byId, scopeOf, type Counts, type Scope, type Tree } from './zone-tree.js';

/** Default asset count above which zones are drawn without their assets. */
export const DEFAULT_MAX_ASSETS = 80;
/** Outside assets drawn one by one up to this many, then per zone. */
const OUTSIDE_ASSETS = 6;
/** Outside zones drawn one by one up to this many, then per site. */
const OUTSIDE_ZONES = 12;
/** Outside sites drawn one by one up to this many, then as one box. */
const OUTSIDE_SITES = 4;
/** Aggregated links drawn per pair of zones up to this many, then per pair of sites. */
const LINK_MAX = 120;
/** Flow labels (protocol/port) are drawn up to this many flows. */
const LABEL_MAX = 90;

type OutsideLevel = 'asset' | 'zone' | 'site' | 'all';

/** Scene node standing for an endpoint outside the view, at a level of detail. */
function outsideKey(facts: Facts, id: string, level: OutsideLevel): string | undefined {
  const { graph } = facts;
  const asset = graph.asset(id);
  const zone = graph.zone(id);
  if (asset === undefined && zone === undefined) return undefined;
  if (level === 'all') return 'o:*';
  if (level === 'asset') return asset !== undefined ? `o:a:${id}` : `o:z:${id}`;
  if (level === 'zone') {
    if (zone !== undefined) return `o:z:${id}`;
    if (asset?.zone !== undefined && graph.zone(asset.zone) !== undefined)
      return `o:z:${asset.zone}`;
  }
  const site = zone !== undefined ? graph.siteOfZone(id) : graph.siteOfAsset(id);
  return `o:s:${site ?? ''}`;
}

function outsideNode(facts: Facts, key: string, sites: number): SceneNode {
  const { graph } = facts;
  const locale = facts.input.locale;
  if (key === 'o:*') {
    return {
      id: key,
      kind: 'outside-all',
      lines: [
        { text: say(TEXT.elsewhere, locale), size: FONT.name, weight: 'bold', maxLines: 2 },
        {
          text: say(TEXT.elsewhereDetail, locale, { sites: count(sites, locale) }),
          size: FONT.detail,
          colour: COLOUR.muted,
        },
      ],
      style: { fill: COLOUR.boxFill, stroke: COLOUR.outsideStroke },
    };
  }
  const id = key.slice(4);
  const style = { fill: COLOUR.boxFill, stroke: COLOUR.outsideStroke };
  const asset = key.startsWith('o:a:') ? graph.asset(id) : undefined;
  if (asset !== undefined) return { ...assetNode(facts, asset, key), kind: 'outside-asset', style };
  const zone = key.startsWith('o:z:') ? graph.zone(id) : undefined;
  if (zone !== undefined) {
    const kind = say(ZONE_KIND_TEXT[zone.kind], locale);
    return {
      id: key,
      kind: 'outside-zone',
      entity: zone.id,
      lines: [
        { text: nameOf(zone), size: FONT.name, weight: 'bold', maxLines: 2 },
        {
          text:
            zone.trust === undefined ? kind : `${kind} · ${say(TRUST_TEXT[zone.trust], locale)}`,
          size: FONT.detail,
          colour: COLOUR.muted,
        },
      ],
      style,
    };
  }
  const site = graph.site(id);
  return {
    id: key,
    kind: 'outside-site',
    ...(site === undefined ? {} : { entity: site.id }),
    lines: [
      {
        text: site === undefined ? say(TEXT.noSite, locale) : nameOf(site),
        size: FONT.name,
        weight: 'bold',
        maxLines: 2,
      },
    ],
    style,
  };
}

interface Link {
  readonly from: string;
  readonly to: string;
  readonly flows: Flow[];
  forward: boolean;
  backward: boolean;
}

interface Edges {
  readonly edges: SceneEdge[];
  readonly outside: string[];
  /** Sites of the endpoints outside the view. */
  readonly outsideSites: number;
  readonly aggregatedLinks: number;
}

/** Flows as edges: one per flow between exact endpoints, one per pair of nodes otherwise. */
function buildEdges(
  facts: Facts,
  scope: Scope,
  tree: Tree,
  counts: Counts,
  aggregated: boolean,
): Edges {
  const { graph } = facts;
  const locale = facts.input.locale;
  const flows = [...graph.model.flows].sort(byId);
  const crossing = flows.flatMap((flow) => {
    const a = tree.inside.get(flow.from);
    const b = tree.inside.get(flow.to);
    return (a === undefined) !== (b === undefined) ? [a === undefined ? flow.from : flow.to] : [];
  });
  let level: OutsideLevel = scope.kind === 'site' && !aggregated ? 'asset' : 'zone';
  const distinct = (l: OutsideLevel): number =>
    new Set(crossing.map((id) => outsideKey(facts, id, l))).size;
  if (level === 'asset' && distinct('asset') > OUTSIDE_ASSETS) level = 'zone';
  if (level === 'zone' && distinct('zone') > OUTSIDE_ZONES) level = 'site';
  if (level === 'site' && distinct('site') > OUTSIDE_SITES) level = 'all';
  const resolve = (id: string): string | undefined =>
    tree.inside.get(id) ?? outsideKey(facts, id, level);
  const exact = (node: string, id: string): boolean =>
    node.endsWith(`:${id}`) &&
    !node.startsWith('o:s:') &&
    (node.startsWith('a:') || node.startsWith('o:a:') || graph.zone(id) !== undefined);

  const single: { flow: Flow; from: string; to: string }[] = [];
  const links = new Map<string, Link>();
  const outside = new Set<string>();
  for (const flow of flows) {
    const a = resolve(flow.from);
    const b = resolve(flow.to);
    if (a === undefined || b === undefined) continue;
    if (a.startsWith('o:') && b.startsWith('o:')) continue;
    if (a === b) {
      counts.internal.set(a, (counts.internal.get(a) ?? 0) + 1);
      continue;
    }
    for (const node of [a, b]) if (node.startsWith('o:')) outside.add(node);
    if (exact(a, flow.from) && exact(b, flow.to)) {
      single.push({ flow, from: a, to: b });
      continue;
    }
    addLink(links, a, b, flow);
  }
  // a link standing for one flow is drawn as that flow (its protocol, its encryption)
  for (const link of [...links.values()]) {
    const [flow] = link.flows;
    if (link.flows.length !== 1 || flow === undefined) continue;
    links.delete(`${link.from}|${link.to}`);
    const forward = link.forward;
    single.push({ flow, from: forward ? link.from : link.to, to: forward ? link.to : link.from });
  }
  let linkList = [...links.values()];
  if (linkList.length > LINK_MAX && tree.siteBox.size > 0) {
    const coarse = new Map<string, Link>();
    for (const link of linkList) {
      const a = tree.siteBox.get(link.from) ?? link.from;
      const b = tree.siteBox.get(link.to) ?? link.to;
      const from = a === b ? link.from : a;
      const to = a === b ? link.to : b;
      for (const flow of link.flows) addLink(coarse, from, to, flow, link.forward, link.backward);
    }
    linkList = [...coarse.values()];
  }
  const labels = single.length <= LABEL_MAX;
  const edges: SceneEdge[] = single.map(({ flow, from, to }, i) => ({
    id: `f${String(i)}`,
    from,
    to,
    ...(labels ? { label: flowLabel(flow) } : {}),
    colour: severityColour(facts.flowSeverity(flow)),
    dashed: !isEncrypted(flow),
    both: flow.bidirectional === true,
    flows: [flow.id],
  }));
  linkList.forEach((link, i) => {
    const clear = link.flows.filter((f) => !isEncrypted(f)).length;
    const severity = link.flows.reduce<Severity>((w, f) => worst(w, facts.flowSeverity(f)), 'none');
    const n = link.flows.length;
    edges.push({
      id: `l${String(i)}`,
      from: link.forward ? link.from : link.to,
      to: link.forward ? link.to : link.from,
      label: clear === 0 ? count(n, locale) : `${count(n, locale)} (${count(clear, locale)})`,
      colour: severityColour(severity),
      dashed: clear > 0,
      both: link.forward && link.backward,
      width: 1.2 + Math.min(1.6, Math.log10(n) * 0.8),
      flows: link.flows.map((f) => f.id),
    });
  });
  return {
    edges,
    outside: [...outside].sort(),
    outsideSites: distinct('site'),
    aggregatedLinks: linkList.length,
  };
}

function addLink(
  links: Map<string, Link>,
  a: string,
  b: string,
  flow: Flow,
  forward = true,
  backward = flow.bidirectional === true,
): void {
  const [from, to] = a < b ? [a, b] : [b, a];
  const key = `${from}|${to}`;
  const link = links.get(key) ?? { from, to, flows: [], forward: false, backward: false };
  link.flows.push(flow);
  if (a < b) {
    link.forward ||= forward;
    link.backward ||= backward;
  } else {
    link.forward ||= backward;
    link.backward ||= forward;
  }
  links.set(key, link);
}

function countAssets(facts: Facts, scope: Scope): Map<string, number> {
  const result = new Map<string, number>();
  for (const zone of scope.zones) result.set(zone.id, facts.graph.assetsOfZone(zone.id).length);
  return result;
}

function legendFor(
  facts: Facts,
  aggregated: boolean,
  links: number,
  outside: boolean,
  scope: Scope,
): LegendItem[] {
  const locale = facts.input.locale;
  const items: LegendItem[] = [...flowLegend(locale)];
  if (!aggregated) items.push(...assetLegend(locale));
  if (links > 0) items.push({ kind: 'text', label: say(TEXT.legendCount, locale) });
  items.push({ kind: 'text', label: say(TEXT.legendTrust, locale).trimEnd() });
  for (const trust of ['untrusted', 'low', 'medium', 'high'] as const) {
    items.push({
      kind: 'box',
      label: say(TRUST_SHORT[trust], locale),
      fill: TRUST_FILL[trust] ?? COLOUR.boxFill,
      stroke: TRUST_STROKE[trust] ?? COLOUR.boxStroke,
    });
  }
  if (outside)
    items.push({
      kind: 'box',
      label: say(scope.kind === 'site' ? TEXT.outsideSite : TEXT.outsideZone, locale),
      fill: COLOUR.outsideFill,
      stroke: COLOUR.outsideStroke,
      dash: '4 3',
    });
  return items;
}

function titleOf(facts: Facts, scope: Scope, aggregated: boolean): string {
  const locale = facts.input.locale;
  const name = { name: scope.name };
  switch (scope.kind) {
    case 'all':
      return say(aggregated ? TEXT.zonesAggregatedTitle : TEXT.zonesTitle, locale);
    case 'site':
      return say(aggregated ? TEXT.siteAggregatedTitle : TEXT.siteTitle, locale, name);
    case 'zone':
      return say(aggregated ? TEXT.zoneAggregatedTitle : TEXT.zoneTitle, locale, name);
  }
}

/** The zones diagram of a view. */
export async function zonesDiagram(
  facts: Facts,
  view: ZonesView,
  heading: boolean,
): Promise<Diagram> {
  const locale = facts.input.locale;
  const scope = scopeOf(facts, view);
  const aggregated = scope.assets.length > (view.maxAssets ?? DEFAULT_MAX_ASSETS);
  const counts: Counts = { assets: countAssets(facts, scope), internal: new Map() };
  // edges first: aggregated zone labels show the internal flows counted meanwhile
  const probe = buildTree(facts, scope, aggregated, counts);
  const { edges, outside, outsideSites, aggregatedLinks } = buildEdges(
    facts,
    scope,
    probe,
    counts,
    aggregated,
  );
  const tree = aggregated ? buildTree(facts, scope, aggregated, counts) : probe;
  const nodes = [...tree.nodes];
  if (outside.length > 0) {
    nodes.push({
      id: 'o:',
      kind: 'outside',
      lines: [
        {
          text: say(scope.kind === 'site' ? TEXT.outsideSite : TEXT.outsideZone, locale),
          size: FONT.group,
          weight: 'bold',
        },
      ],
      style: { fill: COLOUR.outsideFill, stroke: COLOUR.outsideStroke, dash: '4 3' },
      children: outside.map((key) => outsideNode(facts, key, outsideSites)),
    });
  }
  const title = titleOf(facts, scope, aggregated);
  const flowIds = edges.flatMap((e) => e.flows ?? []);
  const flowsDrawn = new Set(flowIds);
  const drawnFlows = facts.graph.model.flows.filter((f) => flowsDrawn.has(f.id));
  const clear = drawnFlows.filter((f) => !isEncrypted(f)).length;
  const severe = drawnFlows.filter((f) => {
    const s = facts.flowSeverity(f);
    return s === 'critical' || s === 'high';
  }).length;
  const values = {
    zones: count(scope.zones.length, locale),
    assets: count(scope.assets.length, locale),
    flows: count(drawnFlows.length, locale),
    clear: count(clear, locale),
    severe: count(severe, locale),
    links: count(edges.length, locale),
  };
  const alt = `${title}. ${say(aggregated ? TEXT.zonesAggregatedAlt : TEXT.zonesAlt, locale, values)}`;
  const drawing = await drawScene({
    layout: 'packed',
    ...(aggregated ? { gap: 64 } : {}),
    nodes,
    edges,
    legend: legendFor(facts, aggregated, aggregatedLinks, outside.length > 0, scope),
    ...(heading ? { heading: title } : {}),
    title,
    description: alt,
  });
  return { ...drawing, title, alt };
}
