import type { Locale } from '../../i18n/index.js';
import { text, type LocalizedText } from '../text.js';
import type { Baseline, EffectiveStatus } from './baseline.js';
import { HYGIENE_CHAPTERS } from './data/anssi-hygiene.js';
import type { EbiosFraming } from './ebios.js';
import { SEVERITY_SCALE } from './ebios.js';
import { CRITERION_LABELS } from './needs-report.js';
import { dicp } from './report-needs.js';
import { toMarkdown, type ReportDocument, type ReportSection } from './report-document.js';

const L = (en: string, fr: string): LocalizedText => text(en, fr);

export const STATUS_LABELS: Readonly<Record<EffectiveStatus, LocalizedText>> = {
  implemented: L('implemented', 'en place'),
  partial: L('partial', 'partielle'),
  planned: L('planned', 'prévue'),
  'not-implemented': L('not implemented', 'absente'),
  'not-applicable': L('not applicable', 'sans objet'),
  unknown: L('unknown', 'inconnue'),
};

/** The 42 measures by chapter, with declared and effective status and the evidence. */
export function baselineSections(baseline: Baseline, locale: Locale): ReportSection[] {
  const t = (value: LocalizedText): string => value[locale];
  const s = baseline.score;
  const summary: ReportSection = {
    heading: t(
      L('Security baseline: ANSSI hygiene guide', 'Socle de sécurité : guide d’hygiène de l’ANSSI'),
    ),
    paragraphs: [
      t(
        L(
          `${s.implemented} of ${s.applicable} applicable measures effectively implemented (${s.percent} %; ${s.weightedPercent} % counting partial ones half). ${s.contradicted} measures are contradicted by the model, ${s.unknown} are neither declared nor evidenced.`,
          `${s.implemented} mesures applicables sur ${s.applicable} effectivement en place (${s.percent} % ; ${s.weightedPercent} % en comptant à moitié les mesures partielles). ${s.contradicted} mesures sont contredites par le modèle, ${s.unknown} ne sont ni déclarées ni étayées.`,
        ),
      ),
    ],
  };
  const chapters = HYGIENE_CHAPTERS.map((chapter): ReportSection => {
    const items = baseline.items.filter((i) => i.measure.chapter === chapter.id);
    return {
      heading: `${chapter.id}. ${t(chapter.title)}`,
      table: [
        [
          '#',
          t(L('Measure', 'Mesure')),
          t(L('Declared', 'Déclarée')),
          t(L('Effective', 'Effective')),
          t(L('Model evidence', 'Constats du modèle')),
        ],
        ...items.map((item) => [
          String(item.measure.number),
          `${t(item.measure.title)}${item.measure.level === 'reinforced' ? t(L(' (reinforced)', ' (renforcé)')) : ''}`,
          item.declared === undefined ? '–' : t(STATUS_LABELS[item.declared]),
          t(STATUS_LABELS[item.effective]),
          item.evidence
            .map((e) => `${e.effect === 'supports' ? '✔' : '✘'} ${t(e.text)}`)
            .join(' ; '),
        ]),
      ],
    };
  });
  return [summary, ...chapters];
}

export function renderBaselineMarkdown(baseline: Baseline, locale: Locale): string {
  return toMarkdown({
    title: L('Security baseline', 'Socle de sécurité')[locale],
    sections: baselineSections(baseline, locale),
  });
}

/** EBIOS RM workshop 1 as a document. */
export function ebiosDocument(framing: EbiosFraming, locale: Locale): ReportDocument {
  const t = (value: LocalizedText): string => value[locale];
  return {
    title: `${t(L('EBIOS RM workshop 1: framing and security baseline', 'EBIOS RM atelier 1 : cadrage et socle de sécurité'))}${framing.organisation === undefined ? '' : ` — ${framing.organisation}`}`,
    sections: [
      {
        heading: t(L('Business values and supporting assets', 'Valeurs métier et biens supports')),
        table: [
          [
            t(L('Business value', 'Valeur métier')),
            'DICP',
            t(L('Owner', 'Responsable')),
            t(L('Supporting assets', 'Biens supports')),
          ],
          ...framing.businessValues.map((v) => [
            `${v.name} (${v.id})`,
            dicp(v.needs),
            v.owner ?? '',
            v.supportingAssets.map((a) => a.id).join(', '),
          ]),
        ],
      },
      {
        heading: t(L('Feared events', 'Événements redoutés')),
        table: [
          [
            t(L('Feared event', 'Événement redouté')),
            t(L('Criterion', 'Critère')),
            t(L('Impacts', 'Impacts')),
            t(L('Severity', 'Gravité')),
          ],
          ...framing.fearedEvents.map((e) => [
            t(e.text),
            t(CRITERION_LABELS[e.criterion]),
            t(e.impacts),
            t(SEVERITY_SCALE[e.severity]),
          ]),
        ],
      },
      ...baselineSections(framing.baseline, locale),
    ],
  };
}

export function renderEbiosMarkdown(framing: EbiosFraming, locale: Locale): string {
  return toMarkdown(ebiosDocument(framing, locale));
}
