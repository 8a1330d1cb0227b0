import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { saasDataOutsideEu } from './saas-data-outside-eu.js';

const model = (location: string, personal = 'personal: { categories: [contact] }, '): string => `
organisation: { name: Test }
zones: [{ id: lan, kind: user }, { id: cloud, kind: cloud }]
assets: [{ id: crm, name: CRM, kind: saas, zone: cloud, provider: Acme${location} }]
data:
  - { id: clients, ${personal}needs: { confidentiality: 3 }, storedOn: [crm] }
  - { id: quotes, ${personal}needs: { confidentiality: 2 } }
flows: [{ id: to-crm, from: lan, to: crm, protocol: https, data: [quotes] }]
`;

describe('saas-data-outside-eu', () => {
  it('fires on personal data stored in or sent to a service hosted outside the EU', () => {
    const findings = runRule(saasDataOutsideEu, model(', dataLocation: US'));
    expect(findings.map((f) => [f.id, f.impact, f.severity])).toEqual([
      ['saas-data-outside-eu@crm', 3, 'high'],
    ]);
    expect(findings[0]?.subjects).toEqual(['crm', 'clients', 'quotes', 'to-crm']);
    expect(findings[0]?.detail).toBe(
      'CRM (Acme) keeps its data outside the EU (US) and holds personal data: clients, quotes, sent by to-crm.',
    );
  });

  it('stays silent in the EU or EEA, with an adequacy decision, without personal data or location', () => {
    for (const location of [', dataLocation: FR', ', dataLocation: NO', ', dataLocation: CH', '']) {
      expect(runRule(saasDataOutsideEu, model(location)), location).toEqual([]);
    }
    expect(runRule(saasDataOutsideEu, model(', dataLocation: US', ''))).toEqual([]);
  });

  it('finds the CRM of the demo, hosted in the United States', () => {
    const findings = runRule(saasDataOutsideEu, exampleModel('forges-de-l-est'));
    expect(findings.map((f) => f.id)).toEqual(['saas-data-outside-eu@saas-crm']);
    expect(findings[0]?.subjects).toEqual(
      expect.arrayContaining(['saas-crm', 'data-clients-contrats', 'flux-siege-crm']),
    );
  });
});
