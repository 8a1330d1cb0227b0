import { describe, expect, it } from 'vitest';
import { exampleModel, modelFrom } from '../../../test/support/model.js';
import { analyseBackupCoverage } from './backup-coverage.js';
import { analysesOf } from './index.js';

const base = `
organisation: { name: Test }
zones: [{ id: srv, kind: server }]
assets:
  - { id: db, kind: database, zone: srv }
  - { id: app, kind: application, zone: srv }
  - { id: spare, kind: server, zone: srv }
data: [{ id: orders, storedOn: [db] }]
processes:
  - { id: sales, rpo: 4h, rto: 1d, mtpd: 2d, assets: [app], data: [orders] }
  - { id: ops, rpo: 1d, assets: [app, spare] }
backups:
  - { id: b-weekly, protects: [db], frequency: 1w }
  - { id: a-daily, protects: [orders], frequency: 1d }
  - { id: c-daily, protects: [orders], frequency: 1d }
  - { id: app-hourly, protects: [app], frequency: 1h }
`;

describe('analyseBackupCoverage', () => {
  const analysis = analyseBackupCoverage(modelFrom(base).graph);

  it('covers a data set by its own backups and those of the assets storing it', () => {
    const orders = analysis.coverage.get('orders');
    expect(orders?.backups.map((b) => b.id)).toEqual(['a-daily', 'b-weekly', 'c-daily']);
    // the most frequent; equal intervals: the smallest id
    expect(orders?.best).toEqual({ backup: 'a-daily', minutes: 1440 });
    expect(analysis.coverage.get('db')?.best).toEqual({ backup: 'b-weekly', minutes: 10080 });
    expect(analysis.coverage.get('spare')).toEqual({ id: 'spare', backups: [], replicas: [] });
    expect(analysis.protectedEntities).toEqual(['app', 'db', 'orders']);
  });

  it('checks a process on its data and on the backed-up assets storing them', () => {
    const sales = analysis.processes.find((p) => p.process === 'sales');
    expect(sales).toMatchObject({
      entities: ['orders'],
      relied: ['orders', 'db'],
      backups: ['a-daily', 'b-weekly', 'c-daily'],
      uncovered: [],
      // the weekly backup of db: losing db loses a week of what it stores
      interval: 10080,
      rpo: 240,
      rto: 1440,
      mtpd: 2880,
      rpoMet: false,
    });
    expect(analysis.relyingProcesses.get('db')).toEqual(['sales']);
  });

  it('checks a process that declares no data on its assets', () => {
    const ops = analysis.processes.find((p) => p.process === 'ops');
    expect(ops).toMatchObject({
      entities: ['app', 'spare'],
      backups: ['app-hourly'],
      uncovered: ['spare'],
      interval: 60,
      rpoMet: true,
    });
    expect(analysis.relyingProcesses.get('app')).toEqual(['ops']);
  });

  it('leaves the verdict out when the RPO or every frequency is unknown', () => {
    const graph = modelFrom(`
organisation: { name: Test }
assets: [{ id: db, kind: database }]
processes: [{ id: p, assets: [db] }, { id: q, rpo: 1h, assets: [db] }]
backups: [{ id: b, protects: [db] }]
`).graph;
    for (const recovery of analyseBackupCoverage(graph).processes) {
      expect(recovery.rpoMet).toBeUndefined();
      expect(recovery.interval).toBeUndefined();
      expect(recovery.backups).toEqual(['b']);
    }
  });

  it('keeps replications and syncs apart: they neither cover an entity nor set its best interval', () => {
    const replicated = analyseBackupCoverage(
      modelFrom(`${base}  - { id: rep, protects: [db], method: replication, frequency: 5min }
  - { id: mirror, protects: [spare], method: sync }
`).graph,
    );
    expect(replicated.coverage.get('db')?.best).toEqual({ backup: 'b-weekly', minutes: 10_080 });
    expect(replicated.coverage.get('db')?.replicas.map((b) => b.id)).toEqual(['rep']);
    expect(replicated.coverage.get('spare')?.backups).toEqual([]);
    expect(replicated.coverage.get('spare')?.replicas.map((b) => b.id)).toEqual(['mirror']);
    const ops = replicated.processes.find((p) => p.process === 'ops');
    expect(ops?.uncovered).toEqual(['spare']);
    expect(ops?.backups).not.toContain('mirror');
  });

  it('is computed once per graph and shared', () => {
    const { graph } = exampleModel('forges-de-l-est');
    expect(analysesOf(graph).backupCoverage).toBe(analysesOf(graph).backupCoverage);
    expect(analysesOf(graph).backupCoverage).toEqual(analyseBackupCoverage(graph));
  });
});
