import { describe, expect, it } from 'vitest';
import { exampleModel } from '../../../test/support/model.js';
import { evaluateRules } from '../analyze-rules.js';
import { RULES_EXPOSURE } from './registry-exposure.js';

const run = (name: 'forges-de-l-est' | 'minimal'): ReturnType<typeof evaluateRules> =>
  evaluateRules(exampleModel(name).graph, {
    rules: RULES_EXPOSURE,
    locale: 'en',
    today: '2026-11-28',
  });

describe('exposure rules on the examples', () => {
  it('are registered in id order, without duplicates', () => {
    const ids = RULES_EXPOSURE.map((rule) => rule.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(15);
  });

  it('find no high or critical weakness in the minimal example', () => {
    const result = run('minimal');
    expect(result.failures).toEqual([]);
    expect(
      result.findings.filter((f) => f.severity === 'high' || f.severity === 'critical'),
    ).toEqual([]);
  });

  it.each([
    [1, ['flux-internet-rdp-tse', 'srv-tse', 'fw-siege', 'grp-commerciaux']],
    [
      3,
      [
        'flux-bureau-automate-presse',
        'flux-bureau-pupitre-four',
        'lan-usine',
        'plc-presse-01',
        'hmi-four',
        'postes-methodes',
        'fw-ot',
      ],
    ],
    [
      4,
      [
        'flux-rh-db-paie',
        'db-paie',
        'postes-rh',
        'data-paie',
        'data-rh-sante',
        'data-dossiers-personnel',
      ],
    ],
    [5, ['flux-be-plm', 'data-plans-cao', 'flux-postes-fichiers', 'flux-postes-ad-ldap']],
    [16, ['lan-siege', 'srv-fichiers', 'srv-impression', 'flux-postes-fichiers']],
    [17, ['ap-invites', 'wifi-invites', 'flux-invites-copieurs', 'imprimantes-siege']],
    [24, ['flux-usine-m365', 'fw-usine', 'lan-usine']],
  ] as const)('find the entities of the demo weakness #%i', (_number, entities) => {
    const subjects = new Set(run('forges-de-l-est').findings.flatMap((f) => f.subjects));
    for (const entity of entities) expect(subjects, entity).toContain(entity);
  });

  it('find the DMARC weakness #20 of the demo on the organisation', () => {
    const dmarc = run('forges-de-l-est').findings.find((f) =>
      f.id.startsWith('mail-dmarc-not-enforced@'),
    );
    expect(dmarc?.id).toBe('mail-dmarc-not-enforced@forges-de-l-est');
    expect(dmarc?.detail).toContain('forges-de-l-est.fr');
  });
});
