import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../i18n/index.js';
import type { ModelGraph } from '../../model/graph.js';
import { loadModel } from '../../model/load.js';
import { modelFrom } from '../../../test/support/model.js';
import { planRecovery, type RecoveryPlan } from './plan.js';
import {
  buildPrecedences,
  prerequisitesOf,
  recoveryScope,
  restoreSourcesOf,
} from './precedence.js';

/**
 * crm runs on vm, on hv; vm authenticates against dc; users reach crm through fw. wiki (no
 * declared duration: a server, 1 day assumed) supports docs. Two teams: infra and apps.
 */
const model = `
organisation:
  name: Test
  continuity:
    teams:
      - { id: infra, name: Infra, parallel: 1 }
      - { id: apps, name: Apps }
zones: [{ id: lan, kind: user }]
assets:
  - { id: fw, kind: firewall, recovery: { duration: 1h } }
  - { id: dc, kind: directory, recovery: { duration: 2h } }
  - { id: hv, kind: hypervisor, recovery: { duration: 3h } }
  - { id: vm, kind: virtual-machine, hostedOn: hv, recovery: { duration: 1h } }
  - { id: crm, kind: application, hostedOn: vm, recovery: { duration: 2h } }
  - { id: wiki, kind: server }
  - { id: spare, kind: server }
flows:
  - { id: f1, from: vm, to: dc, protocol: ldap }
  - { id: f2, from: lan, to: crm, protocol: https, via: [fw] }
processes:
  - { id: sales, rto: 8h, needs: { availability: 4 }, assets: [crm] }
  - { id: docs, rto: 1d, assets: [wiki] }
`;

const times = (plan: RecoveryPlan) =>
  Object.fromEntries(plan.tasks.map((task) => [task.asset, [task.start, task.end, task.team]]));

describe('recovery precedences', () => {
  const { graph } = modelFrom(model);

  it('needs the host, the directory called and the devices a flow crosses', () => {
    expect(prerequisitesOf(graph, 'crm')).toEqual([
      { asset: 'fw', reason: 'network' },
      { asset: 'vm', reason: 'host' },
    ]);
    expect(prerequisitesOf(graph, 'vm')).toEqual([
      { asset: 'dc', reason: 'directory' },
      { asset: 'hv', reason: 'host' },
    ]);
  });

  it('recovers what supports a process and what that needs, not the rest', () => {
    expect(recoveryScope(graph)).toEqual(['crm', 'dc', 'fw', 'hv', 'vm', 'wiki']);
    expect(buildPrecedences(graph, ['crm', 'vm'])).toEqual([
      { before: 'vm', after: 'crm', reason: 'host', hard: true },
    ]);
  });
});

describe('planRecovery', () => {
  const { graph } = modelFrom(model);

  it('schedules on the declared teams, most urgent process first', () => {
    const plan = planRecovery(graph);
    expect(plan.teams).toBe(2);
    // t=0: hv (path 6h) and dc (5h), both for sales (RTO 8h), before wiki (docs, RTO 1d);
    // fw after dc on its team; vm after hv; crm after vm; wiki takes the team fw frees.
    expect(times(plan)).toEqual({
      hv: [0, 180, 1],
      dc: [0, 120, 2],
      fw: [120, 180, 2],
      vm: [180, 240, 1],
      wiki: [180, 1620, 2],
      crm: [240, 360, 1],
    });
    expect(plan.tasks.find((task) => task.asset === 'crm')?.teamId).toBe('infra');
    expect(plan.tasks.find((task) => task.asset === 'wiki')?.teamId).toBe('apps');
    expect(plan.makespan).toBe(1620);
  });

  it('gives each process its achievable time against its RTO and the chain that decides it', () => {
    const plan = planRecovery(graph);
    expect(plan.processes).toEqual([
      {
        process: 'docs',
        rto: 1440,
        achievable: 1620,
        status: 'missed',
        // wiki needs nothing: it only waited for the team fw freed, which is not a dependency
        chain: ['wiki'],
      },
      { process: 'sales', rto: 480, achievable: 360, status: 'met', chain: ['hv', 'vm', 'crm'] },
    ]);
    expect(plan.criticalPath).toEqual(['dc', 'fw', 'wiki']);
    expect(plan.issues.map((issue) => [issue.code, issue.subjects[0]])).toEqual([
      ['schedule-rto-missed', 'docs'],
    ]);
  });

  it('lists every assumed duration', () => {
    const plan = planRecovery(graph);
    expect(plan.assumptions.map((a) => a.subject)).toEqual(['wiki']);
    expect(plan.assumptions[0]?.message.en).toContain('1d');
    expect(plan.assumptions[0]?.message.fr).toContain('1 j');
  });

  it('re-plans with one team: sales misses its RTO through team waits', () => {
    const plan = planRecovery(graph, { teams: 1 });
    expect(times(plan)).toEqual({
      hv: [0, 180, 1],
      dc: [180, 300, 1],
      fw: [300, 360, 1],
      vm: [360, 420, 1],
      crm: [420, 540, 1],
      wiki: [540, 1980, 1],
    });
    const sales = plan.processes.find((p) => p.process === 'sales');
    expect(sales).toMatchObject({ achievable: 540, status: 'missed' });
    // along its dependencies: vm waited for dc (ended 300) and hv (ended 180); fw only took the team
    expect(sales?.chain).toEqual(['dc', 'vm', 'crm']);
    expect(plan.tasks.every((task) => task.teamId === undefined)).toBe(true);
  });

  it('takes duration overrides, and reports bad ones and unknown assets', () => {
    const plan = planRecovery(graph, {
      durations: { wiki: 60, crm: -5 },
      assets: ['wiki', 'crm', 'nope'],
    });
    expect(times(plan)).toEqual({ crm: [0, 120, 1], wiki: [0, 60, 2] });
    expect(plan.assumptions).toEqual([]);
    expect(plan.issues.map((issue) => [issue.code, issue.subjects])).toEqual([
      ['schedule-unknown-asset', ['nope']],
      ['schedule-invalid-duration', ['crm']],
    ]);
    expect(plan.processes.map((p) => [p.process, p.status])).toEqual([
      ['docs', 'met'],
      ['sales', 'met'],
    ]);
  });

  it('assumes one team when none is declared, and rejects a bad team count', () => {
    const { graph: bare } = modelFrom(`
organisation: { name: Bare }
assets: [{ id: a, kind: server, recovery: { duration: 1h } }]
processes: [{ id: p, assets: [a] }]
`);
    const plan = planRecovery(bare);
    expect(plan.teams).toBe(1);
    expect(plan.assumptions).toHaveLength(1);
    expect(plan.processes).toEqual([
      { process: 'p', achievable: 60, status: 'no-rto', chain: ['a'] },
    ]);
    expect(planRecovery(bare, { teams: 0 }).issues.map((i) => i.code)).toEqual([
      'schedule-invalid-teams',
    ]);
  });
});

describe('planRecovery — cycles', () => {
  /** The directory runs on the VM that authenticates against it. */
  const cyclic = `
organisation: { name: Test }
assets:
  - { id: hv, kind: hypervisor, recovery: { duration: 1h } }
  - { id: vm, kind: virtual-machine, hostedOn: hv, recovery: { duration: 1h } }
  - { id: dc, kind: directory, hostedOn: vm, recovery: { duration: 1h } }
flows: [{ id: f1, from: vm, to: dc, protocol: ldap }]
processes: [{ id: p, rto: 4h, assets: [dc] }]
`;
  const graph: ModelGraph = loadModel([{ file: 'model.yaml', text: cyclic }], {
    t: createTranslator('en'),
  }).graph;

  it('breaks the cycle with a diagnostic and still schedules everything once', () => {
    const plan = planRecovery(graph);
    expect(plan.issues.map((issue) => [issue.code, issue.subjects])).toEqual([
      ['schedule-cycle', ['vm', 'dc']],
    ]);
    // The host precedences (hv, then vm, then dc) are kept; vm's wait for its directory is dropped.
    expect(plan.issues[0]?.message.en).toContain('vm is scheduled without waiting for dc');
    expect(times(plan)).toEqual({ hv: [0, 60, 1], vm: [60, 120, 1], dc: [120, 180, 1] });
    expect(plan.processes[0]).toMatchObject({ process: 'p', achievable: 180, status: 'met' });
  });
});

describe('implicit infrastructure order and restore sources', () => {
  /**
   * One site, no via, no hostedOn (a new user's model): the office reaches dc over LDAP (so dc,
   * declared a server, acts as the directory) and fs over SMB. Durations: fw, sw 1 h, dc 4 h,
   * fs 6 h, pc 1 h; dossiers (RTO 8 h) runs on fs and dc.
   */
  const site = `
organisation: { name: Test }
sites: [{ id: paris }]
zones:
  - { id: lan, kind: user, site: paris }
  - { id: srv, kind: server, site: paris }
assets:
  - { id: fw, kind: firewall, zone: srv, recovery: { duration: 1h } }
  - { id: sw, kind: switch, zone: srv, recovery: { duration: 1h } }
  - { id: dc, kind: server, zone: srv, recovery: { method: rebuild, duration: 4h } }
  - { id: fs, kind: file-server, zone: srv, recovery: { method: rebuild, duration: 6h } }
  - { id: pc, kind: workstation, zone: lan, recovery: { duration: 1h } }
flows:
  - { id: f-ldap, from: lan, to: dc, protocol: ldap }
  - { id: f-smb, from: lan, to: fs, protocol: smb }
processes:
  - { id: dossiers, rto: 8h, assets: [fs, dc] }
`;
  const { graph } = modelFrom(site);

  it('orders network, directory, servers, clients on a site when the model says nothing', () => {
    const pairs = buildPrecedences(graph, ['dc', 'fs', 'fw', 'pc', 'sw']).map((p) => [
      p.before,
      p.after,
      p.reason,
    ]);
    expect(pairs).toEqual([
      ['fw', 'dc', 'infrastructure'],
      ['sw', 'dc', 'infrastructure'],
      ['dc', 'fs', 'infrastructure'],
      ['dc', 'pc', 'infrastructure'],
      ['fs', 'pc', 'infrastructure'],
    ]);
    // one team: fw 0–1 h, sw 1–2 h, dc 2–6 h, fs 6–12 h, pc 12–13 h (by id: dc and fs would come first)
    const plan = planRecovery(graph, { assets: ['dc', 'fs', 'fw', 'pc', 'sw'] });
    expect(times(plan)).toEqual({
      fw: [0, 60, 1],
      sw: [60, 120, 1],
      dc: [120, 360, 1],
      fs: [360, 720, 1],
      pc: [720, 780, 1],
    });
    expect(plan.processes).toEqual([
      {
        process: 'dossiers',
        rto: 480,
        achievable: 720,
        status: 'missed',
        chain: ['sw', 'dc', 'fs'],
      },
    ]);
    // one duration format, in each language's words
    expect(plan.issues[0]?.message.en).toContain('after 12h at best');
    expect(plan.issues[0]?.message.fr).toContain('après 12 h au mieux');
  });

  it('counts a lost prerequisite of an intact asset, and never an unrelated task', () => {
    // only fw and pc are lost: fs and dc are intact but need fw; pc (1 h) is not dossiers' task
    const plan = planRecovery(graph, { assets: ['fw', 'pc'], durations: { pc: 600 } });
    expect(plan.processes).toEqual([
      { process: 'dossiers', rto: 480, achievable: 60, status: 'met', chain: ['fw'] },
    ]);
  });

  it('skips a tier that must come later for the next one down', () => {
    // st holds dc's backup: st before dc, so st cannot wait for the directory; it waits for fw
    const { graph: g } = modelFrom(`
organisation: { name: Test }
sites: [{ id: s }]
zones:
  - { id: z, kind: server, site: s }
  - { id: lan, kind: user, site: s }
assets:
  - { id: fw, kind: firewall, zone: z }
  - { id: dc, kind: server, zone: z, recovery: { method: restore } }
  - { id: st, kind: storage, zone: z }
flows: [{ id: f, from: lan, to: dc, protocol: ldap }]
backups: [{ id: b, protects: [dc], target: st }]
`);
    expect(
      buildPrecedences(g, ['dc', 'fw', 'st']).map((p) => [p.before, p.after, p.reason]),
    ).toEqual([
      ['fw', 'dc', 'infrastructure'],
      ['st', 'dc', 'backup'],
      ['fw', 'st', 'infrastructure'],
    ]);
  });

  const backups = `
organisation: { name: Test }
assets:
  - { id: nas, kind: storage, recovery: { method: rebuild, duration: 2h } }
  - { id: bkp, kind: backup-server, recovery: { method: rebuild, duration: 3h } }
  - { id: fs, kind: file-server, recovery: { method: restore, duration: 1h } }
  - { id: vault, kind: storage }
flows: [{ id: f-bkp, from: bkp, to: nas, protocol: nfs }]
backups:
  - { id: b-nas, protects: [fs], target: nas, frequency: 1d }
processes: [{ id: p, rto: 1d, assets: [fs] }]
`;

  it('restores only once the backup storage and the backup server are back', () => {
    const { graph: g } = modelFrom(backups);
    expect(
      buildPrecedences(g, ['bkp', 'fs', 'nas']).map((p) => [p.before, p.after, p.reason]),
    ).toEqual([
      ['nas', 'bkp', 'infrastructure'],
      ['bkp', 'fs', 'backup'],
      ['nas', 'fs', 'backup'],
    ]);
    expect(restoreSourcesOf(g, 'fs', new Set(['fs', 'bkp']))).toEqual(['bkp']);
    // a scenario rebuilding fs without a copy: nothing to wait for
    expect(restoreSourcesOf(g, 'fs', new Set(['fs', 'bkp', 'nas']), { fs: null })).toEqual([]);
    // restored from a copy on vault (not lost): nothing to wait for either
    const { graph: two } = modelFrom(
      backups.replace(
        'processes:',
        '  - { id: b-vault, protects: [fs], target: vault }\nprocesses:',
      ),
    );
    expect(restoreSourcesOf(two, 'fs', new Set(['fs', 'bkp', 'nas']))).toEqual([]);
    const plan = planRecovery(g, { assets: ['bkp', 'fs', 'nas'] });
    // nas 0–2 h, bkp 2–5 h, fs 5–6 h (by id fs would be first, restoring from nothing)
    expect(times(plan)).toEqual({ nas: [0, 120, 1], bkp: [120, 300, 1], fs: [300, 360, 1] });
  });
});

describe('teams, suppliers and priorities', () => {
  const teams = `
organisation:
  name: Test
  continuity:
    teams:
      - { id: it, name: IT }
      - { id: ot, name: OT }
assets:
  - { id: a, kind: server, recovery: { duration: 2h, team: ot } }
  - { id: b, kind: server, recovery: { duration: 2h, team: ot } }
  - { id: c, kind: server, recovery: { duration: 1h } }
  - { id: d, kind: server, recovery: { duration: 1h } }
  - { id: s, kind: saas, recovery: { duration: 2d } }
processes:
  - { id: p, rto: 1d, assets: [a, b, c, d] }
  - { id: q, rto: 3d, assets: [s] }
`;

  it('keeps a declared team binding and lets the others take any team', () => {
    const { graph } = modelFrom(teams);
    const plan = planRecovery(graph, { assets: ['a', 'b', 'c', 'd'] });
    // slot 1 = it, slot 2 = ot: a and b only on ot (one after the other), c and d on it
    expect(times(plan)).toEqual({
      a: [0, 120, 2],
      c: [0, 60, 1],
      d: [60, 120, 1],
      b: [120, 240, 2],
    });
    expect(plan.tasks.filter((t) => t.teamId === 'ot').map((t) => t.asset)).toEqual(['a', 'b']);
    expect(plan.issues).toEqual([]);
    // forced teams: no declared team exists, nothing is bound (an assumption says so)
    const forced = planRecovery(graph, { assets: ['a', 'b'], teams: 2 });
    expect(times(forced)).toEqual({ a: [0, 120, 1], b: [0, 120, 2] });
    expect(forced.assumptions.some((a) => a.message.en.includes('declared recovery teams'))).toBe(
      true,
    );
  });

  it("runs a supplier's recovery outside the teams", () => {
    const { graph } = modelFrom(teams);
    const plan = planRecovery(graph, { assets: ['s', 'c'], teams: 1 });
    // s (saas: the provider brings it back, 2 d) holds no team: c starts at 0 on the only team
    expect(times(plan)).toEqual({ s: [0, 2880, 0], c: [0, 60, 1] });
    expect(plan.tasks.find((t) => t.asset === 's')?.external).toBe(true);
  });

  it('brings back first what the tightest RTO needs, prerequisites included', () => {
    const { graph } = modelFrom(`
organisation: { name: Test }
assets:
  - { id: zz-host, kind: hypervisor, recovery: { duration: 1h } }
  - { id: a, kind: virtual-machine, hostedOn: zz-host, recovery: { duration: 15min } }
  - { id: b, kind: server, recovery: { duration: 30min } }
processes:
  - { id: urgent, rto: 90min, assets: [a] }
  - { id: later, rto: 1d, assets: [b] }
`);
    const plan = planRecovery(graph, { teams: 1 });
    // zz-host inherits urgent's 90 min: first despite its id and b's shorter path
    expect(times(plan)).toEqual({ 'zz-host': [0, 60, 1], a: [60, 75, 1], b: [75, 105, 1] });
  });
});
