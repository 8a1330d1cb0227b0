import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { thirdPartyPermanentAccess } from './third-party-permanent-access.js';

const base = `
organisation: { name: Test }
zones: [{ id: ot, kind: ot }, { id: dmz, kind: dmz }]
assets:
  - { id: plc, kind: plc, zone: ot }
  - { id: vpn, kind: vpn-gateway, zone: dmz }
processes: [{ id: production, needs: { availability: 4, integrity: 4 }, assets: [plc] }]
identities:
`;

describe('third-party-permanent-access', () => {
  it('fires on a privileged third party with a permanent access, with the impact of what it administers', () => {
    const findings = runRule(
      thirdPartyPermanentAccess,
      `${base}  - { id: mainteneur, kind: third-party, company: ACME, rights: [{ on: plc, level: admin }], remoteAccess: { via: vpn, authentication: mfa, permanent: true } }\n`,
    );
    expect(findings.map((f) => f.id)).toEqual(['third-party-permanent-access@mainteneur']);
    expect(findings[0]?.subjects).toEqual(['mainteneur', 'vpn', 'plc']);
    expect(findings[0]?.likelihood).toBe(3);
    expect(findings[0]?.impact).toBe(4);
    expect(findings[0]?.severity).toBe('high');
    expect(findings[0]?.detail).toContain('(ACME)');
  });

  it('fires with likelihood 2 on an unprivileged external (company) account', () => {
    const findings = runRule(
      thirdPartyPermanentAccess,
      `${base}  - { id: editeur, kind: service-account, company: Editeur, remoteAccess: { via: vpn, permanent: true } }\n`,
    );
    expect(findings.map((f) => f.id)).toEqual(['third-party-permanent-access@editeur']);
    expect(findings[0]?.likelihood).toBe(2);
    expect(findings[0]?.severity).toBe('medium');
  });

  it('stays silent on on-demand access, on employees and on departed third parties', () => {
    const findings = runRule(
      thirdPartyPermanentAccess,
      `${base}  - { id: infogerant, kind: third-party, remoteAccess: { via: vpn, permanent: false } }
  - { id: salarie, kind: person, remoteAccess: { via: vpn, permanent: true } }
  - { id: ancien, kind: third-party, left: 2025-12-31, remoteAccess: { via: vpn, permanent: true } }
`,
    );
    expect(findings).toEqual([]);
  });

  it('finds the OT maintenance provider of the demo', () => {
    const findings = runRule(thirdPartyPermanentAccess, exampleModel('forges-de-l-est'));
    expect(findings.map((f) => f.id)).toEqual([
      'third-party-permanent-access@id-tiers-maintenance-ot',
    ]);
    expect(findings[0]?.subjects).toEqual(
      expect.arrayContaining(['id-tiers-maintenance-ot', 'routeur-maintenance-ot', 'ot-cellules']),
    );
  });
});
