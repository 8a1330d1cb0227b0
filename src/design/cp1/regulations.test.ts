import { describe, expect, it } from 'vitest';
import { exampleModel, modelFrom } from '../../../test/support/model.js';
import { assessRegulations, type RegulationAssessment } from './regulations.js';
import { nis2Annex } from './regulations-nis2.js';

function assess(yaml: string): Record<string, RegulationAssessment> {
  const { graph } = modelFrom(yaml);
  const { model } = graph;
  const result = assessRegulations({
    organisation: model.organisation,
    data: model.data,
    assets: model.assets,
  });
  return Object.fromEntries(result.map((r) => [r.id, r]));
}

describe('assessRegulations', () => {
  it('applies GDPR from the declared role with the 72-hour notification', () => {
    const r = assess(`organisation: { id: acme, name: Acme, regulatory: { gdpr: controller } }\n`);
    expect(r.gdpr?.applies).toBe('yes');
    expect(r.gdpr?.qualifier).toBe('controller');
    expect(r.gdpr?.reasons[0]?.entities).toEqual(['acme']);
    expect(r.gdpr?.obligations.find((o) => o.reference === 'GDPR art. 33')?.deadline).toBe('72h');
  });

  it('makes the processor notify the controller instead', () => {
    const r = assess(`organisation: { name: Acme, regulatory: { gdpr: processor } }\n`);
    expect(r.gdpr?.obligations.map((o) => o.reference)).toContain('GDPR art. 33(2)');
  });

  it('infers GDPR from personal data, and a likely DPIA from art. 9 data', () => {
    const r = assess(`
organisation: { name: Acme, country: FR }
data: [{ id: sante, personal: { categories: [health], subjects: 40 } }]
`);
    expect(r.gdpr?.applies).toBe('yes');
    expect(r['gdpr-dpia']?.applies).toBe('likely');
    expect(r['gdpr-dpia']?.reasons[0]?.entities).toEqual(['sante']);
    expect(r['gdpr-dpia']?.reasons[0]?.text.fr).toContain('santé');
  });

  it('requires a DPIA when two criteria meet (art. 9 at large scale)', () => {
    const r = assess(`
organisation: { name: Acme }
data: [{ id: patients, personal: { categories: [health], subjects: 20000 } }]
`);
    expect(r['gdpr-dpia']?.applies).toBe('yes');
    expect(r['gdpr-dpia']?.reasons[0]?.text.en).toContain(
      'above Vigie’s heuristic threshold of 5,000',
    );
  });

  it('finds no DPIA criterion for ordinary contact data, and no GDPR without personal data', () => {
    const r = assess(
      `organisation: { name: Acme }\ndata: [{ id: contacts, personal: { categories: [contact], subjects: 300 } }]\n`,
    );
    expect(r['gdpr-dpia']?.applies).toBe('no');
    expect(assess(`organisation: { name: Acme }\n`).gdpr?.applies).toBe('no');
    expect(assess(`organisation: { name: Acme, employees: 12 }\n`).gdpr?.applies).toBe('likely');
  });

  it('reports transfers outside the EEA', () => {
    const r = assess(`
organisation: { name: Acme, regulatory: { gdpr: controller } }
assets: [{ id: crm, kind: saas, dataLocation: US }, { id: erp, kind: saas, dataLocation: CH }]
data: [{ id: clients, personal: { categories: [contact] }, storedOn: [crm, erp] }]
`);
    const transfer = r.gdpr?.reasons.filter((x) => x.text.en.includes('chapter V'));
    expect(transfer?.map((x) => x.entities)).toEqual([['clients', 'crm']]);
    expect(r.gdpr?.obligations.map((o) => o.reference)).toContain('GDPR art. 44–49');
  });

  it('infers NIS 2 from sector and size, to confirm', () => {
    const energy = assess(
      `organisation: { name: A, sector: Production d'énergie, employees: 300 }\n`,
    );
    expect(energy.nis2?.applies).toBe('likely');
    expect(energy.nis2?.qualifier).toBe('essential');
    expect(energy.nis2?.reasons.map((x) => x.text.fr).join(' ')).toContain('à confirmer');
    const small = assess(
      `organisation: { name: A, sector: Fabrication de machines, employees: 20 }\n`,
    );
    expect(small.nis2?.applies).toBe('no');
    const medium = assess(
      `organisation: { name: A, sector: Fabrication de machines, employees: 80 }\n`,
    );
    expect([medium.nis2?.applies, medium.nis2?.qualifier]).toEqual(['likely', 'important']);
    expect(medium.nis2?.obligations.map((o) => o.deadline).filter(Boolean)).toEqual([
      '24h',
      '72h',
      '1mo',
    ]);
    expect(
      assess(`organisation: { name: A, sector: Boulangerie, employees: 80 }\n`).nis2?.applies,
    ).toBe('no');
  });

  it('keeps a declared NIS 2 exclusion but flags the doubt', () => {
    const r = assess(
      `organisation: { name: A, sector: Transport routier, employees: 400, regulatory: { nis2: none } }\n`,
    );
    expect(r.nis2?.applies).toBe('no');
    expect(r.nis2?.reasons[1]?.text.en).toContain('check the declaration');
  });

  it('classifies sectors by NIS 2 annex', () => {
    expect(nis2Annex('Santé — clinique privée')).toBe('I');
    expect(nis2Annex('Métallurgie')).toBe('II');
    expect(nis2Annex('Transport routier')).toBe('I');
    expect(nis2Annex('Portail immobilier')).toBeUndefined();
    expect(nis2Annex(undefined)).toBeUndefined();
  });

  it('makes HDS likely when a provider keeps health data, PCI DSS and LPM only when declared', () => {
    const r = assess(`
organisation: { name: A, regulatory: { cardPayments: true, oiv: true } }
assets: [{ id: dossier, kind: saas, provider: MediCloud, dataLocation: FR }]
data: [{ id: soins, personal: { categories: [health] }, storedOn: [dossier] }]
`);
    expect(r.hds?.applies).toBe('likely');
    expect(r.hds?.reasons[0]?.entities).toEqual(['soins', 'dossier']);
    expect(r['pci-dss']?.applies).toBe('yes');
    expect(r['lpm-oiv']?.applies).toBe('yes');
    expect(r['lpm-oiv']?.obligations[1]?.deadline).toBe('without delay');
  });

  it('finds on the demo: GDPR with a likely DPIA (data-rh-sante), NIS 2 important; no HDS, PCI DSS, LPM', () => {
    const { model } = exampleModel('forges-de-l-est').graph;
    const r = Object.fromEntries(
      assessRegulations({
        organisation: model.organisation,
        data: model.data,
        assets: model.assets,
      }).map((x) => [x.id, x]),
    );
    expect(r.gdpr?.applies).toBe('yes');
    expect(r['gdpr-dpia']?.applies).toBe('likely');
    expect(r['gdpr-dpia']?.reasons.flatMap((x) => x.entities)).toEqual(['data-rh-sante']);
    expect([r.nis2?.applies, r.nis2?.qualifier]).toEqual(['yes', 'important']);
    expect(r.hds?.applies).toBe('no');
    expect(r['pci-dss']?.applies).toBe('no');
    expect(r['lpm-oiv']?.applies).toBe('no');
    expect(r.gdpr?.reasons.some((x) => x.entities.includes('saas-crm'))).toBe(true);
  });
});
