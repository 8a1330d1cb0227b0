import { isIsolatedCopy, isReplica } from '../analyses/backup-coverage.js';
import { hit, type Rule } from '../rule.js';
import { text } from '../text.js';
import { list } from './support-resilience.js';
import { label } from '../../model/predicates.js';

export const backupNoOfflineCopy: Rule = {
  id: 'backup-no-offline-copy',
  family: 'backups-resilience',
  title: text(
    'No offline or immutable copy of the backup',
    'Aucune copie hors ligne ou immuable de la sauvegarde',
  ),
  description: text(
    'A backup is online and modifiable, and the assets or data sets it protects have no other backup that is offline or immutable (the "1" of the 3-2-1-1-0 rule). Replications and synchronisations never count as such a copy, nor does a snapshot kept on the storage it protects.',
    'Une sauvegarde est en ligne et modifiable, et les actifs ou données qu’elle protège n’ont aucune autre sauvegarde hors ligne ou immuable (le « 1 » de la règle 3-2-1-1-0). Une réplication ou une synchronisation ne compte jamais comme telle, pas plus qu’un instantané conservé sur le stockage qu’il protège.',
  ),
  rationale: text(
    'Ransomware operators look for the backups first and delete or encrypt every copy they can reach with the administrator accounts they stole; only an offline or immutable copy survives.',
    'Les opérateurs de rançongiciels cherchent d’abord les sauvegardes et suppriment ou chiffrent toutes les copies qu’ils atteignent avec les comptes d’administration volés ; seule une copie hors ligne ou immuable survit.',
  ),
  remediation: text(
    'Add an offline copy (rotated removable media, tape) or an immutable one (object lock, hardened repository) administered with accounts separate from the domain.',
    'Ajouter une copie hors ligne (supports amovibles en rotation, bande) ou immuable (verrouillage d’objets, dépôt durci) administrée avec des comptes distincts du domaine.',
  ),
  falsePositives: text(
    'An offline copy made outside the declared backups (e.g. a manual export): declare it as a backup with offline: true.',
    'Copie hors ligne faite hors des sauvegardes déclarées (p. ex. un export manuel) : la déclarer comme sauvegarde avec offline: true.',
  ),
  likelihood: 3,
  impact: ['availability', 'integrity'],
  references: {
    anssi: ['hygiene:37'],
    iso27002: ['8.13'],
    attack: ['T1490', 'T1486', 'M1053'],
  },
  evaluate({ model, graph, analyses }) {
    const { coverage } = analyses.backupCoverage;
    return (
      model.backups
        // a replica is no backup at all: backup-replication-only reports what it alone copies
        .filter((backup) => !isReplica(backup))
        .flatMap((backup) => {
          const exposed = backup.protects.filter(
            (id) =>
              graph.has(id) &&
              !isIsolatedCopy(graph, backup, id) &&
              !(coverage.get(id)?.backups ?? []).some((other) => isIsolatedCopy(graph, other, id)),
          );
          if (exposed.length === 0) return [];
          const target = backup.target === undefined ? '' : ` on ${label(graph, backup.target)}`;
          const cible = backup.target === undefined ? '' : ` sur ${label(graph, backup.target)}`;
          const snapshot =
            backup.method === 'snapshot' && (backup.offline === true || backup.immutable === true);
          return [
            hit(
              backup.id,
              snapshot
                ? text(
                    `${label(graph, backup.id)}${target} is a snapshot kept on the storage it protects, and no offline or immutable copy exists elsewhere for: ${list(exposed)}.`,
                    `${label(graph, backup.id)}${cible} est un instantané conservé sur le stockage qu’il protège, et aucune copie hors ligne ou immuable n’existe ailleurs pour : ${list(exposed)}.`,
                  )
                : text(
                    `${label(graph, backup.id)}${target} is online and not immutable, and no offline or immutable copy exists for: ${list(exposed)}.`,
                    `${label(graph, backup.id)}${cible} est en ligne et non immuable, et aucune copie hors ligne ou immuable n’existe pour : ${list(exposed)}.`,
                  ),
              { related: [...exposed, ...(backup.target === undefined ? [] : [backup.target])] },
            ),
          ];
        })
    );
  },
};
