import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../i18n/index.js';
import { loadModel } from '../load.js';
import { recoveryDurationImplausible } from './recovery-duration-implausible.js';
import { scenarioTargetUnknown } from './scenario-target-unknown.js';

const graphOf = (text: string) =>
  loadModel([{ file: 'm.yaml', text }], { t: createTranslator('en') }).graph;

describe('scenario-target-unknown per kind', () => {
  const base = `
organisation:
  name: T
  continuity:
    contacts: [{ name: Acme Services, kind: contractor }]
    scenarios:
      - { id: s1, scenario: 'ransomware:pc' }
      - { id: s2, scenario: 'ransomware:ghost' }
      - { id: s3, scenario: 'provider:Nimbus' }
      - { id: s4, scenario: 'provider:Globex' }
      - { id: s5, scenario: 'supplier:vendor' }
      - { id: s6, scenario: 'directory' }
      - { id: s7, scenario: 'directory:dc' }
      - { id: s8, scenario: 'site-loss:mars' }
assets:
  - { id: pc, kind: workstation }
  - { id: crm, kind: saas, provider: Nimbus }
  - { id: dc, kind: directory }
identities:
  - { id: vendor, kind: third-party }
`;
  it('accepts declared targets and reports the others, at their index', () => {
    const hits = scenarioTargetUnknown.run(graphOf(base));
    expect(hits.map((h) => [h.path[2], h.params['target']])).toEqual([
      [1, 'ghost'],
      [3, 'Globex'],
      [7, 'mars'],
    ]);
  });
});

describe('recovery-duration-implausible', () => {
  it('reports over a year and zero work, not a zero failover', () => {
    const graph = graphOf(`
organisation: { name: T }
assets:
  - { id: a, kind: server, repairTime: 2y }
  - { id: b, kind: server, recovery: { duration: 400d } }
  - { id: c, kind: server, recovery: { duration: '0' } }
  - { id: d, kind: server, recovery: { method: failover, duration: '0' } }
  - { id: e, kind: server, recovery: { duration: 1y }, repairTime: 52w }
`);
    expect(recoveryDurationImplausible.run(graph).map((h) => [h.entity, h.path.join('.')])).toEqual(
      [
        ['a', 'repairTime'],
        ['b', 'recovery.duration'],
        ['c', 'recovery.duration'],
      ],
    );
  });
});
