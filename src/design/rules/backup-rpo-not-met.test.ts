import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { backupRpoNotMet } from './backup-rpo-not-met.js';

const base = `
organisation: { name: Test }
zones: [{ id: srv, kind: server }]
assets:
  - { id: db, name: Orders DB, kind: database, zone: srv }
  - { id: app, kind: application, zone: srv }
data: [{ id: orders, needs: { availability: 4, integrity: 3 }, storedOn: [db] }]
processes:
  - { id: sales, name: Sales, rpo: 4h, assets: [app], data: [orders] }
  - { id: prod, name: Production, rpo: 1h, data: [orders] }
backups:
`;

describe('backup-rpo-not-met', () => {
  it('fires when the most frequent backup is older than the strictest RPO of the data held', () => {
    const findings = runRule(
      backupRpoNotMet,
      `${base}  - { id: weekly, protects: [db], frequency: 1w }\n  - { id: daily, protects: [db], frequency: 1d }\n`,
    );
    expect(findings.map((f) => f.id)).toEqual(['backup-rpo-not-met@db']);
    expect(findings[0]?.subjects).toEqual(['db', 'daily', 'prod', 'sales']);
    expect(findings[0]?.detail).toBe(
      'Orders DB: backup interval of 1 day at best (daily), but Production accepts losing only 1 hour of data (RPO).',
    );
    expect(findings[0]?.impact).toBe(4);
    expect(findings[0]?.severity).toBe('medium');
  });

  it('counts the backups of the assets a data set is stored on', () => {
    const findings = runRule(
      backupRpoNotMet,
      `${base}  - { id: weekly, protects: [orders], frequency: 1w }\n  - { id: hourly, protects: [db], frequency: 1h }\n`,
    );
    expect(findings).toEqual([]);
  });

  it('stays silent when frequent enough, without RPO or frequency, and for assets holding no data', () => {
    for (const backups of [
      '  - { id: b, protects: [db], frequency: 30min }\n',
      '  - { id: b, protects: [db] }\n',
      '  - { id: b, protects: [app], frequency: 1w }\n',
    ]) {
      expect(runRule(backupRpoNotMet, `${base}${backups}`), backups).toEqual([]);
    }
  });

  it('checks a process that declares no data against the backups of its assets, as the DAT does', () => {
    const yaml = `
organisation: { name: Test }
assets: [{ id: plc, name: PLC, kind: plc }]
processes: [{ id: line, name: Line, rpo: 1h, assets: [plc] }]
backups: [{ id: weekly, protects: [plc], frequency: 1w }]
`;
    const findings = runRule(backupRpoNotMet, yaml);
    expect(findings.map((f) => f.subjects)).toEqual([['plc', 'weekly', 'line']]);
  });

  it('finds the weekly OT backups of the demo against the one-hour RPO of production', () => {
    const findings = runRule(backupRpoNotMet, exampleModel('forges-de-l-est'));
    const ids = findings.map((f) => f.subjects[0]);
    expect(ids).toEqual(expect.arrayContaining(['srv-mes', 'scada-usine', 'data-recettes']));
    expect(findings.find((f) => f.subjects[0] === 'srv-mes')?.subjects).toContain(
      'proc-production',
    );
    expect(ids).not.toContain('db-paie');
  });
});
