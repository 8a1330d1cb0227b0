import { adminTargets, effectiveAdminTargets, isActive, nameOf } from '../../domain/model/index.js';
import { hit, type Rule } from '../rule.js';
import { text } from '../text.js';
import { existing, impactOver, list, withImpact } from './support-access.js';
import { hasPrivileges, privilegedGroups } from '../../model/predicates.js';

export const sharedAccount: Rule = {
  id: 'shared-account',
  family: 'identities',
  title: text('Account shared by several people', 'Compte partagé entre plusieurs personnes'),
  description: text(
    'An account (or a session) is declared as used by several people, so that its actions cannot be traced back to one person; it is worse when the account is privileged.',
    'Un compte (ou une session) est déclaré comme utilisé par plusieurs personnes : ses actions ne peuvent pas être imputées à une personne ; c’est plus grave quand le compte a des privilèges.',
  ),
  rationale: text(
    'A shared password circulates, is rarely changed (every change must reach everyone), survives the departure of those who know it and makes every action anonymous: an intrusion using it cannot be told apart from legitimate use.',
    'Un mot de passe partagé circule, est rarement changé (chaque changement doit parvenir à tous), survit au départ de ceux qui le connaissent et rend toute action anonyme : une intrusion qui l’utilise ne se distingue pas d’un usage légitime.',
  ),
  remediation: text(
    'Give each person a named account (a separate named administration account for administrators), keep generic accounts for processes only, store any remaining shared secret in a password vault with individual check-out and change it when someone leaves.',
    'Attribuer à chaque personne un compte nominatif (et aux administrateurs un compte d’administration nominatif distinct), réserver les comptes génériques aux processus, conserver tout secret encore partagé dans un coffre-fort de mots de passe avec retrait individuel et le changer à chaque départ.',
  ),
  falsePositives: text(
    'Operator sessions on industrial panels are often shared by design; when the panel only allows operating (no configuration) and physical access is controlled, accept the finding with that justification.',
    'Les sessions opérateur des pupitres industriels sont souvent communes par conception ; si le pupitre ne permet que la conduite (aucune configuration) et que l’accès physique est maîtrisé, accepter le constat avec cette justification.',
  ),
  likelihood: 3,
  impact: ['confidentiality', 'integrity', 'proof'],
  references: {
    anssi: ['hygiene:8', 'admin:R30', 'admin:R35'],
    iso27002: ['5.16', '5.17'],
    attack: ['T1078', 'M1026'],
  },
  evaluate(context) {
    const { graph, model, today } = context;
    return model.identities
      .filter((identity) => identity.shared === true && isActive(identity, today))
      .map((identity) => {
        const privileged = hasPrivileges(graph, identity);
        const groups = privilegedGroups(graph, identity);
        const administered = adminTargets(identity);
        const used = (identity.rights ?? []).map((right) => right.on);
        const related = existing(graph, [
          ...groups,
          ...used,
          ...(identity.remoteAccess === undefined ? [] : [identity.remoteAccess.via]),
        ]);
        const enGroups = groups.length > 0 ? `; member of ${list(groups)}` : '';
        const frGroups = groups.length > 0 ? ` ; membre de ${list(groups)}` : '';
        const enAdmin =
          administered.length > 0
            ? `; administration rights on ${list(administered)}`
            : used.length > 0
              ? `; rights on ${list(used)}`
              : '';
        const frAdmin =
          administered.length > 0
            ? ` ; droits d’administration sur ${list(administered)}`
            : used.length > 0
              ? ` ; droits sur ${list(used)}`
              : '';
        const enPrivileged = privileged ? ', with privileges' : '';
        const frPrivileged = privileged ? ', avec des privilèges' : '';
        const count = identity.count === undefined ? '' : ` (${identity.count})`;
        const detail =
          identity.kind === 'group'
            ? text(
                `The members of the group “${nameOf(identity)}”${count} share one session${enPrivileged}${enGroups}${enAdmin}.`,
                `Les membres du groupe « ${nameOf(identity)} »${count} partagent une même session${frPrivileged}${frGroups}${frAdmin}.`,
              )
            : text(
                `${nameOf(identity)}: account shared by several people${count}${enPrivileged}${enGroups}${enAdmin}.`,
                `${nameOf(identity)} : compte partagé entre plusieurs personnes${count}${frPrivileged}${frGroups}${frAdmin}.`,
              );
        return hit(
          identity.id,
          detail,
          withImpact(
            impactOver(
              context,
              [...related, ...effectiveAdminTargets(graph, identity)],
              sharedAccount.impact,
            ),
            {
              related,
              likelihood: privileged ? 3 : 2,
            },
          ),
        );
      });
  },
};
