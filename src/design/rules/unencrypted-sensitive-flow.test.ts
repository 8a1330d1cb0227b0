import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { unencryptedSensitiveFlow } from './unencrypted-sensitive-flow.js';

const base = `
organisation: { name: Test }
zones:
  - { id: lan, kind: user }
  - { id: srv, kind: server }
  - { id: ot, kind: ot }
assets:
  - { id: pcs, kind: workstation, zone: lan }
  - { id: db, kind: database, zone: srv }
  - { id: backup, kind: backup-server, zone: srv }
  - { id: scada, kind: scada, zone: ot }
  - { id: plc, kind: plc, zone: ot }
data:
  - { id: payroll, needs: { confidentiality: 4, integrity: 4 }, personal: { categories: [bank-details] }, storedOn: [db] }
  - { id: sick-leave, needs: { confidentiality: 2 }, personal: { categories: [health] } }
  - { id: menu, needs: { confidentiality: 1, integrity: 2 }, personal: { categories: [identification] } }
  - { id: recipes, needs: { integrity: 4 } }
flows:
  - { id: tls, from: pcs, to: db, protocol: mssql, encryption: tls1.2, data: [payroll] }
  - { id: https, from: pcs, to: db, protocol: https, data: [payroll] }
  - { id: canteen, from: pcs, to: db, protocol: http, encryption: none, data: [menu] }
  - { id: in-ot, from: scada, to: plc, protocol: s7, encryption: none, data: [recipes] }
`;

describe('unencrypted-sensitive-flow', () => {
  it('fires on sensitive data in clear, less likely inside one server zone', () => {
    const findings = runRule(
      unencryptedSensitiveFlow,
      `${base}  - { id: sql, from: pcs, to: db, protocol: mssql, port: 1433, encryption: none, data: [payroll, sick-leave] }
  - { id: nfs, from: backup, to: db, protocol: nfs, data: [payroll] }
`,
    );
    expect(findings.map((f) => [f.id, f.likelihood, f.impact, f.severity])).toEqual([
      ['unencrypted-sensitive-flow@sql', 3, 4, 'high'],
      ['unencrypted-sensitive-flow@nfs', 2, 4, 'medium'],
    ]);
    expect(findings[0]?.subjects).toEqual(['sql', 'payroll', 'sick-leave', 'pcs', 'db']);
    expect(findings[0]?.detail).toBe(
      'sql (mssql/1433, no encryption) carries payroll (C4 I4; personal data: bank-details), sick-leave (C2; personal data: health) in clear from pcs to db.',
    );
    expect(findings[1]?.detail).toContain('encryption not declared');
  });

  it('takes the impact from the data carried, not from what the endpoints store', () => {
    const findings = runRule(
      unencryptedSensitiveFlow,
      `${base}  - { id: absences, from: pcs, to: db, protocol: smb, encryption: none, data: [sick-leave] }\n`,
    );
    expect(findings.map((f) => [f.id, f.impact, f.severity])).toEqual([
      ['unencrypted-sensitive-flow@absences', 2, 'medium'],
    ]);
  });

  it('stays silent for encrypted flows, HTTPS, non-sensitive data and flows inside OT', () => {
    expect(runRule(unencryptedSensitiveFlow, base)).toEqual([]);
  });

  it('finds the payroll, HR and CAD flows in clear of the demo', () => {
    const findings = runRule(unencryptedSensitiveFlow, exampleModel('forges-de-l-est'));
    const ids = findings.map((f) => f.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'unencrypted-sensitive-flow@flux-rh-db-paie',
        'unencrypted-sensitive-flow@flux-be-plm',
        'unencrypted-sensitive-flow@flux-postes-fichiers',
      ]),
    );
    const payroll = findings.find((f) => f.id === 'unencrypted-sensitive-flow@flux-rh-db-paie');
    expect(payroll?.subjects).toEqual([
      'flux-rh-db-paie',
      'data-paie',
      'data-rh-sante',
      'data-dossiers-personnel',
      'postes-rh',
      'db-paie',
    ]);
    expect(findings.find((f) => f.id.endsWith('@flux-be-plm'))?.subjects).toContain(
      'data-plans-cao',
    );
  });
});

describe('unencrypted-sensitive-flow: protocols with an optional encryption', () => {
  const health = `
organisation: { name: Test }
zones:
  - { id: bio, kind: biomedical }
  - { id: srv, kind: server }
assets:
  - { id: ct, kind: imaging-modality, zone: bio }
  - { id: pacs, kind: application, zone: srv }
  - { id: ris, kind: application, zone: srv }
  - { id: pacs-db, kind: database, zone: srv, hostedOn: pacs-host }
  - { id: pacs-host, kind: server, zone: srv }
data:
  - { id: images, needs: { confidentiality: 3, integrity: 3 }, personal: { categories: [health] }, storedOn: [pacs] }
  - { id: orders, needs: { confidentiality: 4 }, storedOn: [pacs-db] }
flows:
`;

  it('reports DICOM in clear with declared data, and HL7 or SQL in clear with the data kept at their ends', () => {
    const findings = runRule(
      unencryptedSensitiveFlow,
      `${health}  - { id: dicom, from: ct, to: pacs, protocol: dicom, port: 104, data: [images] }
  - { id: hl7, from: ris, to: pacs, protocol: hl7-mllp, port: 2575 }
  - { id: sql, from: ris, to: pacs-host, protocol: mssql, port: 1433 }
`,
    );
    expect(findings.map((f) => [f.id, f.likelihood, f.severity])).toEqual([
      ['unencrypted-sensitive-flow@dicom', 3, 'high'],
      // impact 4 (orders) before impact 3 (images)
      ['unencrypted-sensitive-flow@sql', 2, 'medium'],
      ['unencrypted-sensitive-flow@hl7', 2, 'medium'],
    ]);
    expect(findings[2]?.detail).toBe(
      'hl7 (hl7-mllp/2575, encryption not declared) carries images (C3 I3; personal data: health) in clear from ris to pacs (data kept at its ends, the flow declares none).',
    );
    expect(findings[1]?.subjects).toEqual(['sql', 'orders', 'ris', 'pacs-host']);
  });

  it('counts the protocol’s native encryption and leaves flows declaring harmless data alone', () => {
    const findings = runRule(
      unencryptedSensitiveFlow,
      `${health}  - { id: dicom, from: ct, to: pacs, protocol: dicom, encryption: native, data: [images] }
  - { id: smb3, from: ris, to: pacs, protocol: smb, encryption: native }
  - { id: hl7, from: ris, to: pacs, protocol: hl7-mllp, encryption: tls1.2 }
  - { id: worklist, from: ct, to: ris, protocol: dicom, data: [] }
`,
    );
    expect(findings).toEqual([]);
  });
});
