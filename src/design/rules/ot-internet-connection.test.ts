import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { otInternetConnection } from './ot-internet-connection.js';

const base = `
organisation: { name: Test }
zones:
  - { id: internet, kind: internet }
  - { id: srv, kind: server }
  - { id: ot, kind: ot }
data: [{ id: recipes, needs: { integrity: 4 }, storedOn: [plc] }]
assets:
  - { id: fw, kind: firewall }
  - { id: mes, kind: server, zone: srv }
  - { id: plc, kind: plc, zone: ot }
`;

describe('ot-internet-connection', () => {
  it('fires on a maintenance router with its own Internet link and an exposed console', () => {
    const findings = runRule(
      otInternetConnection,
      `${base}  - { id: box, kind: router, zone: ot, adminInterfaces: [{ protocol: https, port: 443, from: [internet] }] }
flows:
  - { id: tunnel, from: box, to: internet, protocol: openvpn, port: 1194 }
identities:
  - { id: vendor, kind: third-party, remoteAccess: { via: box, permanent: true } }
`,
    );
    // the impact is that of the OT zone the router opens (the PLC's recipes)
    expect(findings.map((f) => [f.id, f.likelihood, f.impact, f.severity])).toEqual([
      ['ot-internet-connection@box', 4, 4, 'critical'],
    ]);
    expect(findings[0]?.subjects).toEqual(['box', 'tunnel', 'ot', 'vendor']);
    expect(findings[0]?.detail).toBe(
      'box is connected to the Internet: tunnel (openvpn/1194, to the Internet, no firewall); administration interface https/443 open to the Internet without MFA; remote access for vendor.',
    );
  });

  it('lowers the likelihood when every link crosses a firewall', () => {
    const findings = runRule(
      otInternetConnection,
      `${base}flows:\n  - { id: cloud, from: plc, to: internet, protocol: mqtt, port: 8883, via: [fw] }\n`,
    );
    expect(findings.map((f) => [f.id, f.likelihood, f.severity])).toEqual([
      ['ot-internet-connection@plc', 3, 'high'],
    ]);
  });

  it('stays silent when only IT talks to the Internet', () => {
    const findings = runRule(
      otInternetConnection,
      `${base}flows:\n  - { id: out, from: mes, to: internet, protocol: https, via: [fw] }\n`,
    );
    expect(findings).toEqual([]);
  });

  it('finds the 4G maintenance router of the demo', () => {
    const findings = runRule(otInternetConnection, exampleModel('forges-de-l-est'));
    expect(findings.map((f) => f.id)).toEqual(['ot-internet-connection@routeur-maintenance-ot']);
    expect(findings[0]?.subjects).toEqual([
      'routeur-maintenance-ot',
      'flux-telemaintenance-4g',
      'ot-cellules',
      'id-tiers-maintenance-ot',
    ]);
  });
});
