import { adminTargets, isActive, isPrivileged, nameOf } from '../../domain/model/index.js';
import { hit, type Rule } from '../rule.js';
import { text } from '../text.js';
import { existing, impactOver, list, withImpact } from './support-access.js';

export const adminRightsWithoutPrivilegedFlag: Rule = {
  id: 'admin-rights-without-privileged-flag',
  family: 'identities',
  title: text(
    'Administration rights outside the privileged-account inventory',
    'Droits d’administration hors de l’inventaire des comptes à privilèges',
  ),
  description: text(
    'An identity administers assets or zones but is neither marked privileged nor a member of a privileged group: it escapes the inventory of privileged accounts and the measures that apply to them.',
    'Une identité administre des actifs ou des zones sans être marquée à privilèges ni membre d’un groupe à privilèges : elle échappe à l’inventaire des comptes à privilèges et aux mesures qui s’y appliquent.',
  ),
  rationale: text(
    'Privileged accounts get MFA, dedicated workstations and periodic review only if they are known; administration rights granted outside that inventory are the ones nobody reviews.',
    'Les comptes à privilèges ne reçoivent MFA, postes dédiés et revue périodique que s’ils sont connus ; les droits d’administration accordés hors de cet inventaire sont ceux que personne ne revoit.',
  ),
  remediation: text(
    'Add the identity to the inventory of privileged accounts (mark it privileged) and apply the administration measures to it, or reduce its rights to what its role needs.',
    'Inscrire l’identité à l’inventaire des comptes à privilèges (la marquer à privilèges) et lui appliquer les mesures d’administration, ou réduire ses droits au besoin de sa fonction.',
  ),
  falsePositives: text(
    'Application-level administration (an ERP key user, a SaaS workspace owner) can be modelled with the `user` level if it gives no control of the system itself.',
    'L’administration fonctionnelle d’une application (utilisateur clé d’un ERP, propriétaire d’un espace SaaS) peut se modéliser au niveau `user` si elle ne donne pas la maîtrise du système lui-même.',
  ),
  likelihood: 2,
  impact: ['confidentiality', 'integrity', 'availability'],
  references: {
    anssi: ['hygiene:5', 'admin:R32'],
    iso27002: ['8.2', '5.18'],
    attack: ['T1078', 'M1026'],
  },
  evaluate(context) {
    const { graph, model, today } = context;
    return model.identities
      .filter((identity) => isActive(identity, today) && !isPrivileged(graph, identity))
      .flatMap((identity) => {
        const administered = adminTargets(identity).filter(
          (id) => graph.asset(id) !== undefined || graph.zone(id) !== undefined,
        );
        if (administered.length === 0) return [];
        return [
          hit(
            identity.id,
            text(
              `${nameOf(identity)}: administration rights on ${list(administered)}, but neither marked privileged nor in a privileged group.`,
              `${nameOf(identity)} : droits d’administration sur ${list(administered)}, sans marquage à privilèges ni groupe à privilèges.`,
            ),
            withImpact(impactOver(context, administered, adminRightsWithoutPrivilegedFlag.impact), {
              related: existing(graph, administered),
            }),
          ),
        ];
      });
  },
};
