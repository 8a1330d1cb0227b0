import { hit, type Rule } from '../rule.js';
import { text } from '../text.js';
import { criticalAssetsBySite, someOf } from './support-resilience.js';
import { label } from '../../model/predicates.js';

export const sitePowerNotRedundant: Rule = {
  id: 'site-power-not-redundant',
  family: 'backups-resilience',
  title: text(
    'Site hosting critical assets without backup power',
    'Site hébergeant des actifs critiques sans secours électrique',
  ),
  description: text(
    'A site hosts assets that support availability-critical processes (need 3 or more) but has no UPS, or no generator for outages longer than the UPS autonomy.',
    'Un site héberge des actifs qui supportent des processus critiques en disponibilité (besoin 3 ou plus) mais n’a pas d’onduleur, ou pas de groupe électrogène pour les coupures plus longues que l’autonomie des onduleurs.',
  ),
  rationale: text(
    'Without a UPS, a micro-outage stops servers abruptly and can corrupt databases and file systems; without a generator, an outage of a few hours stops every process hosted on the site.',
    'Sans onduleur, une micro-coupure arrête brutalement les serveurs et peut corrompre bases de données et systèmes de fichiers ; sans groupe électrogène, une coupure de quelques heures arrête tous les processus hébergés sur le site.',
  ),
  remediation: text(
    'Protect the server room and network core with a UPS sized for a clean shutdown, and add a generator (or an agreement for a mobile one) when the RTO of the processes is shorter than the likely outages.',
    'Protéger la salle serveurs et le cœur de réseau par des onduleurs dimensionnés pour un arrêt propre, et ajouter un groupe électrogène (ou un contrat de groupe mobile) lorsque le RTO des processus est plus court que les coupures probables.',
  ),
  falsePositives: text(
    'Power protection not described in the model: fill in the power block of the site.',
    'Secours électrique non décrit dans le modèle : renseigner le bloc power du site.',
  ),
  likelihood: 2,
  impact: ['availability'],
  references: {
    anssi: ['hygiene:26'],
    iso27002: ['7.11', '5.30'],
  },
  evaluate({ model, graph, needs }) {
    const critical = criticalAssetsBySite(graph, (id) => needs.of(id).availability.level, 3);
    return model.sites.flatMap((site) => {
      const assets = critical.get(site.id) ?? [];
      if (assets.length === 0) return [];
      const ups = site.power?.ups === true;
      const generator = site.power?.generator === true;
      if (ups && generator) return [];
      const shown = someOf(assets);
      const missingEn = ups ? 'no generator' : generator ? 'no UPS' : 'neither UPS nor generator';
      const missingFr = ups
        ? 'pas de groupe électrogène'
        : generator
          ? 'pas d’onduleur'
          : 'ni onduleur ni groupe électrogène';
      return [
        hit(
          site.id,
          text(
            `${label(graph, site.id)} has ${missingEn} and hosts availability-critical assets: ${shown.en}.`,
            `${label(graph, site.id)} n’a ${missingFr} et héberge des actifs critiques en disponibilité : ${shown.fr}.`,
          ),
          { related: assets, ...(ups ? {} : { likelihood: 3 as const }) },
        ),
      ];
    });
  },
};
