import { describe, expect, it } from 'vitest';
import { modelFrom } from '../../../test/support/model.js';
import { simulateScenario } from './simulate.js';

/**
 * Provider Acme runs crm (exit plan EXIT-1, 2 days to move) and mail (spelt "acme", no exit
 * plan). A daily backup of crm is kept at ACME; a weekly export goes to erp, on premises.
 */
const model = `
organisation: { name: Test }
assets:
  - { id: crm, kind: saas, provider: Acme, recovery: { method: supplier, duration: 2d, exitPlan: EXIT-1 } }
  - { id: mail, kind: saas, provider: acme }
  - { id: erp, kind: server }
backups:
  - { id: b-acme, protects: [crm], provider: ACME, frequency: 1d }
  - { id: b-export, protects: [crm], target: erp, frequency: 1w }
processes:
  - { id: sales, rto: 3d, rpo: 1w, assets: [crm] }
  - { id: comms, rto: 1d, assets: [mail] }
  - { id: ops, rto: 1h, assets: [erp] }
`;

describe('provider', () => {
  const { graph } = modelFrom(model);

  it('loses every asset of the provider, its backups there, and flags the missing exit plan', () => {
    const result = simulateScenario(graph, { kind: 'provider', target: 'Acme' });
    expect(result.lost).toEqual([
      { asset: 'crm', cause: 'provider', via: 'Acme' },
      { asset: 'mail', cause: 'provider', via: 'Acme' },
    ]);
    expect(result.backups.map((b) => [b.backup, b.survives])).toEqual([
      ['b-acme', false],
      ['b-export', true],
    ]);
    expect(result.missing.map((m) => [m.code, m.subjects])).toEqual([['no-exit-plan', ['mail']]]);
    // one team: mail first (comms, RTO 1 d; default 4 h), then crm's 2-day exit plan
    expect(result.processes.find((p) => p.process === 'sales')).toMatchObject({
      achievable: 240 + 2880,
      rtoStatus: 'met',
      rpoStatus: 'met',
    });
    expect(result.processes.find((p) => p.process === 'comms')).toMatchObject({
      achievable: null,
      rtoStatus: 'unrecoverable',
    });
    expect(result.processes.find((p) => p.process === 'ops')?.impacted).toBe(false);
    expect(result.dataLoss.find((d) => d.entity === 'crm')).toBeUndefined(); // moved, not restored
    expect(result.runbook.find((s) => s.asset === 'crm')?.action.en).toBe(
      'Apply the exit plan of crm (EXIT-1): move its data and service elsewhere',
    );
  });

  it('takes an asset id as the target: that asset alone', () => {
    const result = simulateScenario(graph, { kind: 'provider', target: 'crm' });
    expect(result.lost.map((l) => l.asset)).toEqual(['crm']);
    expect(result.missing).toEqual([]);
  });

  it('reports an unknown provider as an error', () => {
    const result = simulateScenario(graph, { kind: 'provider', target: 'Nimbus' });
    expect(result.error?.en).toBe(
      'provider: Nimbus is neither an asset nor the provider of an asset of the model.',
    );
  });
});
