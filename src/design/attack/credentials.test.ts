import { describe, expect, it } from 'vitest';
import { modelFrom } from '../../../test/support/model.js';
import { analyseAttackPaths, type AttackPath } from './analyze-paths.js';
import { buildAttackGraph } from './attack-graph.js';
import { findThreatSources } from './sources.js';

const TODAY = '2026-11-28';

const steps = (path: AttackPath): string[] =>
  path.steps.map(
    (s) => `${s.from}>${s.to}:${s.kind}@${s.via}${s.route === undefined ? '' : `/${s.route}`}`,
  );

/** An administrator who logs in from two office zones; only one of them has a way to the servers. */
const twoZones = `
organisation: { name: Test }
zones:
  - { id: lan-a, kind: user }
  - { id: lan-b, kind: user }
  - { id: srv, kind: server }
assets:
  - { id: pc-a, kind: workstation, zone: lan-a }
  - { id: pc-b, kind: workstation, zone: lan-b }
  - { id: dc, kind: directory, zone: srv }
flows:
  - { id: f-a-dc, from: lan-a, to: dc, protocol: ldap, port: 389 }
identities:
  - { id: admin, kind: person, privileged: true, loginFrom: [lan-a, lan-b], rights: [{ on: dc, level: admin }] }
`;

describe('credential steps follow the network', () => {
  it('uses stolen credentials only from where a route leads to the system', () => {
    const result = analyseAttackPaths(modelFrom(twoZones).graph, { today: TODAY, k: 5 });
    const toDc = result.paths.filter((p) => p.target === 'dc');
    const credentialSteps = toDc.flatMap((p) => p.steps.filter((s) => s.kind === 'credential'));
    expect(credentialSteps.length).toBeGreaterThan(0);
    // from lan-b nothing reaches dc: credentials stolen there are never used from there
    for (const step of credentialSteps) {
      expect(step.from).toBe('pc-a');
      expect(step.route).toBe('f-a-dc');
      expect(step.elements).toContain('flow:f-a-dc');
    }
    expect(toDc.some((p) => p.source === 'phishing:lan-b')).toBe(false);
    expect(toDc.find((p) => p.source === 'phishing:lan-a')?.steps.map((s) => s.kind)).toEqual(
      expect.arrayContaining(['entry', 'credential']),
    );
  });

  it('has no credential edge from a place that cannot reach the asset', () => {
    const { graph: model } = modelFrom(twoZones);
    const graph = buildAttackGraph(model, findThreatSources(model), { today: TODAY });
    const loginB = graph.indexOf.get('login:admin@lan-b');
    expect(loginB).toBeDefined();
    // everything reachable from the login hub of lan-b stays short of dc
    const seen = new Set([loginB]);
    const queue = [loginB ?? -1];
    for (let v = queue.shift(); v !== undefined; v = queue.shift()) {
      for (const edge of graph.edges) {
        if (edge.from !== v || seen.has(edge.to)) continue;
        seen.add(edge.to);
        if (graph.nodes[edge.to]?.kind !== 'asset') queue.push(edge.to);
      }
    }
    expect(seen.has(graph.indexOf.get('dc'))).toBe(false);
    expect(seen.size).toBeGreaterThan(1);
  });

  it('lets cutting the route cut the credential step', () => {
    const result = analyseAttackPaths(modelFrom(twoZones).graph, { today: TODAY });
    // one element stops every path to dc: the only flow that leads there
    expect(result.cuts.find((c) => c.target === 'dc')?.elements).toEqual(['flow:f-a-dc']);
  });
});

const dataModel = `
organisation: { name: Test }
zones:
  - { id: lan, kind: user }
  - { id: srv, kind: server }
assets:
  - { id: pc, kind: workstation, zone: lan }
  - { id: app, kind: application, zone: srv, authentication: { method: directory } }
  - { id: db, kind: database, zone: srv, authentication: { method: password } }
  - { id: nas, kind: backup-server, zone: srv }
data:
  - { id: payroll, needs: { confidentiality: 4 }, storedOn: [app, db, nas] }
flows:
  - { id: f-lan-srv, from: lan, to: srv, protocol: https, port: 443 }
identities:
  - { id: clerk, kind: person, mfa: false, loginFrom: [lan], rights: [{ on: payroll, level: user }] }
`;

describe('credentials are scoped to what they authenticate to', () => {
  it('a right on a data set opens the directory-backed system, not every place it is stored', () => {
    const { graph: model } = modelFrom(dataModel);
    const graph = buildAttackGraph(model, findThreatSources(model), { today: TODAY });
    const opened = new Set(
      graph.edges.filter((e) => e.kind === 'valid-account').map((e) => graph.nodes[e.to]?.id),
    );
    expect(opened).toEqual(new Set(['app']));
    const result = analyseAttackPaths(model, { today: TODAY, k: 5 });
    const credentialTargets = result.paths.flatMap((p) =>
      p.steps.filter((s) => s.kind === 'credential').map((s) => s.to),
    );
    expect(credentialTargets).toContain('app');
    expect(credentialTargets).not.toContain('db');
    expect(credentialTargets).not.toContain('nas');
  });

  it('an explicit right on an asset still opens it', () => {
    const yaml = dataModel.replace(
      'rights: [{ on: payroll, level: user }]',
      'rights: [{ on: payroll, level: user }, { on: db, level: read }]',
    );
    const { graph: model } = modelFrom(yaml);
    const graph = buildAttackGraph(model, findThreatSources(model), { today: TODAY });
    const opened = graph.edges
      .filter((e) => e.kind === 'valid-account')
      .map((e) => graph.nodes[e.to]?.id);
    expect(new Set(opened)).toEqual(new Set(['app', 'db']));
  });
});

describe('paths are told apart by their means', () => {
  it('keeps two ways to the same asset that differ in what would stop them', () => {
    const yaml = `
organisation: { name: Test }
zones:
  - { id: internet, kind: internet }
  - { id: srv, kind: server }
assets:
  - id: db
    kind: database
    zone: srv
    services:
      - { port: 1433, protocol: mssql, authentication: password }
      - { port: 22, protocol: ssh, authentication: password }
data:
  - { id: clients, needs: { confidentiality: 4 }, storedOn: [db] }
flows:
  - { id: f-sql, from: internet, to: db, protocol: mssql, port: 1433 }
  - { id: f-ssh, from: internet, to: db, protocol: ssh, port: 22 }
`;
    const result = analyseAttackPaths(modelFrom(yaml).graph, { today: TODAY });
    const toDb = result.paths.filter((p) => p.target === 'db').map(steps);
    expect(toDb).toEqual([['internet>db:flow@f-ssh'], ['internet>db:flow@f-sql']]);
  });

  it('still merges paths that differ only in hubs the steps do not tell apart', () => {
    const yaml = `
organisation: { name: Test }
zones:
  - { id: lan, kind: user }
  - { id: srv, kind: server }
assets:
  - { id: pc, kind: workstation, zone: lan }
  - { id: dc, kind: directory, zone: srv }
flows:
  - { id: f-dc, from: lan, to: dc, protocol: ldap, port: 389 }
identities:
  - { id: admins, kind: group, loginFrom: [lan], rights: [{ on: dc, level: admin }, { on: srv, level: admin }] }
`;
    const result = analyseAttackPaths(modelFrom(yaml).graph, { today: TODAY, k: 5 });
    const keys = result.paths.filter((p) => p.target === 'dc').map((p) => steps(p).join(' '));
    expect(new Set(keys).size).toBe(keys.length);
    const viaCredential = keys.filter((k) => k.includes(':credential@admins/f-dc'));
    expect(viaCredential).toHaveLength(1);
  });
});
