import { hit, type Rule } from '../rule.js';
import { text } from '../text.js';
import { chainAttestations, isCardData, providerHoldings } from './support-attestations.js';
import { list } from './support-resilience.js';
import { label } from '../../model/predicates.js';

export const providerPciDssMissing: Rule = {
  id: 'provider-pci-dss-missing',
  family: 'cloud',
  title: text(
    'Card payment data at a provider without PCI DSS attestation',
    'Données de paiement par carte chez un prestataire sans attestation PCI DSS',
  ),
  description: text(
    'A SaaS or cloud service (or the provider hosting it) stores or receives cardholder data (a data set with `cardholderData: true`, or named after payment cards when the organisation takes card payments) without a declared PCI DSS attestation.',
    'Un service SaaS ou en nuage (ou le prestataire qui l’héberge) conserve ou reçoit des données de porteurs de carte (jeu de données avec `cardholderData: true`, ou nommé d’après les cartes de paiement quand l’organisation accepte les cartes) sans attestation PCI DSS déclarée.',
  ),
  rationale: text(
    'Card schemes require every service provider that stores, processes or transmits cardholder data to be PCI DSS compliant; without its attestation of compliance the organisation cannot show its own compliance, and a breach there is charged to it.',
    'Les réseaux de cartes exigent que tout prestataire qui stocke, traite ou transmet des données de porteurs soit conforme PCI DSS ; sans son attestation de conformité, l’organisation ne peut démontrer la sienne, et une fuite chez lui lui est imputée.',
  ),
  remediation: text(
    'Obtain the provider’s PCI DSS attestation of compliance (AOC) covering this service and record it as an attestation of kind pci-dss, or keep card numbers out of the service (tokenisation by a compliant payment provider).',
    'Obtenir l’attestation de conformité PCI DSS (AOC) du prestataire couvrant ce service et l’enregistrer comme attestation de type pci-dss, ou tenir les numéros de carte hors du service (tokenisation par un prestataire de paiement conforme).',
  ),
  falsePositives: text(
    'Without `cardholderData` on a data set, a data set named after payment cards is taken for card data when the organisation takes card payments: state `cardholderData: false` for tokens only, `true` for card numbers.',
    'Sans `cardholderData` sur un jeu de données, un jeu nommé d’après les cartes de paiement est pris pour des données de carte quand l’organisation accepte les cartes : déclarer `cardholderData: false` pour des jetons seulement, `true` pour des numéros de carte.',
  ),
  likelihood: 2,
  impact: ['confidentiality'],
  references: {
    anssi: ['hygiene:3'],
    iso27002: ['5.19', '5.20', '5.23', '5.31'],
  },
  evaluate({ graph, model }) {
    return [...providerHoldings(graph, (data) => isCardData(model, data))].flatMap(
      ([provider, held]) => {
        if (chainAttestations(graph, provider, 'pci-dss').length > 0) return [];
        const data = [...held.data].sort();
        const holders = [...held.holders].sort();
        const asset = graph.asset(provider);
        const by = asset?.provider === undefined ? '' : ` (${asset.provider})`;
        return [
          hit(
            provider,
            text(
              `${label(graph, provider)}${by} holds payment data (${list(data)})${holders.length > 0 ? ` through ${list(holders)}` : ''} with no PCI DSS attestation declared.`,
              `${label(graph, provider)}${by} détient des données de paiement (${list(data)})${holders.length > 0 ? ` via ${list(holders)}` : ''} sans attestation PCI DSS déclarée.`,
            ),
            // a compliance gap to document, not an exposure by itself: medium
            { related: [...data, ...holders], likelihood: 2, impact: 3 },
          ),
        ];
      },
    );
  },
};
