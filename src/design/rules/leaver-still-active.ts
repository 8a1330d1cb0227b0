import { effectiveAdminTargets, hasLeft, nameOf } from '../../domain/model/index.js';
import { hit, type Rule } from '../rule.js';
import { text } from '../text.js';
import { daysBetween, existing, impactOver, list, withImpact } from './support-access.js';
import { hasPrivileges } from '../../model/predicates.js';

export const leaverStillActive: Rule = {
  id: 'leaver-still-active',
  family: 'identities',
  title: text(
    'Account of someone who has left still holds access',
    'Compte d’une personne partie qui conserve ses accès',
  ),
  description: text(
    'An identity whose departure date has passed still has rights, group memberships, privileges, login places or remote access.',
    'Une identité dont la date de départ est passée conserve des droits, des appartenances à des groupes, des privilèges, des points de connexion ou un accès distant.',
  ),
  rationale: text(
    'Nobody watches a dormant account: its password no longer changes, its misuse (by the former holder or by an attacker who found it) raises no alarm, and it keeps every access it had, including administration.',
    'Personne ne surveille un compte dormant : son mot de passe ne change plus, son usage détourné (par l’ancien titulaire ou par un attaquant qui l’a trouvé) ne déclenche aucune alerte, et il garde tous ses accès, administration comprise.',
  ),
  remediation: text(
    'Disable the account on the day of departure, remove it from every group, revoke its remote access and change the shared secrets it knew; formalise the leaver procedure with HR and review accounts periodically.',
    'Désactiver le compte le jour du départ, le retirer de tous les groupes, révoquer son accès distant et changer les secrets partagés qu’il connaissait ; formaliser la procédure de départ avec les RH et revoir les comptes périodiquement.',
  ),
  falsePositives: text(
    'A departure recorded in advance with rights kept until the actual last day is not reported (the date must be past); an account kept disabled for legal retention should be modelled without rights or memberships.',
    'Un départ saisi à l’avance avec des droits conservés jusqu’au dernier jour n’est pas signalé (la date doit être passée) ; un compte conservé désactivé pour obligation légale doit être modélisé sans droits ni appartenances.',
  ),
  likelihood: 3,
  impact: ['confidentiality', 'integrity', 'availability'],
  references: {
    anssi: ['hygiene:6', 'admin:R32'],
    iso27002: ['5.18', '6.5'],
    attack: ['T1078', 'M1018'],
  },
  evaluate(context) {
    const { graph, model, today } = context;
    return model.identities.flatMap((identity) => {
      const left = identity.left;
      if (left === undefined || !hasLeft(identity, today)) return [];
      const rights = (identity.rights ?? []).map((right) => right.on);
      const groups = identity.memberOf ?? [];
      const via = identity.remoteAccess?.via;
      const kept: { en: string; fr: string }[] = [];
      if (identity.privileged === true) kept.push({ en: 'privileges', fr: 'ses privilèges' });
      if (groups.length > 0)
        kept.push({
          en: `membership of ${list(groups)}`,
          fr: `l’appartenance à ${list(groups)}`,
        });
      if (rights.length > 0)
        kept.push({ en: `rights on ${list(rights)}`, fr: `des droits sur ${list(rights)}` });
      if ((identity.loginFrom ?? []).length > 0)
        kept.push({
          en: `logins from ${list(identity.loginFrom ?? [])}`,
          fr: `des connexions depuis ${list(identity.loginFrom ?? [])}`,
        });
      if (via !== undefined)
        kept.push({ en: `remote access via ${via}`, fr: `un accès distant par ${via}` });
      if (kept.length === 0) return [];
      const days = daysBetween(left, today);
      const privileged = hasPrivileges(graph, identity);
      const related = existing(graph, [...groups, ...rights, ...(via === undefined ? [] : [via])]);
      return [
        hit(
          identity.id,
          text(
            `${nameOf(identity)} left on ${left} (${days} days ago) and still keeps ${kept.map((k) => k.en).join('; ')}.`,
            `${nameOf(identity)} est parti(e) le ${left} (il y a ${days} jours) et conserve ${kept.map((k) => k.fr).join(' ; ')}.`,
          ),
          withImpact(
            impactOver(
              context,
              [...related, ...effectiveAdminTargets(graph, identity)],
              leaverStillActive.impact,
            ),
            { related, likelihood: privileged || via !== undefined ? 4 : 3 },
          ),
        ),
      ];
    });
  },
};
