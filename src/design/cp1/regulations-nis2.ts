import { text } from '../text.js';
import {
  obligation,
  organisationRef,
  reason,
  type Applicability,
  type RegulationAssessment,
  type RegulationInput,
  type RegulationReason,
} from './regulation-types.js';

/** Sector keywords (accent-free, lower case) of NIS 2 annex I (sectors of high criticality). */
const ANNEX_I = [
  'energ',
  'electricit',
  'gaz',
  'petrol',
  'hydrogen',
  'transport',
  'aerien',
  'aviation',
  'aeroport',
  'airport',
  'ferroviaire',
  'railway',
  'maritime',
  'portuaire',
  'banque',
  'bank',
  'bourse',
  'stock exchange',
  'sante',
  'health',
  'hopita',
  'hospital',
  'clinique',
  'clinic',
  'eau potable',
  'drinking water',
  'eaux usees',
  'waste water',
  'datacenter',
  'data center',
  'centre de donnees',
  'cloud',
  'telecom',
  'hebergeur',
  'infogerance',
  'managed service',
  'administration publique',
  'public administration',
  'spatial',
  'space',
];

/** Sector keywords of NIS 2 annex II (other critical sectors). */
const ANNEX_II = [
  'postal',
  'courrier',
  'dechet',
  'waste',
  'chimi',
  'chemical',
  'agroaliment',
  'aliment',
  'food',
  'fabrication',
  'manufactur',
  'industri',
  'metallurg',
  'mecanique',
  'automobile',
  'automotive',
  'machine',
  'electroni',
  'dispositifs medicaux',
  'medical device',
  'marketplace',
  'place de marche',
  'moteur de recherche',
  'search engine',
  'reseau social',
  'social network',
  'recherche',
  'research',
];

const normalise = (value: string): string =>
  value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** True when a keyword starts a word of the sector (or appears, for keywords of several words). */
function matches(sector: string, keywords: readonly string[]): boolean {
  const normalised = normalise(sector);
  const words = normalised.split(/[^a-z0-9]+/).filter((w) => w !== '');
  return keywords.some((keyword) =>
    keyword.includes(' ') ? normalised.includes(keyword) : words.some((w) => w.startsWith(keyword)),
  );
}

export type Nis2Annex = 'I' | 'II' | undefined;

/** The NIS 2 annex a free-text sector falls in, by keywords (annex I wins). */
export function nis2Annex(sector: string | undefined): Nis2Annex {
  if (sector === undefined) return undefined;
  if (matches(sector, ANNEX_I)) return 'I';
  return matches(sector, ANNEX_II) ? 'II' : undefined;
}

const NIS2_NAME = text('NIS 2 directive', 'Directive NIS 2');

const nis2Obligations = (type: string | undefined): RegulationAssessment['obligations'] => [
  obligation(
    'NIS 2 art. 23',
    'Send an early warning of a significant incident within 24 hours to the CSIRT (ANSSI/CERT-FR in France).',
    'Envoyer une alerte précoce de tout incident important dans les 24 heures au CSIRT (l’ANSSI / CERT-FR en France).',
    '24h',
  ),
  obligation(
    'NIS 2 art. 23',
    'Notify the incident within 72 hours, with a first assessment of its severity and impact.',
    'Notifier l’incident dans les 72 heures avec une première évaluation de sa gravité et de son impact.',
    '72h',
  ),
  obligation(
    'NIS 2 art. 23',
    'Send a final report within one month of the notification.',
    'Remettre un rapport final dans un délai d’un mois après la notification.',
    '1mo',
  ),
  obligation(
    'NIS 2 art. 21',
    'Take the cybersecurity risk-management measures of article 21 (risk analysis, incident handling, continuity and backups, supply chain, secure development, MFA, encryption, training).',
    'Mettre en œuvre les mesures de gestion des risques de l’article 21 (analyse de risques, gestion des incidents, continuité et sauvegardes, chaîne d’approvisionnement, développement sécurisé, MFA, chiffrement, formation).',
  ),
  obligation(
    'NIS 2 art. 20',
    'Have the management body approve these measures, follow training, and answer for them.',
    'Faire approuver ces mesures par la direction, qui se forme et en répond.',
  ),
  obligation(
    'NIS 2 art. 3(4)',
    `Register with the national authority (ANSSI, MonEspaceNIS2 in France)${type === 'essential' ? '; expect ex-ante supervision (audits, inspections)' : '; supervision is ex post, after an incident or evidence of non-compliance'}.`,
    `S’enregistrer auprès de l’autorité nationale (l’ANSSI, MonEspaceNIS2 en France)${type === 'essential' ? ' ; supervision ex ante (audits, inspections)' : ' ; supervision ex post, après un incident ou des indices de manquement'}.`,
  ),
];

/** What sector and size suggest when nothing is declared. */
function nis2Likely(
  input: RegulationInput,
  org: string,
): { applies: Applicability; type?: string; reasons: RegulationReason[] } {
  const sector = input.organisation?.sector;
  const employees = input.organisation?.employees;
  const annex = nis2Annex(sector);
  if (annex === undefined) {
    return {
      applies: 'no',
      reasons: [
        reason(
          [org],
          sector === undefined
            ? 'no sector declared: cannot tell whether NIS 2 applies'
            : `sector “${sector}” is not among the NIS 2 sectors recognised by Vigie`,
          sector === undefined
            ? 'aucun secteur déclaré : impossible de dire si NIS 2 s’applique'
            : `le secteur « ${sector} » ne figure pas parmi les secteurs NIS 2 reconnus par Vigie`,
        ),
      ],
    };
  }
  const sectorReason = reason(
    [org],
    `sector “${sector ?? ''}” falls in NIS 2 annex ${annex}${annex === 'II' ? ' (to confirm: manufacturing is only in scope for NACE C26–C30 and medical devices)' : ''}`,
    `le secteur « ${sector ?? ''} » relève de l’annexe ${annex} de NIS 2${annex === 'II' ? ' (à confirmer : la fabrication n’est visée que pour les divisions NACE C26 à C30 et les dispositifs médicaux)' : ''}`,
  );
  if (employees === undefined) {
    return {
      applies: 'likely',
      reasons: [
        sectorReason,
        reason(
          [org],
          'size unknown: in scope from 50 employees or €10 M turnover — to confirm',
          'taille inconnue : entité visée à partir de 50 salariés ou 10 M€ de chiffre d’affaires — à confirmer',
        ),
      ],
    };
  }
  if (employees < 50) {
    return {
      applies: 'no',
      reasons: [
        sectorReason,
        reason(
          [org],
          `${employees} employees: below the medium-size threshold (50), unless turnover exceeds €10 M or the activity is in scope whatever the size`,
          `${employees} salariés : sous le seuil des entreprises moyennes (50), sauf chiffre d’affaires supérieur à 10 M€ ou activité visée quelle que soit la taille`,
        ),
      ],
    };
  }
  const type = annex === 'I' && employees >= 250 ? 'essential' : 'important';
  return {
    applies: 'likely',
    type,
    reasons: [
      sectorReason,
      reason(
        [org],
        `${employees} employees (${employees >= 250 ? 'large' : 'medium-sized'} entity): likely ${type} entity — to confirm with the national authority`,
        `${employees} salariés (${employees >= 250 ? 'grande' : 'moyenne'} entreprise) : entité ${type === 'essential' ? 'essentielle' : 'importante'} probable — à confirmer auprès de l’autorité nationale`,
      ),
    ],
  };
}

/** NIS 2: declared entity type, else sector (annexes I/II) and size. */
export function assessNis2(input: RegulationInput): RegulationAssessment {
  const declared = input.organisation?.regulatory?.nis2;
  const org = organisationRef(input.organisation);
  const build = (
    applies: Applicability,
    type: string | undefined,
    reasons: RegulationReason[],
  ): RegulationAssessment => ({
    id: 'nis2',
    name: NIS2_NAME,
    applies,
    ...(type === undefined ? {} : { qualifier: type }),
    reasons,
    obligations: applies === 'no' ? [] : nis2Obligations(type),
  });
  if (declared === 'essential' || declared === 'important') {
    return build('yes', declared, [
      reason(
        [org],
        `declared ${declared} entity`,
        `déclarée entité ${declared === 'essential' ? 'essentielle' : 'importante'}`,
      ),
    ]);
  }
  if (input.organisation?.regulatory?.ose === true && declared === undefined) {
    return build('likely', 'essential', [
      reason(
        [org],
        'declared operator of essential services under NIS 1: likely an essential entity under NIS 2 — to confirm',
        'déclarée opérateur de services essentiels au titre de NIS 1 : probablement entité essentielle au titre de NIS 2 — à confirmer',
      ),
    ]);
  }
  const likely = nis2Likely(input, org);
  if (declared === 'none') {
    const reasons = [reason([org], 'declared outside NIS 2', 'déclarée hors du champ de NIS 2')];
    if (likely.applies === 'likely') {
      reasons.push(
        reason(
          [org],
          'but its sector and size suggest otherwise: check the declaration',
          'mais son secteur et sa taille suggèrent le contraire : vérifier la déclaration',
        ),
        ...likely.reasons,
      );
    }
    return build('no', undefined, reasons);
  }
  return build(likely.applies, likely.type, likely.reasons);
}
