import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { siteNetworkNotRedundant } from './site-network-not-redundant.js';

const model = (network: string): string => `
organisation: { name: Test }
sites: [{ id: plant, name: Plant${network} }]
zones: [{ id: srv, kind: server, site: plant }]
assets: [{ id: mes, kind: server, zone: srv }, { id: wiki, kind: server, zone: srv }]
processes:
  - { id: prod, needs: { availability: 4 }, assets: [mes] }
  - { id: doc, needs: { availability: 2 }, assets: [wiki] }
`;

describe('site-network-not-redundant', () => {
  it('fires on a site hosting critical assets with a single operator link', () => {
    const findings = runRule(
      siteNetworkNotRedundant,
      model(', network: { redundant: false, providers: [Orange] }'),
    );
    expect(findings.map((f) => [f.id, f.impact, f.severity])).toEqual([
      ['site-network-not-redundant@plant', 4, 'medium'],
    ]);
    expect(findings[0]?.subjects).toEqual(['plant', 'mes']);
    expect(findings[0]?.detail).toBe(
      'Plant has no redundant network link (Orange) and hosts availability-critical assets: mes.',
    );
  });

  it('says when the redundancy is merely not declared', () => {
    const findings = runRule(siteNetworkNotRedundant, model(''));
    expect(findings[0]?.detail).toBe(
      'Plant declares no redundant network link and hosts availability-critical assets: mes.',
    );
  });

  it('stays silent with a redundant link', () => {
    expect(runRule(siteNetworkNotRedundant, model(', network: { redundant: true }'))).toEqual([]);
  });

  it('finds the plant of the demo, linked by a single fibre', () => {
    const findings = runRule(siteNetworkNotRedundant, exampleModel('forges-de-l-est'));
    expect(findings.map((f) => f.subjects[0])).toEqual(['site-pompey']);
    expect(findings[0]?.subjects).toEqual(expect.arrayContaining(['srv-mes', 'scada-usine']));
  });
});
