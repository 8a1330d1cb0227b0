import { hit, type Rule } from '../rule.js';
import { text } from '../text.js';
import { list } from './support-resilience.js';
import { label } from '../../model/predicates.js';
import { datedItem, supportEndOf, supportedDistribution } from './support-lifecycle.js';

export const unsupportedSoftware: Rule = {
  id: 'unsupported-software',
  family: 'obsolescence',
  title: text('Software past its end of support', 'Logiciel hors support'),
  description: text(
    'Software installed on an asset (database engine, middleware, business application…) has reached its vendor end-of-support date: the one the model declares (supportEnd) or, failing that, the one Vigie’s lifecycle table (endoflife.date) gives for its name and version.',
    'Un logiciel installé sur un actif (moteur de base de données, intergiciel, application métier…) a dépassé la date de fin de support de l’éditeur : celle que déclare le modèle (supportEnd) ou, à défaut, celle que la table de cycle de vie de Vigie (endoflife.date) donne pour son nom et sa version.',
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
    'Software under a paid extended support contract: declare the extended end date as supportEnd. Software installed from a Linux distribution’s packages (nginx or PHP on Debian, RHEL…) gets the distribution’s security fixes after the upstream end of life: declare the distribution’s end of support as supportEnd. A declared supportEnd always wins over the lifecycle table.',
    'Logiciel couvert par un contrat de support étendu : déclarer la date de fin du support étendu dans supportEnd. Un logiciel installé depuis les paquets d’une distribution Linux (nginx ou PHP sur Debian, RHEL…) reçoit les correctifs de la distribution après la fin de vie amont : déclarer la fin du support de la distribution dans supportEnd. Un supportEnd déclaré l’emporte toujours sur la table de cycle de vie.',
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
      const ended = (asset.software ?? []).flatMap((software) => {
        const end = supportEndOf(software);
        return end !== undefined && end.date < today ? [{ software, end }] : [];
      });
      if (ended.length === 0) return [];
      const expired = ended.map(({ software, end }) => datedItem(software, end));
      // the upstream end of life says nothing of a distribution's packages: say so
      const distribution = ended.some(({ end }) => end.fromTable !== undefined)
        ? supportedDistribution(asset.os, today)
        : undefined;
      const noteEn =
        distribution === undefined
          ? ''
          : `; if installed from the packages of ${distribution}, the distribution may still fix them: then declare their supportEnd`;
      const noteFr =
        distribution === undefined
          ? ''
          : ` ; s’ils sont installés depuis les paquets de ${distribution}, la distribution les corrige peut-être encore : déclarer alors leur supportEnd`;
      const exposed = analyses.internetExposure.byTarget.has(asset.id);
      return [
        hit(
          asset.id,
          text(
            `${label(graph, asset.id)} runs software out of support: ${list(expired.map((s) => s.en))}${exposed ? '; the asset is reachable from the Internet' : ''}${noteEn}.`,
            `${label(graph, asset.id)} exécute des logiciels hors support : ${list(expired.map((s) => s.fr))}${exposed ? ' ; l’actif est joignable depuis Internet' : ''}${noteFr}.`,
          ),
          // packages of a supported distribution are usually still fixed: a point to check,
          // not a certainty, when every date comes from the upstream table
          distribution !== undefined && ended.every(({ end }) => end.fromTable !== undefined)
            ? { likelihood: exposed ? 2 : 1 }
            : exposed
              ? { likelihood: 4 }
              : {},
        ),
      ];
    });
  },
};
