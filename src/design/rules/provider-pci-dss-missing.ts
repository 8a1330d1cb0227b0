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
    'The organisation takes card payments, and a SaaS or cloud service (or the provider hosting it) stores or receives card or payment data without a declared PCI DSS attestation.',
    'L’organisation accepte les paiements par carte, et un service SaaS ou en nuage (ou le prestataire qui l’héberge) conserve ou reçoit des données de carte ou de paiement sans attestation PCI DSS déclarée.',
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
    'Financial or bank-details data that holds no card numbers (IBANs, invoices) is taken for card data when the organisation takes card payments: accept the finding, or name the data set precisely.',
    'Des données financières ou bancaires sans numéros de carte (IBAN, factures) sont prises pour des données de carte quand l’organisation accepte les cartes : accepter le constat, ou nommer précisément le jeu de données.',
  ),
  likelihood: 2,
  impact: ['confidentiality'],
  references: {
    anssi: ['hygiene:3'],
    iso27002: ['5.19', '5.20', '5.23', '5.31'],
  },
  evaluate({ graph, model }) {
    if (model.organisation?.regulatory?.cardPayments !== true) return [];
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
