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
      expect(result.missing.map((m) => [m.code, m.subjects])).toEqual([
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

  it('reports an unknown supplier as an error', () => {
    expect(simulateScenario(graph, { kind: 'supplier', target: 'Globex' }).error).toBeDefined();
  });
});
