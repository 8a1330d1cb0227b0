import { describe, expect, it } from 'vitest';
import { exampleModel, modelFrom } from '../../../test/support/model.js';
import { assessBaseline, effectiveStatus } from './baseline.js';
import type { Evidence } from './evidence/index.js';

const TODAY = '2026-11-28';
const ev = (effect: Evidence['effect']): Evidence => ({
  measure: 1,
  check: 'x',
  effect,
  entities: [],
  text: { en: '', fr: '' },
});

describe('effectiveStatus', () => {
  it.each([
    ['implemented', [], 'implemented'],
    ['implemented', ['contradicts'], 'partial'],
    ['not-applicable', ['contradicts'], 'not-implemented'],
    ['planned', ['contradicts'], 'planned'],
    [undefined, ['contradicts', 'supports'], 'not-implemented'],
    [undefined, ['supports'], 'partial'],
    [undefined, [], 'unknown'],
  ] as const)('%s with %j gives %s', (declared, effects, expected) => {
    expect(effectiveStatus(declared, effects.map(ev))).toBe(expected);
  });
});

describe('assessBaseline', () => {
  it('takes the weakest declaration and scores contradicted measures as not implemented', () => {
    const { graph } = modelFrom(`
organisation: { name: T }
zones:
  - { id: lan, kind: user, subnets: [10.0.0.0/24] }
assets:
  - { id: files, kind: file-server, zone: lan }
measures:
  - { id: m19, hygiene: 19, status: implemented }
  - { id: m13a, hygiene: 13, status: implemented }
  - { id: m13b, hygiene: 13, status: partial }
  - { id: m2, hygiene: 2, status: implemented }
  - { id: m42, hygiene: 42, status: not-applicable }
`);
    const baseline = assessBaseline(graph, TODAY);
    expect(baseline.items).toHaveLength(42);
    const byNumber = (n: number) => baseline.items.find((i) => i.measure.number === n);
    expect(byNumber(13)).toMatchObject({
      declared: 'partial',
      declaredBy: ['m13a', 'm13b'],
      effective: 'partial',
    });
    expect(byNumber(19)).toMatchObject({
      declared: 'implemented',
      contradicted: true,
      effective: 'partial',
    });
    expect(byNumber(19)?.evidence[0]?.entities).toEqual(['lan', 'files']);
    // the file server sends no logs: measure 36 is contradicted though not declared
    expect(byNumber(36)).toMatchObject({ declared: undefined, effective: 'not-implemented' });
    // nor does it declare an EDR or an antivirus: no-edr finds it, so measure 14 is contradicted
    expect(byNumber(14)).toMatchObject({ declared: undefined, effective: 'not-implemented' });
    expect(baseline.score).toMatchObject({
      applicable: 41,
      implemented: 1,
      notApplicable: 1,
      contradicted: 3,
      percent: 2,
    });
    // m2 implemented (1) + m13 partial (½); m19 partial but contradicted counts zero
    expect(baseline.score.weightedPercent).toBe(Math.round((100 * 1.5) / 41));
  });

  it('on the demo, contradicts measure 19 with lan-siege (servers in the user zone)', () => {
    const baseline = assessBaseline(exampleModel('forges-de-l-est').graph, TODAY);
    const m19 = baseline.items.find((i) => i.measure.number === 19);
    expect(m19?.declared).toBe('partial');
    const flat = m19?.evidence.find((e) => e.check === 'servers-in-user-zone');
    expect(flat?.effect).toBe('contradicts');
    expect(flat?.entities).toEqual(['lan-siege', 'srv-fichiers', 'srv-impression']);
    expect(flat?.text.fr).toContain('lan-siege');
    const m35 = baseline.items.find((i) => i.measure.number === 35);
    // dated by the model (Windows 7, 2012 R2) or by the lifecycle table, as the rules date them
    expect(m35?.evidence.flatMap((e) => e.entities)).toEqual([
      'ews-automatisme',
      'srv-tse',
      'proxy-web',
      'rp-siege',
      'web-vitrine',
    ]);
    expect(baseline.score.percent).toBeGreaterThan(0);
    expect(baseline.score.percent).toBeLessThan(50);
  });

  it('has at least 12 measures with model evidence on the demo, and none on an empty model', () => {
    const demo = assessBaseline(exampleModel('forges-de-l-est').graph, TODAY);
    expect(demo.items.filter((i) => i.evidence.length > 0).length).toBeGreaterThanOrEqual(12);
    const empty = assessBaseline(modelFrom('organisation: { name: E }\n').graph, TODAY);
    expect(empty.items.every((i) => i.evidence.length === 0 && i.effective === 'unknown')).toBe(
      true,
    );
    expect(empty.score.percent).toBe(0);
  });
});
