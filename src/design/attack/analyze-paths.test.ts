import { describe, expect, it } from 'vitest';
import { exampleModel, modelFrom } from '../../../test/support/model.js';
import { analyseAttackPaths, type AttackPath } from './analyze-paths.js';

const TODAY = '2026-11-28';

const small = `
organisation: { name: Test }
zones:
  - { id: internet, kind: internet }
  - { id: dmz, kind: dmz }
  - { id: srv, kind: server }
assets:
  - { id: web, kind: web-application, zone: dmz, services: [{ port: 443, protocol: https }] }
  - id: db
    kind: database
    zone: srv
    services:
      - { port: 1433, protocol: mssql, authentication: password }
      - { port: 22, protocol: ssh, authentication: password }
  - { id: archive, kind: database, zone: srv }
data:
  - { id: clients, needs: { confidentiality: 4 }, storedOn: [db] }
  - { id: old, needs: { integrity: 3 }, storedOn: [archive] }
flows:
  - { id: f-web, from: internet, to: web, protocol: https, port: 443 }
  - { id: f-db, from: web, to: db, protocol: mssql, port: 1433 }
  - { id: f-ssh, from: internet, to: db, protocol: ssh, port: 22 }
`;

const route = (path: AttackPath | undefined): string[] =>
  (path?.steps ?? []).map((s) => `${s.from}>${s.to}@${s.via}`);

describe('analyseAttackPaths', () => {
  it('finds the most likely paths first, with exact steps and scores', () => {
    const result = analyseAttackPaths(modelFrom(small).graph, { today: TODAY });
    expect(result.sources.map((s) => s.id)).toEqual(['internet']);
    expect(result.targets.map((t) => t.id)).toEqual(['db', 'archive']);
    const toDb = result.paths.filter((p) => p.target === 'db');
    expect(toDb.map(route)).toEqual([['internet>db@f-ssh'], ['internet>web@f-web', 'web>db@f-db']]);
    expect(toDb.map((p) => p.rank)).toEqual([1, 2]);
    expect(toDb[0]?.score).toBeCloseTo(0.48, 9);
    expect(toDb[1]?.score).toBeCloseTo(0.25 * 0.35, 9);
    const [ssh] = toDb[0]?.steps ?? [];
    expect(ssh).toMatchObject({
      kind: 'flow',
      probability: 0.48,
      technique: { id: 'T1133', name: 'External Remote Services' },
      elements: ['flow:f-ssh'],
    });
    expect(ssh?.explanation.en).toContain('password only');
    expect(ssh?.explanation.fr).toContain('mot de passe seul');
    expect(toDb[1]?.steps.map((s) => s.technique.id)).toEqual(['T1190', 'T1210']);
  });

  it('cuts every path to a target with the fewest elements, and ranks choke points', () => {
    const result = analyseAttackPaths(modelFrom(small).graph, { today: TODAY });
    expect(result.cuts).toEqual([
      { target: 'db', elements: ['flow:f-ssh', 'flow:f-web'], uncuttableSources: [] },
      { target: 'archive', elements: [], uncuttableSources: [] },
    ]);
    expect(result.overallCut).toEqual({
      elements: ['flow:f-ssh', 'flow:f-web'],
      targets: ['archive', 'db'],
    });
    expect(result.chokePoints.map((c) => [c.id, c.pathsCut, c.targets])).toEqual([
      ['flow:f-ssh', 1, ['db']],
      ['flow:f-web', 1, ['db']],
    ]);
    expect(result.chokePoints[0]?.action.fr).toContain('Supprimer ou filtrer le flux');
  });

  it('leaves an unreachable target without paths, and honours k, targets and sources', () => {
    const { graph } = modelFrom(small);
    expect(analyseAttackPaths(graph, { targets: ['archive'] }).paths).toEqual([]);
    expect(analyseAttackPaths(graph, { k: 1, targets: ['db'] }).paths.map(route)).toEqual([
      ['internet>db@f-ssh'],
    ]);
    expect(analyseAttackPaths(graph, { sources: [] }).paths).toEqual([]);
    expect(analyseAttackPaths(graph, { maxTargets: 1 }).targets.map((t) => t.id)).toEqual(['db']);
  });

  it('gets through cycles and bidirectional flows without looping', () => {
    const yaml = `${small}  - { id: f-back, from: db, to: web, protocol: https, port: 443, bidirectional: true }\n`;
    const result = analyseAttackPaths(modelFrom(yaml).graph, { today: TODAY, k: 5 });
    for (const path of result.paths) {
      const places = [path.steps[0]?.from, ...path.steps.map((s) => s.to)];
      expect(new Set(places).size).toBe(places.length);
    }
  });

  it('follows stolen credentials over a route, and hosting, and says what to cut', () => {
    const yaml = `
organisation: { name: Test }
zones:
  - { id: lan, kind: user }
  - { id: srv, kind: server }
assets:
  - { id: pc, kind: workstation, zone: lan }
  - { id: hyp, kind: hypervisor, zone: srv, adminInterfaces: [{ protocol: https, from: [lan] }] }
  - { id: dc, kind: directory, zone: srv, hostedOn: hyp }
identities:
  - { id: admin, kind: person, privileged: true, loginFrom: [lan], rights: [{ on: hyp, level: admin }] }
`;
    const result = analyseAttackPaths(modelFrom(yaml).graph, { today: TODAY });
    const path = result.paths.find((p) => p.target === 'dc' && p.source === 'phishing:lan');
    expect(route(path)).toEqual(['phishing:lan>pc@lan', 'pc>hyp@admin', 'hyp>dc@hyp']);
    expect(path?.steps.map((s) => s.kind)).toEqual(['entry', 'credential', 'hosting']);
    expect(path?.steps.map((s) => s.technique.id)).toEqual(['T1566', 'T1078', 'T1059.012']);
    expect(path?.steps[1]?.route).toBe('hyp');
    expect(path?.steps[1]?.elements).toEqual([
      'login:admin@lan',
      'identity:admin',
      'admin-interface:hyp:0',
      'right:admin@hyp',
    ]);
    expect(path?.steps[1]?.explanation.en).toContain('through its https administration interface');
    expect(path?.score).toBeCloseTo(0.5 * 0.6 * 0.95 * 0.9, 9);
    const cut = result.cuts.find((c) => c.target === 'dc')?.elements ?? [];
    expect(cut).toHaveLength(1);
    // without the interface, nothing leads from the LAN to the hypervisor: the credential is useless
    const closed = analyseAttackPaths(
      modelFrom(yaml.replace(', adminInterfaces: [{ protocol: https, from: [lan] }]', '')).graph,
      { today: TODAY },
    );
    expect(closed.paths.filter((p) => p.target === 'dc')).toEqual([]);
  });

  it('returns nothing on an empty model', () => {
    const result = analyseAttackPaths(modelFrom('organisation: { name: Empty }\n').graph);
    expect(result).toEqual({
      sources: [],
      targets: [],
      paths: [],
      cuts: [],
      overallCut: { elements: [], targets: [] },
      chokePoints: [],
    });
  });
});

describe('analyseAttackPaths on the demo', () => {
  const demo = exampleModel('forges-de-l-est');
  const progress: number[] = [];
  const result = analyseAttackPaths(demo.graph, {
    today: TODAY,
    onProgress: (done) => progress.push(done),
  });
  const via = (path: AttackPath): string[] => path.steps.map((s) => s.via);

  it('reaches srv-tse from the Internet through the published RDP', () => {
    const best = result.paths.find((p) => p.target === 'srv-tse' && p.source === 'internet');
    expect(route(best)).toEqual(['internet>srv-tse@flux-internet-rdp-tse']);
    expect(best?.steps[0]?.explanation.en).toContain('CVE-2019-1181');
  });

  it('reaches the presses’ PLC from the office LAN around the OT firewall', () => {
    const paths = result.paths.filter(
      (p) =>
        p.target === 'plc-presse-01' &&
        (p.source === 'internet' || p.source.startsWith('phishing:')) &&
        via(p).includes('flux-bureau-automate-presse'),
    );
    expect(paths.length).toBeGreaterThan(0);
  });

  it('reaches the production cells through the maintenance provider’s 4G router', () => {
    const cells = new Set(demo.graph.assetsOfZone('ot-cellules'));
    const paths = result.paths.filter(
      (p) => p.source === 'third-party:id-tiers-maintenance-ot' && cells.has(p.target),
    );
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) expect(path.steps[0]?.to).toBe('routeur-maintenance-ot');
  });

  it('reaches the copiers from the guest Wi-Fi', () => {
    const paths = result.paths.filter(
      (p) =>
        p.source === 'guest-wifi:wifi-invites' && p.steps.some((s) => s.to === 'imprimantes-siege'),
    );
    expect(paths.length).toBeGreaterThan(0);
  });

  it('names the published RDP flow among the choke points', () => {
    expect(result.chokePoints.map((c) => c.id)).toContain('flow:flux-internet-rdp-tse');
    expect(result.cuts.find((c) => c.target === 'srv-tse')?.elements).toContain(
      'flow:flux-internet-rdp-tse',
    );
  });

  it('is sorted, deterministic, plain JSON and reports progress', () => {
    const scores = result.paths.map((p) => p.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(analyseAttackPaths(demo.graph, { today: TODAY })).toEqual(result);
    expect(progress).toEqual(result.targets.map((_, i) => i + 1));
  });

  it('runs on the minimal example', () => {
    const minimal = analyseAttackPaths(exampleModel('minimal').graph, { today: TODAY });
    expect(Array.isArray(minimal.paths)).toBe(true);
  });
});
