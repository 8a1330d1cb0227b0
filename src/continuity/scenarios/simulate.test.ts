import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../i18n/index.js';
import { loadModel } from '../../model/load.js';
import { parseScenario } from './parse.js';
import { runSavedScenarios, SCENARIOS, simulateScenario } from './simulate.js';

describe('parseScenario', () => {
  it('reads each kind with its target, and directory alone', () => {
    expect(parseScenario('site-loss:hq')).toEqual({
      ok: true,
      spec: { kind: 'site-loss', target: 'hq' },
    });
    expect(parseScenario(' ransomware:ws-01 ')).toEqual({
      ok: true,
      spec: { kind: 'ransomware', target: 'ws-01' },
    });
    expect(parseScenario('provider:Acme Cloud')).toEqual({
      ok: true,
      spec: { kind: 'provider', target: 'Acme Cloud' },
    });
    expect(parseScenario('directory')).toEqual({ ok: true, spec: { kind: 'directory' } });
    expect(parseScenario('directory:dc1')).toEqual({
      ok: true,
      spec: { kind: 'directory', target: 'dc1' },
    });
  });

  it('explains what is wrong in both languages', () => {
    const unknown = parseScenario('meteor:hq');
    expect(unknown.ok).toBe(false);
    if (unknown.ok) return;
    expect(unknown.message.en).toContain('Unknown scenario kind "meteor"');
    expect(unknown.message.fr).toContain('Type de scénario inconnu « meteor »');
    const missing = parseScenario('ransomware');
    expect(missing.ok ? '' : missing.message.en).toContain('needs a target');
    expect(parseScenario('').ok).toBe(false);
    expect(parseScenario('site-loss:bad id').ok).toBe(false);
  });

  it('has one definition per kind, titled in both languages', () => {
    for (const [kind, definition] of Object.entries(SCENARIOS)) {
      expect(definition.kind).toBe(kind);
      expect(definition.title.en).not.toBe(definition.title.fr);
      expect(definition.models.en).not.toBe(definition.models.fr);
    }
  });
});

/**
 * Directories that call each other (a dependency cycle), a process cycle, all on one site; a
 * saved scenario on an unknown site.
 */
const cyclic = `
organisation:
  name: Test
  continuity:
    scenarios:
      - { id: s1, name: Fire, scenario: 'site-loss:hq', teams: 2 }
      - { id: s2, scenario: 'site-loss:nowhere' }
      - { id: s3, scenario: directory }
sites: [{ id: hq }]
zones: [{ id: srv, kind: server, site: hq }]
assets:
  - { id: dc1, kind: directory, zone: srv, recovery: { duration: 1h, spare: true } }
  - { id: dc2, kind: directory, zone: srv, recovery: { duration: 1h, spare: true } }
flows:
  - { id: f1, from: dc1, to: dc2, protocol: ldap }
  - { id: f2, from: dc2, to: dc1, protocol: ldap }
processes:
  - { id: a, rto: 4h, assets: [dc1], dependsOn: [b] }
  - { id: b, rto: 4h, assets: [dc2], dependsOn: [a] }
`;

describe('simulateScenario and saved scenarios', () => {
  // the process cycle is a model error: the engine must still terminate on such a graph
  const { graph, diagnostics } = loadModel([{ file: 'm.yaml', text: cyclic }], {
    t: createTranslator('en'),
  });

  it('is given a model with a dependency cycle', () => {
    expect(diagnostics.map((d) => d.code)).toContain('process-dependency-cycle');
  });

  it('does not loop on dependency cycles and says how it broke them', () => {
    const result = simulateScenario(graph, { kind: 'site-loss', target: 'hq' }, { teams: 1 });
    expect(result.error).toBeUndefined();
    expect(result.plan.tasks).toHaveLength(2);
    expect(result.plan.issues.map((i) => i.code)).toContain('schedule-cycle');
    // one team, 1 h each: both processes need both directories (they depend on each other)
    expect(result.processes.map((p) => [p.process, p.achievable])).toEqual([
      ['a', 120],
      ['b', 120],
    ]);
  });

  it('runs the saved scenarios with their teams, an unknown target as an error', () => {
    const runs = runSavedScenarios(graph);
    expect(runs.map((r) => [r.id, r.scenario, r.result.error === undefined])).toEqual([
      ['s1', 'site-loss:hq', true],
      ['s2', 'site-loss:nowhere', false],
      ['s3', 'directory', true],
    ]);
    expect(runs[0]?.name).toBe('Fire');
    expect(runs[0]?.result.plan.teams).toBe(2);
    expect(runs[1]?.result.error?.en).toBe('site-loss: nowhere is not a site of the model.');
  });

  it('never throws, even on a kind it does not know', () => {
    const result = simulateScenario(graph, { kind: 'meteor' as never, target: 'hq' });
    expect(result.error?.en).toContain('Unknown scenario kind');
  });
});
