import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { otEngineeringSoftwareOnItWorkstation } from './ot-engineering-software-on-it-workstation.js';

const base = `
organisation: { name: Test }
zones:
  - { id: lan, kind: user }
  - { id: ot, kind: ot }
data: [{ id: recipes, needs: { integrity: 4, availability: 3 }, storedOn: [plc] }]
assets:
  - { id: plc, kind: plc, zone: ot }
  - { id: ews, kind: engineering-workstation, zone: ot, software: [{ name: Siemens TIA Portal, version: V17 }] }
  - { id: office, kind: workstation, zone: lan, software: [{ name: Microsoft 365 Apps }] }
`;

describe('ot-engineering-software-on-it-workstation', () => {
  it('fires on an office workstation with PLC software that reaches OT', () => {
    const findings = runRule(
      otEngineeringSoftwareOnItWorkstation,
      `${base}  - { id: methods, kind: workstation, zone: lan, software: [{ name: Siemens TIA Portal, version: V17 }] }
flows:
  - { id: program, from: lan, to: plc, protocol: s7, port: 102 }
`,
    );
    expect(findings.map((f) => [f.id, f.likelihood, f.severity])).toEqual([
      ['ot-engineering-software-on-it-workstation@methods', 3, 'high'],
    ]);
    expect(findings[0]?.subjects).toEqual(['methods', 'plc', 'program']);
    expect(findings[0]?.detail).toBe(
      'methods runs Siemens TIA Portal V17, and reaches OT assets plc (program).',
    );
  });

  it('fires with a lower likelihood when no flow reaches OT', () => {
    const findings = runRule(
      otEngineeringSoftwareOnItWorkstation,
      `${base}  - { id: laptop, kind: laptop, zone: lan, software: [{ name: CODESYS, version: '3.5' }] }\n`,
    );
    expect(findings.map((f) => [f.id, f.likelihood, f.severity])).toEqual([
      ['ot-engineering-software-on-it-workstation@laptop', 2, 'medium'],
    ]);
  });

  it('stays silent for the engineering workstation inside OT and for office software', () => {
    expect(runRule(otEngineeringSoftwareOnItWorkstation, base)).toEqual([]);
  });

  it('finds the methods workstations of the demo that program the presses', () => {
    const findings = runRule(otEngineeringSoftwareOnItWorkstation, exampleModel('forges-de-l-est'));
    expect(findings.map((f) => f.id)).toEqual([
      'ot-engineering-software-on-it-workstation@postes-methodes',
    ]);
    expect(findings[0]?.subjects).toEqual(
      expect.arrayContaining(['postes-methodes', 'plc-presse-01', 'flux-bureau-automate-presse']),
    );
  });
});
