import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { leaverStillActive } from './leaver-still-active.js';

const base = `
organisation: { name: Test }
zones: [{ id: srv, kind: server }, { id: lan, kind: user }]
assets: [{ id: dc, kind: directory, zone: srv }, { id: erp, kind: application, zone: srv }]
data: [{ id: annuaire, needs: { confidentiality: 3, integrity: 4 }, storedOn: [dc] }]
identities:
  - { id: admins, kind: group, privileged: true, rights: [{ on: dc, level: admin }] }
`;

describe('leaver-still-active', () => {
  it('fires on a privileged leaver still in a privileged group, dated and counted', () => {
    const findings = runRule(
      leaverStillActive,
      `${base}  - { id: marc, name: Marc, kind: person, memberOf: [admins], left: 2026-10-29 }\n`,
    );
    expect(findings.map((f) => f.id)).toEqual(['leaver-still-active@marc']);
    expect(findings[0]?.subjects).toEqual(['marc', 'admins']);
    expect(findings[0]?.likelihood).toBe(4);
    expect(findings[0]?.impact).toBe(4);
    expect(findings[0]?.severity).toBe('critical');
    expect(findings[0]?.detail).toBe(
      'Marc left on 2026-10-29 (30 days ago) and still keeps membership of admins.',
    );
  });

  it('fires with likelihood 3 on an unprivileged leaver who keeps user rights', () => {
    const findings = runRule(
      leaverStillActive,
      `${base}  - { id: julie, kind: person, rights: [{ on: erp, level: user }], loginFrom: [lan], left: 2026-01-15 }\n`,
    );
    expect(findings.map((f) => f.id)).toEqual(['leaver-still-active@julie']);
    expect(findings[0]?.subjects).toEqual(['julie', 'erp']);
    expect(findings[0]?.likelihood).toBe(3);
    expect(findings[0]?.severity).toBe('medium');
  });

  it('stays silent on a departure today or later, and on a leaver without any access left', () => {
    const findings = runRule(
      leaverStillActive,
      `${base}  - { id: today, kind: person, memberOf: [admins], left: 2026-11-28 }
  - { id: later, kind: person, memberOf: [admins], left: 2027-01-31 }
  - { id: gone, kind: person, left: 2024-05-31 }
`,
    );
    expect(findings).toEqual([]);
  });

  it('finds the former administrator of the demo', () => {
    const findings = runRule(leaverStillActive, exampleModel('forges-de-l-est'));
    expect(findings.map((f) => f.id)).toEqual(['leaver-still-active@id-ancien-admin']);
    expect(findings[0]?.subjects).toEqual(
      expect.arrayContaining([
        'id-ancien-admin',
        'grp-admins-domaine',
        'srv-ad-01',
        'srv-sauvegarde',
      ]),
    );
  });
});
