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
