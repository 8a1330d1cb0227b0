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

  it('with no surviving copy, the data is lost and the process unrecoverable', () => {
    const result = evaluateOutage(graph, outage(['b-hourly', 'b-daily'], false), { teams: 2 });
    expect(result.dataLoss.find((d) => d.entity === 'orders')).toEqual({
      entity: 'orders',
      windowMinutes: null,
      rpo: 120,
      status: 'lost',
    });
    expect(result.missing.map((m) => [m.code, m.subjects])).toEqual([
      ['no-surviving-backup', ['db']],
    ]);
    expect(result.processes.find((p) => p.process === 'sales')).toMatchObject({
      achievable: null,
      rtoStatus: 'unrecoverable',
      rpoStatus: 'lost',
    });
    // without hardware loss hv is rebuilt in its own 2 h
    expect(result.plan.tasks.find((t) => t.asset === 'hv')?.end).toBe(120);
    expect(result.runbook.find((s) => s.asset === 'db')?.action.en).toBe(
      'No surviving copy of db: rebuild it empty and re-enter its data',
    );
  });

  it('assumes one day for a surviving copy without frequency and says so', () => {
    const { graph: g } = modelFrom(model.replace('target: nas, frequency: 1h', 'target: nas'));
    const result = evaluateOutage(g, outage(['b-daily']), { teams: 2 });
    expect(result.dataLoss.find((d) => d.entity === 'orders')?.windowMinutes).toBe(1440);
    expect(result.assumptions.some((a) => a.subject === 'b-hourly')).toBe(true);
  });
});
