/**
 * The elkjs wrapper: ELK's layered algorithm (Sugiyama) with hierarchy handling and orthogonal
 * routing, in-process (the bundled build, no worker). Used for chains (attack paths), which it
 * lays out best, wrapped into rows. Nested zones with many cross-links are packed and routed by
 * `pack.ts`/`route.ts` instead: ELK's layered layout of them ran several times wider than an A4
 * page. Deterministic: fixed seed, inputs in the order given, coordinates relative to the root.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk.bundled.js';
import { SPACING } from './styles.js';

export type { ElkExtendedEdge, ElkNode };

// The bundled build is CommonJS: its constructor is both `module.exports` and its `default`
// property; the typings describe the latter.
const ElkConstructor = ELK.default;

let engine: InstanceType<typeof ElkConstructor> | undefined;

export type Direction = 'RIGHT' | 'DOWN';

/** The options every diagram shares; `direction` is the flow of the layers. */
export function layeredOptions(direction: Direction): LayoutOptions {
  return {
    'elk.algorithm': 'layered',
    'elk.direction': direction,
    'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
    'elk.edgeRouting': 'ORTHOGONAL',
    'elk.randomSeed': '1',
    'elk.json.edgeCoords': 'ROOT',
    'elk.json.shapeCoords': 'ROOT',
    'elk.spacing.nodeNode': String(SPACING.node),
    'elk.layered.spacing.nodeNodeBetweenLayers': String(SPACING.layer),
    'elk.spacing.edgeEdge': String(SPACING.edge),
    'elk.layered.spacing.edgeEdgeBetweenLayers': String(SPACING.edge),
    'elk.spacing.edgeNode': String(SPACING.edge),
    'elk.layered.spacing.edgeNodeBetweenLayers': String(SPACING.edge),
    'elk.spacing.edgeLabel': '2',
    'elk.spacing.labelNode': '4',
    'elk.spacing.componentComponent': String(SPACING.layer),
    'elk.edgeLabels.placement': 'CENTER',
    'elk.layered.edgeLabels.sideSelection': 'SMART_DOWN',
    'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    'elk.layered.crossingMinimization.forceNodeModelOrder': 'false',
    'elk.separateConnectedComponents': 'true',
    'elk.padding': `[top=${String(SPACING.margin)},left=${String(SPACING.margin)},bottom=${String(SPACING.margin)},right=${String(SPACING.margin)}]`,
  };
}

/** Lays a graph out; every node and edge gets root-relative coordinates. */
export async function layoutGraph(graph: ElkNode): Promise<ElkNode> {
  engine ??= new ElkConstructor();
  return engine.layout(graph);
}
