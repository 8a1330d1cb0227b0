import { hasDeclaredEncryption, nameOf, type Flow } from '../domain/model/index.js';
import type { ModelGraph } from './graph.js';

/** Nodes (zones, assets) and edges (flows) of the model's network picture, as plain data. */
export interface GraphExport {
  readonly nodes: readonly {
    readonly id: string;
    readonly kind: 'zone' | 'asset';
    readonly type: string;
    readonly label: string;
    readonly parent: string | undefined;
  }[];
  readonly edges: readonly {
    readonly id: string;
    readonly from: string;
    readonly to: string;
    readonly label: string;
    /**
     * True when the flow declares an encryption other than `none`; an undeclared one counts as
     * not encrypted (drawn dashed), as in the document diagrams.
     */
    readonly encrypted: boolean;
  }[];
}

const flowLabel = (flow: Flow): string =>
  flow.port === undefined ? flow.protocol : `${flow.protocol}/${flow.port}`;

export function exportGraph(graph: ModelGraph): GraphExport {
  const { model } = graph;
  return {
    nodes: [
      ...model.zones.map((z) => ({
        id: z.id,
        kind: 'zone' as const,
        type: z.kind,
        label: nameOf(z),
        parent: z.parent,
      })),
      ...model.assets.map((a) => ({
        id: a.id,
        kind: 'asset' as const,
        type: a.kind,
        label: nameOf(a),
        parent: a.zone,
      })),
    ],
    edges: model.flows.map((f) => ({
      id: f.id,
      from: f.from,
      to: f.to,
      label: flowLabel(f),
      encrypted: hasDeclaredEncryption(f),
    })),
  };
}

/** A DOT string; a newline becomes DOT's `\n` line break. */
const dotString = (text: string): string =>
  `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;

/** Graphviz DOT: zones as nested clusters, assets inside, flows as edges (dashed red: not declared encrypted). */
export function toDot(graph: ModelGraph): string {
  const data = exportGraph(graph);
  const lines = [
    'digraph vigie {',
    '  rankdir=LR;',
    '  node [shape=box, style=rounded, fontname="Helvetica"];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  const assetsIn = new Map<string | undefined, string[]>();
  for (const node of data.nodes) {
    if (node.kind !== 'asset') continue;
    const parent =
      node.parent !== undefined && graph.zone(node.parent) !== undefined ? node.parent : undefined;
    assetsIn.set(parent, [...(assetsIn.get(parent) ?? []), node.id]);
  }
  const label = new Map(data.nodes.map((n) => [n.id, n]));
  const emitZone = (zoneId: string, indent: string, seen: Set<string>): void => {
    if (seen.has(zoneId)) return;
    seen.add(zoneId);
    const zone = label.get(zoneId);
    lines.push(`${indent}subgraph ${dotString(`cluster_${zoneId}`)} {`);
    lines.push(`${indent}  label=${dotString(`${zone?.label ?? zoneId} (${zone?.type ?? ''})`)};`);
    lines.push(`${indent}  ${dotString(zoneId)} [shape=point, style=invis];`);
    for (const asset of assetsIn.get(zoneId) ?? []) {
      const node = label.get(asset);
      lines.push(
        `${indent}  ${dotString(asset)} [label=${dotString(`${node?.label ?? asset}\n${node?.type ?? ''}`)}];`,
      );
    }
    for (const child of graph.childZones(zoneId)) emitZone(child, `${indent}  `, seen);
    lines.push(`${indent}}`);
  };
  const seen = new Set<string>();
  for (const zone of graph.model.zones) {
    if (zone.parent === undefined || graph.zone(zone.parent) === undefined)
      emitZone(zone.id, '  ', seen);
  }
  for (const zone of graph.model.zones) emitZone(zone.id, '  ', seen);
  for (const asset of assetsIn.get(undefined) ?? []) {
    lines.push(`  ${dotString(asset)} [label=${dotString(label.get(asset)?.label ?? asset)}];`);
  }
  for (const edge of data.edges) {
    const style = edge.encrypted ? '' : ', style=dashed, color=red';
    lines.push(
      `  ${dotString(edge.from)} -> ${dotString(edge.to)} [label=${dotString(edge.label)}${style}];`,
    );
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** Prefixed so that no id can be a Mermaid keyword (`end`, `graph`…). */
const mermaidId = (id: string): string => `n_${id.replace(/-/g, '_')}`;
const mermaidText = (text: string): string => text.replace(/["\n]/g, ' ');

/** Mermaid flowchart: zones as nested subgraphs, flows as links (dotted: not declared encrypted). */
export function toMermaid(graph: ModelGraph): string {
  const data = exportGraph(graph);
  const lines = ['flowchart LR'];
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const seen = new Set<string>();
  const emitZone = (zoneId: string, indent: string): void => {
    if (seen.has(zoneId)) return;
    seen.add(zoneId);
    lines.push(
      `${indent}subgraph ${mermaidId(zoneId)}["${mermaidText(byId.get(zoneId)?.label ?? zoneId)}"]`,
    );
    for (const asset of graph.assetsOfZone(zoneId, false)) {
      lines.push(
        `${indent}  ${mermaidId(asset)}["${mermaidText(byId.get(asset)?.label ?? asset)}"]`,
      );
    }
    for (const child of graph.childZones(zoneId)) emitZone(child, `${indent}  `);
    lines.push(`${indent}end`);
  };
  for (const zone of graph.model.zones) {
    if (zone.parent === undefined || graph.zone(zone.parent) === undefined) emitZone(zone.id, '  ');
  }
  for (const zone of graph.model.zones) emitZone(zone.id, '  ');
  for (const asset of graph.model.assets) {
    if (asset.zone === undefined || graph.zone(asset.zone) === undefined) {
      lines.push(`  ${mermaidId(asset.id)}["${mermaidText(nameOf(asset))}"]`);
    }
  }
  for (const edge of data.edges) {
    const arrow = edge.encrypted ? '-->' : '-.->';
    lines.push(
      `  ${mermaidId(edge.from)} ${arrow}|"${mermaidText(edge.label)}"| ${mermaidId(edge.to)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
