import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { embeddedDeviceOutsideDeviceZone } from './embedded-device-outside-device-zone.js';

const base = `
organisation: { name: Test }
zones:
  - { id: lan, kind: user }
  - { id: srv, kind: server }
  - { id: bio, kind: biomedical }
  - { id: things, kind: iot }
assets:
  - { id: fw, kind: firewall }
  - { id: pc, kind: workstation, zone: lan }
  - { id: copier, kind: printer, zone: lan }
  - { id: pump-ok, kind: medical-device, zone: bio }
  - { id: cam-ok, kind: camera, zone: things }
`;

describe('embedded-device-outside-device-zone', () => {
  it('fires on medical and payment devices among workstations and servers, rated by their needs', () => {
    const findings = runRule(
      embeddedDeviceOutsideDeviceZone,
      `${base}  - { id: ct, kind: imaging-modality, zone: lan }
  - { id: tpe, kind: payment-terminal, zone: srv }
flows:
  - { id: pc-ct, from: pc, to: ct, protocol: dicom, port: 104 }
processes: [{ id: care, needs: { availability: 4, integrity: 4 }, assets: [ct] }]
`,
    );
    expect(findings.map((f) => [f.id, f.likelihood, f.severity])).toEqual([
      ['embedded-device-outside-device-zone@ct', 3, 'high'],
      ['embedded-device-outside-device-zone@tpe', 3, 'medium'],
    ]);
    expect(findings[0]?.subjects).toEqual(['ct', 'lan', 'pc-ct']);
    expect(findings[0]?.detail).toBe(
      'ct (imaging-modality) sits in user zone lan instead of a biomedical zone; exchanges without filtering by pc-ct (dicom/104).',
    );
  });

  it('leaves printers and devices in device zones alone, and finds nothing in the demo', () => {
    expect(runRule(embeddedDeviceOutsideDeviceZone, base)).toEqual([]);
    expect(runRule(embeddedDeviceOutsideDeviceZone, exampleModel('forges-de-l-est'))).toEqual([]);
  });
});
