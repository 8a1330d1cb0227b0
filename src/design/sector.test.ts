import { describe, expect, it } from 'vitest';
import { modelFrom } from '../../test/support/model.js';
import { frameEbios } from './cp1/ebios.js';
import { sectorFamilyOf, sectorImpacts } from './sector.js';

describe('sectorFamilyOf', () => {
  it.each([
    ['Clinique privée MCO', 'health'],
    ['Centre hospitalier', 'health'],
    ['EHPAD', 'health'],
    ['Commune de 12 000 habitants', 'public'],
    ['Collectivité territoriale', 'public'],
    ['E-commerce de luminaires', 'commerce'],
    ['Retail', 'commerce'],
    ['Métallurgie – forge et usinage', 'industry'],
    ['Banque régionale', 'finance'],
    ['Université', 'education'],
    ['Cabinet de conseil', 'services'],
    ['Agriculture', 'other'],
    ['', 'other'],
  ])('reads “%s” as %s', (sector, family) => {
    expect(sectorFamilyOf({ name: 'X', sector })).toBe(family);
  });

  it('prefers the declared family to the free text', () => {
    expect(sectorFamilyOf({ name: 'X', sector: 'Clinique', sectorFamily: 'commerce' })).toBe(
      'commerce',
    );
    expect(sectorFamilyOf(undefined)).toBe('other');
  });
});

describe('feared events speak the sector’s language', () => {
  const model = (sector: string) => `
organisation: { name: Test, sector: ${JSON.stringify(sector)} }
assets: [{ id: app, kind: application }]
data:
  - { id: records, name: Records, personal: { categories: [health] }, needs: { confidentiality: 4 }, storedOn: [app] }
processes:
  - { id: core, name: Core, rto: 4h, needs: { availability: 4 }, assets: [app] }
`;
  const impacts = (sector: string, id: string) =>
    frameEbios(modelFrom(model(sector)).graph, '2026-11-28').fearedEvents.find((e) => e.id === id)
      ?.impacts;

  it('words a hospital’s unavailability as care interrupted and its leak as medical secrecy', () => {
    expect(impacts('Centre hospitalier', 'core:availability')?.en).toContain('danger for patients');
    expect(impacts('Centre hospitalier', 'core:availability')?.fr).toContain('soins interrompus');
    expect(impacts('Centre hospitalier', 'records:confidentiality')?.fr).toContain(
      'secret médical',
    );
  });

  it('words a local authority’s and a retailer’s differently, and keeps a neutral default', () => {
    expect(impacts('Mairie', 'core:availability')?.en).toContain('public service interrupted');
    expect(impacts('E-commerce', 'core:availability')?.en).toContain('sales lost');
    expect(impacts('Agriculture', 'core:availability')?.en).toBe(
      'activity stopped or degraded, financial losses, penalties',
    );
  });

  it('has a wording for every criterion of the sectors it covers', () => {
    for (const family of ['health', 'public', 'commerce'] as const) {
      for (const criterion of ['availability', 'integrity', 'confidentiality', 'proof'] as const) {
        expect(sectorImpacts(family, criterion, false), `${family} ${criterion}`).toBeDefined();
      }
    }
  });
});
