import { NEED_CRITERIA } from '../../domain/model/index.js';
import type { Locale } from '../../i18n/index.js';
import { text, type LocalizedText } from '../text.js';
import { CRITERION_LETTERS, type NeedLevels, type NeedsReport } from './needs-report.js';
import type { Applicability, RegulationAssessment } from './regulation-types.js';
import { toMarkdown, type ReportDocument } from './report-document.js';

const L = (en: string, fr: string): LocalizedText => text(en, fr);

/** `: ` in English, ` : ` in French typography. */
export const colon = (locale: Locale): string => (locale === 'fr' ? '\u00a0: ' : ': ');

/** `D3 I4 C4 P3`, with `–` for unknown levels. */
export function dicp(needs: NeedLevels): string {
  return NEED_CRITERIA.map(
    (c) => `${CRITERION_LETTERS[c]}${needs[c] === 0 ? '–' : String(needs[c])}`,
  ).join(' ');
}

export const APPLICABILITY: Readonly<Record<Applicability, LocalizedText>> = {
  yes: L('yes', 'oui'),
  likely: L('likely', 'probable'),
  no: L('no', 'non'),
};

/** The needs report as a document: business values, then supporting assets with the why. */
export function needsDocument(report: NeedsReport, locale: Locale): ReportDocument {
  const t = (value: LocalizedText): string => value[locale];
  const kind = { process: L('process', 'processus'), data: L('data', 'données') };
  return {
    title: t(L('Security needs (DICP)', 'Besoins de sécurité (DICP)')),
    sections: [
      {
        heading: t(L('Business values', 'Valeurs métier')),
        table: [
          [t(L('Id', 'Identifiant')), t(L('Kind', 'Type')), t(L('Name', 'Nom')), 'DICP'],
          ...report.businessValues.map((v) => [v.id, t(kind[v.kind]), v.name, dicp(v.needs)]),
        ],
      },
      {
        heading: t(L('Supporting assets', 'Biens supports')),
        paragraphs: [
          t(
            L(
              'An asset inherits the highest need of what it supports; “why” names the business value each level comes from.',
              'Un actif hérite du besoin le plus élevé de ce qu’il soutient ; « pourquoi » nomme la valeur métier d’où vient chaque niveau.',
            ),
          ),
        ],
        table: [
          [t(L('Asset', 'Actif')), 'DICP', t(L('Why', 'Pourquoi'))],
          ...report.assets.map((a) => {
            const levels = Object.fromEntries(
              NEED_CRITERIA.map((c) => [c, a.needs[c].level]),
            ) as NeedLevels;
            const why = NEED_CRITERIA.filter((c) => a.needs[c].why !== undefined)
              .map((c) => {
                const need = a.needs[c];
                return `${CRITERION_LETTERS[c]}${need.level} ← ${need.source ?? ''} (${need.why?.[locale] ?? ''})`;
              })
              .join('; ');
            return [a.id, dicp(levels), why];
          }),
        ],
      },
      {
        heading: t(L('Assets without inherited needs', 'Actifs sans besoin hérité')),
        paragraphs: [
          report.unrated.length === 0 ? t(L('None.', 'Aucun.')) : report.unrated.join(', '),
        ],
      },
    ],
  };
}

export function renderNeedsMarkdown(report: NeedsReport, locale: Locale): string {
  return toMarkdown(needsDocument(report, locale));
}

/** The regulations as a document: a summary table, then each one's reasons and obligations. */
export function regulationsDocument(
  regulations: readonly RegulationAssessment[],
  locale: Locale,
): ReportDocument {
  const t = (value: LocalizedText): string => value[locale];
  return {
    title: t(L('Applicable regulations', 'Réglementations applicables')),
    sections: [
      {
        heading: t(L('Summary', 'Synthèse')),
        table: [
          [
            t(L('Regulation', 'Réglementation')),
            t(L('Applies', 'S’applique')),
            t(L('Qualifier', 'Qualification')),
          ],
          ...regulations.map((r) => [t(r.name), t(APPLICABILITY[r.applies]), r.qualifier ?? '']),
        ],
      },
      ...regulations.map((r) => ({
        heading: `${t(r.name)} — ${t(APPLICABILITY[r.applies])}`,
        bullets: [
          ...r.reasons.map(
            (reason) =>
              `${t(reason.text)}${reason.entities.length === 0 ? '' : ` [${reason.entities.join(', ')}]`}`,
          ),
          ...r.obligations.map(
            (o) =>
              `${t(L('Obligation', 'Obligation'))} (${o.reference}${o.deadline === undefined ? '' : `, ${o.deadline}`})${colon(locale)}${t(o.text)}`,
          ),
        ],
      })),
    ],
  };
}

export function renderRegulationsMarkdown(
  regulations: readonly RegulationAssessment[],
  locale: Locale,
): string {
  return toMarkdown(regulationsDocument(regulations, locale));
}
