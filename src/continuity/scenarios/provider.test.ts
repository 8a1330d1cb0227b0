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
    expect(result.missing.map((m) => [m.code, m.subjects])).toEqual([
      ['no-exit-plan', ['mail']],
      ['no-surviving-backup', ['mail']],
    ]);
    // the provider's work holds no team: crm's 2-day exit plan runs alongside mail's 4 h
    expect(result.processes.find((p) => p.process === 'sales')).toMatchObject({
      achievable: 2880,
      rtoStatus: 'met',
      rpoStatus: 'met',
    });
    // mail is re-created elsewhere in its default 4 h (assumed), its data is gone
    expect(result.processes.find((p) => p.process === 'comms')).toMatchObject({
      achievable: 240,
      rtoStatus: 'met',
      rpoStatus: 'lost',
    });
    expect(result.processes.find((p) => p.process === 'ops')?.impacted).toBe(false);
    // crm's data comes back from the weekly export kept on erp
    expect(result.dataLoss.find((d) => d.entity === 'crm')).toMatchObject({
      windowMinutes: 10080,
      status: 'met',
      from: 'b-export',
    });
    expect(result.backups.find((b) => b.backup === 'b-export')?.reason.en).toBe(
      'Kept outside the lost provider.',
    );
    expect(
      result.assumptions.some((a) => a.subject === 'Acme' && a.message.en.includes('mail')),
    ).toBe(true);
    expect(result.runbook.find((s) => s.asset === 'crm')?.action.en).toBe(
      'Apply the exit plan of crm (EXIT-1): move its data and service elsewhere',
    );
  });

  it('gives one verdict with the backup analysis: re-created in its time, data back to the last export', () => {
    const { graph: g } = modelFrom(`
organisation: { name: Test }
assets:
  - { id: pay, name: Payroll, kind: saas, provider: PayCo, recovery: { duration: 2d } }
  - { id: nas, kind: storage }
backups:
  - { id: b-export, protects: [pay], target: nas, frequency: 1w }
processes:
  - { id: payroll, rto: 3d, rpo: 1d, assets: [pay] }
`);
    const result = simulateScenario(g, { kind: 'provider', target: 'PayCo' });
    // 2 d to re-create (declared) against 3 d; the weekly export is a week old against 1 d
    expect(result.processes.find((p) => p.process === 'payroll')).toMatchObject({
      achievable: 2880,
      rtoStatus: 'met',
      rpoStatus: 'missed',
    });
    expect(result.plan.processes.find((p) => p.process === 'payroll')?.achievable).toBe(2880);
    expect(result.dataLoss).toEqual([
      { entity: 'pay', windowMinutes: 10080, rpo: 1440, status: 'missed', from: 'b-export' },
    ]);
    expect(result.runbook[0]?.action.en).toBe(
      'No exit plan for Payroll: re-create the service at another provider and reload its data from the last export',
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
