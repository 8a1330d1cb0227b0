import { describe, expect, it } from 'vitest';
import { measureAll, type SceneEdge, type SceneNode } from './measure.js';
import { pack, type PlacedBox } from './pack.js';
import { routeEdges } from './route.js';

const style = { fill: '#fff', stroke: '#000' };
const leaf = (id: string, name = `Asset ${id}`): SceneNode => ({
  id,
  kind: 'asset',
  lines: [{ text: name, size: 11, maxLines: 2 }],
  style,
});
const group = (id: string, children: SceneNode[]): SceneNode => ({
  id,
  kind: 'zone',
  lines: [{ text: `Zone ${id}`, size: 11.5, weight: 'bold' }],
  style,
  children,
});

const nodes = [
  group('z1', [leaf('a1'), leaf('a2', 'A much longer asset name that wraps'), leaf('a3')]),
  group('z2', [group('z21', [leaf('b1'), leaf('b2')]), leaf('b3')]),
  leaf('c1'),
];
const edges: SceneEdge[] = [
  ['a1', 'b1'],
  ['a3', 'b2'],
  ['c1', 'a2'],
  ['b3', 'a1'],
  ['a1', 'b1'],
].map(([from = '', to = ''], i) => ({
  id: `e${String(i)}`,
  from,
  to,
  colour: '#000',
  dashed: false,
  both: false,
}));

const inside = (inner: PlacedBox, outer: PlacedBox): boolean =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

const overlap = (a: PlacedBox, b: PlacedBox): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('pack', () => {
  const measured = measureAll(nodes);
  const packed = pack(nodes, measured, 700);
  const box = (id: string): PlacedBox => {
    const found = packed.boxes.find((b) => b.m.node.id === id);
    if (found === undefined) throw new Error(id);
    return found;
  };

  it('places every node, children inside their group, siblings apart', () => {
    expect(packed.boxes.map((b) => b.m.node.id).sort()).toEqual(
      ['a1', 'a2', 'a3', 'b1', 'b2', 'b3', 'c1', 'z1', 'z2', 'z21'].sort(),
    );
    for (const id of ['a1', 'a2', 'a3']) expect(inside(box(id), box('z1'))).toBe(true);
    for (const id of ['b1', 'b2']) expect(inside(box(id), box('z21'))).toBe(true);
    expect(inside(box('z21'), box('z2'))).toBe(true);
    const leaves = packed.boxes.filter((b) => !b.m.group);
    for (const a of leaves) for (const b of leaves) if (a !== b) expect(overlap(a, b)).toBe(false);
    expect(overlap(box('z1'), box('z2'))).toBe(false);
  });

  it('keeps to the width asked for', () => {
    expect(packed.width).toBeLessThanOrEqual(700);
    expect(pack(nodes, measured, 400).height).toBeGreaterThan(packed.height);
  });

  it('routes orthogonal edges from border to border around the boxes', () => {
    const routes = routeEdges(packed.boxes, edges, packed.width, packed.height);
    expect(routes).toHaveLength(edges.length);
    const solids = packed.boxes.filter((b) => !b.m.group);
    for (const { edge, points } of routes) {
      const from = box(edge.from);
      const to = box(edge.to);
      const first = points[0];
      const last = points[points.length - 1];
      const onBorder = (p: { x: number; y: number } | undefined, b: PlacedBox): boolean =>
        p !== undefined &&
        (((p.x === b.x || p.x === b.x + b.width) && p.y >= b.y && p.y <= b.y + b.height) ||
          ((p.y === b.y || p.y === b.y + b.height) && p.x >= b.x && p.x <= b.x + b.width));
      expect(onBorder(first, from)).toBe(true);
      expect(onBorder(last, to)).toBe(true);
      for (let i = 1; i < points.length; i += 1) {
        const a = points[i - 1];
        const b = points[i];
        if (a === undefined || b === undefined) continue;
        expect(a.x === b.x || a.y === b.y).toBe(true);
        // sample the segment: no point strictly inside a box
        for (let t = 0; t <= 1; t += 0.05) {
          const x = a.x + (b.x - a.x) * t;
          const y = a.y + (b.y - a.y) * t;
          for (const s of solids) {
            const strictly =
              x > s.x + 1 && x < s.x + s.width - 1 && y > s.y + 1 && y < s.y + s.height - 1;
            expect(strictly).toBe(false);
          }
        }
      }
    }
    // the two parallel edges a1 → b1 take different tracks
    const [one, two] = routes.filter((r) => r.edge.from === 'a1' && r.edge.to === 'b1');
    expect(JSON.stringify(one?.points)).not.toBe(JSON.stringify(two?.points));
  });
});
