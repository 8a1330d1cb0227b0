import { describe, expect, it } from 'vitest';
import { exampleModel, modelFrom } from '../../../test/support/model.js';
import { findThreatSources } from './sources.js';
import { findTargets } from './targets.js';
import { analyseNeeds } from '../needs.js';

describe('findThreatSources', () => {
  it('finds the five kinds of sources of the demo, with stable ids and both languages', () => {
    const sources = findThreatSources(exampleModel('forges-de-l-est').graph);
    const ids = sources.map((s) => s.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toEqual(
      expect.arrayContaining([
        'internet',
        'phishing:lan-siege',
        'phishing:lan-usine',
        'guest-wifi:wifi-invites',
        'third-party:id-tiers-maintenance-ot',
        'third-party:id-tiers-infogerance',
        'insider:grp-commerciaux',
      ]),
    );
    for (const source of sources) {
      expect(source.label.fr).not.toBe('');
      expect(source.description.en).not.toBe('');
      expect(source.likelihood).toBeGreaterThan(0);
      expect(source.likelihood).toBeLessThanOrEqual(1);
    }
    const ot = sources.find((s) => s.id === 'third-party:id-tiers-maintenance-ot');
    expect(ot).toMatchObject({
      via: 'routeur-maintenance-ot',
      identity: 'id-tiers-maintenance-ot',
    });
    // permanent, shared, password only: more likely than the MFA-protected managed service
    const managed = sources.find((s) => s.id === 'third-party:id-tiers-infogerance');
    expect(ot!.likelihood).toBeGreaterThan(managed!.likelihood);
    expect(sources.find((s) => s.id === 'phishing:lan-siege')?.footholds).toContain('postes-rh');
  });

  it('finds nothing in a model without zones or identities', () => {
    expect(findThreatSources(modelFrom('organisation: { name: Empty }\n').graph)).toEqual([]);
  });
});

describe('findTargets', () => {
  it('finds the crown jewels of the demo with their reasons', () => {
    const { graph } = exampleModel('forges-de-l-est');
    const targets = findTargets(graph, analyseNeeds(graph));
    const byId = new Map(targets.map((t) => [t.id, t]));
    expect(byId.get('srv-ad-01')?.reasons.map((r) => r.code)).toContain('directory');
    expect(byId.get('nas-sauvegarde-siege')?.reasons.map((r) => r.code)).toContain('backup');
    expect(byId.get('plc-presse-01')?.reasons.map((r) => r.code)).toContain('ot-controller');
    expect(byId.get('db-paie')?.reasons.find((r) => r.code === 'need')).toMatchObject({
      level: 4,
      criterion: 'confidentiality',
    });
    expect(byId.has('sw-acces-siege')).toBe(false);
    const values = targets.map((t) => t.value);
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });
});
