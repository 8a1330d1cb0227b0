import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { adminLoginFromUserZone } from './admin-login-from-user-zone.js';

const base = `
organisation: { name: Test }
zones:
  - { id: lan, kind: user }
  - { id: wifi, kind: wifi }
  - { id: adm, kind: admin }
  - { id: srv, kind: server }
assets:
  - { id: dc, kind: directory, zone: srv }
  - { id: pc-admin, kind: admin-workstation, zone: adm }
  - { id: portable, kind: laptop, zone: adm }
data: [{ id: annuaire, needs: { confidentiality: 3, integrity: 4 }, storedOn: [dc] }]
identities:
  - { id: admins, kind: group, privileged: true, rights: [{ on: dc, level: admin }] }
`;

describe('admin-login-from-user-zone', () => {
  it('fires on an administrator logging in from the user LAN, with the impact of the group rights', () => {
    const findings = runRule(
      adminLoginFromUserZone,
      `${base}  - { id: alice, kind: person, memberOf: [admins], loginFrom: [adm, lan] }\n`,
    );
    expect(findings.map((f) => f.id)).toEqual(['admin-login-from-user-zone@alice']);
    expect(findings[0]?.subjects).toEqual(['alice', 'lan', 'admins']);
    expect(findings[0]?.impact).toBe(4);
    expect(findings[0]?.severity).toBe('high');
    expect(findings[0]?.detail).toContain('lan (user)');
  });

  it('fires on admin rights used from a Wi-Fi zone or from an ordinary laptop', () => {
    const findings = runRule(
      adminLoginFromUserZone,
      `${base}  - { id: bob, kind: person, rights: [{ on: dc, level: admin }], loginFrom: [wifi] }
  - { id: carol, kind: person, privileged: true, loginFrom: [portable] }
`,
    );
    expect(findings.map((f) => f.id)).toEqual([
      'admin-login-from-user-zone@bob',
      'admin-login-from-user-zone@carol',
    ]);
    expect(findings[0]?.subjects).toEqual(['bob', 'wifi', 'dc']);
    expect(findings[1]?.severity).toBe('medium');
  });

  it('stays silent for administration from the admin zone, for users and for leavers', () => {
    const findings = runRule(
      adminLoginFromUserZone,
      `${base}  - { id: alice, kind: person, memberOf: [admins], loginFrom: [adm, pc-admin] }
  - { id: dave, kind: person, loginFrom: [lan, wifi] }
  - { id: erin, kind: person, privileged: true, loginFrom: [lan], left: 2025-01-31 }
`,
    );
    expect(findings).toEqual([]);
  });

  it('finds the administrators of the demo who log in from office networks', () => {
    const subjects = runRule(adminLoginFromUserZone, exampleModel('forges-de-l-est')).flatMap(
      (f) => f.subjects,
    );
    expect(subjects).toEqual(
      expect.arrayContaining([
        'id-admin-systemes',
        'lan-siege',
        'lan-usine',
        'id-resp-si',
        'id-admin-partage',
      ]),
    );
  });
});
