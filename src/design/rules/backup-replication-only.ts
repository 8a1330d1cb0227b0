import { hit, type Rule } from '../rule.js';
import { text } from '../text.js';
import { list } from './support-resilience.js';
import { label } from '../../model/predicates.js';

export const backupReplicationOnly: Rule = {
  id: 'backup-replication-only',
  family: 'backups-resilience',
  title: text(
    'Replication or synchronisation taken for a backup',
    'Réplication ou synchronisation tenant lieu de sauvegarde',
  ),
  description: text(
    'The only copies of an asset or data set are replications or synchronisations (method replication or sync): no backup keeps past versions of it.',
    'Les seules copies d’un actif ou d’un jeu de données sont des réplications ou des synchronisations (method replication ou sync) : aucune sauvegarde n’en conserve les versions passées.',
  ),
  rationale: text(
    'A replica copies the current state within seconds, including a deletion, a corruption or the files a ransomware has just encrypted: after such an incident both sides are lost at once. It keeps a service running after a hardware failure; it restores nothing.',
    'Une réplique recopie l’état courant en quelques secondes, y compris une suppression, une corruption ou les fichiers qu’un rançongiciel vient de chiffrer : après un tel incident, les deux côtés sont perdus en même temps. Elle maintient le service après une panne matérielle ; elle ne permet aucune restauration.',
  ),
  remediation: text(
    'Add a real backup that keeps versions (with a retention of several weeks, and one copy offline or immutable), on storage and accounts separate from the replica; keep the replication for continuity.',
    'Ajouter une vraie sauvegarde qui conserve des versions (rétention de plusieurs semaines, une copie hors ligne ou immuable), sur un stockage et avec des comptes distincts de la réplique ; garder la réplication pour la continuité.',
  ),
  falsePositives: text(
    'A replication target that keeps versioned snapshots of its own is a backup: declare those snapshots as a backup (method snapshot) on that target.',
    'Une cible de réplication qui conserve ses propres instantanés versionnés est une sauvegarde : déclarer ces instantanés comme sauvegarde (method snapshot) sur cette cible.',
  ),
  likelihood: 3,
  impact: ['availability', 'integrity'],
  references: {
    anssi: ['hygiene:37'],
    iso27002: ['8.13', '8.14'],
    attack: ['T1485', 'T1486', 'T1490', 'M1053'],
  },
  evaluate({ graph, analyses }) {
    const { coverage, protectedEntities } = analyses.backupCoverage;
    return protectedEntities.flatMap((id) => {
      const copies = coverage.get(id);
      if (copies === undefined || copies.backups.length > 0 || copies.replicas.length === 0)
        return [];
      const replicas = copies.replicas.map((replica) => replica.id);
      const methods = [...new Set(copies.replicas.map((replica) => replica.method ?? ''))].join(
        '/',
      );
      return [
        hit(
          id,
          text(
            `${label(graph, id)} is only copied by ${methods} (${list(replicas)}): a deletion or an encryption reaches every copy, and no past version can be restored.`,
            `${label(graph, id)} n’est copié que par ${methods} (${list(replicas)}) : une suppression ou un chiffrement atteint toutes les copies, et aucune version passée ne peut être restaurée.`,
          ),
          { related: replicas },
        ),
      ];
    });
  },
};
