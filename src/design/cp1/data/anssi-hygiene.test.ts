import { describe, expect, it } from 'vitest';
import { HYGIENE_CHAPTERS, HYGIENE_MEASURES, hygieneMeasure } from './anssi-hygiene.js';

describe('ANSSI hygiene measures', () => {
  it('holds the 42 measures in order, each in a known chapter, in both languages', () => {
    expect(HYGIENE_MEASURES.map((m) => m.number)).toEqual(
      Array.from({ length: 42 }, (_, i) => i + 1),
    );
    const chapters = HYGIENE_CHAPTERS.map((c) => c.id);
    for (const measure of HYGIENE_MEASURES) {
      expect(chapters).toContain(measure.chapter);
      expect(measure.title.fr).not.toMatch(/'|\s{2}|\(renforcé\)/);
      expect(measure.title.en.length).toBeGreaterThan(10);
    }
  });

  it('uses the guide’s titles and levels', () => {
    expect(hygieneMeasure(19)?.title.fr).toBe(
      'Segmenter le réseau et mettre en place un cloisonnement entre ces zones',
    );
    expect(hygieneMeasure(18)?.title.fr).toBe(
      'Chiffrer les données sensibles transmises par voie Internet',
    );
    expect(HYGIENE_MEASURES.filter((m) => m.level === 'reinforced').map((m) => m.number)).toEqual([
      38, 41, 42,
    ]);
    expect(hygieneMeasure(0)).toBeUndefined();
    expect(hygieneMeasure(43)).toBeUndefined();
  });
});
