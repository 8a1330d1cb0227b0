import { adminTargets, effectiveAdminTargets, isActive, nameOf } from '../../domain/model/index.js';
import type { ModelGraph } from '../../model/graph.js';
import { hit, type Rule } from '../rule.js';
import { text } from '../text.js';
import { existing, impactOver, list, withImpact } from './support-access.js';
import { privilegedGroups } from '../../model/predicates.js';

/** Assets that hold backups: backup servers and the targets of the model's backups. */
function backupInfrastructure(graph: ModelGraph): Set<string> {
  const ids = new Set<string>();
  for (const asset of graph.model.assets) if (asset.kind === 'backup-server') ids.add(asset.id);
  for (const backup of graph.model.backups) if (backup.target !== undefined) ids.add(backup.target);
  return ids;
}

export const serviceAccountPrivileged: Rule = {
  id: 'service-account-privileged',
  family: 'identities',
  title: text(
    'Service account with excessive privileges',
    'Compte de service aux privilèges excessifs',
  ),
  description: text(
    'A service account belongs to a privileged group (such as Domain Admins), or administers both the backup infrastructure and the systems it backs up.',
    'Un compte de service appartient à un groupe à privilèges (comme les Admins du domaine), ou administre à la fois l’infrastructure de sauvegarde et les systèmes qu’elle sauvegarde.',
  ),
  rationale: text(
    'Service account passwords are stored on servers, rarely changed and exempt from MFA: attackers look for them first (Kerberoasting, memory dumps). One with domain-wide rights, or with rights on production and on its backups, lets a single theft encrypt the systems and delete their backups.',
    'Les mots de passe des comptes de service sont stockés sur des serveurs, rarement changés et dispensés de MFA : les attaquants les cherchent en premier (Kerberoasting, extraction mémoire). S’il a des droits sur tout le domaine, ou à la fois sur la production et sur ses sauvegardes, un seul vol suffit à chiffrer les systèmes et à effacer leurs sauvegardes.',
  ),
  remediation: text(
    'Grant the service account only the rights its software needs (delegated roles, not privileged groups), use managed service accounts (gMSA) with long random passwords, and administer the backup repository with separate accounts outside the production domain.',
    'N’accorder au compte de service que les droits nécessaires à son logiciel (rôles délégués, pas de groupe à privilèges), utiliser des comptes de service gérés (gMSA) avec des mots de passe longs et aléatoires, et administrer le dépôt de sauvegarde avec des comptes distincts hors du domaine de production.',
  ),
  falsePositives: text(
    'Some backup products require local administrator rights on the machines they back up; those rights alone are not reported, only privileged-group membership and rights on the backup repository itself.',
    'Certains logiciels de sauvegarde exigent des droits d’administrateur local sur les machines sauvegardées ; ces droits seuls ne sont pas signalés, seuls le sont l’appartenance à un groupe à privilèges et les droits sur le dépôt de sauvegarde lui-même.',
  ),
  likelihood: 3,
  impact: ['confidentiality', 'integrity', 'availability'],
  references: {
    anssi: ['hygiene:9', 'admin:R39', 'admin:R45'],
    iso27002: ['8.2', '8.13'],
    cwe: ['CWE-250'],
    attack: ['T1558.003', 'T1490', 'M1026'],
  },
  evaluate(context) {
    const { graph, model, today } = context;
    const backups = backupInfrastructure(graph);
    return model.identities
      .filter((identity) => identity.kind === 'service-account' && isActive(identity, today))
      .flatMap((identity) => {
        const groups = privilegedGroups(graph, identity);
        const administered = adminTargets(identity);
        const onBackups = administered.filter((id) => backups.has(id));
        const onProduction = administered.filter(
          (id) => !backups.has(id) && graph.asset(id) !== undefined,
        );
        const backupAndProduction = onBackups.length > 0 && onProduction.length > 0;
        if (groups.length === 0 && !backupAndProduction) return [];
        const en: string[] = [];
        const fr: string[] = [];
        if (groups.length > 0) {
          en.push(`is a member of ${list(groups)}`);
          fr.push(`est membre de ${list(groups)}`);
        }
        if (backupAndProduction) {
          en.push(
            `administers the backup storage ${list(onBackups)} as well as ${list(onProduction)}`,
          );
          fr.push(
            `administre le stockage de sauvegarde ${list(onBackups)} ainsi que ${list(onProduction)}`,
          );
        }
        const related = existing(graph, [...groups, ...onBackups, ...onProduction]);
        return [
          hit(
            identity.id,
            text(
              `${nameOf(identity)} ${en.join(' and ')}.`,
              `${nameOf(identity)} ${fr.join(' et ')}.`,
            ),
            withImpact(
              impactOver(
                context,
                [...related, ...effectiveAdminTargets(graph, identity)],
                serviceAccountPrivileged.impact,
              ),
              { related },
            ),
          ),
        ];
      });
  },
};
