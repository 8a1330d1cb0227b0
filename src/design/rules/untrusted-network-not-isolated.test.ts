import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { untrustedNetworkNotIsolated } from './untrusted-network-not-isolated.js';

const base = `
organisation: { name: Test }
zones:
  - { id: internet, kind: internet, trust: untrusted }
  - { id: srv, kind: server }
  - { id: bio, kind: biomedical }
  - { id: cams, kind: iot }
  - { id: cams-sub, kind: iot, parent: cams }
  - { id: visitors, kind: other, trust: untrusted }
assets:
  - { id: fw, kind: firewall }
  - { id: camera, kind: camera, zone: cams-sub }
  - { id: nvr, kind: server, zone: srv }
  - { id: ehr, kind: application, zone: srv }
  - { id: pump, kind: medical-device, zone: bio }
  - { id: kiosk, kind: workstation, zone: visitors }
data: [{ id: records, needs: { confidentiality: 4 }, storedOn: [ehr] }]
flows:
  - { id: cam-cloud, from: camera, to: internet, protocol: https, via: [fw] }
  - { id: cam-bio, from: cams, to: bio, protocol: other, port: 8000, via: [fw] }
`;

describe('untrusted-network-not-isolated', () => {
  it('rates an IoT zone by what it reaches, lower when a firewall filters', () => {
    const filtered = runRule(
      untrustedNetworkNotIsolated,
      `${base}  - { id: cam-nvr, from: camera, to: nvr, protocol: rtsp, port: 554, via: [fw] }\n`,
    );
    expect(filtered.map((f) => [f.id, f.likelihood, f.severity])).toEqual([
      ['untrusted-network-not-isolated@cams', 2, 'medium'],
    ]);
    expect(filtered[0]?.subjects).toEqual(['cams', 'cam-nvr', 'nvr']);
    expect(filtered[0]?.detail).toBe(
      'The iot zone cams reaches the internal network: flows inwards: cam-nvr → nvr (rtsp/554).',
    );
    const open = runRule(
      untrustedNetworkNotIsolated,
      `${base}  - { id: cam-ehr, from: cams-sub, to: ehr, protocol: https }\n`,
    );
    expect(open.map((f) => [f.id, f.likelihood, f.severity])).toEqual([
      ['untrusted-network-not-isolated@cams', 3, 'high'],
    ]);
  });

  it('fires on an untrusted zone reaching internal devices or administration interfaces', () => {
    const findings = runRule(
      untrustedNetworkNotIsolated,
      base.replace(
        '  - { id: kiosk',
        '  - { id: switch, kind: switch, zone: srv, adminInterfaces: [{ protocol: http, from: [visitors] }] }\n  - { id: kiosk',
      ) + '  - { id: kiosk-pump, from: kiosk, to: pump, protocol: other, port: 8000, via: [fw] }\n',
    );
    expect(findings.map((f) => [f.id, f.likelihood])).toEqual([
      ['untrusted-network-not-isolated@visitors', 3],
    ]);
    expect(findings[0]?.subjects).toEqual(['visitors', 'kiosk-pump', 'pump', 'switch']);
  });

  it('stays silent on flows to the Internet and between device zones, and in the demo', () => {
    expect(runRule(untrustedNetworkNotIsolated, base)).toEqual([]);
    // a partner interconnection is meant to reach in: not this rule's
    const partner = base.replace(
      '  - { id: visitors',
      '  - { id: supplier, kind: partner, trust: untrusted }\n  - { id: visitors',
    );
    expect(
      runRule(
        untrustedNetworkNotIsolated,
        `${partner}  - { id: edi, from: supplier, to: ehr, protocol: https, via: [fw] }\n`,
      ),
    ).toEqual([]);
    expect(runRule(untrustedNetworkNotIsolated, exampleModel('forges-de-l-est'))).toEqual([]);
  });
});
