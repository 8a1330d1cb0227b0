/**
 * Appendices: every finding (id, title, severity, status), the rules run, and a glossary.
 */
import { compareIds } from '../../domain/compare.js';
import { severityLabel, statusLabel } from '../../design/output/findings-text.js';
import { RULE_FAMILIES, type RuleFamily } from '../../design/rule.js';
import { text, type LocalizedText } from '../../design/text.js';
import { code, type Block } from '../model.js';
import type { ReportContext } from './context.js';
import { familyLabel } from './vocabulary.js';

const L = text;

const TEXTS = {
  findingsIntro: L(
    'Every finding of the analysis, open or decided, most severe first.',
    'Tous les constats de l’analyse, ouverts ou décidés, du plus grave au moins grave.',
  ),
  findingsCaption: L('All findings', 'Liste des constats'),
  rulesIntro: L(
    'The rules run over the model, by family; each rule’s description, rationale and references are available with ',
    'Les règles appliquées au modèle, par famille ; la description, l’enjeu et les références de chaque règle sont disponibles avec ',
  ),
  rulesCaption: L('Rules run', 'Règles appliquées'),
  openTotal: L('Open / total', 'Ouverts / total'),
  term: L('Term', 'Terme'),
  definition: L('Definition', 'Définition'),
  glossaryCaption: L('Glossary', 'Glossaire'),
} as const;

const GLOSSARY: readonly (readonly [LocalizedText, LocalizedText])[] = [
  [
    L('ANSSI', 'ANSSI'),
    L(
      'French national cybersecurity agency; its guides (hygiene, secure administration, Internet interconnection, logging) are the rules’ main references.',
      'Agence nationale de la sécurité des systèmes d’information ; ses guides (hygiène, administration sécurisée, interconnexion à Internet, journalisation) sont les références principales des règles.',
    ),
  ],
  [
    L('Attack path', 'Chemin d’attaque'),
    L(
      'A sequence of steps by which an attacker goes from a threat source to a crown jewel; its likelihood is the product of the probabilities of its steps.',
      'Suite d’étapes par lesquelles un attaquant va d’une source de menace à un bien critique ; sa vraisemblance est le produit des probabilités de ses étapes.',
    ),
  ],
  [
    L('ATT&CK', 'ATT&CK'),
    L(
      'MITRE’s knowledge base of attacker techniques (T…) and mitigations (M…).',
      'Base de connaissances du MITRE sur les techniques des attaquants (T…) et les mesures d’atténuation (M…).',
    ),
  ],
  [
    L('Business value', 'Valeur métier'),
    L(
      'A business process or a data set whose security needs the organisation states.',
      'Processus métier ou jeu de données dont l’organisme exprime les besoins de sécurité.',
    ),
  ],
  [
    L('Choke point', 'Point de coupure'),
    L(
      'An element (flow, administration interface, login location, account, right, remote access) in the minimum cut of one or more crown jewels.',
      'Élément (flux, interface d’administration, lieu de connexion, compte, droit, accès distant) de la coupe minimale d’un ou plusieurs biens critiques.',
    ),
  ],
  [
    L('Crown jewel', 'Bien critique'),
    L(
      'An asset an attacker would aim for: high needs, directory, backups, industrial controller.',
      'Actif qu’un attaquant viserait : besoins élevés, annuaire, sauvegardes, automate industriel.',
    ),
  ],
  [
    L('CWE', 'CWE'),
    L(
      'Common Weakness Enumeration, MITRE’s catalogue of weakness types.',
      'Common Weakness Enumeration, catalogue des types de faiblesses du MITRE.',
    ),
  ],
  [
    L('DICP (A, I, C, P)', 'DICP'),
    L(
      'The four security criteria: availability, integrity, confidentiality and proof (traceability), each rated from 1 (low) to 4 (critical).',
      'Les quatre critères de sécurité : disponibilité, intégrité, confidentialité et preuve (traçabilité), chacun noté de 1 (faible) à 4 (critique).',
    ),
  ],
  [
    L('Finding', 'Constat'),
    L(
      'An occurrence of a weakness found by a rule, identified as rule@entity.',
      'Occurrence d’une faiblesse relevée par une règle, identifiée par règle@entité.',
    ),
  ],
  [
    L('Impact', 'Impact'),
    L(
      'From 1 to 4: the highest security need, on the criteria at stake, of the entities a finding involves.',
      'De 1 à 4 : le besoin de sécurité le plus élevé, sur les critères en jeu, des entités concernées par un constat.',
    ),
  ],
  [
    L('ISO/IEC 27002', 'ISO/IEC 27002'),
    L(
      'International code of practice for information security controls.',
      'Code de bonnes pratiques international pour les mesures de sécurité de l’information.',
    ),
  ],
  [
    L('Likelihood', 'Vraisemblance'),
    L(
      'From 1 to 4 for a finding: how easily the weakness can be exploited. For an attack path: the product of the probabilities of its steps.',
      'De 1 à 4 pour un constat : la facilité d’exploitation de la faiblesse. Pour un chemin d’attaque : le produit des probabilités de ses étapes.',
    ),
  ],
  [
    L('Minimum cut', 'Coupe minimale'),
    L(
      'The smallest set of elements whose removal disconnects the threat sources from a crown jewel.',
      'Le plus petit ensemble d’éléments dont la suppression déconnecte les sources de menace d’un bien critique.',
    ),
  ],
  [
    L('Risk decision', 'Décision de traitement du risque'),
    L(
      'A decision recorded in the model on a finding (accepted, mitigated, false positive), with its justification, owner and review date.',
      'Décision consignée dans le modèle sur un constat (accepté, réduit, faux positif), avec sa justification, son responsable et sa date de revue.',
    ),
  ],
  [
    L('Severity', 'Gravité'),
    L(
      'Critical, high, medium or low, from the product likelihood × impact.',
      'Critique, élevée, moyenne ou faible, selon le produit vraisemblance × impact.',
    ),
  ],
  [
    L('Supporting asset', 'Bien support'),
    L(
      'An asset that supports, stores or hosts a business value and inherits its highest needs.',
      'Actif qui soutient, stocke ou héberge une valeur métier et en hérite les besoins les plus élevés.',
    ),
  ],
  [
    L('Threat source', 'Source de menace'),
    L(
      'Where an attack starts: the Internet, a phished workstation, a guest Wi-Fi client, a compromised third party, a malicious insider.',
      'Point de départ d’une attaque : Internet, un poste hameçonné, un client du Wi-Fi invités, un tiers compromis, un initié malveillant.',
    ),
  ],
];

function findingsAppendix(context: ReportContext): Block {
  const { locale, t, input } = context;
  return {
    kind: 'section',
    id: 'appendix-findings',
    title: t.appendixFindings,
    appendix: true,
    children: [
      { kind: 'paragraph', content: [TEXTS.findingsIntro[locale]] },
      {
        kind: 'table',
        id: 'appendix-findings-table',
        caption: [TEXTS.findingsCaption[locale]],
        dense: true,
        columns: [
          { title: t.finding, width: 4 },
          { title: t.heading, width: 4 },
          { title: t.severity, width: 1.3 },
          { title: t.status, width: 2 },
        ],
        rows: input.findings.map((f) => [
          [code(f.id)],
          [f.title],
          [severityLabel(f.severity, locale)],
          [statusLabel(f, locale)],
        ]),
      },
    ],
  };
}

function rulesAppendix(context: ReportContext): Block {
  const { locale, t, input } = context;
  const counts = new Map<string, { open: number; total: number }>();
  for (const f of input.findings) {
    const entry = counts.get(f.ruleId) ?? { open: 0, total: 0 };
    counts.set(f.ruleId, {
      open: entry.open + (f.status === 'open' ? 1 : 0),
      total: entry.total + 1,
    });
  }
  const order = (family: RuleFamily): number => RULE_FAMILIES.indexOf(family);
  const rules = [...input.rules].sort(
    (a, b) => order(a.family) - order(b.family) || compareIds(a.id, b.id),
  );
  return {
    kind: 'section',
    id: 'appendix-rules',
    title: t.appendixRules,
    appendix: true,
    children: [
      { kind: 'paragraph', content: [TEXTS.rulesIntro[locale], code('vigie rules'), '.'] },
      {
        kind: 'table',
        id: 'appendix-rules-table',
        caption: [TEXTS.rulesCaption[locale]],
        dense: true,
        columns: [
          { title: t.rule, width: 3.5 },
          { title: t.family, width: 2.5 },
          { title: t.heading, width: 5 },
          { title: TEXTS.openTotal[locale], width: 1.3, align: 'right' },
        ],
        rows: rules.map((rule) => {
          const c = counts.get(rule.id) ?? { open: 0, total: 0 };
          return [
            [code(rule.id)],
            [familyLabel(rule.family, locale)],
            [rule.title[locale]],
            [`${c.open} / ${c.total}`],
          ];
        }),
      },
    ],
  };
}

function glossaryAppendix(context: ReportContext): Block {
  const { locale, t } = context;
  return {
    kind: 'section',
    id: 'appendix-glossary',
    title: t.glossary,
    appendix: true,
    children: [
      {
        kind: 'table',
        id: 'appendix-glossary-table',
        caption: [TEXTS.glossaryCaption[locale]],
        columns: [
          { title: TEXTS.term[locale], width: 2 },
          { title: TEXTS.definition[locale], width: 7 },
        ],
        rows: [...GLOSSARY]
          .sort((a, b) => a[0][locale].localeCompare(b[0][locale], locale))
          .map(([term, definition]) => [[term[locale]], [definition[locale]]]),
      },
    ],
  };
}

/** Appendices A to C. */
export function appendices(context: ReportContext): Block[] {
  return [findingsAppendix(context), rulesAppendix(context), glossaryAppendix(context)];
}
