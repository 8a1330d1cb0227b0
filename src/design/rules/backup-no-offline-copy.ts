import type { Backup } from '../../domain/model/index.js';
import { hit, type Rule } from '../rule.js';
import { text } from '../text.js';
import { list } from './support-resilience.js';
import { label } from '../../model/predicates.js';

const isProtectedCopy = (backup: Backup): boolean =>
  backup.offline === true || backup.immutable === true;

export const backupNoOfflineCopy: Rule = {
  id: 'backup-no-offline-copy',
  family: 'backups-resilience',
  title: text(
    'No offline or immutable copy of the backup',
    'Aucune copie hors ligne ou immuable de la sauvegarde',
  ),
  description: text(
    'A backup is online and modifiable, and the assets or data sets it protects have no other backup that is offline or immutable (the "1" of the 3-2-1-1-0 rule).',
    'Une sauvegarde est en ligne et modifiable, et les actifs ou données qu’elle protège n’ont aucune autre sauvegarde hors ligne ou immuable (le « 1 » de la règle 3-2-1-1-0).',
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
    return model.backups
      .filter((backup) => !isProtectedCopy(backup))
      .flatMap((backup) => {
        const exposed = backup.protects.filter(
          (id) => graph.has(id) && !(coverage.get(id)?.backups ?? []).some(isProtectedCopy),
        );
        if (exposed.length === 0) return [];
        const target = backup.target === undefined ? '' : ` on ${label(graph, backup.target)}`;
        const cible = backup.target === undefined ? '' : ` sur ${label(graph, backup.target)}`;
        return [
          hit(
            backup.id,
            text(
              `${label(graph, backup.id)}${target} is online and not immutable, and no offline or immutable copy exists for: ${list(exposed)}.`,
              `${label(graph, backup.id)}${cible} est en ligne et non immuable, et aucune copie hors ligne ou immuable n’existe pour : ${list(exposed)}.`,
            ),
            { related: [...exposed, ...(backup.target === undefined ? [] : [backup.target])] },
          ),
        ];
      });
  },
};
