import { describe, expect, it } from 'vitest';
import { exampleModel, modelFrom } from '../../../test/support/model.js';
import { text } from '../text.js';
import { analyseAttackPaths } from './analyze-paths.js';
import type { AttackNode } from './attack-graph.js';
import type { AttackStep } from './explain.js';
import { rankChokePoints } from './rank-choke-points.js';
import { COST_CLASSES } from './remedies.js';
import { technique } from './techniques.js';

const model = modelFrom(`
organisation: { name: Test }
zones:
  - { id: internet, kind: internet }
  - { id: dmz, kind: dmz }
  - { id: srv, kind: server }
assets:
  - { id: tse, kind: server, zone: dmz }
  - { id: erp, kind: application, zone: srv }
processes:
  - { id: sales, needs: { availability: 4 }, assets: [tse, erp] }
flows:
  - { id: f-pub, from: internet, to: tse, protocol: rdp, port: 3389 }
  - { id: f-app, from: tse, to: erp, protocol: https, port: 443 }
  - { id: f-none, from: internet, to: erp, protocol: icmp }
`).graph;

const node = (id: string): AttackNode => ({
  id,
  kind: 'flow',
  entity: id.slice('flow:'.length),
  cost: 1,
});
const path = (...elements: string[]): { steps: AttackStep[] } => ({
  steps: [
    {
      from: 'internet',
      to: 'erp',
      kind: 'flow',
      via: 'f',
      probability: 0.5,
      technique: technique('T1190'),
      explanation: text('', ''),
      elements,
    },
  ],
});
const rank = (paths: { steps: AttackStep[] }[]) =>
  rankChokePoints({
    model,
    nodeOf: (id) => (id.startsWith('flow:') ? node(id) : undefined),
    cuts: [
      { target: 'erp', elements: ['flow:f-app', 'flow:f-none'] },
      { target: 'tse', elements: ['flow:f-pub'] },
    ],
    overall: new Set(),
    paths,
  });

describe('rankChokePoints', () => {
  it('puts a business flow after a cheaper element that cuts the same paths', () => {
    const points = rank([path('flow:f-pub'), path('flow:f-pub', 'flow:f-app')]);
    expect(points.map((p) => [p.id, p.cost, p.pathsCut, p.cheaperAlternative])).toEqual([
      ['flow:f-pub', 'configuration', 2, undefined],
      ['flow:f-app', 'business-flow', 1, 'flow:f-pub'],
    ]);
    expect(points[1]?.action.en).toContain('sales depends on it');
    expect(points[1]?.action.fr).toContain('en dépend');
    expect(points[1]?.explanation.en).toContain('flow:f-pub cuts the same paths for less');
  });

  it('drops elements that cut no path', () => {
    const points = rank([path('flow:f-pub')]);
    expect(points.map((p) => p.id)).toEqual(['flow:f-pub']);
  });

  it('weighs paths cut against cost when no cheaper element replaces one', () => {
    // f-app cuts 3 paths, two of which nothing cheaper cuts; f-pub cuts 2
    const points = rank([
      path('flow:f-pub'),
      path('flow:f-pub'),
      path('flow:f-app'),
      path('flow:f-app'),
      path('flow:f-pub', 'flow:f-app'),
    ]);
    expect(points.map((p) => [p.id, p.pathsCut, p.cheaperAlternative])).toEqual([
      ['flow:f-pub', 3, undefined],
      ['flow:f-app', 3, undefined],
    ]);
    const more = rank([
      path('flow:f-pub'),
      path('flow:f-app'),
      path('flow:f-app'),
      path('flow:f-app'),
      path('flow:f-app'),
    ]);
    // four paths for a business flow weigh half of one for a configuration change
    expect(more.map((p) => p.id)).toEqual(['flow:f-pub', 'flow:f-app']);
  });
});

describe('choke points of the demo', () => {
  const result = analyseAttackPaths(exampleModel('forges-de-l-est').graph, { today: '2026-11-28' });

  it('each cuts a path, has a cost class and an action in both languages', () => {
    expect(result.chokePoints.length).toBeGreaterThan(0);
    for (const point of result.chokePoints) {
      expect(point.pathsCut).toBeGreaterThan(0);
      expect(COST_CLASSES).toContain(point.cost);
      expect(point.action.en).not.toBe('');
      expect(point.action.fr).not.toBe(point.action.en);
    }
  });

  it('never ranks a business flow above a cheaper element cutting the same paths', () => {
    const index = new Map(result.chokePoints.map((p, i) => [p.id, i]));
    const business = result.chokePoints.filter((p) => p.cost === 'business-flow');
    expect(business.length).toBeGreaterThan(0);
    for (const point of business) {
      if (point.cheaperAlternative === undefined) continue;
      const cheaper = index.get(point.cheaperAlternative);
      if (cheaper !== undefined) expect(cheaper).toBeLessThan(index.get(point.id) ?? -1);
    }
    expect(result.chokePoints[0]?.cost).not.toBe('business-flow');
  });
});
