/**
 * The data-flow diagram of a business process: the assets it rests on (its own, where its data
 * is stored, their hosts) inside their zones, the flows between them labelled with the data
 * they carry, and the flows carrying the process's data to anything else (grey box).
 */
import { nameOf, type Asset, type Flow } from '../domain/model/index.js';
import { label } from '../model/predicates.js';
import type { Diagram } from '../presentation/diagram-provider.js';
import {
  assetLegend,
  assetNode,
  flowLabel,
  flowLegend,
  isEncrypted,
  severityColour,
  type Facts,
} from './facts.js';
import { fitText, textWidth } from './metrics.js';
import { drawScene, type LegendItem, type SceneEdge, type SceneNode } from './scene.js';
import { COLOUR, FONT } from './styles.js';
import { say, TEXT } from './texts.js';
import { byId, nestInZones } from './zone-tree.js';

/** Widest an edge label (the data carried) may be, in px. */
const LABEL_WIDTH = 130;

/** Ids of the zones drawn among the nodes. */
function zoneIds(nodes: readonly SceneNode[]): string[] {
  return nodes.flatMap((node) => [
    ...(node.kind === 'zone' && node.entity !== undefined ? [node.entity] : []),
    ...zoneIds(node.children ?? []),
  ]);
}

function edgeLabel(facts: Facts, flow: Flow): string {
  const names = (flow.data ?? []).map((id) => label(facts.graph, id));
  const [first] = names;
  if (first === undefined) return flowLabel(flow);
  const more = names.length > 1 ? ` +${String(names.length - 1)}` : '';
  return `${fitText(first, LABEL_WIDTH - textWidth(more, FONT.edge), FONT.edge)}${more}`;
}

function outsideBox(facts: Facts, assets: readonly Asset[], zones: readonly string[]): SceneNode {
  const { graph } = facts;
  const style = { fill: COLOUR.boxFill, stroke: COLOUR.outsideStroke };
  return {
    id: 'o:',
    kind: 'outside',
    lines: [
      { text: say(TEXT.outsideProcess, facts.input.locale), size: FONT.group, weight: 'bold' },
    ],
    style: { fill: COLOUR.outsideFill, stroke: COLOUR.outsideStroke, dash: '4 3' },
    children: [
      ...assets.map((asset) => ({
        ...assetNode(facts, asset, `o:a:${asset.id}`),
        kind: 'outside-asset',
        style,
      })),
      ...zones.map((id) => ({
        id: `o:z:${id}`,
        kind: 'outside-zone',
        entity: id,
        lines: [{ text: label(graph, id), size: FONT.name, weight: 'bold' as const }],
        style,
      })),
    ],
  };
}

/**
 * What the process itself rests on: its assets, where its data is stored, their hosts. The
 * processes it depends on have their own diagrams (the legend names them).
 */
function directSupport(facts: Facts, processId: string): { assets: string[]; data: string[] } {
  const { graph } = facts;
  const process = graph.process(processId);
  const data = (process?.data ?? []).filter((id) => graph.data(id) !== undefined);
  const assets = new Set<string>();
  const add = (id: string): void => {
    if (graph.asset(id) === undefined) return;
    assets.add(id);
    for (const host of graph.hostsOf(id)) assets.add(host);
  };
  for (const id of process?.assets ?? []) add(id);
  for (const id of data) for (const asset of graph.data(id)?.storedOn ?? []) add(asset);
  return { assets: [...assets].sort(), data: [...new Set(data)].sort() };
}

/** The data-flow diagram of one process. */
export async function processDiagram(
  facts: Facts,
  processId: string,
  heading: boolean,
): Promise<Diagram> {
  const { graph } = facts;
  const locale = facts.input.locale;
  const process = graph.process(processId);
  if (process === undefined) throw new Error(`unknown process ${processId}`);
  const support = directSupport(facts, processId);
  const supporting = new Set(support.assets);
  const data = new Set(support.data);
  const flows = [...graph.model.flows].sort(byId).filter((flow) => {
    const inside = [flow.from, flow.to].filter((id) => supporting.has(id)).length;
    const carries = (flow.data ?? []).some((id) => data.has(id));
    return inside === 2 || (inside === 1 && carries);
  });
  const assets = support.assets.flatMap((id) => graph.asset(id) ?? []);
  const nodes = nestInZones(facts, assets, (asset) => assetNode(facts, asset));
  const drawnZones = new Set(zoneIds(nodes));
  const outsideIds = new Set(
    flows.flatMap((f) => [f.from, f.to]).filter((id) => !supporting.has(id) && !drawnZones.has(id)),
  );
  const outsideAssets = [...outsideIds].flatMap((id) => graph.asset(id) ?? []).sort(byId);
  const outsideZones = [...outsideIds].filter((id) => graph.zone(id) !== undefined).sort();
  if (outsideAssets.length + outsideZones.length > 0)
    nodes.push(outsideBox(facts, outsideAssets, outsideZones));
  const nodeOf = (id: string): string => {
    if (supporting.has(id)) return `a:${id}`;
    if (drawnZones.has(id)) return `z:${id}`;
    return graph.asset(id) !== undefined ? `o:a:${id}` : `o:z:${id}`;
  };
  const edges: SceneEdge[] = flows.map((flow, i) => ({
    id: `f${String(i)}`,
    from: nodeOf(flow.from),
    to: nodeOf(flow.to),
    label: edgeLabel(facts, flow),
    colour: severityColour(facts.flowSeverity(flow)),
    dashed: !isEncrypted(flow),
    both: flow.bidirectional === true,
    flows: [flow.id],
  }));

  const name = nameOf(process);
  const objectives = say(TEXT.processObjectives, locale, {
    rto: process.rto ?? say(TEXT.notSet, locale),
    rpo: process.rpo ?? say(TEXT.notSet, locale),
  });
  const title = `${say(TEXT.processTitle, locale, { name })} (${objectives})`;
  const dataNames = support.data.map((id) => label(graph, id));
  const alt = say(TEXT.processAlt, locale, {
    name,
    assets: assets.length,
    flows: flows.length,
    clear: flows.filter((f) => !isEncrypted(f)).length,
    data: dataNames.length === 0 ? say(TEXT.none, locale) : dataNames.join(', '),
  });
  const legend: LegendItem[] = [
    ...flowLegend(locale),
    ...assetLegend(locale),
    { kind: 'text', label: say(TEXT.legendData, locale) },
  ];
  const dependsOn = (process.dependsOn ?? []).flatMap((id) => graph.process(id)?.name ?? []);
  if (dependsOn.length > 0)
    legend.push({
      kind: 'text',
      label: say(TEXT.dependsOn, locale, { names: dependsOn.join(', ') }),
    });
  if (outsideAssets.length + outsideZones.length > 0)
    legend.push({
      kind: 'box',
      label: say(TEXT.outsideProcess, locale),
      fill: COLOUR.outsideFill,
      stroke: COLOUR.outsideStroke,
      dash: '4 3',
    });
  const drawing = await drawScene({
    layout: 'packed',
    nodes,
    edges,
    legend,
    ...(heading ? { heading: title } : {}),
    title,
    description: alt,
  });
  return { ...drawing, title, alt: `${title}. ${alt}` };
}
