/*
 * The 42 measures of the ANSSI hygiene guide, as data.
 * Source: ANSSI, Guide d'hygiène informatique, version détaillée — Licence Ouverte / Etalab 1.0,
 * packaged by intuitem. French titles are the guide's; English titles are Vigie's translation.
 * `level` is the measure's level in the guide (standard, or reinforced only); `reinforcedItems`
 * marks standard measures that also carry reinforced recommendations.
 */
import type { LocalizedText } from '../../text.js';

export const HYGIENE_LEVELS = ['standard', 'reinforced'] as const;
export type HygieneLevel = (typeof HYGIENE_LEVELS)[number];

/** A chapter of the guide (roman numeral and title). */
export interface HygieneChapter {
  readonly id: string;
  readonly title: LocalizedText;
}

/** One measure of the guide. */
export interface HygieneMeasure {
  /** 1–42, the number cited as `hygiene:N`. */
  readonly number: number;
  readonly chapter: string;
  readonly level: HygieneLevel;
  readonly reinforcedItems: boolean;
  readonly title: LocalizedText;
}

export const HYGIENE_CHAPTERS: readonly HygieneChapter[] = [
  { id: 'I', title: { fr: 'Sensibiliser et former', en: 'Raise awareness and train' } },
  {
    id: 'II',
    title: { fr: 'Connaître le système d’information', en: 'Know the information system' },
  },
  {
    id: 'III',
    title: { fr: 'Authentifier et contrôler les accès', en: 'Authenticate and control access' },
  },
  { id: 'IV', title: { fr: 'Sécuriser les postes', en: 'Secure workstations' } },
  { id: 'V', title: { fr: 'Sécuriser le réseau', en: 'Secure the network' } },
  { id: 'VI', title: { fr: 'Sécuriser l’administration', en: 'Secure administration' } },
  { id: 'VII', title: { fr: 'Gérer le nomadisme', en: 'Manage mobile working' } },
  {
    id: 'VIII',
    title: {
      fr: 'Maintenir le système d’information à jour',
      en: 'Keep the information system up to date',
    },
  },
  { id: 'IX', title: { fr: 'Superviser, auditer, réagir', en: 'Monitor, audit, respond' } },
  { id: 'X', title: { fr: 'Pour aller plus loin', en: 'Going further' } },
];

export const HYGIENE_MEASURES: readonly HygieneMeasure[] = [
  {
    number: 1,
    chapter: 'I',
    level: 'standard',
    reinforcedItems: false,
    title: {
      fr: 'Former les équipes opérationnelles à la sécurité des systèmes d’information',
      en: 'Train operational teams in information system security',
    },
  },
  {
    number: 2,
    chapter: 'I',
    level: 'standard',
    reinforcedItems: true,
    title: {
      fr: 'Sensibiliser les utilisateurs aux bonnes pratiques élémentaires de sécurité informatique',
      en: 'Raise users’ awareness of basic IT security practices',
    },
  },
  {
    number: 3,
    chapter: 'I',
    level: 'standard',
    reinforcedItems: false,
    title: { fr: 'Maîtriser les risques de l’infogérance', en: 'Control the risks of outsourcing' },
  },
  {
    number: 4,
    chapter: 'II',
    level: 'standard',
    reinforcedItems: false,
    title: {
      fr: 'Identifier les informations et serveurs les plus sensibles et maintenir un schéma du réseau',
      en: 'Identify the most sensitive information and servers and keep a network diagram',
    },
  },
  {
    number: 5,
    chapter: 'II',
    level: 'standard',
    reinforcedItems: false,
    title: {
      fr: 'Disposer d’un inventaire exhaustif des comptes privilégiés et le maintenir à jour',
      en: 'Keep a complete, up-to-date inventory of privileged accounts',
    },
  },
  {
    number: 6,
    chapter: 'II',
    level: 'standard',
    reinforcedItems: true,
    title: {
      fr: 'Organiser les procédures d’arrivée, de départ et de changement de fonction des utilisateurs',
      en: 'Organise procedures for users joining, leaving and changing roles',
    },
  },
  {
    number: 7,
    chapter: 'II',
    level: 'standard',
    reinforcedItems: true,
    title: {
      fr: 'Autoriser la connexion au réseau de l’entité aux seuls équipements maîtrisés',
      en: 'Allow only managed devices to connect to the network',
    },
  },
  {
    number: 8,
    chapter: 'III',
    level: 'standard',
    reinforcedItems: true,
    title: {
      fr: 'Identifier nommément chaque personne accédant au système et distinguer les rôles utilisateur/administrateur',
      en: 'Identify by name each person accessing the system and separate user and administrator roles',
    },
  },
  {
    number: 9,
    chapter: 'III',
    level: 'standard',
    reinforcedItems: false,
    title: {
      fr: 'Attribuer les bons droits sur les ressources sensibles du système d’information',
      en: 'Grant the right permissions on the sensitive resources of the information system',
    },
  },
  {
    number: 10,
    chapter: 'III',
    level: 'standard',
    reinforcedItems: false,
    title: {
      fr: 'Définir et vérifier des règles de choix et de dimensionnement des mots de passe',
      en: 'Define and check rules for choosing and sizing passwords',
    },
  },
  {
    number: 11,
    chapter: 'III',
    level: 'standard',
    reinforcedItems: false,
    title: {
      fr: 'Protéger les mots de passe stockés sur les systèmes',
      en: 'Protect the passwords stored on systems',
    },
  },
  {
    number: 12,
    chapter: 'III',
    level: 'standard',
    reinforcedItems: true,
    title: {
      fr: 'Changer les éléments d’authentification par défaut sur les équipements et services',
      en: 'Change default credentials on devices and services',
    },
  },
  {
    number: 13,
    chapter: 'III',
    level: 'standard',
    reinforcedItems: true,
    title: {
      fr: 'Privilégier lorsque c’est possible une authentification forte',
      en: 'Prefer strong authentication wherever possible',
    },
  },
  {
    number: 14,
    chapter: 'IV',
    level: 'standard',
    reinforcedItems: true,
    title: {
      fr: 'Mettre en place un niveau de sécurité minimal sur l’ensemble du parc informatique',
      en: 'Set a minimum security level across the whole IT estate',
    },
  },
  {
    number: 15,
    chapter: 'IV',
    level: 'standard',
    reinforcedItems: true,
    title: {
      fr: 'Se protéger des menaces relatives à l’utilisation de supports amovibles',
      en: 'Protect against the threats of removable media',
    },
  },
  {
    number: 16,
    chapter: 'IV',
    level: 'standard',
    reinforcedItems: false,
    title: {
      fr: 'Utiliser un outil de gestion centralisée afin d’homogénéiser les politiques de sécurité',
      en: 'Use a centralised management tool to standardise security policies',
    },
  },
  {
    number: 17,
    chapter: 'IV',
    level: 'standard',
    reinforcedItems: true,
    title: {
      fr: 'Activer et configurer le pare-feu local des postes de travail',
      en: 'Enable and configure the local firewall of workstations',
    },
  },
  {
    number: 18,
    chapter: 'IV',
    level: 'standard',
    reinforcedItems: false,
    title: {
      fr: 'Chiffrer les données sensibles transmises par voie Internet',
      en: 'Encrypt sensitive data sent over the Internet',
    },
  },
  {
    number: 19,
    chapter: 'V',
    level: 'standard',
    reinforcedItems: false,
    title: {
      fr: 'Segmenter le réseau et mettre en place un cloisonnement entre ces zones',
      en: 'Segment the network and isolate the zones from one another',
    },
  },
  {
    number: 20,
    chapter: 'V',
    level: 'standard',
    reinforcedItems: false,
    title: {
      fr: 'S’assurer de la sécurité des réseaux d’accès Wi-Fi et de la séparation des usages',
      en: 'Secure Wi-Fi access networks and separate their uses',
    },
  },
  {
    number: 21,
    chapter: 'V',
    level: 'standard',
    reinforcedItems: false,
    title: {
      fr: 'Utiliser des protocoles réseaux sécurisés dès qu’ils existent',
      en: 'Use secure network protocols wherever they exist',
    },
  },
  {
    number: 22,
    chapter: 'V',
    level: 'standard',
    reinforcedItems: true,
    title: {
      fr: 'Mettre en place une passerelle d’accès sécurisé à Internet',
      en: 'Set up a secure Internet access gateway',
    },
  },
  {
    number: 23,
    chapter: 'V',
    level: 'standard',
    reinforcedItems: false,
    title: {
      fr: 'Cloisonner les services visibles depuis Internet du reste du système d’information',
      en: 'Isolate the services visible from the Internet from the rest of the information system',
    },
  },
  {
    number: 24,
    chapter: 'V',
    level: 'standard',
    reinforcedItems: true,
    title: { fr: 'Protéger sa messagerie professionnelle', en: 'Protect business e-mail' },
  },
  {
    number: 25,
    chapter: 'V',
    level: 'standard',
    reinforcedItems: true,
    title: {
      fr: 'Sécuriser les interconnexions réseau dédiées avec les partenaires',
      en: 'Secure dedicated network interconnections with partners',
    },
  },
  {
    number: 26,
    chapter: 'V',
    level: 'standard',
    reinforcedItems: false,
    title: {
      fr: 'Contrôler et protéger l’accès aux salles serveurs et aux locaux techniques',
      en: 'Control and protect access to server rooms and technical premises',
    },
  },
  {
    number: 27,
    chapter: 'VI',
    level: 'standard',
    reinforcedItems: true,
    title: {
      fr: 'Interdire l’accès à Internet depuis les postes ou serveurs utilisés pour l’administration du système d’information',
      en: 'Forbid Internet access from workstations or servers used for administration',
    },
  },
  {
    number: 28,
    chapter: 'VI',
    level: 'standard',
    reinforcedItems: true,
    title: {
      fr: 'Utiliser un réseau dédié et cloisonné pour l’administration du système d’information',
      en: 'Use a dedicated, isolated network for administering the information system',
    },
  },
  {
    number: 29,
    chapter: 'VI',
    level: 'standard',
    reinforcedItems: false,
    title: {
      fr: 'Limiter au strict besoin opérationnel les droits d’administration sur les postes de travail',
      en: 'Limit administration rights on workstations to strict operational need',
    },
  },
  {
    number: 30,
    chapter: 'VII',
    level: 'standard',
    reinforcedItems: true,
    title: {
      fr: 'Prendre des mesures de sécurisation physique des terminaux nomades',
      en: 'Physically secure mobile devices',
    },
  },
  {
    number: 31,
    chapter: 'VII',
    level: 'standard',
    reinforcedItems: false,
    title: {
      fr: 'Chiffrer les données sensibles, en particulier sur le matériel potentiellement perdable',
      en: 'Encrypt sensitive data, especially on hardware that can be lost',
    },
  },
  {
    number: 32,
    chapter: 'VII',
    level: 'standard',
    reinforcedItems: true,
    title: {
      fr: 'Sécuriser la connexion réseau des postes utilisés en situation de nomadisme',
      en: 'Secure the network connection of devices used on the move',
    },
  },
  {
    number: 33,
    chapter: 'VII',
    level: 'standard',
    reinforcedItems: true,
    title: {
      fr: 'Adopter des politiques de sécurité dédiées aux terminaux mobiles',
      en: 'Adopt dedicated security policies for mobile devices',
    },
  },
  {
    number: 34,
    chapter: 'VIII',
    level: 'standard',
    reinforcedItems: false,
    title: {
      fr: 'Définir une politique de mise à jour des composants du système d’information',
      en: 'Define an update policy for the components of the information system',
    },
  },
  {
    number: 35,
    chapter: 'VIII',
    level: 'standard',
    reinforcedItems: false,
    title: {
      fr: 'Anticiper la fin de la maintenance des logiciels et systèmes et limiter les adhérences logicielles',
      en: 'Anticipate the end of maintenance of software and systems and limit software dependencies',
    },
  },
  {
    number: 36,
    chapter: 'IX',
    level: 'standard',
    reinforcedItems: true,
    title: {
      fr: 'Activer et configurer les journaux des composants les plus importants',
      en: 'Enable and configure the logs of the most important components',
    },
  },
  {
    number: 37,
    chapter: 'IX',
    level: 'standard',
    reinforcedItems: true,
    title: {
      fr: 'Définir et appliquer une politique de sauvegarde des composants critiques',
      en: 'Define and apply a backup policy for critical components',
    },
  },
  {
    number: 38,
    chapter: 'IX',
    level: 'reinforced',
    reinforcedItems: true,
    title: {
      fr: 'Procéder à des contrôles et audits de sécurité réguliers puis appliquer les actions correctives associées',
      en: 'Carry out regular security checks and audits, then apply the corrective actions',
    },
  },
  {
    number: 39,
    chapter: 'IX',
    level: 'standard',
    reinforcedItems: false,
    title: {
      fr: 'Désigner un référent en sécurité des systèmes d’information et le faire connaître auprès du personnel',
      en: 'Appoint an information system security referent and make them known to staff',
    },
  },
  {
    number: 40,
    chapter: 'IX',
    level: 'standard',
    reinforcedItems: false,
    title: {
      fr: 'Définir une procédure de gestion des incidents de sécurité',
      en: 'Define a security incident management procedure',
    },
  },
  {
    number: 41,
    chapter: 'X',
    level: 'reinforced',
    reinforcedItems: true,
    title: { fr: 'Mener une analyse de risques formelle', en: 'Carry out a formal risk analysis' },
  },
  {
    number: 42,
    chapter: 'X',
    level: 'reinforced',
    reinforcedItems: true,
    title: {
      fr: 'Privilégier l’usage de produits et de services qualifiés par l’ANSSI',
      en: 'Prefer products and services qualified by ANSSI',
    },
  },
];

/** The measure with this number (1–42), `undefined` otherwise. */
export function hygieneMeasure(number: number): HygieneMeasure | undefined {
  return HYGIENE_MEASURES[number - 1];
}
