import { hit, type Rule } from '../rule.js';
import { text } from '../text.js';
import { backupLocation, sitesOf } from './support-resilience.js';
import { label } from '../../model/predicates.js';

export const backupUnencrypted: Rule = {
  id: 'backup-unencrypted',
  family: 'backups-resilience',
  title: text('Backup not encrypted', 'Sauvegarde non chiffrée'),
  description: text(
    'A backup is not declared as encrypted; it is worse when the copies are kept by a provider or on another site.',
    'Une sauvegarde n’est pas déclarée chiffrée ; c’est plus grave lorsque les copies sont conservées chez un prestataire ou sur un autre site.',
  ),
  rationale: text(
    'A backup holds all the data of what it protects in one place: whoever reads the storage, steals a medium or compromises the provider gets everything, without going through the access controls of the applications.',
    'Une sauvegarde réunit toutes les données de ce qu’elle protège : qui lit le stockage, vole un support ou compromet le prestataire obtient tout, sans passer par les contrôles d’accès des applications.',
  ),
  remediation: text(
    'Enable the encryption of the backup jobs and keep the keys outside the backup infrastructure (vault, sealed copy), so that a restore remains possible after losing the backup server.',
    'Activer le chiffrement des travaux de sauvegarde et conserver les clés hors de l’infrastructure de sauvegarde (coffre, copie sous pli), pour pouvoir restaurer même après la perte du serveur de sauvegarde.',
  ),
  falsePositives: text(
    'Encryption done by the storage itself (encrypted NAS volume, provider-side encryption with your keys): declare encrypted: true.',
    'Chiffrement assuré par le stockage lui-même (volume de NAS chiffré, chiffrement côté prestataire avec vos clés) : déclarer encrypted: true.',
  ),
  likelihood: 2,
  impact: ['confidentiality'],
  references: {
    anssi: ['hygiene:37', 'hygiene:31'],
    iso27002: ['8.13', '8.24'],
    cwe: ['CWE-311'],
    attack: ['T1530', 'M1041'],
  },
  evaluate({ model, graph }) {
    return model.backups
      .filter((backup) => backup.encrypted !== true)
      .map((backup) => {
        const location = backupLocation(graph, backup);
        const protectedSites = new Set(backup.protects.flatMap((id) => sitesOf(graph, id)));
        const offsite =
          location.kind === 'offsite' ||
          (location.kind === 'site' && [...protectedSites].some((site) => site !== location.site));
        const whereEn =
          location.kind === 'offsite'
            ? `; copies kept by ${location.where}`
            : location.kind === 'site'
              ? `; copies kept on ${label(graph, location.site)}`
              : '';
        const whereFr =
          location.kind === 'offsite'
            ? ` ; copies conservées chez ${location.where}`
            : location.kind === 'site'
              ? ` ; copies conservées sur le site ${label(graph, location.site)}`
              : '';
        const declaredEn =
          backup.encrypted === false ? 'is not encrypted' : 'is not declared encrypted';
        const declaredFr =
          backup.encrypted === false ? 'n’est pas chiffrée' : 'n’est pas déclarée chiffrée';
        return hit(
          backup.id,
          text(
            `${label(graph, backup.id)} ${declaredEn}${whereEn}${offsite ? ', away from the systems it protects' : ''}.`,
            `${label(graph, backup.id)} ${declaredFr}${whereFr}${offsite ? ', loin des systèmes qu’elle protège' : ''}.`,
          ),
          {
            related: backup.protects.filter((id) => graph.has(id)),
            ...(offsite ? { likelihood: 3 as const } : {}),
          },
        );
      });
  },
};
