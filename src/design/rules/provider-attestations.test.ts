import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import type { Rule } from '../rule.js';
import { cloudDataLocationUnknown } from './cloud-data-location-unknown.js';
import { providerAttestationExpired } from './provider-attestation-expired.js';
import { providerHdsMissing } from './provider-hds-missing.js';
import { providerPciDssMissing } from './provider-pci-dss-missing.js';

const TODAY = '2026-11-28';

const model = (organisation: string, assets: string): string => `
organisation: ${organisation}
zones: [{ id: srv, kind: server }, { id: cloud, kind: cloud }]
assets:
${assets}
data:
  - { id: records, name: Patient records, personal: { categories: [identification, health] }, storedOn: [dpi] }
  - { id: orders, storedOn: [shop] }
  - { id: cards, name: Card payments, storedOn: [shop] }
`;

const ASSETS = `
  - { id: dpi, kind: saas, provider: MedSoft }
  - { id: shop, kind: saas, provider: ShopCo }
`;

const ids = (rule: Rule, yaml: string): string[] => runRule(rule, yaml, TODAY).map((f) => f.id);

describe('provider-hds-missing', () => {
  it('fires on a SaaS storing health data of a French organisation without HDS', () => {
    const findings = runRule(providerHdsMissing, model('{ name: T, country: FR }', ASSETS), TODAY);
    expect(findings.map((f) => [f.id, f.severity])).toEqual([['provider-hds-missing@dpi', 'high']]);
    expect(findings[0]?.detail).toBe(
      'dpi (MedSoft) hosts health data (records) with no HDS attestation declared.',
    );
  });

  it('counts data sent to a SaaS as hosted, not data sent to a partner that receives it in its own right', () => {
    const yaml = `${model(
      '{ name: T }',
      `${ASSETS}  - { id: payer, kind: cloud-service, zone: insurer, provider: Payer }
  - { id: tele, kind: saas, provider: TeleCo }
`,
    ).replace(
      '{ id: cloud, kind: cloud }]',
      '{ id: cloud, kind: cloud }, { id: insurer, kind: partner }]',
    )}flows:
  - { id: f-payer, from: dpi, to: payer, protocol: https, data: [records] }
  - { id: f-tele, from: dpi, to: tele, protocol: https, data: [records] }
`;
    expect(ids(providerHdsMissing, yaml)).toEqual([
      'provider-hds-missing@dpi',
      'provider-hds-missing@tele',
    ]);
  });

  it('reads the attestation on the hosting provider beneath a virtual machine', () => {
    const hosted = `
  - { id: iaas, kind: cloud-service, provider: CloudCo }
  - { id: vm, kind: virtual-machine, hostedOn: iaas }
  - { id: dpi, kind: application, hostedOn: vm }
  - { id: shop, kind: saas }
`;
    expect(ids(providerHdsMissing, model('{ name: T }', hosted))).toEqual([
      'provider-hds-missing@iaas',
    ]);
    expect(runRule(providerHdsMissing, model('{ name: T }', hosted), TODAY)[0]?.detail).toBe(
      'iaas (CloudCo) hosts health data (records) through dpi with no HDS attestation declared.',
    );
    const certified = hosted.replace(
      'provider: CloudCo }',
      'provider: CloudCo, attestations: [{ kind: hds, validUntil: 2027-06-30 }] }',
    );
    expect(ids(providerHdsMissing, model('{ name: T }', certified))).toEqual([]);
  });

  it('stays silent outside France, with an HDS attestation, and on premises', () => {
    expect(ids(providerHdsMissing, model('{ name: T, country: DE }', ASSETS))).toEqual([]);
    const certified = ASSETS.replace(
      'provider: MedSoft }',
      'provider: MedSoft, attestations: [{ kind: hds, validUntil: 2027-01-01 }] }',
    );
    expect(ids(providerHdsMissing, model('{ name: T }', certified))).toEqual([]);
    const onPremises = ASSETS.replace(
      '{ id: dpi, kind: saas',
      '{ id: dpi, kind: server, zone: srv',
    );
    expect(ids(providerHdsMissing, model('{ name: T }', onPremises))).toEqual([]);
  });
});

describe('provider-attestation-expired', () => {
  it('fires on a certificate past its date, more likely when the data requires it', () => {
    const expired = `
  - { id: dpi, kind: saas, attestations: [{ kind: hds, validUntil: 2026-06-30, reference: HDS-42 }] }
  - { id: shop, kind: saas, attestations: [{ kind: iso27001, validUntil: 2025-01-01 }] }
`;
    const findings = runRule(providerAttestationExpired, model('{ name: T }', expired), TODAY);
    expect(findings.map((f) => [f.id, f.likelihood])).toEqual([
      ['provider-attestation-expired@dpi', 3],
      ['provider-attestation-expired@shop', 2],
    ]);
    expect(findings[0]?.detail).toBe(
      'dpi: expired hds (2026-06-30, HDS-42), although required for records.',
    );
    // one fact, one finding: the expired HDS certificate is not also "missing"
    expect(ids(providerHdsMissing, model('{ name: T }', expired))).toEqual([]);
  });

  it('stays silent on a renewed certificate and on valid ones', () => {
    const renewed = `
  - { id: dpi, kind: saas, attestations: [{ kind: hds, validUntil: 2025-06-30 }, { kind: hds, validUntil: 2028-06-30 }] }
  - { id: shop, kind: saas, attestations: [{ kind: pci-dss, validUntil: ${TODAY} }, { kind: soc2-type2 }] }
`;
    expect(ids(providerAttestationExpired, model('{ name: T }', renewed))).toEqual([]);
  });
});

describe('provider-pci-dss-missing', () => {
  it('fires, medium, on card data at a provider without PCI DSS when the organisation takes cards', () => {
    const organisation = '{ name: T, regulatory: { cardPayments: true } }';
    const findings = runRule(providerPciDssMissing, model(organisation, ASSETS), TODAY);
    expect(findings.map((f) => [f.id, f.severity])).toEqual([
      ['provider-pci-dss-missing@shop', 'medium'],
    ]);
    expect(findings[0]?.detail).toBe(
      'shop (ShopCo) holds payment data (cards) with no PCI DSS attestation declared.',
    );
    const compliant = ASSETS.replace(
      'provider: ShopCo }',
      'provider: ShopCo, attestations: [{ kind: pci-dss }] }',
    );
    expect(ids(providerPciDssMissing, model(organisation, compliant))).toEqual([]);
  });

  it('stays silent when the organisation does not declare card payments', () => {
    expect(ids(providerPciDssMissing, model('{ name: T }', ASSETS))).toEqual([]);
  });

  it('follows the data set’s own cardholderData flag before its name', () => {
    const organisation = '{ name: T, regulatory: { cardPayments: true } }';
    const tokens = model(organisation, ASSETS).replace(
      '{ id: cards, name: Card payments,',
      '{ id: cards, name: Card payments, cardholderData: false,',
    );
    expect(ids(providerPciDssMissing, tokens)).toEqual([]);
    const billing = model('{ name: T }', ASSETS).replace(
      '{ id: cards, name: Card payments,',
      '{ id: cards, name: Billing, cardholderData: true,',
    );
    expect(ids(providerPciDssMissing, billing)).toEqual(['provider-pci-dss-missing@shop']);
    // invoices and bank details are not card numbers
    const invoices = model(organisation, ASSETS).replace(
      '{ id: cards, name: Card payments,',
      '{ id: invoices, name: Invoices, personal: { categories: [financial] },',
    );
    expect(ids(providerPciDssMissing, invoices)).toEqual([]);
  });
});

describe('cloud-data-location-unknown reads attestations', () => {
  it('a current SecNumCloud attestation settles the location; an HDS one lowers the finding', () => {
    const assets = `
  - { id: dpi, kind: saas, attestations: [{ kind: hds, validUntil: 2027-01-01 }] }
  - { id: shop, kind: saas, attestations: [{ kind: secnumcloud, validUntil: 2027-01-01 }] }
`;
    const findings = runRule(cloudDataLocationUnknown, model('{ name: T }', assets), TODAY);
    expect(findings.map((f) => [f.id, f.severity])).toEqual([
      ['cloud-data-location-unknown@dpi', 'low'],
    ]);
    expect(findings[0]?.detail).toContain('HDS certification requires hosting in the EEA');
    const expired = assets.replace(
      'kind: secnumcloud, validUntil: 2027-01-01',
      'kind: secnumcloud, validUntil: 2026-01-01',
    );
    expect(ids(cloudDataLocationUnknown, model('{ name: T }', expired))).toContain(
      'cloud-data-location-unknown@shop',
    );
  });
});

describe('provider rules on the demo', () => {
  it('raise nothing high on a model without health or card data at providers', () => {
    const demo = exampleModel('forges-de-l-est');
    for (const rule of [providerHdsMissing, providerAttestationExpired, providerPciDssMissing])
      expect(
        runRule(rule, demo, TODAY).filter(
          (f) => f.severity === 'high' || f.severity === 'critical',
        ),
        rule.id,
      ).toEqual([]);
  });
});
