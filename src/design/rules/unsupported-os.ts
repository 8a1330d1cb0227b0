import { hit, type Rule } from '../rule.js';
import { text } from '../text.js';
import { label } from '../../model/predicates.js';
import { designation, provenance, supportEndOf } from './support-lifecycle.js';

export const unsupportedOs: Rule = {
  id: 'unsupported-os',
  family: 'obsolescence',
  title: text('Operating system past its end of support', 'Système d’exploitation hors support'),
  description: text(
    'The operating system of an asset has reached its vendor end-of-support date: it no longer receives security updates. The date is the one the model declares (supportEnd) or, failing that, the one Vigie’s lifecycle table (endoflife.date) gives for the system’s name and version.',
    'Le système d’exploitation d’un actif a dépassé la date de fin de support de l’éditeur : il ne reçoit plus de correctifs de sécurité. La date est celle que déclare le modèle (supportEnd) ou, à défaut, celle que la table de cycle de vie de Vigie (endoflife.date) donne pour le nom et la version du système.',
  ),
  rationale: text(
    'Vulnerabilities found after the end of support stay open for good; unsupported systems are a favourite entry and propagation point for ransomware, all the more when they are reachable from the Internet or expose vulnerable services.',
    'Les vulnérabilités découvertes après la fin du support restent ouvertes définitivement ; les systèmes hors support sont un point d’entrée et de propagation privilégié des rançongiciels, a fortiori lorsqu’ils sont joignables depuis Internet ou exposent des services vulnérables.',
  ),
  remediation: text(
    'Migrate to a supported version; until then, isolate the asset (dedicated zone, strict filtering, no Internet access), buy extended security updates where the vendor sells them, and record the accepted risk with a review date.',
    'Migrer vers une version supportée ; d’ici là, isoler l’actif (zone dédiée, filtrage strict, aucun accès Internet), souscrire au support étendu lorsque l’éditeur le propose, et consigner le risque accepté avec une date de revue.',
  ),
  falsePositives: text(
    'Systems covered by paid extended security updates (e.g. Microsoft ESU, RHEL ELS, Ubuntu Pro) still receive patches: record the end of the extended support as supportEnd, or accept the finding. A declared supportEnd always wins over the lifecycle table, which also corrects a release the table recognised wrongly.',
    'Les systèmes couverts par un support étendu payant (p. ex. ESU de Microsoft, ELS de RHEL, Ubuntu Pro) reçoivent encore des correctifs : déclarer la fin du support étendu dans supportEnd, ou accepter le constat. Un supportEnd déclaré l’emporte toujours sur la table de cycle de vie, ce qui corrige aussi une version que la table aurait mal reconnue.',
  ),
  likelihood: 3,
  impact: ['confidentiality', 'integrity', 'availability'],
  references: {
    anssi: ['hygiene:34', 'hygiene:35'],
    iso27002: ['8.8', '8.19'],
    cwe: ['CWE-1104'],
    attack: ['T1190', 'T1210', 'M1051'],
  },
  evaluate({ model, graph, today, analyses }) {
    return model.assets.flatMap((asset) => {
      const os = asset.os;
      const end = os === undefined ? undefined : supportEndOf(os);
      if (os === undefined || end === undefined || end.date >= today) return [];
      const exposed = analyses.internetExposure.byTarget.has(asset.id);
      const vulnerable = (asset.services ?? []).some((s) => (s.vulnerabilities ?? []).length > 0);
      const system = designation(os);
      const source = provenance(end);
      const reasonsEn = [
        exposed ? 'reachable from the Internet' : '',
        vulnerable ? 'exposes services with known vulnerabilities' : '',
      ].filter(Boolean);
      const reasonsFr = [
        exposed ? 'joignable depuis Internet' : '',
        vulnerable ? 'expose des services aux vulnérabilités connues' : '',
      ].filter(Boolean);
      return [
        hit(
          asset.id,
          text(
            `${label(graph, asset.id)} runs ${system}, out of support since ${end.date}${source === undefined ? '' : ` (${source.en})`}${reasonsEn.length > 0 ? `; ${reasonsEn.join(' and ')}` : ''}.`,
            `${label(graph, asset.id)} fonctionne sous ${system}, hors support depuis le ${end.date}${source === undefined ? '' : ` (${source.fr})`}${reasonsFr.length > 0 ? ` ; ${reasonsFr.join(' et ')}` : ''}.`,
          ),
          exposed || vulnerable ? { likelihood: 4 } : {},
        ),
      ];
    });
  },
};
