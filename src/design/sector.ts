import type { Organisation, SectorFamily } from '../domain/model/index.js';
import type { NeedCriterion } from '../domain/model/index.js';
import { text, type LocalizedText } from './text.js';

/** Words of a free-text sector, accents and case removed, that name a family of sectors. */
const SECTOR_WORDS: readonly (readonly [SectorFamily, RegExp])[] = [
  [
    'health',
    /\b(sante|health|healthcare|hopital\w*|hospital\w*|clinique|clinic|medic\w*|ehpad|soins|pharma\w*|laboratoire d.analyses|radiolog\w*|chu|ght)\b/,
  ],
  [
    'public',
    /\b(collectivite|mairie|commune|municipal\w*|departement|region|prefecture|administration|public sector|secteur public|local authority|council|agglomeration|metropole|intercommunal\w*|epci|government|ministere)\b/,
  ],
  ['finance', /\b(banque|bank\w*|assurance|insurance|finance|financial|mutuelle|credit)\b/],
  [
    'education',
    /\b(ecole|school|college|lycee|universite|university|education|enseignement|formation|training)\b/,
  ],
  [
    'commerce',
    /\b(commerce|e-commerce|ecommerce|retail\w*|vente|distribution|boutique|shop\w*|magasin|store|marketplace|negoce)\b/,
  ],
  [
    'industry',
    /\b(industrie\w*|industry|industrial|usine|plant|factory|manufactur\w*|metallurgie|metallurgy|production|chimie|chemical|agroalimentaire|energie|energy|automobile|aeronautique)\b/,
  ],
  ['services', /\b(services?|conseil|consulting|saas|software|logiciel|editeur|it services)\b/],
];

const fold = (value: string): string => value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The family of the organisation's sector: the declared `sectorFamily`, else the first family
 * whose words the free-text `sector` (or the description) contains, else `other`.
 */
export function sectorFamilyOf(organisation: Organisation | undefined): SectorFamily {
  if (organisation?.sectorFamily !== undefined) return organisation.sectorFamily;
  const words = fold(organisation?.sector ?? '');
  if (words === '') return 'other';
  return SECTOR_WORDS.find(([, pattern]) => pattern.test(words))?.[0] ?? 'other';
}

type ImpactCase = NeedCriterion | 'personal-data';

/** What losing a criterion means, in the words of each family of sectors. */
const IMPACTS: Readonly<Partial<Record<SectorFamily, Partial<Record<ImpactCase, LocalizedText>>>>> =
  {
    health: {
      availability: text(
        'care interrupted or delayed, danger for patients, transfers to other establishments, the regional health agency (ARS) to inform',
        'soins interrompus ou retardés, mise en danger des patients, transferts vers d’autres établissements, information de l’ARS',
      ),
      integrity: text(
        'wrong diagnosis or treatment (dosage, patient identity mix-up), danger for patients, medical liability',
        'diagnostic ou traitement erroné (posologie, erreur d’identité du patient), mise en danger des patients, responsabilité médicale',
      ),
      'personal-data': text(
        'breach of medical secrecy, harm to patients, GDPR notification and CNIL sanctions, loss of patients’ trust',
        'atteinte au secret médical, préjudice pour les patients, notification et sanctions RGPD (CNIL), perte de confiance des patients',
      ),
      confidentiality: text(
        'disclosure of the establishment’s internal matters, breach of contracts, reputation',
        'divulgation d’informations internes de l’établissement, manquement contractuel, réputation',
      ),
      proof: text(
        'medical acts and access to records cannot be traced: patients’ rights and medical liability cannot be upheld',
        'actes médicaux et accès aux dossiers non traçables : droits des patients et responsabilité médicale impossibles à établir',
      ),
    },
    public: {
      availability: text(
        'public service interrupted for citizens (civil status, social aid, payments), legal deadlines missed, loss of public trust',
        'service public interrompu pour les usagers (état civil, aides sociales, paiements), délais légaux non tenus, perte de confiance des administrés',
      ),
      integrity: text(
        'wrong administrative decisions or payments, legal disputes, loss of public trust',
        'décisions administratives ou paiements erronés, contentieux, perte de confiance des administrés',
      ),
      'personal-data': text(
        'harm to citizens, GDPR notification and CNIL sanctions, loss of public trust',
        'préjudice pour les administrés, notification et sanctions RGPD (CNIL), perte de confiance du public',
      ),
      confidentiality: text(
        'disclosure of sensitive public matters (tenders, deliberations, security), breach of the law',
        'divulgation d’affaires publiques sensibles (marchés, délibérations, sécurité), manquement à la loi',
      ),
      proof: text(
        'administrative acts cannot be proven, legal challenges cannot be answered',
        'actes administratifs impossibles à prouver, recours impossibles à instruire',
      ),
    },
    industry: {
      availability: text(
        'production stopped, delivery delays and contractual penalties, safety of people and installations',
        'production arrêtée, retards de livraison et pénalités contractuelles, sécurité des personnes et des installations',
      ),
      integrity: text(
        'defective production or wrong settings, safety of people and installations, recalls',
        'production défectueuse ou réglages erronés, sécurité des personnes et des installations, rappels de produits',
      ),
    },
    commerce: {
      availability: text(
        'sales lost, orders and deliveries stopped, customers turning to competitors',
        'ventes perdues, commandes et livraisons arrêtées, clients qui se tournent vers la concurrence',
      ),
      integrity: text(
        'wrong prices, orders or payments, fraud, loss of customers’ trust',
        'prix, commandes ou paiements erronés, fraude, perte de confiance des clients',
      ),
      'personal-data': text(
        'harm to customers (fraud, phishing), GDPR notification and sanctions, card-scheme penalties for payment data, reputation',
        'préjudice pour les clients (fraude, hameçonnage), notification et sanctions RGPD, pénalités des réseaux de cartes pour les données de paiement, réputation',
      ),
      confidentiality: text(
        'loss of commercial edge (prices, suppliers, customers), breach of contracts',
        'perte d’avantage commercial (prix, fournisseurs, clients), manquement contractuel',
      ),
      proof: text(
        'disputed orders and payments cannot be settled, fraud goes undetected',
        'commandes et paiements contestés impossibles à trancher, fraude non détectée',
      ),
    },
  };

/** The impacts a feared event has in the organisation's sector, when the sector words them. */
export function sectorImpacts(
  family: SectorFamily,
  criterion: NeedCriterion,
  personal: boolean,
): LocalizedText | undefined {
  const byCase = IMPACTS[family];
  if (byCase === undefined) return undefined;
  return (
    (criterion === 'confidentiality' && personal ? byCase['personal-data'] : undefined) ??
    byCase[criterion]
  );
}
