import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { backupSameSite } from './backup-same-site.js';

const base = `
organisation: { name: Test }
sites: [{ id: paris, name: Paris }, { id: lyon, name: Lyon }]
zones:
  - { id: srv-paris, kind: server, site: paris }
  - { id: srv-lyon, kind: server, site: lyon }
  - { id: cloud, kind: cloud }
assets:
  - { id: fs, kind: file-server, zone: srv-paris }
  - { id: nas, kind: storage, zone: srv-paris }
  - { id: nas-lyon, kind: storage, zone: srv-lyon }
  - { id: mes, kind: server, zone: srv-lyon }
  - { id: s3, kind: cloud-service, zone: cloud }
data: [{ id: docs, needs: { availability: 3, integrity: 4 }, storedOn: [fs] }]
backups:
`;

describe('backup-same-site', () => {
  it('fires on a backup kept on the site of what it protects, with no copy elsewhere', () => {
    const findings = runRule(
      backupSameSite,
      `${base}  - { id: b1, name: Nightly, protects: [fs, mes], target: nas }\n`,
    );
    expect(findings.map((f) => f.id)).toEqual(['backup-same-site@b1']);
    expect(findings[0]?.subjects).toEqual(['b1', 'fs', 'nas', 'paris']);
    expect(findings[0]?.detail).toBe(
      'Nightly is stored on Paris (nas), the site of what it protects, with no copy anywhere else for: fs.',
    );
    expect(findings[0]?.impact).toBe(4);
    expect(findings[0]?.severity).toBe('medium');
  });

  it('checks data sets through the sites of the assets storing them', () => {
    const findings = runRule(
      backupSameSite,
      `${base}  - { id: b1, protects: [docs], site: paris }\n`,
    );
    expect(findings.map((f) => f.subjects)).toEqual([['b1', 'docs', 'paris']]);
  });

  it('stays silent when another backup keeps a copy on another site or at a provider', () => {
    for (const other of [
      '{ id: b2, protects: [fs], target: nas-lyon }',
      '{ id: b2, protects: [fs], provider: OVHcloud }',
      '{ id: b2, protects: [fs], target: s3 }',
      '{ id: b2, protects: [fs], zone: srv-lyon }',
    ]) {
      const findings = runRule(
        backupSameSite,
        `${base}  - { id: b1, protects: [fs], target: nas }\n  - ${other}\n`,
      );
      expect(findings, other).toEqual([]);
    }
  });

  it('stays silent for a backup on another site or whose location is unknown', () => {
    const findings = runRule(
      backupSameSite,
      `${base}  - { id: b1, protects: [mes], target: nas }\n  - { id: b2, protects: [fs] }\n`,
    );
    expect(findings).toEqual([]);
  });

  it('finds the file server backed up only in the server room of the demo', () => {
    const findings = runRule(backupSameSite, exampleModel('forges-de-l-est'));
    const files = findings.find((f) => f.id === 'backup-same-site@sauv-fichiers-nas');
    expect(files?.subjects).toEqual(
      expect.arrayContaining([
        'sauv-fichiers-nas',
        'srv-fichiers',
        'nas-sauvegarde-siege',
        'site-nancy',
      ]),
    );
    // the OT projects are copied from Pompey to Nancy: off their site
    expect(findings.map((f) => f.subjects[0])).not.toContain('sauv-projets-ot');
  });
});
