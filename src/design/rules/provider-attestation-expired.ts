import { hit, type Level, type Rule } from '../rule.js';
import { text } from '../text.js';
import { impactOver } from './support-access.js';
import { isCardData, isCurrent, isHealthData, providerHoldings } from './support-attestations.js';
import { list } from './support-resilience.js';
import { label } from '../../model/predicates.js';

export const providerAttestationExpired: Rule = {
  id: 'provider-attestation-expired',
  family: 'cloud',
  title: text(
    'Provider certification past its validity date',
    'Certification d’un prestataire échue',
  ),
  description: text(
    'An attestation declared on an asset (HDS, ISO 27001, SecNumCloud, SOC 2, PCI DSS…) has a validity date that has passed, and no attestation of the same kind on that asset is still valid.',
    'Une attestation déclarée sur un actif (HDS, ISO 27001, SecNumCloud, SOC 2, PCI DSS…) a dépassé sa date de validité, et aucune attestation du même type sur cet actif n’est encore valide.',
  ),
  rationale: text(
    'An expired certificate proves nothing any more: the provider may have failed its renewal audit or left the scheme, and an obligation that rests on it (HDS for health data, PCI DSS for card data) is no longer met.',
    'Un certificat échu ne prouve plus rien : le prestataire a pu échouer à l’audit de renouvellement ou sortir du dispositif, et l’obligation qui en dépend (HDS pour les données de santé, PCI DSS pour les données de carte) n’est plus remplie.',
  ),
  remediation: text(
    'Ask the provider for its current certificate and update validUntil; if it was not renewed, treat the service as uncertified (reassess, change provider).',
    'Demander au prestataire son certificat en cours et mettre à jour validUntil ; s’il n’a pas été renouvelé, traiter le service comme non certifié (réévaluer, changer de prestataire).',
  ),
  likelihood: 2,
  impact: ['confidentiality', 'integrity'],
  references: {
    anssi: ['hygiene:3'],
    iso27002: ['5.19', '5.22', '5.23'],
  },
  evaluate(context) {
    const { graph, model, today } = context;
    const health = providerHoldings(graph, isHealthData, { hostedOnly: true });
    const cards = providerHoldings(graph, (data) => isCardData(model, data));
    /** Providers whose holdings, on them or on what runs on them, make a kind mandatory. */
    const requires = (asset: string, kind: string): string[] => {
      const holdings = kind === 'hds' ? health : kind === 'pci-dss' ? cards : undefined;
      if (holdings === undefined) return [];
      return [...holdings]
        .filter(([provider]) => provider === asset || graph.hostsOf(provider).includes(asset))
        .flatMap(([, held]) => [...held.data]);
    };
    return model.assets.flatMap((asset) => {
      const attestations = asset.attestations ?? [];
      const expired = attestations.filter(
        (a) =>
          !isCurrent(a, today) &&
          !attestations.some((other) => other.kind === a.kind && isCurrent(other, today)),
      );
      if (expired.length === 0) return [];
      const kinds = [...new Set(expired.map((a) => a.kind))].sort();
      const at = expired
        .map(
          (a) =>
            `${a.kind} (${a.validUntil ?? ''}${a.reference === undefined ? '' : `, ${a.reference}`})`,
        )
        .sort();
      const mandatory = [...new Set(kinds.flatMap((kind) => requires(asset.id, kind)))].sort();
      const impact = impactOver(
        context,
        [asset.id, ...mandatory],
        providerAttestationExpired.impact,
      );
      return [
        hit(
          asset.id,
          text(
            `${label(graph, asset.id)}${asset.provider === undefined ? '' : ` (${asset.provider})`}: expired ${list(at)}${mandatory.length > 0 ? `, although required for ${list(mandatory)}` : ''}.`,
            `${label(graph, asset.id)}${asset.provider === undefined ? '' : ` (${asset.provider})`} : ${list(at)} échue${expired.length > 1 ? 's' : ''}${mandatory.length > 0 ? `, pourtant exigée pour ${list(mandatory)}` : ''}.`,
          ),
          {
            related: mandatory,
            likelihood: (mandatory.length > 0 ? 3 : 2) as Level,
            ...(impact === undefined ? {} : { impact }),
          },
        ),
      ];
    });
  },
};
