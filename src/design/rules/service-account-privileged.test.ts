import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { serviceAccountPrivileged } from './service-account-privileged.js';

const base = `
organisation: { name: Test }
zones: [{ id: srv, kind: server }]
assets:
  - { id: dc, kind: directory, zone: srv }
  - { id: hyperviseur, kind: hypervisor, zone: srv }
  - { id: nas, kind: storage, zone: srv }
  - { id: db, kind: database, zone: srv }
data: [{ id: compta, needs: { availability: 3, integrity: 4 }, storedOn: [db] }]
backups: [{ id: sauv, protects: [db], target: nas }]
identities:
  - { id: admins, kind: group, privileged: true, rights: [{ on: dc, level: admin }] }
`;

describe('service-account-privileged', () => {
  it('fires on a service account in a privileged group', () => {
    const findings = runRule(
      serviceAccountPrivileged,
      `${base}  - { id: svc-app, kind: service-account, memberOf: [admins] }\n`,
    );
    expect(findings.map((f) => f.id)).toEqual(['service-account-privileged@svc-app']);
    expect(findings[0]?.subjects).toEqual(['svc-app', 'admins']);
    expect(findings[0]?.severity).toBe('medium');
    expect(findings[0]?.detail).toBe('svc-app is a member of admins.');
  });

  it('fires on a backup account that administers both the backup storage and production', () => {
    const findings = runRule(
      serviceAccountPrivileged,
      `${base}  - { id: svc-backup, kind: service-account, rights: [{ on: nas, level: admin }, { on: db, level: admin }] }\n`,
    );
    expect(findings.map((f) => f.id)).toEqual(['service-account-privileged@svc-backup']);
    expect(findings[0]?.subjects).toEqual(['svc-backup', 'nas', 'db']);
    expect(findings[0]?.impact).toBe(4);
    expect(findings[0]?.severity).toBe('high');
  });

  it('stays silent on narrowly scoped service accounts and on people', () => {
    const findings = runRule(
      serviceAccountPrivileged,
      `${base}  - { id: svc-db, kind: service-account, privileged: true, rights: [{ on: db, level: admin }] }
  - { id: svc-nas, kind: service-account, rights: [{ on: nas, level: admin }, { on: compta, level: admin }] }
  - { id: svc-lecture, kind: service-account, rights: [{ on: nas, level: admin }, { on: db, level: read }] }
  - { id: alice, kind: person, memberOf: [admins] }
`,
    );
    expect(findings).toEqual([]);
  });

  it('finds the backup service account of the demo', () => {
    const findings = runRule(serviceAccountPrivileged, exampleModel('forges-de-l-est'));
    const veeam = findings.find((f) => f.id === 'service-account-privileged@svc-veeam');
    expect(veeam?.subjects).toEqual(
      expect.arrayContaining(['svc-veeam', 'grp-admins-domaine', 'nas-sauvegarde-siege']),
    );
  });
});
