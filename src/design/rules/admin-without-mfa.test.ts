import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { adminWithoutMfa } from './admin-without-mfa.js';

const base = `
organisation: { name: Test }
zones: [{ id: srv, kind: server }]
assets: [{ id: dc, kind: directory, zone: srv }]
data: [{ id: annuaire, needs: { availability: 3, integrity: 4, confidentiality: 3, proof: 2 }, storedOn: [dc] }]
identities:
`;

describe('admin-without-mfa', () => {
  it('fires on a privileged person without MFA, with impact from what it administers', () => {
    const findings = runRule(
      adminWithoutMfa,
      `${base}  - { id: alice, kind: person, privileged: true, rights: [{ on: dc, level: admin }] }\n`,
    );
    expect(findings.map((f) => f.id)).toEqual(['admin-without-mfa@alice']);
    expect(findings[0]?.subjects).toEqual(['alice', 'dc']);
    expect(findings[0]?.impact).toBe(4);
    expect(findings[0]?.severity).toBe('high');
  });

  it('fires on a member of a privileged group without MFA', () => {
    const findings = runRule(
      adminWithoutMfa,
      `${base}  - { id: admins, kind: group, privileged: true }\n  - { id: bob, kind: person, memberOf: [admins] }\n`,
    );
    expect(findings.map((f) => f.id)).toEqual(['admin-without-mfa@bob']);
  });

  it('stays silent with MFA (own or group), for unprivileged people and for people who left', () => {
    const findings = runRule(
      adminWithoutMfa,
      `${base}  - { id: admins, kind: group, privileged: true, mfa: true }
  - { id: bob, kind: person, memberOf: [admins] }
  - { id: carol, kind: person, privileged: true, mfa: true }
  - { id: dave, kind: person }
  - { id: erin, kind: person, privileged: true, left: 2025-01-31 }
`,
    );
    expect(findings).toEqual([]);
  });

  it('finds the administrators without MFA of the demo', () => {
    const ids = runRule(adminWithoutMfa, exampleModel('forges-de-l-est')).map((f) => f.subjects[0]);
    expect(ids).toEqual(
      expect.arrayContaining(['id-resp-si', 'id-admin-systemes', 'id-technicien-support']),
    );
  });
});
