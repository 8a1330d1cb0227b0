import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { sitePowerNotRedundant } from './site-power-not-redundant.js';

const model = (power: string): string => `
organisation: { name: Test }
sites: [{ id: plant, name: Plant${power} }, { id: shop, name: Shop }]
zones:
  - { id: srv, kind: server, site: plant }
  - { id: lan, kind: user, site: shop }
  - { id: cloud, kind: cloud }
assets:
  - { id: mes, kind: server, zone: srv }
  - { id: till, kind: workstation, zone: lan }
  - { id: saas, kind: saas, zone: cloud }
processes:
  - { id: prod, needs: { availability: 3 }, assets: [mes, saas] }
  - { id: sell, needs: { availability: 2 }, assets: [till] }
`;

describe('site-power-not-redundant', () => {
  it('fires on a site with critical assets and no UPS, less likely with a UPS but no generator', () => {
    const none = runRule(sitePowerNotRedundant, model(''));
    expect(none.map((f) => [f.id, f.likelihood, f.impact, f.severity])).toEqual([
      ['site-power-not-redundant@plant', 3, 3, 'high'],
    ]);
    expect(none[0]?.subjects).toEqual(['plant', 'mes']);
    expect(none[0]?.detail).toBe(
      'Plant has neither UPS nor generator and hosts availability-critical assets: mes.',
    );
    const upsOnly = runRule(sitePowerNotRedundant, model(', power: { ups: true }'));
    expect(upsOnly.map((f) => [f.likelihood, f.detail])).toEqual([
      [2, 'Plant has no generator and hosts availability-critical assets: mes.'],
    ]);
  });

  it('stays silent with UPS and generator', () => {
    expect(
      runRule(sitePowerNotRedundant, model(', power: { ups: true, generator: true }')),
    ).toEqual([]);
  });

  it('finds the head office of the demo, which has no generator', () => {
    const findings = runRule(sitePowerNotRedundant, exampleModel('forges-de-l-est'));
    expect(findings.map((f) => f.subjects[0])).toEqual(['site-nancy']);
  });
});
