/**
 * A scene laid out by ELK's layered algorithm (groups as compound nodes, orthogonal edges with
 * their labels placed by ELK). Used for chains, which it draws best, wrapped into rows when long.
 */
import { layeredOptions, layoutGraph, type ElkExtendedEdge, type ElkNode } from './layout.js';
import type { Measured, Scene, SceneEdge, SceneNode } from './measure.js';
import { textWidth } from './metrics.js';
import type { PlacedBox } from './pack.js';
import type { Laid } from './scene.js';
import { FONT, LINE, SPACING } from './styles.js';

function toElk(node: SceneNode, measured: ReadonlyMap<string, Measured>): ElkNode {
  const m = measured.get(node.id);
  const width = m?.width ?? 0;
  const height = m?.height ?? 0;
  const children = node.children ?? [];
  if (children.length === 0) return { id: node.id, width, height };
  const pad = SPACING.group;
  return {
    id: node.id,
    layoutOptions: {
      'elk.padding': `[top=${String(Math.ceil((m?.textHeight ?? 0) + pad + 6))},left=${String(pad)},bottom=${String(pad)},right=${String(pad)}]`,
      'elk.nodeSize.constraints': '[MINIMUM_SIZE]',
      'elk.nodeSize.minimum': `(${String(width)}, ${String(height)})`,
    },
    children: children.map((child) => toElk(child, measured)),
  };
}

function edgeToElk(edge: SceneEdge): ElkExtendedEdge {
  return {
    id: edge.id,
    sources: [edge.from],
    targets: [edge.to],
    ...(edge.label === undefined
      ? {}
      : {
          labels: [
            {
              text: edge.label,
              width: Math.ceil(textWidth(edge.label, FONT.edge) + 6),
              height: Math.ceil(FONT.edge * LINE),
            },
          ],
        }),
  };
}

function collect(
  node: ElkNode,
  measured: ReadonlyMap<string, Measured>,
  depth: number,
  out: PlacedBox[],
): void {
  const m = measured.get(node.id);
  if (m !== undefined) {
    out.push({
      m,
      x: node.x ?? 0,
      y: node.y ?? 0,
      width: node.width ?? 0,
      height: node.height ?? 0,
      depth,
    });
  }
  for (const child of node.children ?? []) collect(child, measured, depth + 1, out);
}

export async function layeredLayout(
  scene: Scene,
  measured: ReadonlyMap<string, Measured>,
): Promise<Laid> {
  const root: ElkNode = {
    id: 'root',
    layoutOptions: { ...layeredOptions(scene.direction ?? 'RIGHT'), ...scene.options },
    children: scene.nodes.map((node) => toElk(node, measured)),
    edges: scene.edges.map(edgeToElk),
  };
  const laid = await layoutGraph(root);
  const placed: PlacedBox[] = [];
  for (const child of laid.children ?? []) collect(child, measured, 0, placed);
  const byId = new Map(scene.edges.map((e) => [e.id, e]));
  const edges: Laid['edges'][number][] = [];
  for (const result of laid.edges ?? []) {
    const edge = byId.get(result.id);
    const section = result.sections?.[0];
    if (edge === undefined || section === undefined) continue;
    const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint];
    const label = result.labels?.[0];
    edges.push({
      edge,
      points,
      ...(label?.text === undefined
        ? {}
        : {
            label: {
              text: label.text,
              x: label.x ?? 0,
              y: label.y ?? 0,
              width: label.width ?? 0,
              height: label.height ?? 0,
            },
          }),
    });
  }
  return {
    boxes: [...placed.filter((b) => b.m.group), ...placed.filter((b) => !b.m.group)],
    edges,
    width: laid.width ?? 0,
    height: laid.height ?? 0,
  };
}
