import { describe, expect, it } from 'vitest';
import { modelFrom } from '../../../test/support/model.js';
import { simulateScenario } from './simulate.js';

/**
 * Two directories: dc1 (4 h, documented) and dc2 (6 h, no procedure). erp authenticates through
 * the directory; app has its own accounts but calls dc1 over LDAP; web has its own accounts.
 */
const model = `
organisation: { name: Test }
assets:
  - { id: dc1, kind: directory, recovery: { duration: 4h, procedure: AD-RESTORE } }
  - { id: dc2, kind: directory, recovery: { duration: 6h } }
  - { id: erp, kind: server, authentication: { method: directory } }
  - { id: app, kind: application, authentication: { method: password } }
  - { id: web, kind: web-application, authentication: { method: password } }
  - { id: nas, kind: storage }
flows: [{ id: f1, from: app, to: dc1, protocol: ldap }]
backups: [{ id: b-ad, protects: [dc1, dc2], target: nas, frequency: 1d }]
processes:
  - { id: p, rto: 8h, assets: [erp] }
  - { id: q, rto: 2h, assets: [app] }
  - { id: r, assets: [web] }
`;

describe('directory', () => {
  const { graph } = modelFrom(model);

  it('loses the directories and makes what authenticates through them wait for them', () => {
    const result = simulateScenario(graph, { kind: 'directory' }, { teams: 2 });
    expect(result.scenario).toBe('directory');
    expect(result.lost).toEqual([
      { asset: 'app', cause: 'directory', via: 'dc1' },
      { asset: 'dc1', cause: 'directory' },
      { asset: 'dc2', cause: 'directory' },
      { asset: 'erp', cause: 'directory', via: 'dc1' },
    ]);
    const times = Object.fromEntries(result.plan.tasks.map((t) => [t.asset, [t.start, t.end]]));
    // dc1 (documented) restored authoritatively; dc2 re-promoted from it after it (6 h); app
    // waits for dc1 only, erp for both; no work of their own
    expect(times).toEqual({ dc1: [0, 240], dc2: [240, 600], app: [240, 240], erp: [600, 600] });
    expect(result.processes.find((x) => x.process === 'p')).toMatchObject({
      achievable: 600,
      rtoStatus: 'missed',
      rpoStatus: 'no-rpo',
    });
    expect(result.processes.find((x) => x.process === 'q')).toMatchObject({
      achievable: 240,
      rtoStatus: 'missed',
      chain: ['dc1', 'app'],
    });
    expect(result.processes.find((x) => x.process === 'r')?.impacted).toBe(false);
    expect(result.missing.map((m) => [m.code, m.subjects])).toEqual([['no-procedure', ['dc2']]]);
    expect(result.runbook.find((s) => s.asset === 'erp')).toMatchObject({ after: ['dc1', 'dc2'] });
    expect(result.runbook.find((s) => s.asset === 'dc1')?.procedure).toBe('AD-RESTORE');
    expect(result.runbook.find((s) => s.asset === 'dc1')?.action.en).toBe(
      'Restore dc1 authoritatively (it takes the operations master roles)',
    );
    expect(result.runbook.find((s) => s.asset === 'dc2')).toMatchObject({
      after: ['dc1'],
      action: { en: 'Re-promote dc2 as a directory server replicating from dc1' },
    });
    // dc2's data comes back by replication: only dc1 is restored from a backup
    expect(result.dataLoss.map((d) => [d.entity, d.windowMinutes])).toEqual([['dc1', 1440]]);
  });

  it('makes the users of a lost directory wait, without losing their data', () => {
    const { graph: g } = modelFrom(`
organisation: { name: T }
assets:
  - { id: dc, kind: server, recovery: { duration: 4h } }
  - { id: app, kind: server, recovery: { duration: 2h } }
  - { id: nas, kind: storage }
flows: [{ id: f, from: app, to: dc, protocol: kerberos }]
backups: [{ id: b-app, protects: [app], target: nas, frequency: 1h }]
processes: [{ id: p, rto: 8h, rpo: 1h, assets: [app] }]
`);
    // a server reached over Kerberos is the directory
    const result = simulateScenario(g, { kind: 'directory' });
    expect(result.error).toBeUndefined();
    expect(result.lost.map((l) => [l.asset, l.cause])).toEqual([
      ['app', 'directory'],
      ['dc', 'directory'],
    ]);
    // dc has no backup: its data is lost (and missing), p's own data is intact
    expect(result.dataLoss.map((d) => [d.entity, d.windowMinutes])).toEqual([['dc', null]]);
    expect(result.missing.find((m) => m.code === 'no-surviving-backup')?.subjects).toEqual(['dc']);
    expect(result.processes[0]).toMatchObject({
      achievable: 240,
      rtoStatus: 'met',
      rpoStatus: 'met',
    });
    expect(result.runbook.find((s) => s.asset === 'dc')?.action.en).toBe(
      'Rebuild dc from scratch (no backup survives) and re-enter its data',
    );
  });

  it('finds a SaaS identity provider that single-sign-on assets call', () => {
    const { graph: g } = modelFrom(`
organisation: { name: T }
assets:
  - { id: okta, name: Okta, kind: saas, provider: Okta }
  - { id: gws, kind: saas, authentication: { method: sso } }
  - { id: crm, kind: saas, authentication: { method: sso } }
  - { id: app, kind: saas, authentication: { method: password } }
flows:
  - { id: f1, from: gws, to: okta, protocol: https }
  - { id: f2, from: crm, to: okta, protocol: https }
  - { id: f3, from: gws, to: app, protocol: https }
processes: [{ id: p, rto: 1d, assets: [crm] }]
`);
    const result = simulateScenario(g, { kind: 'directory', target: 'okta' });
    expect(result.error).toBeUndefined();
    expect(result.lost.map((l) => l.asset)).toEqual(['crm', 'gws', 'okta']);
    expect(simulateScenario(g, { kind: 'directory', target: 'app' }).error).toBeDefined();
  });

  it('with a target, loses that directory alone', () => {
    const result = simulateScenario(graph, { kind: 'directory', target: 'dc1' }, { teams: 2 });
    expect(result.lost.map((l) => l.asset)).toEqual(['app', 'dc1', 'erp']);
    expect(result.missing).toEqual([]);
  });

  it('reports a target that is not a directory, and a model without directory', () => {
    expect(simulateScenario(graph, { kind: 'directory', target: 'erp' }).error?.en).toBe(
      'directory: erp is not a directory or identity provider of the model (dc1, dc2).',
    );
    const { graph: bare } = modelFrom(
      'organisation: { name: T }\nassets: [{ id: a, kind: server }]\n',
    );
    expect(simulateScenario(bare, { kind: 'directory' }).error).toBeDefined();
  });
});
