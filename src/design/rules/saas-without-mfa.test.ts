import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { saasWithoutMfa } from './saas-without-mfa.js';

const base = `
organisation: { name: Test }
zones: [{ id: cloud, kind: cloud }]
data: [{ id: clients, needs: { confidentiality: 3, integrity: 2 }, storedOn: [crm] }]
assets:
`;

describe('saas-without-mfa', () => {
  it('fires on cloud services without MFA, most likely when they require no authentication', () => {
    const findings = runRule(
      saasWithoutMfa,
      `${base}  - { id: crm, kind: saas, authentication: { method: password, mfa: false } }
  - { id: form, kind: saas, authentication: { method: none } }
  - { id: drive, kind: cloud-service }
`,
    );
    expect(findings.map((f) => [f.id, f.likelihood, f.impact, f.severity])).toEqual([
      ['saas-without-mfa@crm', 3, 3, 'high'],
      ['saas-without-mfa@form', 4, 2, 'medium'],
      ['saas-without-mfa@drive', 3, 2, 'medium'],
    ]);
    expect(findings[0]?.subjects).toEqual(['crm', 'clients']);
    expect(findings.map((f) => f.detail)).toEqual([
      'crm accepts password logins without MFA.',
      'form requires no authentication at all.',
      'drive accepts logins without MFA (MFA not declared).',
    ]);
  });

  it('stays silent with MFA, for key or certificate access, and for assets outside the cloud', () => {
    const findings = runRule(
      saasWithoutMfa,
      `${base}  - { id: crm, kind: saas, zone: cloud, authentication: { method: sso, mfa: true } }
  - { id: s3, kind: cloud-service, authentication: { method: key, mfa: false } }
  - { id: app, kind: application, authentication: { method: password } }
`,
    );
    expect(findings).toEqual([]);
  });

  it('finds the CRM of the demo and not Microsoft 365', () => {
    const ids = runRule(saasWithoutMfa, exampleModel('forges-de-l-est')).map((f) => f.subjects[0]);
    expect(ids).toEqual(['saas-crm']);
  });
});
