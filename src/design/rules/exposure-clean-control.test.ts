import { describe, expect, it } from 'vitest';
import { modelFrom } from '../../../test/support/model.js';
import { evaluateRules } from '../analyze-rules.js';
import { RULES_EXPOSURE } from './registry-exposure.js';

/**
 * A small clinic built the way the exposure rules ask: the data tier behind its applications,
 * devices in their own zones, medical and directory protocols encrypted and signed, guests on the
 * Internet only. The same clinic with one weakness planted must be found by the right rule.
 */
const clinic = `
organisation: { name: Clinique Témoin }
zones:
  - { id: internet, kind: internet, trust: untrusted }
  - { id: dmz, kind: dmz }
  - { id: srv, kind: server }
  - { id: users, kind: user }
  - { id: bio, kind: biomedical }
  - { id: things, kind: iot }
  - { id: adm, kind: admin }
  - { id: guests, kind: guest-wifi }
assets:
  - { id: fw, kind: firewall }
  - { id: rp, kind: reverse-proxy, zone: dmz, tags: [waf] }
  - { id: portal, kind: web-application, zone: dmz }
  - { id: ehr, kind: application, zone: srv }
  - { id: ehr-db, kind: database, zone: srv }
  - { id: pacs, kind: application, zone: srv }
  - { id: pacs-store, kind: storage, zone: srv }
  - id: dc
    kind: directory
    zone: srv
    services: [{ port: 389, protocol: ldap, signing: true }, { port: 445, protocol: smb, signing: true }]
  - { id: ct, kind: imaging-modality, zone: bio }
  - { id: camera, kind: camera, zone: things }
  - { id: nvr, kind: server, zone: things }
  - { id: pc, kind: workstation, zone: users }
  - { id: admin-pc, kind: admin-workstation, zone: adm }
data:
  - { id: records, needs: { confidentiality: 4, integrity: 4 }, personal: { categories: [health] }, storedOn: [ehr-db] }
  - { id: images, needs: { confidentiality: 4, integrity: 3 }, personal: { categories: [health] }, storedOn: [pacs-store] }
flows:
  - { id: publish, from: internet, to: rp, protocol: https, port: 443, via: [fw] }
  - { id: backend, from: rp, to: portal, protocol: https, port: 443 }
  - { id: portal-ehr, from: portal, to: ehr, protocol: https, port: 443, via: [fw] }
  - { id: ehr-sql, from: ehr, to: ehr-db, protocol: postgresql, port: 5432, encryption: tls1.3 }
  - { id: pacs-nfs, from: pacs, to: pacs-store, protocol: nfs, encryption: native }
  - { id: users-ehr, from: users, to: ehr, protocol: https, port: 443, via: [fw] }
  - { id: users-ldap, from: users, to: dc, protocol: ldap, port: 389, encryption: native, signing: true, via: [fw] }
  - { id: modality, from: ct, to: pacs, protocol: dicom, port: 2762, encryption: tls1.2, data: [images], via: [fw] }
  - { id: video, from: camera, to: nvr, protocol: rtsp, port: 554, encryption: tls1.2 }
  - { id: guest-web, from: guests, to: internet, protocol: https, via: [fw] }
  - { id: dba, from: admin-pc, to: ehr-db, protocol: postgresql, port: 5432, encryption: tls1.3, via: [fw] }
`;

const run = (yaml: string): ReturnType<typeof evaluateRules> =>
  evaluateRules(modelFrom(yaml).graph, {
    rules: RULES_EXPOSURE,
    locale: 'en',
    today: '2026-11-28',
  });

const flows = (extra: string): string => `${clinic}  ${extra.trim()}\n`;

describe('exposure rules on a clean clinic', () => {
  it('raise nothing high or critical on the clean control', () => {
    const result = run(clinic);
    expect(result.failures).toEqual([]);
    expect(
      result.findings
        .filter((f) => f.severity === 'high' || f.severity === 'critical')
        .map((f) => f.id),
    ).toEqual([]);
  });

  it.each([
    [
      'a thick client querying the database',
      '- { id: thick, from: pc, to: ehr-db, protocol: postgresql, port: 5432, encryption: tls1.3, via: [fw] }',
      'data-tier-reachable-from-users@ehr-db',
    ],
    [
      'a camera reaching the records application',
      '- { id: cam-ehr, from: camera, to: ehr, protocol: https, port: 443 }',
      'untrusted-network-not-isolated@things',
    ],
    [
      'guests reaching the image store',
      '- { id: guest-nfs, from: guests, to: pacs-store, protocol: nfs, via: [fw] }',
      'guest-wifi-not-isolated@guests',
    ],
    [
      'an RDP port forward to the records application',
      '- { id: fwd, from: internet, to: ehr, protocol: rdp, port: 3389, via: [fw], nat: { type: port-forward, externalPort: 3389 }, allowedSources: [198.51.100.7] }',
      'internet-exposed-outside-dmz@ehr',
    ],
    [
      'DICOM in clear',
      '- { id: dicom-clear, from: ct, to: pacs, protocol: dicom, port: 104, data: [images], via: [fw] }',
      'unencrypted-sensitive-flow@dicom-clear',
    ],
  ])('finds %s', (_what, extra, id) => {
    const result = run(flows(extra));
    expect(result.findings.map((f) => f.id)).toContain(id);
  });

  it('finds a modality among the workstations and an unsigned directory', () => {
    const planted = clinic
      .replace(
        '{ id: ct, kind: imaging-modality, zone: bio }',
        '{ id: ct, kind: imaging-modality, zone: users }',
      )
      .replace(
        '{ port: 445, protocol: smb, signing: true }',
        '{ port: 445, protocol: smb, signing: false }',
      );
    const ids = run(planted).findings.map((f) => f.id);
    expect(ids).toContain('embedded-device-outside-device-zone@ct');
    expect(ids).toContain('directory-signing-not-required@dc');
  });
});
