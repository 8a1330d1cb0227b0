import { hit, type Rule } from '../rule.js';
import { text } from '../text.js';
import { list } from './support-resilience.js';
import { label } from '../../model/predicates.js';

export const unsupportedSoftware: Rule = {
  id: 'unsupported-software',
  family: 'obsolescence',
  title: text('Software past its end of support', 'Logiciel hors support'),
  description: text(
    'Software installed on an asset (database engine, middleware, business application…) has reached its vendor end-of-support date.',
    'Un logiciel installé sur un actif (moteur de base de données, intergiciel, application métier…) a dépassé la date de fin de support de l’éditeur.',
  ),
  rationale: text(
    'Unsupported software no longer gets security fixes: its vulnerabilities stay exploitable on an otherwise up-to-date system.',
    'Un logiciel hors support ne reçoit plus de correctifs de sécurité : ses vulnérabilités restent exploitables sur un système par ailleurs à jour.',
  ),
  remediation: text(
    'Upgrade to a supported version or replace the product; until then, restrict who can reach it and monitor it closely.',
    'Monter vers une version supportée ou remplacer le produit ; d’ici là, restreindre qui peut l’atteindre et le surveiller de près.',
  ),
  falsePositives: text(
    'Software under a paid extended support contract: declare the extended end date as supportEnd.',
    'Logiciel couvert par un contrat de support étendu : déclarer la date de fin du support étendu dans supportEnd.',
  ),
  likelihood: 3,
  impact: ['confidentiality', 'integrity', 'availability'],
  references: {
    anssi: ['hygiene:34', 'hygiene:35'],
    iso27002: ['8.8', '8.19'],
    cwe: ['CWE-1104'],
    attack: ['T1190', 'M1051'],
  },
  evaluate({ model, graph, today, analyses }) {
    return model.assets.flatMap((asset) => {
      const expired = (asset.software ?? []).filter(
        (software) => software.supportEnd !== undefined && software.supportEnd < today,
      );
      if (expired.length === 0) return [];
      const names = expired.map(
        (s) => `${s.name}${s.version === undefined ? '' : ` ${s.version}`} (${s.supportEnd ?? ''})`,
      );
      const exposed = analyses.internetExposure.byTarget.has(asset.id);
      return [
        hit(
          asset.id,
          text(
            `${label(graph, asset.id)} runs software out of support: ${list(names)}${exposed ? '; the asset is reachable from the Internet' : ''}.`,
            `${label(graph, asset.id)} exécute des logiciels hors support : ${list(names)}${exposed ? ' ; l’actif est joignable depuis Internet' : ''}.`,
          ),
          exposed ? { likelihood: 4 } : {},
        ),
      ];
    });
  },
};
