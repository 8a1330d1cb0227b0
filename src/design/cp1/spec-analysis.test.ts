import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exampleModel } from '../../../test/support/model.js';
import { createTranslator } from '../../i18n/index.js';
import { specSchema, type Spec } from './spec.js';
import { analyseSpec } from './spec-analysis.js';
import { availabilityFromRto } from './spec-needs.js';
import { parseSpec } from './spec-parse.js';

const EXAMPLE = fileURLToPath(
  new URL('../../../examples/specs/portail-fournisseurs.yaml', import.meta.url),
);

function example(): Spec {
  const { spec } = parseSpec(readFileSync(EXAMPLE, 'utf8'), 'portail.yaml', createTranslator('en'));
  if (spec === undefined) throw new Error('example spec does not parse');
  return spec;
}

const bare = (extra: Partial<Spec> = {}): Spec =>
  specSchema.parse({ id: 'app', title: 'App', purpose: 'Test', ...extra });

describe('analyseSpec', () => {
  it('maps an RTO to an availability level', () => {
    expect(['2h', '4h', '8h', '1d', '3d', '1w', '1mo'].map(availabilityFromRto)).toEqual([
      4, 4, 3, 3, 2, 2, 1,
    ]);
  });

  it('derives needs from the spec alone: classification, personal data, RTO', () => {
    const analysis = analyseSpec(
      bare({
        data: [
          {
            id: 'dossiers',
            name: 'Dossiers',
            classification: 'internal',
            personal: { categories: ['health'] },
          },
        ],
        availability: { rto: '4h' },
      }),
    );
    expect(analysis.needs.confidentiality).toMatchObject({
      level: 3,
      source: 'dossiers',
      origin: 'spec',
    });
    expect(analysis.needs.availability).toMatchObject({ level: 4, source: 'app' });
    expect(analysis.needs.integrity.level).toBe(0);
    expect(analysis.withModel).toBe(false);
    const dpia = analysis.regulations.find((r) => r.id === 'gdpr-dpia');
    expect(dpia?.applies).toBe('likely');
    expect(analysis.requirements.map((r) => r.id)).toContain('REQ-app-11');
  });

  it('asks the questions of every gap', () => {
    const analysis = analyseSpec(
      bare({
        users: [{ id: 'clients', who: 'Clients', type: 'external', from: ['internet'] }],
        data: [{ id: 'd', name: 'Contacts', personal: { categories: ['contact'] } }],
        hosting: { kind: 'saas' },
        interconnections: [{ id: 'ic', partner: 'Banque', direction: 'outbound' }],
      }),
    );
    expect(analysis.questions.map((q) => q.gap)).toEqual([
      'missing-authentication',
      'missing-user-count',
      'missing-classification',
      'missing-retention',
      'missing-subjects',
      'missing-country',
      'missing-provider',
      'missing-protocol',
      'missing-encryption',
      'missing-interconnection-authentication',
      'missing-interconnection-data',
      'missing-rto',
      'missing-rpo',
      'missing-administration',
      'missing-owner',
    ]);
    expect(analysis.questions[0]).toMatchObject({
      id: 'Q-app-01',
      path: ['users', 0, 'authentication'],
    });
    expect(analysis.questions[0]?.text.fr).toBe(
      'Comment les utilisateurs « Clients » (clients) s’authentifient-ils, et avec quel second facteur ?',
    );
  });

  it('keeps requirement ids stable when other requirements come and go', () => {
    const small = analyseSpec(bare({ hosting: { kind: 'on-premises' } }));
    expect(small.requirements.map((r) => r.id)).toEqual([
      'REQ-app-03',
      'REQ-app-07',
      'REQ-app-15',
      'REQ-app-16',
    ]);
    const exposed = analyseSpec(
      bare({
        hosting: { kind: 'on-premises' },
        users: [{ id: 'u', who: 'Public', type: 'external', from: ['internet'] }],
      }),
    );
    expect(exposed.requirements.map((r) => r.id)).toEqual(
      expect.arrayContaining([
        'REQ-app-01',
        'REQ-app-02',
        'REQ-app-03',
        'REQ-app-15',
        'REQ-app-18',
      ]),
    );
    const mfa = exposed.requirements.find((r) => r.id === 'REQ-app-02');
    expect(mfa?.references).toEqual({ anssi: ['hygiene:13'], iso27002: ['8.5'] });
    expect(mfa?.trigger.entities).toEqual(['u']);
  });

  it('analyses the example against the demo: needs raised to the model, requirements and questions', () => {
    const { graph } = exampleModel('forges-de-l-est');
    const analysis = analyseSpec(example(), graph);
    expect(analysis.unresolved).toEqual([]);
    // data-commandes (A4 I4) and proc-commandes come from the model
    expect(analysis.needs.availability).toMatchObject({ level: 4, origin: 'model' });
    expect(analysis.needs.integrity.level).toBe(4);
    expect(analysis.needs.confidentiality.level).toBe(3);
    const ids = analysis.requirements.map((r) => r.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'REQ-portail-fournisseurs-01',
        'REQ-portail-fournisseurs-02',
        'REQ-portail-fournisseurs-04',
        'REQ-portail-fournisseurs-13',
        'REQ-portail-fournisseurs-14',
        'REQ-portail-fournisseurs-19',
      ]),
    );
    expect(ids).not.toContain('REQ-portail-fournisseurs-12');
    const gaps = analysis.questions.map((q) => q.gap);
    expect(gaps).toEqual(
      expect.arrayContaining(['missing-retention', 'missing-encryption', 'missing-admin-mfa']),
    );
    const nis2 = analysis.regulations.find((r) => r.id === 'nis2');
    expect(nis2?.applies).toBe('yes');
  });

  it('reports unresolved references against a model, none on its own', () => {
    const spec = bare({
      processes: ['proc-commandes', 'proc-absent'],
      hosting: { kind: 'on-premises', zone: 'srv-erp' },
    });
    const { graph } = exampleModel('forges-de-l-est');
    expect(analyseSpec(spec, graph).unresolved.map((u) => [u.path.join('.'), u.id])).toEqual([
      ['processes.1', 'proc-absent'],
      ['hosting.zone', 'srv-erp'],
    ]);
    expect(analyseSpec(spec).unresolved).toEqual([]);
  });
});
