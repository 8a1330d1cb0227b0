import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exampleModel, modelFrom } from '../../../test/support/model.js';
import { createTranslator } from '../../i18n/index.js';
import { assessBaseline } from './baseline.js';
import { frameEbios } from './ebios.js';
import { buildNeedsReport } from './needs-report.js';
import { assessRegulations } from './regulations.js';
import { toMarkdown } from './report-document.js';
import { renderBaselineMarkdown, renderEbiosMarkdown } from './report-ebios.js';
import { needsDocument, renderNeedsMarkdown, renderRegulationsMarkdown } from './report-needs.js';
import { renderSpecMarkdown } from './report-spec.js';
import { analyseSpec } from './spec-analysis.js';
import { parseSpec } from './spec-parse.js';

const TODAY = '2026-11-28';

describe('reports', () => {
  it('renders Markdown tables and escapes pipes', () => {
    const md = toMarkdown({
      title: 'T',
      sections: [
        {
          heading: 'S',
          table: [
            ['a', 'b'],
            ['x|y', 'z\nw'],
          ],
          bullets: ['one'],
        },
      ],
    });
    expect(md).toBe('# T\n\n## S\n\n| a | b |\n| --- | --- |\n| x\\|y | z w |\n\n- one\n');
  });

  it('renders the needs in both languages with the why', () => {
    const { graph } = modelFrom(`
organisation: { name: T }
assets: [{ id: db, kind: database }]
data: [{ id: paie, name: Paie, needs: { confidentiality: 4 }, storedOn: [db] }]
`);
    const report = buildNeedsReport(graph);
    expect(needsDocument(report, 'en').sections[1]?.table?.[1]).toEqual([
      'db',
      'D– I– C4 P–',
      'C4 ← paie (stores the data “Paie”)',
    ]);
    expect(renderNeedsMarkdown(report, 'fr')).toContain('C4 ← paie (héberge les données « Paie »)');
  });

  it('renders every report of the demo in both languages', () => {
    const { graph } = exampleModel('forges-de-l-est');
    const { model } = graph;
    const regulations = assessRegulations({
      organisation: model.organisation,
      data: model.data,
      assets: model.assets,
    });
    const framing = frameEbios(graph, TODAY);
    for (const locale of ['fr', 'en'] as const) {
      expect(renderRegulationsMarkdown(regulations, locale)).toContain(
        locale === 'fr' ? 'RGPD' : 'GDPR',
      );
      expect(renderEbiosMarkdown(framing, locale)).toContain(
        locale === 'fr' ? 'Événements redoutés' : 'Feared events',
      );
      expect(renderBaselineMarkdown(assessBaseline(graph, TODAY), locale)).toContain('lan-siege');
    }
    expect(renderRegulationsMarkdown(regulations, 'fr')).toContain(
      'Obligation (GDPR art. 33, 72h)\u00a0: Notifier',
    );
    const spec = parseSpec(
      readFileSync(
        fileURLToPath(
          new URL('../../../examples/specs/portail-fournisseurs.yaml', import.meta.url),
        ),
        'utf8',
      ),
      'portail.yaml',
      createTranslator('fr'),
    ).spec;
    if (spec === undefined) throw new Error('example spec does not parse');
    const md = renderSpecMarkdown(analyseSpec(spec, graph), 'fr');
    expect(md).toContain('REQ-portail-fournisseurs-02');
    expect(md).toContain('## Questions ouvertes');
    expect(md).toContain('Analysée au regard du modèle.');
  });
});
