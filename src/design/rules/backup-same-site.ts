import { isReplica } from '../analyses/backup-coverage.js';
import { hit, type Rule } from '../rule.js';
import { text } from '../text.js';
import { backupLocation, list, sitesOf } from './support-resilience.js';
import { label } from '../../model/predicates.js';

export const backupSameSite: Rule = {
  id: 'backup-same-site',
  family: 'backups-resilience',
  title: text(
    'Backup kept only on the site of what it protects',
    'Sauvegarde conservée uniquement sur le site de ce qu’elle protège',
  ),
  description: text(
    'A backup is stored on the same site as assets or data sets it protects, and no other backup keeps a copy of them elsewhere (another site, a provider, the cloud).',
    'Une sauvegarde est stockée sur le même site que des actifs ou données qu’elle protège, et aucune autre sauvegarde n’en garde de copie ailleurs (autre site, prestataire, nuage).',
  ),
  rationale: text(
    'A fire, a flood, a theft or a power surge destroys the originals and their only backup together: the 3-2-1 rule asks for one copy off site.',
    'Un incendie, une inondation, un vol ou une surtension détruit ensemble les originaux et leur unique sauvegarde : la règle 3-2-1 demande une copie hors site.',
  ),
  remediation: text(
    'Copy the backup to another site or to an external provider (ideally immutable), and test the restore from that copy.',
    'Copier la sauvegarde vers un autre site ou chez un prestataire externe (idéalement immuable), et tester la restauration depuis cette copie.',
  ),
  falsePositives: text(
    'Copies whose location is not declared (no site, zone, target or provider) count as on site: declare where they are.',
    'Les copies dont l’emplacement n’est pas déclaré (ni site, ni zone, ni cible, ni prestataire) sont comptées sur site : déclarer leur emplacement.',
  ),
  likelihood: 2,
  impact: ['availability', 'integrity'],
  references: {
    anssi: ['hygiene:37'],
    iso27002: ['8.13', '5.30'],
    attack: ['M1053'],
  },
  evaluate({ model, graph, analyses }) {
    const { coverage } = analyses.backupCoverage;
    // a replica is no backup: backup-replication-only reports what only a replica copies
    return model.backups.flatMap((backup) => {
      if (isReplica(backup)) return [];
      const location = backupLocation(graph, backup);
      if (location.kind !== 'site') return [];
      const exposed = backup.protects.filter((id) => {
        if (!sitesOf(graph, id).includes(location.site)) return false;
        return !(coverage.get(id)?.backups ?? []).some((other) => {
          const where = backupLocation(graph, other);
          return (
            where.kind === 'offsite' || (where.kind === 'site' && where.site !== location.site)
          );
        });
      });
      if (exposed.length === 0) return [];
      const site = label(graph, location.site);
      return [
        hit(
          backup.id,
          text(
            `${label(graph, backup.id)} is stored on ${site}${backup.target === undefined ? '' : ` (${backup.target})`}, the site of what it protects, with no copy anywhere else for: ${list(exposed)}.`,
            `${label(graph, backup.id)} est stockée sur le site ${site}${backup.target === undefined ? '' : ` (${backup.target})`}, celui de ce qu’elle protège, sans aucune copie ailleurs pour : ${list(exposed)}.`,
          ),
          {
            related: [
              ...exposed,
              ...(backup.target === undefined ? [] : [backup.target]),
              location.site,
            ],
          },
        ),
      ];
    });
  },
};
