import { describe, expect, it } from 'vitest';
import { modelFrom } from '../../../test/support/model.js';
import { simulateScenario } from './simulate.js';

/**
 * Acme Maintenance (third party acme-tech, also a contractor contact) maintains plc through
 * remote support (only it recovers plc), provides scada (rebuilt in-house in 8 h) and hosts
 * cloud (exit plan, 1 day), whose backup is kept at Acme.
 */
const model = `
organisation:
  name: Test
  continuity:
    contacts: [{ name: Acme Maintenance, kind: contractor }]
identities:
  - { id: acme-tech, kind: third-party, name: Acme technician, company: Acme Maintenance }
assets:
  - { id: plc, kind: plc, remoteSupport: [{ tool: teamviewer, by: acme-tech }], recovery: { method: supplier, duration: 1d } }
  - { id: scada, kind: scada, provider: Acme Maintenance, recovery: { method: rebuild, duration: 8h } }
  - { id: cloud, kind: saas, provider: Acme Maintenance, recovery: { exitPlan: X-1, duration: 1d } }
  - { id: other, kind: server }
backups: [{ id: b1, protects: [cloud], provider: acme maintenance, frequency: 1d }]
processes:
  - { id: prod, rto: 1d, assets: [plc, scada] }
  - { id: sup, rto: 12h, assets: [scada] }
  - { id: back, rto: 1h, assets: [other] }
`;

describe('supplier', () => {
  const { graph } = modelFrom(model);

  for (const target of ['acme-tech', 'Acme Maintenance']) {
    it(`finds what ${target} provides or maintains`, () => {
      const result = simulateScenario(graph, { kind: 'supplier', target });
      expect(result.lost).toEqual([
        { asset: 'cloud', cause: 'supplier', via: target },
        { asset: 'plc', cause: 'supplier', via: target },
        { asset: 'scada', cause: 'supplier', via: target },
      ]);
      // cloud's only backup is kept at Acme: its data is lost with it
      // plc only Acme recovers; cloud Acme runs (recovered by its supplier)
      expect(result.missing.map((m) => [m.code, m.subjects])).toEqual([
        ['to-take-over', ['cloud', 'plc']],
        ['no-alternative-supplier', ['plc']],
        ['no-surviving-backup', ['cloud']],
      ]);
      expect(result.backups.map((b) => [b.backup, b.survives, b.reason.en])).toEqual([
        ['b1', false, 'Kept at the lost supplier.'],
      ]);
      // one team: scada first (sup, RTO 12 h): 8 h
      expect(result.processes.find((p) => p.process === 'sup')).toMatchObject({
        achievable: 480,
        rtoStatus: 'met',
      });
      expect(result.processes.find((p) => p.process === 'prod')?.rtoStatus).toBe('unrecoverable');
      expect(result.processes.find((p) => p.process === 'back')?.impacted).toBe(false);
      expect(result.runbook.find((s) => s.asset === 'scada')?.action.fr).toBe(
        'Rétablir scada en interne, sans l’aide du fournisseur',
      );
    });
  }

  it('removes its people from the recovery teams and lists what to take over', () => {
    const { graph: g } = modelFrom(`
organisation:
  name: Test
  continuity:
    teams:
      - { id: it, name: IT, members: [me], parallel: 2 }
      - { id: msp, name: Managed services, members: [msp-tech], parallel: 2 }
      - { id: mixed, name: Mixed, members: [me, msp-tech] }
identities:
  - { id: me, kind: person }
  - { id: msp-tech, kind: third-party, name: MSP engineer, company: Outsourcing Ltd, rights: [{ on: fw, level: admin }, { on: srv, level: user }] }
assets:
  - { id: hv, kind: hypervisor, remoteSupport: [{ tool: teamviewer, by: msp-tech }], recovery: { method: rebuild, duration: 2h, team: msp } }
  - { id: srv, name: Server, kind: server, recovery: { team: msp } }
  - { id: fw, name: Firewall, kind: firewall }
  - { id: a, kind: virtual-machine, recovery: { method: rebuild, duration: 1h } }
  - { id: b, kind: virtual-machine, recovery: { method: rebuild, duration: 1h } }
processes: [{ id: p, rto: 1d, assets: [hv] }]
`);
    const result = simulateScenario(g, { kind: 'supplier', target: 'Outsourcing Ltd' });
    // 5 slots declared (it ×2, msp ×2, mixed): msp is gone, mixed keeps me → 3 left
    expect(result.plan.teams).toBe(3);
    expect(result.missing.find((m) => m.code === 'recovery-team-lost')).toMatchObject({
      severity: 'high',
      subjects: ['msp'],
      message: {
        en: 'Managed services relies on Outsourcing Ltd alone: the recovery runs with 3 of 5 parallel task(s).',
      },
    });
    // hv (its team, remote support), srv (its team), fw (admin right); not a or b
    expect(result.missing.find((m) => m.code === 'to-take-over')?.subjects).toEqual([
      'fw',
      'hv',
      'srv',
    ]);
    expect(result.lost.map((l) => l.asset)).toEqual(['hv']);
    // with --teams 4, the 2 slots of msp are taken off
    expect(
      simulateScenario(g, { kind: 'supplier', target: 'msp-tech' }, { teams: 4 }).plan.teams,
    ).toBe(2);
  });

  it('reports an unknown supplier as an error', () => {
    expect(simulateScenario(graph, { kind: 'supplier', target: 'Globex' }).error).toBeDefined();
  });
});
