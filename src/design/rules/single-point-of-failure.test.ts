import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { singlePointOfFailure } from './single-point-of-failure.js';

const base = `
organisation: { name: Test }
zones: [{ id: srv, kind: server }, { id: ot, kind: ot }]
assets:
  - { id: mes, kind: server, zone: srv, redundancy: { mode: none } }
  - { id: plc, kind: plc, zone: ot }
  - { id: hyp-a, kind: hypervisor, zone: srv, redundancy: { mode: cluster, with: [hyp-b] } }
  - { id: hyp-b, kind: hypervisor, zone: srv, redundancy: { mode: cluster, with: [hyp-a] } }
  - { id: hyp-solo, kind: hypervisor, zone: srv }
  - { id: vm-ha, kind: virtual-machine, zone: srv, hostedOn: hyp-a }
  - { id: vm-solo, kind: virtual-machine, zone: srv, hostedOn: hyp-solo }
  - { id: db, kind: database, zone: srv, redundancy: { mode: active-passive } }
  - { id: pcs, kind: server, zone: srv, count: 2 }
data: [{ id: lots, storedOn: [db] }]
`;

describe('single-point-of-failure', () => {
  it('fires on unredundant assets of an availability-critical process, hosts included', () => {
    const findings = runRule(
      singlePointOfFailure,
      `${base}processes: [{ id: prod, name: Production, needs: { availability: 4 }, assets: [mes, plc, vm-ha, vm-solo, pcs], data: [lots] }]\n`,
    );
    expect(findings.map((f) => [f.id, f.impact, f.severity])).toEqual([
      ['single-point-of-failure@hyp-solo', 4, 'medium'],
      ['single-point-of-failure@mes', 4, 'medium'],
      ['single-point-of-failure@vm-solo', 4, 'medium'],
    ]);
    expect(findings[0]?.subjects).toEqual(['hyp-solo', 'prod', 'vm-solo']);
    expect(findings[0]?.detail).toBe(
      'hyp-solo has no redundancy declared; processes relying on it through vm-solo: prod.',
    );
    expect(findings[1]?.detail).toBe(
      'mes has no redundancy (mode none); processes relying on it: prod.',
    );
  });

  it('stays silent for processes whose availability need is below 3', () => {
    const findings = runRule(
      singlePointOfFailure,
      `${base}processes: [{ id: compta, needs: { availability: 2 }, assets: [mes, vm-solo] }]\n`,
    );
    expect(findings).toEqual([]);
  });

  it('finds the single MES and SCADA of the demo production', () => {
    const findings = runRule(singlePointOfFailure, exampleModel('forges-de-l-est'));
    for (const id of ['srv-mes', 'scada-usine'])
      expect(findings.find((f) => f.subjects[0] === id)?.subjects).toContain('proc-production');
    const ids = findings.map((f) => f.subjects[0]);
    expect(ids).not.toContain('srv-ad-01');
    expect(ids).not.toContain('srv-erp');
    expect(ids).not.toContain('plc-presse-01');
  });
});
