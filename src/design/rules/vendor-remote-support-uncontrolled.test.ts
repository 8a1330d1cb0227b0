import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { saasWithoutMfa } from './saas-without-mfa.js';
import { thirdPartyAccessWithoutMfa } from './third-party-access-without-mfa.js';
import { thirdPartyPermanentAccess } from './third-party-permanent-access.js';
import { vendorRemoteSupportUncontrolled } from './vendor-remote-support-uncontrolled.js';

const base = `
organisation: { name: Test }
zones:
  - { id: internet, kind: internet }
  - { id: bio, kind: biomedical }
  - { id: lan, kind: user }
  - { id: dmz, kind: dmz }
assets:
  - { id: tv-cloud, kind: cloud-service, zone: internet }
  - { id: vpn, kind: vpn-gateway, zone: dmz }
identities:
  - { id: vendor, kind: third-party, company: MedTech }
`;

const rule = vendorRemoteSupportUncontrolled;

describe('vendor-remote-support-uncontrolled', () => {
  const devices = `
  - id: mri
    kind: imaging-modality
    zone: bio
    remoteSupport:
      - { tool: teamviewer, by: vendor, broker: tv-cloud, unattended: true }
  - id: printer
    kind: printer
    zone: lan
    remoteSupport:
      - { tool: vendor-cloud, by: vendor, broker: tv-cloud, mfa: true }
  - id: pump
    kind: medical-device
    zone: bio
    remoteSupport:
      - { tool: anydesk, by: vendor, broker: tv-cloud, mfa: true, sessionControl: approval-and-recording }
`;

  it('weighs what is missing and the device: medical device with high needs, printer lower', () => {
    const model = base.replace(
      '  - { id: vpn, kind: vpn-gateway, zone: dmz }\n',
      `  - { id: vpn, kind: vpn-gateway, zone: dmz }\n${devices}`,
    );
    const findings = runRule(
      rule,
      `${model}processes:\n  - { id: care, needs: { availability: 4, integrity: 4, confidentiality: 3 }, assets: [mri] }\n`,
    );
    expect(findings.map((f) => [f.id, f.severity])).toEqual([
      ['vendor-remote-support-uncontrolled@mri', 'critical'],
      ['vendor-remote-support-uncontrolled@printer', 'medium'],
    ]);
    expect(findings[0]?.detail).toBe(
      'mri (medical or industrial device) is reached by a vendor through teamviewer for vendor via tv-cloud (no MFA, no session approval or recording, unattended sessions).',
    );
    expect(findings[0]?.subjects).toEqual(['mri', 'vendor', 'tv-cloud']);
    expect(findings[1]?.detail).toBe(
      'printer is reached by a vendor through vendor-cloud for vendor via tv-cloud (no session approval or recording).',
    );
    expect(findings[1]?.likelihood).toBe(2);
  });

  it('counts a TeamViewer or AnyDesk flow with no declared entry, once per device', () => {
    const model = base.replace(
      '  - { id: vpn, kind: vpn-gateway, zone: dmz }\n',
      `  - { id: vpn, kind: vpn-gateway, zone: dmz }
  - { id: pc, kind: workstation, zone: lan }
  - id: mri
    kind: imaging-modality
    zone: bio
    remoteSupport: [{ tool: teamviewer, broker: tv-cloud }]
`,
    );
    const findings = runRule(
      rule,
      `${model}flows:
  - { id: pc-anydesk, from: pc, to: tv-cloud, protocol: anydesk }
  - { id: mri-tv, from: mri, to: tv-cloud, protocol: teamviewer }
`,
    );
    expect(findings.map((f) => f.id)).toEqual([
      'vendor-remote-support-uncontrolled@mri',
      'vendor-remote-support-uncontrolled@pc',
    ]);
    // the declared entry and its flow are one channel: described once
    expect(findings[0]?.detail).toBe(
      'mri (medical or industrial device) is reached by a vendor through teamviewer via tv-cloud (no MFA, no session approval or recording).',
    );
    expect(findings[1]?.detail).toBe(
      'pc is reached by a vendor through AnyDesk flow pc-anydesk to tv-cloud with no declared MFA or session control.',
    );
  });

  it('leaves the broker channel to this rule, VPN access to the third-party rules', () => {
    const model = base
      .replace(
        '  - { id: vpn, kind: vpn-gateway, zone: dmz }\n',
        `  - { id: vpn, kind: vpn-gateway, zone: dmz }\n${devices}`,
      )
      .replace(
        '  - { id: vendor, kind: third-party, company: MedTech }\n',
        `  - { id: vendor, kind: third-party, company: MedTech, remoteAccess: { via: tv-cloud, permanent: true } }
  - { id: vpn-user, kind: third-party, company: Other, remoteAccess: { via: vpn, authentication: password, permanent: true } }
`,
      );
    const ids = [
      ...runRule(thirdPartyAccessWithoutMfa, model),
      ...runRule(thirdPartyPermanentAccess, model),
    ].map((f) => f.id);
    expect(ids).toEqual([
      'third-party-access-without-mfa@vpn-user',
      'third-party-permanent-access@vpn-user',
    ]);
    expect(runRule(rule, model).map((f) => f.id)).toContain(
      'vendor-remote-support-uncontrolled@mri',
    );
  });

  it('reads MFA on the broker, and leaves the broker out of saas-without-mfa', () => {
    const model = base.replace(
      '  - { id: vpn, kind: vpn-gateway, zone: dmz }\n',
      `  - { id: vpn, kind: vpn-gateway, zone: dmz }
  - { id: portal, kind: saas, zone: internet, authentication: { method: password, mfa: true } }
  - id: mri
    kind: imaging-modality
    zone: bio
    remoteSupport:
      - { tool: vendor-cloud, by: vendor, broker: portal, sessionControl: recording }
      - { tool: teamviewer, by: vendor, broker: tv-cloud, sessionControl: recording }
`,
    );
    const findings = runRule(rule, model);
    expect(findings[0]?.detail).toBe(
      'mri (medical or industrial device) is reached by a vendor through teamviewer for vendor via tv-cloud (no MFA).',
    );
    // tv-cloud is only the vendor's relay: its missing MFA is the finding above, not a second one
    expect(runRule(saasWithoutMfa, model)).toEqual([]);
    const withData = `${model}data: [{ id: images, storedOn: [tv-cloud] }]\n`;
    expect(runRule(saasWithoutMfa, withData).map((f) => f.id)).toEqual([
      'saas-without-mfa@tv-cloud',
    ]);
  });

  it('stays silent on controlled sessions and on the demo without remote-support tools', () => {
    const model = base.replace(
      '  - { id: vpn, kind: vpn-gateway, zone: dmz }\n',
      `  - { id: vpn, kind: vpn-gateway, zone: dmz }
  - id: mri
    kind: imaging-modality
    zone: bio
    remoteSupport:
      - { tool: teamviewer, by: vendor, broker: tv-cloud, mfa: true, sessionControl: approval, unattended: false }
`,
    );
    expect(
      runRule(rule, `${model}flows: [{ id: tv, from: mri, to: tv-cloud, protocol: teamviewer }]\n`),
    ).toEqual([]);
    expect(
      runRule(rule, exampleModel('forges-de-l-est')).filter(
        (f) => f.severity === 'high' || f.severity === 'critical',
      ),
    ).toEqual([]);
  });
});
