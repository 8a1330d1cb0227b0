import { text } from '../text.js';
import { trigger, externalUsers, type RequirementTemplate } from './spec-requirement-types.js';

/** Requirements 1–9: exposure, authentication, administration, encryption, logging, backups. */
export const ACCESS_REQUIREMENTS: readonly RequirementTemplate[] = [
  {
    number: 1,
    text: text(
      'Expose the service to the Internet only through a filtering reverse proxy in a DMZ (or the provider’s equivalent), never straight from the internal network.',
      'N’exposer le service sur Internet qu’au travers d’un reverse proxy filtrant en DMZ (ou de l’équivalent chez le prestataire), jamais directement depuis le réseau interne.',
    ),
    rationale: text(
      'An exposed service is attacked continuously; a DMZ contains a compromise.',
      'Un service exposé est attaqué en permanence ; une DMZ contient une compromission.',
    ),
    anssi: ['hygiene:23', 'interco:R2', 'interco:R3'],
    iso27002: ['8.20', '8.22'],
    when: ({ spec }) => {
      const users = (spec.users ?? []).filter((u) => u.from.includes('internet')).map((u) => u.id);
      return users.length === 0
        ? undefined
        : trigger(
            users,
            'users connect from the Internet',
            'des utilisateurs se connectent depuis Internet',
          );
    },
  },
  {
    number: 2,
    text: text(
      'Require multi-factor authentication for external users and for every access from the Internet.',
      'Exiger une authentification multifacteur pour les utilisateurs externes et pour tout accès depuis Internet.',
    ),
    rationale: text(
      'Passwords of external users are phished or reused; MFA stops most account takeovers.',
      'Les mots de passe des utilisateurs externes sont hameçonnés ou réutilisés ; le MFA bloque la plupart des prises de compte.',
    ),
    anssi: ['hygiene:13'],
    iso27002: ['8.5'],
    when: ({ spec }) => {
      const users = externalUsers(spec);
      return users.length === 0
        ? undefined
        : trigger(
            users,
            'external or Internet users',
            'utilisateurs externes ou venant d’Internet',
          );
    },
  },
  {
    number: 3,
    text: text(
      'Administer the system only from the administration zone, with individual administration accounts distinct from user accounts and MFA.',
      'N’administrer le système que depuis la zone d’administration, avec des comptes d’administration individuels distincts des comptes utilisateurs et le MFA.',
    ),
    rationale: text(
      'Administration rights are what an attacker seeks; a dedicated path and accounts contain them.',
      'Les droits d’administration sont la cible de l’attaquant ; un chemin et des comptes dédiés les protègent.',
    ),
    anssi: ['hygiene:28', 'admin:R9', 'admin:R27', 'admin:R36'],
    iso27002: ['8.2', '8.5'],
    when: ({ spec }) =>
      trigger([spec.id], 'every system is administered', 'tout système est administré'),
  },
  {
    number: 4,
    text: text(
      'Give third-party administrators a dedicated remote access, activated on demand, with their own accounts and MFA, under contractual security clauses.',
      'Donner aux administrateurs tiers un accès distant dédié, activé à la demande, avec leurs propres comptes et le MFA, encadré par des clauses de sécurité.',
    ),
    rationale: text(
      'A provider’s permanent access is a way in that the organisation does not watch.',
      'L’accès permanent d’un prestataire est une porte d’entrée que l’organisation ne surveille pas.',
    ),
    anssi: ['hygiene:3', 'admin:R62', 'admin:R64', 'admin:R66', 'admin:R67'],
    iso27002: ['5.20', '5.22'],
    when: ({ spec }) =>
      spec.administration !== undefined && spec.administration.by !== 'internal'
        ? trigger(
            [spec.id],
            `administered by: ${spec.administration.by}`,
            `administré par : ${spec.administration.by}`,
          )
        : undefined,
  },
  {
    number: 5,
    text: text(
      'Encrypt every user access and interconnection with TLS 1.2 or later (or IPsec/SSH); no cleartext protocol.',
      'Chiffrer chaque accès utilisateur et chaque interconnexion en TLS 1.2 ou plus (ou IPsec/SSH) ; aucun protocole en clair.',
    ),
    rationale: text(
      'Data and credentials in transit are read or altered on any network they cross.',
      'Les données et identifiants en transit sont lus ou modifiés sur tout réseau traversé.',
    ),
    anssi: ['hygiene:18', 'hygiene:21'],
    iso27002: ['8.20', '8.24'],
    when: ({ spec }) => {
      const links = (spec.interconnections ?? []).map((l) => l.id);
      const users = (spec.users ?? []).map((u) => u.id);
      return links.length + users.length === 0
        ? undefined
        : trigger(
            [...users, ...links],
            'users and interconnections',
            'utilisateurs et interconnexions',
          );
    },
  },
  {
    number: 6,
    text: text(
      'Encrypt the stored data (database, files, backups) and manage the keys apart from the data.',
      'Chiffrer les données stockées (base, fichiers, sauvegardes) et gérer les clés à part des données.',
    ),
    rationale: text(
      'Confidentiality need of 3 or more: a stolen disk, backup or snapshot must not disclose the data.',
      'Besoin de confidentialité de 3 ou plus : un disque, une sauvegarde ou un instantané volé ne doit rien divulguer.',
    ),
    anssi: ['hygiene:31'],
    iso27002: ['8.24'],
    when: ({ needs }) =>
      needs.confidentiality.level >= 3
        ? trigger(
            needs.confidentiality.source === undefined ? [] : [needs.confidentiality.source],
            `confidentiality need ${needs.confidentiality.level}`,
            `besoin de confidentialité ${needs.confidentiality.level}`,
          )
        : undefined,
  },
  {
    number: 7,
    text: text(
      'Log authentications, administration actions, access to sensitive data and interconnection exchanges; send the logs to the central collector and keep them at least one year.',
      'Journaliser les authentifications, les actions d’administration, les accès aux données sensibles et les échanges des interconnexions ; envoyer les journaux au collecteur central et les conserver au moins un an.',
    ),
    rationale: text(
      'Without logs an intrusion is neither detected nor investigated, and nothing can be proven.',
      'Sans journaux, une intrusion n’est ni détectée ni analysée, et rien ne peut être prouvé.',
    ),
    anssi: ['hygiene:36', 'logging:R9', 'logging:R25', 'admin:R31'],
    iso27002: ['8.15', '8.16'],
    when: ({ spec }) => trigger([spec.id], 'every system is logged', 'tout système est journalisé'),
  },
  {
    number: 8,
    text: text(
      'Back up data and configuration to meet the RPO, keep an offline or immutable copy, and test a restore at least once a year.',
      'Sauvegarder données et configuration pour tenir le RPO, conserver une copie hors ligne ou immuable et tester une restauration au moins une fois par an.',
    ),
    rationale: text(
      'Ransomware destroys online backups first; an untested backup is a hope.',
      'Un rançongiciel détruit d’abord les sauvegardes en ligne ; une sauvegarde non testée n’est qu’un espoir.',
    ),
    anssi: ['hygiene:37'],
    iso27002: ['8.13'],
    when: ({ spec, needs }) =>
      needs.availability.level >= 3 ||
      needs.integrity.level >= 3 ||
      spec.availability?.rpo !== undefined
        ? trigger(
            [spec.id],
            `availability ${needs.availability.level}, integrity ${needs.integrity.level}${spec.availability?.rpo === undefined ? '' : `, RPO ${spec.availability.rpo}`}`,
            `disponibilité ${needs.availability.level}, intégrité ${needs.integrity.level}${spec.availability?.rpo === undefined ? '' : `, RPO ${spec.availability.rpo}`}`,
          )
        : undefined,
  },
  {
    number: 9,
    text: text(
      'Design for the RTO: redundant components or a documented, tested recovery procedure that fits within it.',
      'Concevoir pour le RTO : composants redondés ou procédure de reprise documentée et testée qui le respecte.',
    ),
    rationale: text(
      'An availability need of 3 or more is not met by a single server without a recovery plan.',
      'Un besoin de disponibilité de 3 ou plus n’est pas tenu par un serveur unique sans plan de reprise.',
    ),
    anssi: ['hygiene:37'],
    iso27002: ['5.30', '8.14'],
    when: ({ spec, needs }) =>
      needs.availability.level >= 3
        ? trigger(
            [spec.id],
            `availability need ${needs.availability.level}`,
            `besoin de disponibilité ${needs.availability.level}`,
          )
        : undefined,
  },
];
