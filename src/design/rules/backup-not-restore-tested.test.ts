import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { backupNotRestoreTested } from './backup-not-restore-tested.js';

const base = `
organisation: { name: Test }
zones: [{ id: srv, kind: server }]
assets: [{ id: mes, kind: server, zone: srv }]
processes: [{ id: prod, needs: { availability: 4, integrity: 3 }, assets: [mes] }]
backups:
`;

describe('backup-not-restore-tested', () => {
  it('rates never-tested and failed backups above partial and old tests', () => {
    const findings = runRule(
      backupNotRestoreTested,
      `${base}  - { id: a-never, protects: [mes] }
  - { id: b-failed, protects: [mes], lastRestoreTest: { date: 2026-10-01, result: failure } }
  - { id: c-partial, protects: [mes], lastRestoreTest: { date: 2026-10-01, result: partial } }
  - { id: d-old, protects: [mes], lastRestoreTest: { date: 2025-11-27, result: success } }
`,
    );
    expect(findings.map((f) => [f.id, f.likelihood, f.impact, f.severity])).toEqual([
      ['backup-not-restore-tested@a-never', 3, 4, 'high'],
      ['backup-not-restore-tested@b-failed', 3, 4, 'high'],
      ['backup-not-restore-tested@c-partial', 2, 4, 'medium'],
      ['backup-not-restore-tested@d-old', 2, 4, 'medium'],
    ]);
    expect(findings[0]?.subjects).toEqual(['a-never', 'mes']);
    expect(findings[3]?.detail).toBe(
      'The last restore test of d-old dates from 2025-11-27, more than one year ago.',
    );
  });

  it('stays silent after a successful test within the year', () => {
    const findings = runRule(
      backupNotRestoreTested,
      `${base}  - { id: ok, protects: [mes], lastRestoreTest: { date: 2025-11-28, result: success } }\n`,
    );
    expect(findings).toEqual([]);
  });

  it('finds the never-tested OT backup of the demo', () => {
    const findings = runRule(backupNotRestoreTested, exampleModel('forges-de-l-est'));
    const ot = findings.find((f) => f.id === 'backup-not-restore-tested@sauv-projets-ot');
    expect(ot?.subjects).toEqual(
      expect.arrayContaining(['sauv-projets-ot', 'scada-usine', 'srv-mes', 'data-recettes']),
    );
    expect(ot?.severity).toBe('high');
    expect(findings.map((f) => f.subjects[0])).not.toContain('sauv-cloud-immuable');
  });
});
