import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { cloudDataLocationUnknown } from './cloud-data-location-unknown.js';

const base = `
organisation: { name: Test }
zones: [{ id: cloud, kind: cloud }]
data:
  - { id: hr, personal: { categories: [identification] }, needs: { confidentiality: 3 }, storedOn: [payroll] }
  - { id: docs, needs: { confidentiality: 2 }, storedOn: [drive] }
assets:
`;

describe('cloud-data-location-unknown', () => {
  it('fires on cloud services holding data without a declared location, more likely for personal data', () => {
    const findings = runRule(
      cloudDataLocationUnknown,
      `${base}  - { id: payroll, kind: saas, provider: PayCo }\n  - { id: drive, kind: cloud-service, zone: cloud }\n`,
    );
    expect(findings.map((f) => [f.id, f.likelihood, f.impact, f.severity])).toEqual([
      ['cloud-data-location-unknown@payroll', 3, 3, 'high'],
      ['cloud-data-location-unknown@drive', 2, 2, 'medium'],
    ]);
    expect(findings[0]?.detail).toBe(
      'payroll (PayCo) holds hr, including personal data, in an undeclared country.',
    );
  });

  it('stays silent with a location or without data', () => {
    const findings = runRule(
      cloudDataLocationUnknown,
      `${base}  - { id: payroll, kind: saas, dataLocation: DE }\n  - { id: drive, kind: cloud-service, dataLocation: FR }\n  - { id: status, kind: saas }\n`,
    );
    expect(findings).toEqual([]);
  });

  it('finds nothing in the demo, where every cloud service declares its data location', () => {
    expect(runRule(cloudDataLocationUnknown, exampleModel('forges-de-l-est'))).toEqual([]);
  });
});
