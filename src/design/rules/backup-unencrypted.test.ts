import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { backupUnencrypted } from './backup-unencrypted.js';

const base = `
organisation: { name: Test }
sites: [{ id: paris, name: Paris }, { id: lyon, name: Lyon }]
zones:
  - { id: srv-paris, kind: server, site: paris }
  - { id: srv-lyon, kind: server, site: lyon }
assets:
  - { id: db, kind: database, zone: srv-paris }
  - { id: nas, kind: storage, zone: srv-paris }
data: [{ id: paie, needs: { confidentiality: 4 }, storedOn: [db] }]
backups:
`;

describe('backup-unencrypted', () => {
  it('fires on an unencrypted backup, more likely at a provider or on another site', () => {
    const findings = runRule(
      backupUnencrypted,
      `${base}  - { id: a-local, protects: [db], target: nas, encrypted: false }
  - { id: b-provider, protects: [paie], provider: OVHcloud }
  - { id: c-other-site, protects: [db], site: lyon, encrypted: false }
`,
    );
    expect(findings.map((f) => [f.id, f.likelihood, f.impact, f.severity])).toEqual([
      ['backup-unencrypted@b-provider', 3, 4, 'high'],
      ['backup-unencrypted@c-other-site', 3, 4, 'high'],
      ['backup-unencrypted@a-local', 2, 4, 'medium'],
    ]);
    expect(findings[0]?.detail).toBe(
      'b-provider is not declared encrypted; copies kept by OVHcloud, away from the systems it protects.',
    );
    expect(findings[2]?.detail).toBe('a-local is not encrypted; copies kept on Paris.');
  });

  it('stays silent on encrypted backups', () => {
    expect(
      runRule(
        backupUnencrypted,
        `${base}  - { id: b, protects: [db], provider: X, encrypted: true }\n`,
      ),
    ).toEqual([]);
  });

  it('finds the unencrypted backups of the demo', () => {
    const ids = runRule(backupUnencrypted, exampleModel('forges-de-l-est')).map(
      (f) => f.subjects[0],
    );
    expect(ids.sort()).toEqual(['sauv-fichiers-nas', 'sauv-projets-ot', 'sauv-vm-siege']);
  });
});
