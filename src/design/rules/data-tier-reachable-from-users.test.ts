import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { dataTierReachableFromUsers } from './data-tier-reachable-from-users.js';

const base = `
organisation: { name: Test }
zones:
  - { id: lan, kind: user }
  - { id: guests, kind: guest-wifi }
  - { id: srv, kind: server }
  - { id: adm, kind: admin }
  - { id: lab, kind: other, trust: low }
assets:
  - { id: fw, kind: firewall }
  - { id: pc, kind: workstation, zone: lan }
  - { id: admin-pc, kind: admin-workstation, zone: lan }
  - { id: app, kind: application, zone: srv }
  - { id: db, kind: database, zone: srv }
  - { id: share, kind: file-server, zone: srv }
  - { id: pacs-store, kind: storage, zone: srv }
  - { id: bench, kind: laptop, zone: lab }
data:
  - { id: patients, needs: { confidentiality: 4, integrity: 3 }, storedOn: [db, pacs-store] }
  - { id: notes, needs: { confidentiality: 3 }, storedOn: [share] }
flows:
  - { id: users-app, from: lan, to: app, protocol: https, port: 443, via: [fw] }
  - { id: app-db, from: app, to: db, protocol: postgresql, port: 5432, encryption: tls1.3 }
  - { id: app-store, from: app, to: pacs-store, protocol: nfs }
  - { id: users-share, from: lan, to: share, protocol: smb, port: 445, via: [fw] }
  - { id: dba, from: adm, to: db, protocol: postgresql, port: 5432 }
`;

describe('data-tier-reachable-from-users', () => {
  it('fires on a database reached from users even over TLS through a firewall', () => {
    const findings = runRule(
      dataTierReachableFromUsers,
      `${base}  - { id: thick, from: pc, to: db, protocol: postgresql, port: 5432, encryption: tls1.3, via: [fw] }\n`,
    );
    expect(findings.map((f) => [f.id, f.likelihood, f.severity])).toEqual([
      ['data-tier-reachable-from-users@db', 3, 'high'],
    ]);
    expect(findings[0]?.subjects).toEqual(['db', 'thick', 'pc']);
    expect(findings[0]?.detail).toBe(
      'db (data need 4) is reached directly from users, not only through its application: thick (pc → postgresql/5432 via fw).',
    );
  });

  it('rates guest and low-trust sources and fronted storage reached over file protocols', () => {
    const findings = runRule(
      dataTierReachableFromUsers,
      `${base}  - { id: guest-sql, from: guests, to: srv, protocol: postgresql, port: 5432 }
  - { id: lab-nfs, from: bench, to: pacs-store, protocol: nfs }
`,
    );
    // a whole zone reached over a database protocol: every data store of it answers (app keeps
    // no data: its need is unknown, it is not reported)
    expect(findings.map((f) => [f.id, f.likelihood, f.severity])).toEqual([
      ['data-tier-reachable-from-users@db', 4, 'critical'],
      ['data-tier-reachable-from-users@pacs-store', 4, 'critical'],
      ['data-tier-reachable-from-users@share', 4, 'high'],
    ]);
    expect(findings[1]?.subjects).toEqual([
      'pacs-store',
      'guest-sql',
      'guests',
      'lab-nfs',
      'bench',
    ]);
  });

  it('stays silent for the application tier, plain file shares, administration and low needs', () => {
    const findings = runRule(
      dataTierReachableFromUsers,
      base.replace(
        'data:',
        [
          '  - { id: cache, kind: database, zone: srv }',
          '  - { id: nas, kind: storage, zone: srv }',
          '  - { id: bk, kind: backup-server, zone: srv }',
          'data:',
          // kept on a storage only a backup server reaches: not fronted by an application
          '  - { id: scans, needs: { confidentiality: 4 }, storedOn: [nas] }',
        ].join('\n'),
      ) +
        `  - { id: admin-sql, from: admin-pc, to: db, protocol: postgresql, port: 5432 }
  - { id: rdp-db, from: pc, to: db, protocol: rdp, port: 3389 }
  - { id: users-srv, from: lan, to: srv, protocol: https }
  - { id: users-cache, from: pc, to: cache, protocol: redis }
  - { id: bk-nas, from: bk, to: nas, protocol: nfs }
  - { id: users-nas, from: pc, to: nas, protocol: smb }
`,
    );
    expect(findings).toEqual([]);
  });

  it('finds the payroll database queried by the HR thick client in the demo', () => {
    const findings = runRule(dataTierReachableFromUsers, exampleModel('forges-de-l-est'));
    expect(findings.map((f) => f.id)).toEqual(['data-tier-reachable-from-users@db-paie']);
    expect(findings[0]?.subjects).toEqual(['db-paie', 'flux-rh-db-paie', 'postes-rh']);
  });
});
