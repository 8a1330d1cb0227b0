import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { remoteAccessBypassingPerimeter } from './remote-access-bypassing-perimeter.js';

const base = `
organisation: { name: Test }
zones:
  - { id: internet, kind: internet }
  - { id: dmz, kind: dmz }
  - { id: ot, kind: ot }
  - { id: srv, kind: server }
assets:
  - { id: fw, kind: firewall, zone: srv }
  - { id: vpn, kind: vpn-gateway, zone: dmz }
  - { id: plc, kind: plc, zone: ot }
  - { id: modem, kind: router, zone: ot, adminInterfaces: [{ protocol: https, from: [internet] }] }
  - { id: boitier, kind: other, zone: ot }
  - { id: teleassistance, kind: server, zone: srv }
processes: [{ id: production, needs: { availability: 4, integrity: 4 }, assets: [plc] }]
`;

describe('remote-access-bypassing-perimeter', () => {
  it('fires on a vendor router used as remote-access entry, with its unfiltered Internet flow', () => {
    const findings = runRule(
      remoteAccessBypassingPerimeter,
      `${base}flows:
  - { id: tunnel-4g, from: modem, to: internet, protocol: openvpn, port: 1194 }
identities:
  - { id: mainteneur, kind: third-party, remoteAccess: { via: modem, permanent: true } }
`,
    );
    expect(findings.map((f) => f.id)).toEqual(['remote-access-bypassing-perimeter@modem']);
    expect(findings[0]?.subjects).toEqual(['modem', 'mainteneur', 'tunnel-4g', 'ot']);
    expect(findings[0]?.likelihood).toBe(4);
    expect(findings[0]?.impact).toBe(4);
    expect(findings[0]?.severity).toBe('critical');
    expect(findings[0]?.detail).toContain('without firewall (tunnel-4g)');
    expect(findings[0]?.detail).toContain('reachable from the Internet');
  });

  it('fires on a non-router entry only with evidence of an unfiltered Internet link', () => {
    const findings = runRule(
      remoteAccessBypassingPerimeter,
      `${base}flows:
  - { id: filtre, from: internet, to: teleassistance, protocol: https, via: [fw] }
  - { id: direct, from: internet, to: boitier, protocol: https }
identities:
  - { id: a, kind: third-party, remoteAccess: { via: boitier } }
  - { id: b, kind: third-party, remoteAccess: { via: teleassistance } }
`,
    );
    expect(findings.map((f) => f.id)).toEqual(['remote-access-bypassing-perimeter@boitier']);
    expect(findings[0]?.subjects).toEqual(['boitier', 'a', 'direct', 'ot']);
  });

  it('stays silent for access through the VPN gateway or the firewall, and for leavers', () => {
    const findings = runRule(
      remoteAccessBypassingPerimeter,
      `${base}identities:
  - { id: a, kind: third-party, remoteAccess: { via: vpn } }
  - { id: b, kind: third-party, remoteAccess: { via: fw } }
  - { id: c, kind: third-party, left: 2025-01-31, remoteAccess: { via: modem } }
`,
    );
    expect(findings).toEqual([]);
  });

  it('finds the 4G maintenance router of the demo', () => {
    const findings = runRule(remoteAccessBypassingPerimeter, exampleModel('forges-de-l-est'));
    expect(findings.map((f) => f.id)).toEqual([
      'remote-access-bypassing-perimeter@routeur-maintenance-ot',
    ]);
    expect(findings[0]?.subjects).toEqual([
      'routeur-maintenance-ot',
      'id-tiers-maintenance-ot',
      'flux-telemaintenance-4g',
      'ot-cellules',
    ]);
  });
});
