/**
 * What the DAT says when the model lacks something ("to be completed" callouts). Each text says
 * what is missing; the callout adds the entities concerned and where to declare it.
 */
import { text, type LocalizedText } from '../../design/text.js';

export const TODO = {
  fillIn: text('Declare it in', 'À déclarer dans'),
  todoOrganisation: text(
    'The model does not describe the organisation (name, sector, size, regulatory profile, security referent)',
    'Le modèle ne décrit pas l’organisme (nom, secteur, effectif, profil réglementaire, référent sécurité)',
  ),
  todoOrganisationFields: text(
    'The description of the organisation lacks these fields',
    'La description de l’organisme ne renseigne pas ces champs',
  ),
  todoSites: text(
    'The model declares no site: the physical locations (head office, plants, data centres) are unknown, and so is the impact of losing one',
    'Le modèle ne déclare aucun site : les implantations physiques (siège, usines, centres de données) sont inconnues, de même que l’impact de la perte de l’une d’elles',
  ),
  todoSiteFields: text(
    'Sites whose kind, power supply (UPS, generator) or network redundancy is not stated',
    'Sites dont le type, l’alimentation électrique (onduleur, groupe) ou la redondance réseau ne sont pas renseignés',
  ),
  todoProcesses: text(
    'The model declares no business process: the availability needs, RTO, RPO and MTPD that the architecture must meet are unknown',
    'Le modèle ne déclare aucun processus métier : les besoins de disponibilité, RTO, RPO et DMIA auxquels l’architecture doit répondre sont inconnus',
  ),
  todoProcessFields: text(
    'Processes without DICP needs, RTO, RPO or MTPD',
    'Processus sans besoins DICP, RTO, RPO ou DMIA',
  ),
  todoProcessSupport: text(
    'Processes linked to no asset and no data set (their needs reach no component)',
    'Processus reliés à aucun actif ni jeu de données (leurs besoins n’atteignent aucun composant)',
  ),
  todoData: text(
    'The model declares no data set: the confidentiality and integrity needs of the information, and the personal data processed, are unknown',
    'Le modèle ne déclare aucun jeu de données : les besoins de confidentialité et d’intégrité des informations, et les données personnelles traitées, sont inconnus',
  ),
  todoDataNeeds: text('Data sets without DICP needs', 'Jeux de données sans besoins DICP'),
  todoDataStored: text(
    'Data sets stored on no asset (their needs reach no component)',
    'Jeux de données stockés sur aucun actif (leurs besoins n’atteignent aucun composant)',
  ),
  todoUnrated: (count: string): LocalizedText =>
    text(
      `Assets that support no business value with a known need, so that their criticality is unknown (${count})`,
      `Actifs qui ne soutiennent aucune valeur métier dont le besoin est connu, et dont la criticité est donc inconnue (${count})`,
    ),
  todoRegulatory: text(
    'The regulatory profile of the organisation (GDPR role, NIS 2 entity type, OIV/OSE, HDS, card payments) is not declared: the applicability below is inferred and must be confirmed',
    'Le profil réglementaire de l’organisme (rôle RGPD, type d’entité NIS 2, OIV/OSE, HDS, paiement par carte) n’est pas déclaré : l’applicabilité ci-dessous est déduite et doit être confirmée',
  ),
  todoZones: text(
    'The model declares no zone: trust boundaries, subnets and VLANs are unknown',
    'Le modèle ne déclare aucune zone : frontières de confiance, sous-réseaux et VLAN sont inconnus',
  ),
  todoZoneTrust: text('Zones without a trust level', 'Zones sans niveau de confiance'),
  todoZoneSite: text(
    'Zones attached to no site (neither their own nor an enclosing zone’s)',
    'Zones rattachées à aucun site (ni directement ni par une zone englobante)',
  ),
  todoZoneSubnets: text(
    'Zones without subnets (nor an enclosing zone with subnets)',
    'Zones sans sous-réseau (ni zone englobante qui en ait)',
  ),
  todoUnzoned: (count: string): LocalizedText =>
    text(
      `Assets that belong to no declared zone (${count})`,
      `Actifs qui n’appartiennent à aucune zone déclarée (${count})`,
    ),
  todoAddresses: (count: string): LocalizedText =>
    text(`Assets without an IP address (${count})`, `Actifs sans adresse IP (${count})`),
  todoAssets: text(
    'The model declares no asset: the component inventory is empty',
    'Le modèle ne déclare aucun actif : l’inventaire des composants est vide',
  ),
  todoOs: (count: string): LocalizedText =>
    text(
      `Assets that do not state their operating system or firmware (${count})`,
      `Actifs qui n’indiquent pas leur système d’exploitation ou micrologiciel (${count})`,
    ),
  todoSupportEnd: (count: string): LocalizedText =>
    text(
      `Assets that do not state the end of support of their system (${count})`,
      `Actifs qui n’indiquent pas la fin de support de leur système (${count})`,
    ),
  todoFlows: text(
    'The model declares no flow: the flow matrix is empty and no filtering can be checked',
    'Le modèle ne déclare aucun flux : la matrice des flux est vide et aucun filtrage ne peut être vérifié',
  ),
  todoFlowEncryption: (count: string): LocalizedText =>
    text(
      `Flows that do not state their encryption (${count})`,
      `Flux qui n’indiquent pas leur chiffrement (${count})`,
    ),
  todoFlowAuthentication: (count: string): LocalizedText =>
    text(
      `Flows that do not state their authentication (${count})`,
      `Flux qui n’indiquent pas leur authentification (${count})`,
    ),
  todoAdminZone: text(
    'No administration zone is declared: where administrators work from, and how administration is separated from use, is not described',
    'Aucune zone d’administration n’est déclarée : le lieu d’où travaillent les administrateurs et la séparation entre administration et usage ne sont pas décrits',
  ),
  todoAdminWorkstations: text(
    'No administration workstation or bastion is declared',
    'Aucun poste d’administration ni bastion n’est déclaré',
  ),
  todoAdminInterfaces: text(
    'No asset declares its administration interfaces (protocol, port, from where, MFA)',
    'Aucun actif ne déclare ses interfaces d’administration (protocole, port, depuis où, MFA)',
  ),
  todoAdminFrom: text(
    'Administration interfaces that do not say from where they are reachable',
    'Interfaces d’administration qui n’indiquent pas depuis où elles sont joignables',
  ),
  todoPrivileged: text(
    'No privileged identity (administrator) is declared',
    'Aucune identité à privilèges (administrateur) n’est déclarée',
  ),
  todoLoginFrom: text(
    'Administrators whose login places are not stated',
    'Administrateurs dont les points de connexion ne sont pas indiqués',
  ),
  todoIdentities: text(
    'The model declares no identity: accounts, privileges, MFA and third parties are unknown',
    'Le modèle ne déclare aucune identité : comptes, privilèges, MFA et tiers sont inconnus',
  ),
  todoMfa: text(
    'Identities whose MFA is not stated (neither their own nor a group’s)',
    'Identités dont la MFA n’est pas indiquée (ni pour elles ni pour un de leurs groupes)',
  ),
  todoRemoteAccess: text(
    'Third parties whose access (through what, how authenticated, permanent or not) is not stated',
    'Tiers dont l’accès (par quoi, avec quelle authentification, permanent ou non) n’est pas indiqué',
  ),
  todoBackups: text(
    'The model declares no backup: what is backed up, where, how often and whether it has been restored are unknown',
    'Le modèle ne déclare aucune sauvegarde : ce qui est sauvegardé, où, à quelle fréquence et si la restauration a été testée sont inconnus',
  ),
  todoBackupFields: text(
    'Backups whose frequency, retention, offline or immutable copy, or location is not stated',
    'Sauvegardes dont la fréquence, la durée de conservation, la copie hors ligne ou immuable, ou l’emplacement ne sont pas indiqués',
  ),
  todoCollector: text(
    'No log collector or SIEM is declared, and no asset says where it sends its logs',
    'Aucun collecteur de journaux ni SIEM n’est déclaré, et aucun actif n’indique où il envoie ses journaux',
  ),
  todoLogging: text(
    'No asset declares its logging (sources, destination, retention)',
    'Aucun actif ne déclare sa journalisation (sources, destination, durée de conservation)',
  ),
  todoRetention: text(
    'Assets whose log retention is not stated anywhere along their collection chain',
    'Actifs dont la durée de conservation des journaux n’est indiquée nulle part sur leur chaîne de collecte',
  ),
  todoMeasures: text(
    'The model declares no security measure: the hygiene baseline rests only on what the model shows',
    'Le modèle ne déclare aucune mesure de sécurité : le socle d’hygiène ne repose que sur ce que montre le modèle',
  ),
  todoUnknownMeasures: (count: string): LocalizedText =>
    text(
      `Hygiene measures neither declared nor evidenced by the model (${count})`,
      `Mesures d’hygiène ni déclarées ni étayées par le modèle (${count})`,
    ),
  todoDecisionFields: text(
    'Risk decisions without an owner, a date or a review date',
    'Décisions sans responsable, sans date ou sans date de revue',
  ),
} as const;
