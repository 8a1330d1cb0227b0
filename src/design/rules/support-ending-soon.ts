import { hit, type Rule } from '../rule.js';
import { text } from '../text.js';
import { label } from '../../model/predicates.js';
import { addMonths, list } from './support-resilience.js';
import { datedItem, supportEndOf } from './support-lifecycle.js';

/** How far ahead an end of support is announced. */
const HORIZON_MONTHS = 6;

export const supportEndingSoon: Rule = {
  id: 'support-ending-soon',
  family: 'obsolescence',
  title: text('End of support within six months', 'Fin de support dans moins de six mois'),
  description: text(
    'The operating system or software of an asset reaches its vendor end of support within the next six months: the date the model declares (supportEnd) or, failing that, the end of life Vigie’s lifecycle table (endoflife.date) gives for its name and version.',
    'Le système d’exploitation ou un logiciel d’un actif atteint la fin du support de l’éditeur dans les six prochains mois : la date que déclare le modèle (supportEnd) ou, à défaut, la fin de vie que la table de cycle de vie de Vigie (endoflife.date) donne pour son nom et sa version.',
  ),
  rationale: text(
    'A migration takes months (budget, qualification, vendor compatibility, especially in industrial systems): it must start before the last security update, not after.',
    'Une migration prend des mois (budget, qualification, compatibilité éditeur, en particulier dans les systèmes industriels) : elle doit commencer avant le dernier correctif de sécurité, pas après.',
  ),
  remediation: text(
    'Plan and budget the migration now, or buy extended support; check the compatibility of the business applications with the target version.',
    'Planifier et budgéter la migration dès maintenant, ou souscrire un support étendu ; vérifier la compatibilité des applications métier avec la version cible.',
  ),
  falsePositives: text(
    'A migration already scheduled before the date: accept the finding with the planned date.',
    'Migration déjà planifiée avant l’échéance : accepter le constat en indiquant la date prévue.',
  ),
  likelihood: 1,
  impact: ['confidentiality', 'integrity', 'availability'],
  references: {
    anssi: ['hygiene:35'],
    iso27002: ['8.8', '5.9'],
    cwe: ['CWE-1104'],
    attack: ['M1051'],
  },
  evaluate({ model, graph, today }) {
    const horizon = addMonths(today, HORIZON_MONTHS);
    return model.assets.flatMap((asset) => {
      const items = [
        ...(asset.os === undefined ? [] : [asset.os]),
        ...(asset.software ?? []),
      ].flatMap((item) => {
        const end = supportEndOf(item);
        return end !== undefined && end.date >= today && end.date < horizon
          ? [datedItem(item, end)]
          : [];
      });
      if (items.length === 0) return [];
      return [
        hit(
          asset.id,
          text(
            `${label(graph, asset.id)}: end of support before ${horizon} for ${list(items.map((i) => i.en))}.`,
            `${label(graph, asset.id)} : fin de support avant le ${horizon} pour ${list(items.map((i) => i.fr))}.`,
          ),
        ),
      ];
    });
  },
};
