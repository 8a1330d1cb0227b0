import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { adminRightsWithoutPrivilegedFlag } from './admin-rights-without-privileged-flag.js';

const base = `
organisation: { name: Test }
zones: [{ id: srv, kind: server }]
assets: [{ id: siem, kind: siem, zone: srv }, { id: erp, kind: application, zone: srv }]
data: [{ id: journaux, needs: { integrity: 3, proof: 4 }, storedOn: [siem] }]
identities:
  - { id: admins, kind: group, privileged: true }
`;

describe('admin-rights-without-privileged-flag', () => {
  it('fires on admin rights held outside the privileged inventory', () => {
    const findings = runRule(
      adminRightsWithoutPrivilegedFlag,
      `${base}  - { id: sophie, kind: person, rights: [{ on: siem, level: admin }, { on: erp, level: user }] }\n`,
    );
    expect(findings.map((f) => f.id)).toEqual(['admin-rights-without-privileged-flag@sophie']);
    expect(findings[0]?.subjects).toEqual(['sophie', 'siem']);
    expect(findings[0]?.impact).toBe(3);
    expect(findings[0]?.severity).toBe('medium');
  });

  it('stays silent for privileged identities, members of privileged groups, user rights and leavers', () => {
    const findings = runRule(
      adminRightsWithoutPrivilegedFlag,
      `${base}  - { id: a, kind: person, privileged: true, rights: [{ on: siem, level: admin }] }
  - { id: b, kind: person, memberOf: [admins], rights: [{ on: siem, level: admin }] }
  - { id: c, kind: person, rights: [{ on: erp, level: user }] }
  - { id: d, kind: person, left: 2025-01-31, rights: [{ on: siem, level: admin }] }
  - { id: e, kind: person, rights: [{ on: journaux, level: admin }] }
`,
    );
    expect(findings).toEqual([]);
  });

  it('finds the security officer of the demo, who administers the SIEM and EDR unflagged', () => {
    const findings = runRule(adminRightsWithoutPrivilegedFlag, exampleModel('forges-de-l-est'));
    expect(findings.map((f) => f.id)).toEqual([
      'admin-rights-without-privileged-flag@id-referent-securite',
    ]);
  });
});
