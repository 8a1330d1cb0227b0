import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { backupNoOfflineCopy } from './backup-no-offline-copy.js';
import { backupReplicationOnly } from './backup-replication-only.js';
import { backupNotRestoreTested } from './backup-not-restore-tested.js';
import { backupRpoNotMet } from './backup-rpo-not-met.js';
import { backupSameSite } from './backup-same-site.js';

const base = `
organisation: { name: Test }
zones: [{ id: srv, kind: server }]
assets:
  - { id: db, kind: database, zone: srv }
  - { id: fs, kind: file-server, zone: srv }
  - { id: nas, kind: storage, zone: srv }
  - { id: dr, kind: storage, zone: srv }
data:
  - { id: orders, needs: { availability: 3, integrity: 4 }, storedOn: [db] }
processes:
  - { id: sales, rpo: 1h, data: [orders] }
backups:
`;

describe('backup-replication-only', () => {
  it('fires on an asset whose only copies are a replication or a sync', () => {
    const findings = runRule(
      backupReplicationOnly,
      `${base}  - { id: rep, protects: [db], method: replication, target: dr, frequency: 5min, immutable: true }
  - { id: onedrive, protects: [fs], method: sync, target: nas }
`,
    );
    expect(findings.map((f) => [f.id, f.severity])).toEqual([
      ['backup-replication-only@db', 'high'],
      ['backup-replication-only@fs', 'medium'],
    ]);
    expect(findings[0]?.detail).toBe(
      'db is only copied by replication (rep): a deletion or an encryption reaches every copy, and no past version can be restored.',
    );
  });

  it('stays silent once a real backup keeps versions, and on a clean model', () => {
    const clean = `${base}  - { id: rep, protects: [db], method: replication, target: dr }
  - { id: nightly, protects: [db], target: nas, frequency: 1h, immutable: true }
`;
    expect(runRule(backupReplicationOnly, clean)).toEqual([]);
    expect(
      [...runRule(backupNoOfflineCopy, clean), ...runRule(backupRpoNotMet, clean)].filter(
        (f) => f.severity === 'high' || f.severity === 'critical',
      ),
    ).toEqual([]);
    expect(runRule(backupReplicationOnly, exampleModel('forges-de-l-est'))).toEqual([]);
  });

  it('is the only finding on a replica: no offline-copy or RPO finding credits or blames it', () => {
    const model = `${base}  - { id: rep, protects: [db], method: replication, target: dr, frequency: 5min }\n`;
    expect(runRule(backupNoOfflineCopy, model)).toEqual([]);
    // the replica does not meet the 1-hour RPO, nor is it reported as a too-slow backup
    expect(runRule(backupRpoNotMet, model)).toEqual([]);
    const onSite = model.replace(
      'zones: [{ id: srv, kind: server }]',
      'sites: [{ id: hq, kind: head-office }]\nzones: [{ id: srv, kind: server, site: hq }]',
    );
    expect(runRule(backupNotRestoreTested, onSite)).toEqual([]);
    expect(runRule(backupSameSite, onSite)).toEqual([]);
    expect(runRule(backupReplicationOnly, onSite).map((f) => f.id)).toEqual([
      'backup-replication-only@db',
    ]);
  });
});

describe('replicas and snapshots in the other backup rules', () => {
  it('an immutable replica or a snapshot on the same storage is no offline copy', () => {
    for (const extra of [
      '  - { id: rep, protects: [db], method: replication, target: dr, immutable: true }\n',
      '  - { id: snap, protects: [db], method: snapshot, immutable: true }\n',
      '  - { id: snap, protects: [orders], method: snapshot, target: db, immutable: true }\n',
    ]) {
      const findings = runRule(
        backupNoOfflineCopy,
        `${base}  - { id: nightly, protects: [db], target: nas }\n${extra}`,
      );
      expect(
        findings.map((f) => f.id),
        extra,
      ).toContain('backup-no-offline-copy@nightly');
    }
  });

  it('an immutable snapshot on another storage is one', () => {
    const findings = runRule(
      backupNoOfflineCopy,
      `${base}  - { id: nightly, protects: [db], target: nas }\n  - { id: snap, protects: [db], method: snapshot, target: dr, immutable: true }\n`,
    );
    expect(findings).toEqual([]);
  });

  it('a frequent replication does not meet the RPO that a daily backup misses', () => {
    const findings = runRule(
      backupRpoNotMet,
      `${base}  - { id: nightly, protects: [db], target: nas, frequency: 1d }\n  - { id: rep, protects: [db], method: replication, target: dr, frequency: 5min }\n`,
    );
    expect(findings.map((f) => f.id)).toEqual(['backup-rpo-not-met@db']);
    expect(findings[0]?.detail).toContain('(nightly)');
  });
});
