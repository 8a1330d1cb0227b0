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
      'hyp-solo has no redundancy declared; processes relying on it through vm-solo: prod. Repair or replacement: 2 days (assumed for kind hypervisor: declare repairTime); no RTO stated to weigh it against.',
    );
    expect(findings[1]?.detail).toBe(
      'mes has no redundancy (mode none); processes relying on it: prod. Repair or replacement: 2 days (assumed for kind server: declare repairTime); no RTO stated to weigh it against.',
    );
  });

  it('weighs the repair time against the RTO and MTPD of the most demanding process', () => {
    const model = (repair: string, processes: string): string => `
organisation: { name: Test }
zones: [{ id: srv, kind: server }]
assets:
  - { id: erp, kind: server, zone: srv${repair} }
processes:
${processes}`;
    const severity = (repair: string, processes: string): [string, string | undefined] => {
      const findings = runRule(singlePointOfFailure, model(repair, processes));
      expect(findings.map((f) => f.id)).toEqual(['single-point-of-failure@erp']);
      return [findings[0]?.severity ?? '', findings[0]?.detail];
    };
    // declared repair time within the RTO: low
    expect(
      severity(
        ', repairTime: 4h',
        '  - { id: sales, needs: { availability: 3 }, rto: 1d, assets: [erp] }\n',
      ),
    ).toEqual([
      'low',
      'erp has no redundancy declared; processes relying on it: sales. Repair or replacement: 4 hours (declared), within the RTO of 1 day of sales.',
    ]);
    // default repair time (2 days for a server) beyond the RTO: high
    expect(
      severity('', '  - { id: sales, needs: { availability: 3 }, rto: 1d, assets: [erp] }\n'),
    ).toEqual([
      'high',
      'erp has no redundancy declared; processes relying on it: sales. Repair or replacement: 2 days (assumed for kind server: declare repairTime), beyond the RTO of 1 day of sales.',
    ]);
    // beyond the MTPD: critical, and the most demanding process is named
    expect(
      severity(
        ', repairTime: 5d',
        '  - { id: billing, needs: { availability: 3 }, rto: 1w, assets: [erp] }\n  - { id: sales, needs: { availability: 3 }, rto: 1d, mtpd: 3d, assets: [erp] }\n',
      ),
    ).toEqual([
      'critical',
      'erp has no redundancy declared; processes relying on it: billing, sales. Repair or replacement: 5 days (declared), beyond the maximum tolerable period of disruption of 3 days of sales.',
    ]);
    // a critical process (availability 4) whose RTO is exceeded: critical
    expect(
      severity(
        ', repairTime: 2d',
        '  - { id: sales, needs: { availability: 4 }, rto: 1d, assets: [erp] }\n',
      )[0],
    ).toBe('critical');
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
