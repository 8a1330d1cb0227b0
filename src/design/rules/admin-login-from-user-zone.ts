import {
  adminTargets,
  effectiveAdminTargets,
  isActive,
  nameOf,
  USER_DEVICE_KINDS,
} from '../../domain/model/index.js';
import { hit, type Rule } from '../rule.js';
import { text } from '../text.js';
import { existing, impactOver, list, withImpact, zoneKindLabel } from './support-access.js';
import { hasPrivileges, isUserSide, privilegedGroups } from '../../model/predicates.js';

export const adminLoginFromUserZone: Rule = {
  id: 'admin-login-from-user-zone',
  family: 'administration',
  title: text(
    'Privileged account used from the user network',
    'Compte à privilèges utilisé depuis le réseau bureautique',
  ),
  description: text(
    'A privileged identity logs in from a user, Wi-Fi or guest zone, or from an ordinary workstation, instead of a dedicated administration workstation in an administration zone.',
    'Une identité à privilèges se connecte depuis une zone bureautique, Wi-Fi ou invités, ou depuis un poste de travail ordinaire, au lieu d’un poste d’administration dédié situé dans une zone d’administration.',
  ),
  rationale: text(
    'Office workstations read e-mail and browse the web: they are the first machines an attacker compromises. An administrator session opened there leaves its credentials in memory, where they are harvested to take over the systems it administers.',
    'Les postes bureautiques reçoivent la messagerie et naviguent sur le Web : ce sont les premières machines compromises par un attaquant. Une session d’administration ouverte depuis ces postes y laisse ses secrets en mémoire, où ils sont récupérés pour prendre la main sur les systèmes administrés.',
  ),
  remediation: text(
    'Administer only from dedicated administration workstations placed in the administration zone (or from a hardened bastion reached from them); forbid logon of privileged accounts on office workstations (authentication policies, tiering).',
    'N’administrer que depuis des postes d’administration dédiés placés dans la zone d’administration (ou depuis un bastion durci joint à partir de ces postes) ; interdire l’ouverture de session des comptes à privilèges sur les postes bureautiques (politiques d’authentification, modèle en tiers).',
  ),
  falsePositives: text(
    'Support technicians who only use a remote-assistance tool with a separate, per-workstation account are reported too: accept the finding if their privileged account never logs on to office machines.',
    'Les techniciens de support qui n’utilisent qu’un outil d’assistance à distance avec un compte distinct par poste sont aussi signalés : accepter le constat si leur compte à privilèges ne s’ouvre jamais sur les postes bureautiques.',
  ),
  likelihood: 3,
  impact: ['confidentiality', 'integrity', 'availability'],
  references: {
    anssi: ['hygiene:28', 'admin:R9', 'admin:R29'],
    iso27002: ['8.2', '8.22'],
    attack: ['T1078.002', 'T1003', 'M1026'],
  },
  evaluate(context) {
    const { graph, model, today } = context;
    return model.identities
      .filter((identity) => isActive(identity, today) && hasPrivileges(graph, identity))
      .flatMap((identity) => {
        const from = (identity.loginFrom ?? []).filter((place) => {
          const kind = graph.asset(place)?.kind;
          return (
            isUserSide(graph, place) || (kind !== undefined && USER_DEVICE_KINDS.includes(kind))
          );
        });
        if (from.length === 0) return [];
        const places = from.map((place) => `${place} (${zoneKindLabel(graph, place)})`);
        const administered = adminTargets(identity);
        const groups = privilegedGroups(graph, identity);
        const related = existing(graph, [...from, ...groups, ...administered]);
        const enAdmin =
          administered.length > 0 ? `; administration rights on ${list(administered)}` : '';
        const frAdmin =
          administered.length > 0 ? ` ; droits d’administration sur ${list(administered)}` : '';
        return [
          hit(
            identity.id,
            text(
              `${nameOf(identity)}: privileged account used from ${list(places)}${enAdmin}.`,
              `${nameOf(identity)} : compte à privilèges utilisé depuis ${list(places)}${frAdmin}.`,
            ),
            withImpact(
              impactOver(
                context,
                effectiveAdminTargets(graph, identity),
                adminLoginFromUserZone.impact,
              ),
              { related },
            ),
          ),
        ];
      });
  },
};
