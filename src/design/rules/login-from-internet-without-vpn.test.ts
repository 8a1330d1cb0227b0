import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { loginFromInternetWithoutVpn } from './login-from-internet-without-vpn.js';

const base = `
organisation: { name: Test }
zones:
  - { id: internet, kind: internet }
  - { id: cloud, kind: cloud }
  - { id: nomades, kind: remote-access }
  - { id: srv, kind: server }
assets:
  - { id: fw, kind: firewall, zone: srv }
  - { id: tse, kind: server, zone: srv, authentication: { mfa: false } }
  - { id: crm, kind: saas, zone: cloud }
data: [{ id: clients, needs: { confidentiality: 3, integrity: 3 }, storedOn: [tse, crm] }]
flows:
  - { id: rdp-public, from: internet, to: tse, protocol: rdp, port: 3389, via: [fw] }
identities:
  - { id: tous, kind: group, mfa: true }
`;

describe('login-from-internet-without-vpn', () => {
  it('fires on users logging in from the Internet to an internal server, naming the published flow', () => {
    const findings = runRule(
      loginFromInternetWithoutVpn,
      `${base}  - { id: commerciaux, kind: group, mfa: false, memberOf: [tous], loginFrom: [internet], rights: [{ on: tse, level: user }, { on: crm, level: user }] }\n`,
    );
    expect(findings.map((f) => f.id)).toEqual(['login-from-internet-without-vpn@commerciaux']);
    expect(findings[0]?.subjects).toEqual(['commerciaux', 'tse', 'rdp-public']);
    // a facet of the exposure of tse, the one asset published
    expect(findings[0]?.rootCause).toBe('tse');
    expect(findings[0]?.likelihood).toBe(3);
    expect(findings[0]?.severity).toBe('high');
    expect(findings[0]?.detail).toBe(
      'commerciaux: logins from internet without VPN nor MFA to tse (rdp-public).',
    );
  });

  it('lowers the likelihood when the identity has MFA and the target does not refuse it', () => {
    const findings = runRule(
      loginFromInternetWithoutVpn,
      `${base}  - { id: cadres, kind: group, memberOf: [tous], loginFrom: [internet], rights: [{ on: srv, level: user }] }\n`,
    );
    expect(findings.map((f) => f.id)).toEqual(['login-from-internet-without-vpn@cadres']);
    expect(findings[0]?.likelihood).toBe(2);
    // no published asset: the identity is its own root cause
    expect(findings[0]?.rootCause).toBe('cadres');
  });

  it('stays silent for SaaS-only users and for logins through the VPN zone', () => {
    const findings = runRule(
      loginFromInternetWithoutVpn,
      `${base}  - { id: a, kind: group, loginFrom: [internet], rights: [{ on: crm, level: user }] }
  - { id: b, kind: group, loginFrom: [nomades], rights: [{ on: tse, level: user }] }
`,
    );
    expect(findings).toEqual([]);
  });

  it('finds the sales team of the demo, who reach the TSE server from the Internet', () => {
    const findings = runRule(loginFromInternetWithoutVpn, exampleModel('forges-de-l-est'));
    expect(findings.map((f) => f.id)).toEqual(['login-from-internet-without-vpn@grp-commerciaux']);
    expect(findings[0]?.subjects).toEqual(['grp-commerciaux', 'srv-tse', 'flux-internet-rdp-tse']);
  });
});
