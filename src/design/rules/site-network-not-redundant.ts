import { hit, type Rule } from '../rule.js';
import { text } from '../text.js';
import { criticalAssetsBySite, someOf } from './support-resilience.js';
import { label } from '../../model/predicates.js';

export const siteNetworkNotRedundant: Rule = {
  id: 'site-network-not-redundant',
  family: 'backups-resilience',
  title: text(
    'Site hosting critical assets with a single network link',
    'Site hébergeant des actifs critiques avec un seul lien réseau',
  ),
  description: text(
    'A site hosts assets that support availability-critical processes (need 3 or more) but its operator link is not redundant.',
    'Un site héberge des actifs qui supportent des processus critiques en disponibilité (besoin 3 ou plus) mais son lien opérateur n’est pas redondé.',
  ),
  rationale: text(
    'A cut fibre or an operator outage isolates the site: no access to the other site, to the cloud services or to remote support, for as long as the operator takes to repair.',
    'Une fibre coupée ou une panne de l’opérateur isole le site : plus d’accès à l’autre site, aux services en nuage ni au support à distance, le temps que l’opérateur répare.',
  ),
  remediation: text(
    'Add a backup link from another operator and another physical path (fibre on a distinct route, 4G/5G or satellite backup) with automatic failover, sized for the flows the critical processes need.',
    'Ajouter un lien de secours d’un autre opérateur par un autre chemin physique (fibre sur un tracé distinct, secours 4G/5G ou satellite) avec bascule automatique, dimensionné pour les flux des processus critiques.',
  ),
  falsePositives: text(
    'A site whose critical processes work without any network link (local operation): accept the finding and describe that mode.',
    'Site dont les processus critiques fonctionnent sans lien réseau (fonctionnement local) : accepter le constat en décrivant ce mode.',
  ),
  likelihood: 2,
  impact: ['availability'],
  references: {
    anssi: ['interco:R17'],
    iso27002: ['8.14', '5.30'],
  },
  evaluate({ model, graph, needs }) {
    const critical = criticalAssetsBySite(graph, (id) => needs.of(id).availability.level, 3);
    return model.sites.flatMap((site) => {
      const assets = critical.get(site.id) ?? [];
      if (assets.length === 0 || site.network?.redundant === true) return [];
      const providers = site.network?.providers ?? [];
      const shown = someOf(assets);
      return [
        hit(
          site.id,
          text(
            `${label(graph, site.id)} ${site.network?.redundant === false ? 'has no' : 'declares no'} redundant network link${providers.length > 0 ? ` (${providers.join(', ')})` : ''} and hosts availability-critical assets: ${shown.en}.`,
            `${label(graph, site.id)} ${site.network?.redundant === false ? 'n’a pas de' : 'ne déclare aucun'} lien réseau redondé${providers.length > 0 ? ` (${providers.join(', ')})` : ''} et héberge des actifs critiques en disponibilité : ${shown.fr}.`,
          ),
          { related: assets },
        ),
      ];
    });
  },
};
