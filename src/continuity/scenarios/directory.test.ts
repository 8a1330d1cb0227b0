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
    // dc1 and dc2 in parallel; app waits for dc1 only, erp for both; no work of their own
    expect(times).toEqual({ dc1: [0, 240], dc2: [0, 360], app: [240, 240], erp: [360, 360] });
    expect(result.processes.find((x) => x.process === 'p')).toMatchObject({
      achievable: 360,
      rtoStatus: 'met',
      chain: ['dc2', 'erp'],
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
    expect(result.dataLoss.map((d) => [d.entity, d.windowMinutes])).toEqual([
      ['dc1', 1440],
      ['dc2', 1440],
    ]);
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
