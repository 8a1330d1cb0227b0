import { describe, expect, it } from 'vitest';
import { modelFrom } from '../../../test/support/model.js';
import { evaluateOutage } from './evaluate.js';
import type { Outage } from './types.js';

/**
 * hv (hardware, rebuilt in 2 h, repaired in 1 d) hosts db (holds orders, procedure PRA-DB-01) and
 * app (rebuilt in 30 min). orders is backed up hourly, db daily, both on nas (elsewhere).
 * sales (RTO 4 h, RPO 2 h) runs on app and uses orders; other runs on nas.
 */
const model = `
organisation: { name: Test }
assets:
  - { id: hv, kind: hypervisor, recovery: { method: rebuild, duration: 2h }, repairTime: 1d }
  - { id: db, kind: database, hostedOn: hv, recovery: { duration: 1h, procedure: PRA-DB-01 } }
  - { id: app, kind: application, hostedOn: hv, recovery: { method: rebuild, duration: 30min } }
  - { id: nas, kind: storage }
data: [{ id: orders, storedOn: [db] }]
backups:
  - { id: b-daily, protects: [db], target: nas, frequency: 1d }
  - { id: b-hourly, protects: [orders], target: nas, frequency: 1h }
processes:
  - { id: sales, rto: 4h, rpo: 2h, assets: [app], data: [orders] }
  - { id: other, rto: 1h, assets: [nas] }
`;

const { graph } = modelFrom(model);

function outage(lostBackups: string[] = [], hardwareLost = true): Outage {
  return {
    lost: [
      { asset: 'hv', cause: 'site', via: 'x' },
      { asset: 'db', cause: 'dependency', via: 'hv' },
      { asset: 'app', cause: 'dependency', via: 'hv' },
    ],
    destroyed: new Set(['hv', 'db', 'app']),
    lostBackups: new Map(lostBackups.map((b) => [b, { en: 'gone', fr: 'perdue' }])),
    hardwareLost,
  };
}

describe('evaluateOutage', () => {
  it('waits for replacement hardware, then restores from the newest surviving copy', () => {
    const result = evaluateOutage(graph, outage(), { teams: 2 });
    // hv: 2 h rebuild + 1 d repair = 1560; db (1 h) and app (30 min) wait for their host
    const times = Object.fromEntries(result.plan.tasks.map((t) => [t.asset, [t.start, t.end]]));
    expect(times).toEqual({ hv: [0, 1560], db: [1560, 1620], app: [1560, 1590] });
    expect(result.missing.map((m) => [m.code, m.subjects])).toEqual([
      ['no-spare-hardware', ['hv']],
    ]);
    const sales = result.processes.find((p) => p.process === 'sales');
    expect(sales).toMatchObject({
      impacted: true,
      rto: 240,
      achievable: 1620,
      rtoStatus: 'missed',
      rpo: 120,
      rpoStatus: 'met',
    });
    expect(sales?.chain).toEqual(['hv', 'db']);
    expect(result.processes.find((p) => p.process === 'other')).toMatchObject({
      impacted: false,
      achievable: 0,
      rtoStatus: 'met',
    });
    // orders: hourly copy survives → 1 h window against 2 h RPO
    expect(result.dataLoss.find((d) => d.entity === 'orders')).toEqual({
      entity: 'orders',
      windowMinutes: 60,
      rpo: 120,
      status: 'met',
      from: 'b-hourly',
    });
    expect(result.backups.map((b) => [b.backup, b.survives])).toEqual([
      ['b-daily', true],
      ['b-hourly', true],
    ]);
  });

  it('writes the runbook in the schedule order with prerequisites and procedures', () => {
    const { runbook } = evaluateOutage(graph, outage(), { teams: 2 });
    expect(runbook.map((s) => [s.step, s.asset, s.after])).toEqual([
      [1, 'hv', []],
      [2, 'db', ['hv']],
      [3, 'app', ['hv']],
    ]);
    expect(runbook[0]?.action.en).toBe('Get replacement hardware for hv, then: rebuild hv');
    expect(runbook[1]?.action.en).toBe('Restore db from b-hourly');
    expect(runbook[1]?.action.fr).toBe('Restaurer db depuis b-hourly');
    expect(runbook[1]?.procedure).toBe('PRA-DB-01');
    expect(runbook[2]?.procedure).toBeUndefined();
    expect(runbook[2]?.action.en).toBe('Rebuild app');
  });

  it('falls back on an older copy and misses the RPO', () => {
    const result = evaluateOutage(graph, outage(['b-hourly']), { teams: 2 });
    expect(result.dataLoss.find((d) => d.entity === 'orders')).toMatchObject({
      windowMinutes: 1440,
      status: 'missed',
      from: 'b-daily',
    });
    expect(result.processes.find((p) => p.process === 'sales')?.rpoStatus).toBe('missed');
    expect(result.backups.find((b) => b.backup === 'b-hourly')).toMatchObject({
      survives: false,
      reason: { en: 'gone' },
    });
  });

  it('with no surviving copy, the data is lost but the asset is rebuilt empty in the schedule', () => {
    const result = evaluateOutage(graph, outage(['b-hourly', 'b-daily'], false), { teams: 2 });
    expect(result.dataLoss.find((d) => d.entity === 'orders')).toEqual({
      entity: 'orders',
      windowMinutes: null,
      rpo: 120,
      status: 'lost',
    });
    // every entity with no surviving copy is both in the data loss and in what is missing
    expect(result.dataLoss.filter((d) => d.windowMinutes === null).map((d) => d.entity)).toEqual([
      'db',
      'orders',
    ]);
    expect(result.missing.map((m) => [m.code, m.subjects])).toEqual([
      ['no-surviving-backup', ['db', 'orders']],
    ]);
    // without hardware loss hv is rebuilt in its own 2 h, db rebuilt empty 1 h after it: the
    // RTO (4 h) is met at 3 h, the data is lost
    expect(result.processes.find((p) => p.process === 'sales')).toMatchObject({
      achievable: 180,
      rtoStatus: 'met',
      rpoStatus: 'lost',
    });
    expect(result.plan.tasks.find((t) => t.asset === 'hv')?.end).toBe(120);
    expect(result.runbook.find((s) => s.asset === 'db')?.action.en).toBe(
      'Rebuild db from scratch (no backup survives) and re-enter its data',
    );
  });

  it('assumes one day for a surviving copy without frequency and says so', () => {
    const { graph: g } = modelFrom(model.replace('target: nas, frequency: 1h', 'target: nas'));
    const result = evaluateOutage(g, outage(['b-daily']), { teams: 2 });
    expect(result.dataLoss.find((d) => d.entity === 'orders')?.windowMinutes).toBe(1440);
    expect(result.assumptions.some((a) => a.subject === 'b-hourly')).toBe(true);
  });
});

describe('evaluateOutage: standby, inherited RPO, data on several stores, process times', () => {
  /**
   * a fails over to b (15 min) and is backed up hourly on nas; c fails over with no standby
   * declared. d1 lives on a and c; docs on fs, which p uses (RPO 4 h), backed up weekly.
   */
  const m = `
organisation: { name: Test }
assets:
  - { id: a, name: Server A, kind: server, redundancy: { mode: active-passive, with: [b] } }
  - { id: b, name: Server B, kind: server }
  - { id: c, kind: server, redundancy: { mode: cluster } }
  - { id: fs, kind: file-server, recovery: { duration: 2h } }
  - { id: x, kind: database, recovery: { duration: 1h } }
  - { id: y, kind: database, recovery: { duration: 1h } }
  - { id: nas, kind: storage }
data:
  - { id: docs, storedOn: [fs] }
  - { id: d1, storedOn: [x, y] }
backups:
  - { id: b-a, protects: [a], target: nas, frequency: 1h }
  - { id: b-docs, protects: [docs], target: nas, frequency: 1w }
  - { id: b-x, protects: [x], target: nas, frequency: 1d }
processes:
  - { id: p, rto: 1d, rpo: 4h, assets: [fs] }
  - { id: q, rto: 1d, rpo: 1w, assets: [a] }
`;
  const { graph: g } = modelFrom(m);
  const lose = (ids: string[], destroyed = ids): Outage => ({
    lost: ids.map((asset) => ({ asset, cause: 'encrypted' as const })),
    destroyed: new Set(destroyed),
    lostBackups: new Map(),
  });

  it('fails over only to a standby that survives, else restores in the default time', () => {
    const alone = evaluateOutage(g, lose(['a']), { teams: 1 });
    expect(alone.plan.tasks.find((t) => t.asset === 'a')?.end).toBe(15);
    expect(alone.runbook[0]?.action.en).toBe('Fail Server A over to its standby (Server B)');
    expect(alone.dataLoss).toEqual([]);

    const both = evaluateOutage(g, lose(['a', 'b']), { teams: 2 });
    // a server's default recovery: 1 day, from its hourly copy
    expect(both.plan.tasks.find((t) => t.asset === 'a')?.end).toBe(1440);
    expect(both.runbook.find((s) => s.asset === 'a')?.action.en).toBe(
      'Its standby is lost too: restore Server A from b-a',
    );
    expect(both.dataLoss.find((d) => d.entity === 'a')).toMatchObject({
      windowMinutes: 60,
      from: 'b-a',
    });
    expect(both.assumptions.some((x) => x.subject === 'failover')).toBe(true);

    // no standby declared: shares the fate of an asset whose data is gone, rebuilt (no copy)
    const c = evaluateOutage(g, lose(['c']), { teams: 1 });
    expect(c.plan.tasks[0]?.end).toBe(1440);
    expect(c.runbook[0]?.action.en).toBe('Its standby is lost too: rebuild c');
    expect(c.assumptions.some((x) => x.subject === 'standby')).toBe(true);
    // unusable but intact (not destroyed): the standby takes over
    expect(evaluateOutage(g, lose(['c'], []), { teams: 1 }).plan.tasks[0]?.end).toBe(15);
  });

  it('gives a data set the tightest RPO of the processes using its storage', () => {
    const result = evaluateOutage(g, lose(['fs']), { teams: 1 });
    // docs: weekly copy against p's 4 h (p uses fs, where docs lives)
    expect(result.dataLoss.find((d) => d.entity === 'docs')).toEqual({
      entity: 'docs',
      windowMinutes: 10080,
      rpo: 240,
      status: 'missed',
      from: 'b-docs',
    });
    expect(result.processes.find((pr) => pr.process === 'p')?.rpoStatus).toBe('missed');
  });

  it('loses a data set on several stores only when all are lost', () => {
    // x lost with a daily copy, y intact: the window of the lost store
    const one = evaluateOutage(g, lose(['x']), { teams: 1 });
    expect(one.dataLoss.find((d) => d.entity === 'd1')).toMatchObject({
      windowMinutes: 1440,
      from: 'b-x',
    });
    // y lost, x intact: y's part comes back from x's daily copy (which holds d1), nothing missing
    const other = evaluateOutage(g, lose(['y']), { teams: 1 });
    expect(other.dataLoss.find((d) => d.entity === 'd1')).toMatchObject({
      windowMinutes: 1440,
      from: 'b-x',
    });
    expect(other.missing.filter((mi) => mi.code === 'no-surviving-backup')).toEqual([]);
    // both lost: the worst of the two is x's daily copy (y has none)
    const both = evaluateOutage(g, lose(['x', 'y']), { teams: 1 });
    expect(both.dataLoss.find((d) => d.entity === 'd1')?.windowMinutes).toBe(1440);
    // both lost and no copy at all
    const none = evaluateOutage(
      g,
      { ...lose(['x', 'y']), lostBackups: new Map([['b-x', { en: 'gone', fr: 'perdue' }]]) },
      { teams: 1 },
    );
    expect(none.dataLoss.find((d) => d.entity === 'd1')?.windowMinutes).toBeNull();
    const noBackup = none.missing.find((mi) => mi.code === 'no-surviving-backup');
    expect(noBackup?.subjects).toEqual(
      none.dataLoss.filter((d) => d.windowMinutes === null).map((d) => d.entity),
    );
    expect(noBackup?.subjects).toContain('d1');
  });

  it("takes each process's time and chain from the plan, never the makespan", () => {
    // fs (2 h) for p; a and b (1 day each) for q; one team
    const result = evaluateOutage(g, lose(['fs', 'a', 'b']), { teams: 1 });
    for (const outcome of result.processes.filter((pr) => pr.impacted)) {
      const planned = result.plan.processes.find((pp) => pp.process === outcome.process);
      expect(outcome.achievable).toBe(planned?.achievable);
      expect(outcome.chain).toEqual(planned?.chain);
    }
    expect(result.processes.find((pr) => pr.process === 'p')?.achievable).toBeLessThan(
      result.plan.makespan,
    );
  });
});
