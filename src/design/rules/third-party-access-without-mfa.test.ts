import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { thirdPartyAccessWithoutMfa } from './third-party-access-without-mfa.js';

const base = `
organisation: { name: Test }
zones: [{ id: srv, kind: server }, { id: dmz, kind: dmz }, { id: nomades, kind: remote-access }]
assets:
  - { id: erp, kind: application, zone: srv }
  - { id: vpn, kind: vpn-gateway, zone: dmz }
  - { id: vpn-mfa, kind: vpn-gateway, zone: dmz, authentication: { mfa: true } }
data: [{ id: compta, needs: { confidentiality: 3, integrity: 3 }, storedOn: [erp] }]
identities:
`;

describe('third-party-access-without-mfa', () => {
  it('fires on a password remote access, naming the gateway and the shared login', () => {
    const findings = runRule(
      thirdPartyAccessWithoutMfa,
      `${base}  - { id: presta, kind: third-party, shared: true, mfa: true, rights: [{ on: erp, level: admin }], remoteAccess: { via: vpn, authentication: password } }\n`,
    );
    expect(findings.map((f) => f.id)).toEqual(['third-party-access-without-mfa@presta']);
    expect(findings[0]?.subjects).toEqual(['presta', 'vpn', 'erp']);
    expect(findings[0]?.impact).toBe(3);
    expect(findings[0]?.severity).toBe('high');
    expect(findings[0]?.detail).toContain('(password), login shared by several technicians');
  });

  it('fires on a third party logging in from the remote-access zone without MFA', () => {
    const findings = runRule(
      thirdPartyAccessWithoutMfa,
      `${base}  - { id: editeur, kind: third-party, loginFrom: [nomades] }\n`,
    );
    expect(findings.map((f) => f.id)).toEqual(['third-party-access-without-mfa@editeur']);
    expect(findings[0]?.subjects).toEqual(['editeur', 'nomades']);
    expect(findings[0]?.severity).toBe('medium');
  });

  it('stays silent with MFA on the access, on the identity or on the gateway, and without remote access', () => {
    const findings = runRule(
      thirdPartyAccessWithoutMfa,
      `${base}  - { id: a, kind: third-party, remoteAccess: { via: vpn, authentication: mfa } }
  - { id: b, kind: third-party, mfa: true, remoteAccess: { via: vpn } }
  - { id: c, kind: third-party, remoteAccess: { via: vpn-mfa } }
  - { id: d, kind: third-party, loginFrom: [srv] }
  - { id: e, kind: person, remoteAccess: { via: vpn, authentication: password } }
`,
    );
    expect(findings).toEqual([]);
  });

  it('finds the OT maintenance provider of the demo, not the MFA-protected outsourcer', () => {
    const findings = runRule(thirdPartyAccessWithoutMfa, exampleModel('forges-de-l-est'));
    expect(findings.map((f) => f.id)).toEqual([
      'third-party-access-without-mfa@id-tiers-maintenance-ot',
    ]);
    expect(findings[0]?.subjects).toEqual(
      expect.arrayContaining(['routeur-maintenance-ot', 'ot-cellules']),
    );
  });
});
