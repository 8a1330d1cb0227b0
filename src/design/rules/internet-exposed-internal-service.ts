import {
  DATABASE_PROTOCOLS,
  MEDICAL_PROTOCOLS,
  BUILDING_PROTOCOLS,
  type Protocol,
} from '../../domain/model/index.js';
import { hit, type Rule } from '../rule.js';
import { text } from '../text.js';
import { describeExposure, groupBy, list, named, unique } from './support-exposure.js';
import { isRestrictedToKnownSources, lowerWhen, publicationNotes } from './support-internet.js';

/** Protocols of internal services that have no business on the Internet. */
const INTERNAL_PROTOCOLS: readonly Protocol[] = [
  'smb',
  'nfs',
  'ldap',
  'ldaps',
  'kerberos',
  'rpc',
  'backup',
  'syslog',
  'dhcp',
  'iscsi',
  // every database protocol of the registry (MongoDB, Redis, Elasticsearch…)
  ...DATABASE_PROTOCOLS,
  // patient data and building control have no business on the Internet either
  ...MEDICAL_PROTOCOLS,
  ...BUILDING_PROTOCOLS,
];

export const internetExposedInternalService: Rule = {
  id: 'internet-exposed-internal-service',
  family: 'internet-exposure',
  title: text(
    'Internal service (files, directory, database) reachable from the Internet',
    'Service interne (fichiers, annuaire, base de données) joignable depuis Internet',
  ),
  description: text(
    'A flow from the Internet uses a protocol meant for internal networks only: file sharing (SMB, NFS, iSCSI), directory (LDAP, Kerberos, RPC), databases (SQL, MongoDB, Redis, Elasticsearch…), medical (DICOM, HL7) or building management (BACnet, KNX), backup or logging.',
    'Un flux venant d’Internet utilise un protocole réservé aux réseaux internes : partage de fichiers (SMB, NFS, iSCSI), annuaire (LDAP, Kerberos, RPC), bases de données (SQL, MongoDB, Redis, Elasticsearch…), médical (DICOM, HL7) ou gestion technique du bâtiment (BACnet, KNX), sauvegarde ou journalisation.',
  ),
  rationale: text(
    'These protocols were not designed to face the Internet: exposed databases, SMB shares and directories are found by mass scanners and give data or credentials away, or a foothold for worms.',
    'Ces protocoles ne sont pas conçus pour faire face à Internet : bases de données, partages SMB et annuaires exposés sont trouvés par les balayages de masse et livrent données ou identifiants, ou une tête de pont aux vers.',
  ),
  remediation: text(
    'Close the exposure; give remote users access through the VPN, and partners through a dedicated, filtered interconnection or an application relay in a DMZ.',
    'Fermer l’exposition ; donner l’accès aux utilisateurs distants par le VPN, et aux partenaires par une interconnexion dédiée et filtrée ou un relais applicatif en DMZ.',
  ),
  falsePositives: text(
    'A flow that is in fact carried inside a VPN tunnel is reported when the tunnel is not modelled: declare it from the remote-access zone instead. A flow accepting only listed sources (`allowedSources`, a partner’s address) is reported with a lower likelihood.',
    'Un flux en réalité transporté dans un tunnel VPN est signalé si le tunnel n’est pas modélisé : le déclarer plutôt depuis la zone d’accès distant. Un flux n’acceptant que des sources listées (`allowedSources`, l’adresse d’un partenaire) est signalé avec une vraisemblance moindre.',
  ),
  likelihood: 4,
  impact: ['confidentiality', 'integrity', 'availability'],
  references: {
    anssi: ['hygiene:23', 'interco:R1', 'interco:R10'],
    iso27002: ['8.20', '8.22'],
    cwe: ['CWE-668'],
    attack: ['T1190', 'T1133', 'M1035'],
  },
  evaluate({ graph, analyses }) {
    const exposures = analyses.internetExposure.exposures.filter(
      (e) => e.flow !== undefined && (INTERNAL_PROTOCOLS as readonly string[]).includes(e.protocol),
    );
    return [...groupBy(exposures, (e) => e.target)].map(([target, group]) =>
      hit(
        target,
        text(
          `${named(graph, target)} is reached from the Internet with internal protocols: ${list(group.map((e) => describeExposure(e, false)))}${publicationNotes(group, false)}.`,
          `${named(graph, target)} est atteint depuis Internet par des protocoles internes : ${list(group.map((e) => describeExposure(e, true)))}${publicationNotes(group, true)}.`,
        ),
        {
          likelihood: lowerWhen(4, isRestrictedToKnownSources(group)),
          related: unique(group.flatMap((e) => (e.flow ? [e.flow.id, ...(e.flow.via ?? [])] : []))),
        },
      ),
    );
  },
};
