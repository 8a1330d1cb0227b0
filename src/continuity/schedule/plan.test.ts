import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../i18n/index.js';
import type { ModelGraph } from '../../model/graph.js';
import { loadModel } from '../../model/load.js';
import { modelFrom } from '../../../test/support/model.js';
import { planRecovery, type RecoveryPlan } from './plan.js';
import { buildPrecedences, prerequisitesOf, recoveryScope } from './precedence.js';

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
        chain: ['dc', 'fw', 'wiki'],
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
    expect(plan.assumptions[0]?.message.fr).toContain('1d');
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
    expect(sales?.chain).toEqual(['hv', 'dc', 'fw', 'vm', 'crm']);
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
