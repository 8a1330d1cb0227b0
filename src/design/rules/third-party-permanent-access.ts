import { effectiveAdminTargets, isActive, nameOf } from '../../domain/model/index.js';
import { hit, type Rule } from '../rule.js';
import { text } from '../text.js';
import { existing, impactOver, isThirdParty, list, withImpact } from './support-access.js';
import { remoteSupportBrokers } from './support-remote-support.js';
import { hasPrivileges } from '../../model/predicates.js';

export const thirdPartyPermanentAccess: Rule = {
  id: 'third-party-permanent-access',
  family: 'third-party',
  title: text(
    'Third party with permanent remote access',
    'Tiers disposant d’un accès distant permanent',
  ),
  description: text(
    'A third party (contractor, vendor, maintenance provider) has a remote access that stays open all the time instead of being opened on request for each intervention.',
    'Un tiers (prestataire, éditeur, mainteneur) dispose d’un accès distant ouvert en permanence au lieu d’être activé à la demande pour chaque intervention.',
  ),
  rationale: text(
    'A permanent access is usable at any hour, by anyone who holds the provider’s credentials or compromises its own network, without the organisation knowing an intervention is under way: supply-chain intrusions go through such accesses.',
    'Un accès permanent est utilisable à toute heure, par quiconque détient les identifiants du prestataire ou compromet son propre réseau, sans que l’organisation sache qu’une intervention est en cours : les intrusions par la chaîne d’approvisionnement passent par ce type d’accès.',
  ),
  remediation: text(
    'Keep third-party accounts disabled and enable them on request for the time of each intervention, through a dedicated access chain (VPN with strong authentication, bastion recording the sessions); write these requirements into the contract.',
    'Garder les comptes des tiers désactivés et les activer à la demande pour la durée de chaque intervention, par une chaîne d’accès dédiée (VPN avec authentification forte, bastion qui enregistre les sessions) ; inscrire ces exigences au contrat.',
  ),
  falsePositives: text(
    'An outsourced monitoring contract (24/7 supervision) may justify a standing access: accept the finding when the access is read-only, traced and bound by a security assurance plan.',
    'Un contrat de supervision externalisée (24 h/24) peut justifier un accès permanent : accepter le constat si l’accès est en lecture seule, tracé et encadré par un plan d’assurance sécurité.',
  ),
  likelihood: 3,
  impact: ['confidentiality', 'integrity', 'availability'],
  references: {
    anssi: ['hygiene:3', 'admin:R60', 'admin:R66'],
    iso27002: ['5.19', '5.20', '8.2'],
    attack: ['T1133', 'T1199', 'M1035'],
  },
  evaluate(context) {
    const { graph, model, today } = context;
    const brokers = remoteSupportBrokers(model);
    return model.identities
      .filter((identity) => isThirdParty(identity) && isActive(identity, today))
      .flatMap((identity) => {
        const access = identity.remoteAccess;
        if (access?.permanent !== true) return [];
        // through a remote-support broker: vendor-remote-support-uncontrolled reports the channel
        if (brokers.get(identity.id)?.has(access.via) === true) return [];
        const rights = (identity.rights ?? []).map((right) => right.on);
        const related = existing(graph, [access.via, ...rights]);
        const company = identity.company === undefined ? '' : ` (${identity.company})`;
        const enRights = rights.length > 0 ? `; rights on ${list(rights)}` : '';
        const frRights = rights.length > 0 ? ` ; droits sur ${list(rights)}` : '';
        const privileged = hasPrivileges(graph, identity);
        return [
          hit(
            identity.id,
            text(
              `${nameOf(identity)}${company}: permanent remote access via ${access.via}${enRights}.`,
              `${nameOf(identity)}${company} : accès distant permanent par ${access.via}${frRights}.`,
            ),
            withImpact(
              impactOver(
                context,
                [...related, ...effectiveAdminTargets(graph, identity)],
                thirdPartyPermanentAccess.impact,
              ),
              { related, likelihood: privileged ? 3 : 2 },
            ),
          ),
        ];
      });
  },
};
