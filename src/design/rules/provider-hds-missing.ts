import { hit, type Level, type Rule } from '../rule.js';
import { text } from '../text.js';
import { impactOver } from './support-access.js';
import { chainAttestations, isHealthData, providerHoldings } from './support-attestations.js';
import { list } from './support-resilience.js';
import { label } from '../../model/predicates.js';

export const providerHdsMissing: Rule = {
  id: 'provider-hds-missing',
  family: 'cloud',
  title: text(
    'Health data hosted by a provider without HDS certification',
    'Données de santé hébergées chez un prestataire non certifié HDS',
  ),
  description: text(
    'A SaaS or cloud service (or the provider hosting it) stores health data of a French organisation but declares no HDS (Hébergeur de données de santé) attestation, on itself or on the hosting beneath it.',
    'Un service SaaS ou en nuage (ou le prestataire qui l’héberge) conserve des données de santé d’une organisation française sans attestation HDS (hébergeur de données de santé) déclarée, ni sur lui ni sur l’hébergement sous-jacent.',
  ),
  rationale: text(
    'In France, whoever hosts personal health data on behalf of others must be HDS certified (Code de la santé publique, article L.1111-8): an uncertified host is an offence for the provider and the organisation, and nothing attests the security, location and reversibility the certification requires.',
    'En France, quiconque héberge des données de santé à caractère personnel pour le compte d’autrui doit être certifié HDS (Code de la santé publique, article L.1111-8) : un hébergeur non certifié met en faute le prestataire comme l’organisation, et rien n’atteste la sécurité, la localisation et la réversibilité qu’exige la certification.',
  ),
  remediation: text(
    'Ask the provider for its HDS certificate covering this service (scope, validity), or move the data to an HDS-certified offer; record it as an attestation of kind hds with its validity date. Review the contract clauses the certification requires.',
    'Demander au prestataire son certificat HDS couvrant ce service (périmètre, validité), ou migrer les données vers une offre certifiée HDS ; l’enregistrer comme attestation de type hds avec sa date de validité. Vérifier les clauses contractuelles qu’exige la certification.',
  ),
  falsePositives: text(
    'Data that is not personal health data (anonymised statistics) or a provider certified but not declared: correct the data categories or add the attestation.',
    'Données qui ne sont pas des données de santé à caractère personnel (statistiques anonymisées) ou prestataire certifié mais non déclaré : corriger les catégories de données ou ajouter l’attestation.',
  ),
  likelihood: 3,
  impact: ['confidentiality'],
  references: {
    anssi: ['hygiene:3'],
    iso27002: ['5.19', '5.20', '5.23', '5.31', '5.34'],
  },
  evaluate(context) {
    const { graph, model } = context;
    const country = model.organisation?.country;
    if (country !== undefined && country !== 'FR') return [];
    return [...providerHoldings(graph, isHealthData, { hostedOnly: true })].flatMap(
      ([provider, held]) => {
        // an expired HDS certificate is reported by provider-attestation-expired
        if (chainAttestations(graph, provider, 'hds').length > 0) return [];
        const data = [...held.data].sort();
        const holders = [...held.holders].sort();
        const asset = graph.asset(provider);
        const by = asset?.provider === undefined ? '' : ` (${asset.provider})`;
        // health data is a GDPR special category: at least a serious impact
        const impact = Math.max(3, impactOver(context, data, ['confidentiality']) ?? 0) as Level;
        return [
          hit(
            provider,
            text(
              `${label(graph, provider)}${by} hosts health data (${list(data)})${holders.length > 0 ? ` through ${list(holders)}` : ''} with no HDS attestation declared.`,
              `${label(graph, provider)}${by} héberge des données de santé (${list(data)})${holders.length > 0 ? ` via ${list(holders)}` : ''} sans attestation HDS déclarée.`,
            ),
            { related: [...data, ...holders], impact },
          ),
        ];
      },
    );
  },
};
