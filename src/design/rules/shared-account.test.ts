import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { sharedAccount } from './shared-account.js';

const base = `
organisation: { name: Test }
zones: [{ id: srv, kind: server }, { id: ot, kind: ot }]
assets:
  - { id: dc, kind: directory, zone: srv }
  - { id: hmi, kind: hmi, zone: ot }
data: [{ id: annuaire, needs: { confidentiality: 4, integrity: 4 }, storedOn: [dc] }]
identities:
  - { id: admins, kind: group, privileged: true, rights: [{ on: dc, level: admin }] }
`;

describe('shared-account', () => {
  it('fires on a shared account in a privileged group, with the impact of what the group administers', () => {
    const findings = runRule(
      sharedAccount,
      `${base}  - { id: admin-commun, kind: service-account, shared: true, memberOf: [admins] }\n`,
    );
    expect(findings.map((f) => f.id)).toEqual(['shared-account@admin-commun']);
    expect(findings[0]?.subjects).toEqual(['admin-commun', 'admins']);
    expect(findings[0]?.likelihood).toBe(3);
    expect(findings[0]?.impact).toBe(4);
    expect(findings[0]?.severity).toBe('high');
    expect(findings[0]?.detail).toContain('member of admins');
  });

  it('fires with a lower likelihood on a shared unprivileged session of a group', () => {
    const findings = runRule(
      sharedAccount,
      `${base}  - { id: operateurs, kind: group, count: 40, shared: true, rights: [{ on: hmi, level: user }] }\n`,
    );
    expect(findings.map((f) => f.id)).toEqual(['shared-account@operateurs']);
    expect(findings[0]?.subjects).toEqual(['operateurs', 'hmi']);
    expect(findings[0]?.likelihood).toBe(2);
    expect(findings[0]?.severity).toBe('medium');
    expect(findings[0]?.detail).toContain('(40) share one session');
  });

  it('stays silent on named accounts and on shared accounts of people who left', () => {
    const findings = runRule(
      sharedAccount,
      `${base}  - { id: alice, kind: person, memberOf: [admins] }
  - { id: ancien, kind: service-account, shared: true, memberOf: [admins], left: 2025-01-31 }
  - { id: bob, kind: person, shared: false }
`,
    );
    expect(findings).toEqual([]);
  });

  it('finds the shared accounts of the demo', () => {
    const subjects = runRule(sharedAccount, exampleModel('forges-de-l-est')).flatMap(
      (f) => f.subjects,
    );
    expect(subjects).toEqual(
      expect.arrayContaining([
        'id-admin-partage',
        'grp-admins-domaine',
        'grp-operateurs-production',
      ]),
    );
  });
});
