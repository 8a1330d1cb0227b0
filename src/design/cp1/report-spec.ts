import { NEED_CRITERIA } from '../../domain/model/index.js';
import type { Locale } from '../../i18n/index.js';
import { text, type LocalizedText } from '../text.js';
import { CRITERION_LABELS } from './needs-report.js';
import { regulationsDocument } from './report-needs.js';
import { toMarkdown, type ReportDocument } from './report-document.js';
import type { SpecAnalysis } from './spec-analysis.js';

const L = (en: string, fr: string): LocalizedText => text(en, fr);

/** The analysis of a spec as a document: needs, regulations, requirements, open questions. */
export function specDocument(analysis: SpecAnalysis, locale: Locale): ReportDocument {
  const t = (value: LocalizedText): string => value[locale];
  const { spec } = analysis;
  const regulations = regulationsDocument(analysis.regulations, locale);
  return {
    title: `${t(L('Specification analysis', 'Analyse de la spécification'))} — ${spec.title}`,
    sections: [
      {
        heading: t(L('Purpose', 'Objet')),
        paragraphs: [
          spec.purpose,
          t(
            analysis.withModel
              ? L('Analysed against the model.', 'Analysée au regard du modèle.')
              : L('Analysed on its own, without a model.', 'Analysée seule, sans modèle.'),
          ),
        ],
      },
      {
        heading: t(L('Security needs', 'Besoins de sécurité')),
        table: [
          [
            t(L('Criterion', 'Critère')),
            t(L('Level', 'Niveau')),
            t(L('Source', 'Source')),
            t(L('Why', 'Pourquoi')),
          ],
          ...NEED_CRITERIA.map((c) => {
            const need = analysis.needs[c];
            return [
              t(CRITERION_LABELS[c]),
              need.level === 0 ? '–' : String(need.level),
              need.source ?? '',
              need.why === undefined ? '' : t(need.why),
            ];
          }),
        ],
      },
      ...regulations.sections.map((s, i) => (i === 0 ? { ...s, heading: regulations.title } : s)),
      {
        heading: t(L('Security requirements', 'Exigences de sécurité')),
        table: [
          [
            t(L('Id', 'Identifiant')),
            t(L('Requirement', 'Exigence')),
            t(L('Rationale', 'Justification')),
            t(L('References', 'Références')),
            t(L('Trigger', 'Déclencheur')),
          ],
          ...analysis.requirements.map((r) => [
            r.id,
            t(r.text),
            t(r.rationale),
            [...r.references.anssi, ...r.references.iso27002.map((c) => `ISO 27002 ${c}`)].join(
              ', ',
            ),
            `${t(r.trigger.text)}${r.trigger.entities.length === 0 ? '' : ` [${r.trigger.entities.join(', ')}]`}`,
          ]),
        ],
      },
      {
        heading: t(L('Open questions', 'Questions ouvertes')),
        bullets: analysis.questions.map((q) => `${q.id} — ${t(q.text)}`),
        ...(analysis.questions.length === 0 ? { paragraphs: [t(L('None.', 'Aucune.'))] } : {}),
      },
    ],
  };
}

export function renderSpecMarkdown(analysis: SpecAnalysis, locale: Locale): string {
  return toMarkdown(specDocument(analysis, locale));
}
