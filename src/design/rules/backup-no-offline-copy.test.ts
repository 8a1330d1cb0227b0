import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { backupNoOfflineCopy } from './backup-no-offline-copy.js';

const base = `
organisation: { name: Test }
zones: [{ id: srv, kind: server }]
assets:
  - { id: fs, kind: file-server, zone: srv }
  - { id: nas, name: Backup NAS, kind: storage, zone: srv }
data: [{ id: docs, needs: { availability: 3, integrity: 4 }, storedOn: [fs] }]
backups:
`;

describe('backup-no-offline-copy', () => {
  it('fires on an online, mutable backup whose assets have no offline or immutable copy', () => {
    const findings = runRule(
      backupNoOfflineCopy,
      `${base}  - { id: b1, name: Nightly, protects: [fs], target: nas, offline: false, immutable: false }\n`,
    );
    expect(findings.map((f) => f.id)).toEqual(['backup-no-offline-copy@b1']);
    expect(findings[0]?.subjects).toEqual(['b1', 'fs', 'nas']);
    expect(findings[0]?.detail).toBe(
      'Nightly on Backup NAS is online and not immutable, and no offline or immutable copy exists for: fs.',
    );
    expect(findings[0]?.likelihood).toBe(3);
    expect(findings[0]?.severity).toBe('high');
  });

  it('stays silent when the backup itself or another one is offline or immutable', () => {
    for (const backups of [
      '  - { id: b1, protects: [fs], offline: true }\n',
      '  - { id: b1, protects: [fs], immutable: true }\n',
      '  - { id: b1, protects: [fs] }\n  - { id: b2, protects: [fs], immutable: true }\n',
      '  - { id: b1, protects: [docs] }\n  - { id: b2, protects: [fs], offline: true }\n',
    ]) {
      expect(runRule(backupNoOfflineCopy, `${base}${backups}`), backups).toEqual([]);
    }
  });

  it('finds the online-only backups of the demo on the head-office NAS', () => {
    const findings = runRule(backupNoOfflineCopy, exampleModel('forges-de-l-est'));
    const ids = findings.map((f) => f.subjects[0]);
    expect(ids).toEqual(
      expect.arrayContaining(['sauv-vm-siege', 'sauv-fichiers-nas', 'sauv-projets-ot']),
    );
    for (const finding of findings.filter((f) => f.subjects[0] !== 'sauv-copie-usine'))
      expect(finding.subjects).toContain('nas-sauvegarde-siege');
    expect(ids).not.toContain('sauv-cloud-immuable');
  });
});
