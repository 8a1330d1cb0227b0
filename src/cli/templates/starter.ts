import type { Locale } from '../../i18n/index.js';

const FR = `# yaml-language-server: $schema=./vigie-model.schema.json
# Modèle Vigie de votre système d'information : complétez-le, puis lancez
#   npx vigie validate .
# Un répertoire de fichiers YAML est fusionné en un seul modèle : vous pouvez
# séparer zones, actifs, flux… dans plusieurs fichiers.

organisation:
  name: Mon organisation          # raison sociale
  sector: Industrie                # secteur d'activité
  employees: 50
  country: FR
  locale: fr
  regulatory:
    gdpr: controller               # responsable de traitement (RGPD)
    nis2: none                     # essential | important | none

sites:
  - id: siege                      # identifiants en kebab-case, uniques dans tout le modèle
    name: Siège
    kind: head-office

zones:
  - id: internet
    kind: internet
  - id: lan-bureautique
    name: Réseau bureautique
    kind: user
    site: siege
    subnets: [192.168.10.0/24]
    vlans: [10]
  - id: lan-serveurs
    name: Réseau serveurs
    kind: server
    site: siege
    subnets: [192.168.20.0/24]

assets:
  - id: pare-feu
    name: Pare-feu périmétrique
    kind: firewall
    zone: lan-serveurs
    addresses: [192.168.20.1]
  - id: srv-fichiers
    name: Serveur de fichiers
    kind: file-server
    zone: lan-serveurs
    addresses: [192.168.20.10]
    os: { name: Windows Server, version: "2022", supportEnd: 2031-10-14 }
    services:
      - { port: 445, transport: tcp, protocol: smb }
    logging:
      sources: [windows-security]
  - id: postes-bureautique
    name: Postes de travail
    kind: workstation
    count: 40                      # une flotte décrite une seule fois
    zone: lan-bureautique

data:
  - id: documents-internes
    name: Documents internes
    classification: internal
    needs: { availability: 2, integrity: 2, confidentiality: 2, proof: 1 }   # DICP de 1 à 4
    storedOn: [srv-fichiers]

flows:
  - id: postes-vers-fichiers
    from: postes-bureautique
    to: srv-fichiers
    protocol: smb
    port: 445
    encryption: none
    via: [pare-feu]
    data: [documents-internes]

processes:
  - id: gestion-administrative
    name: Gestion administrative
    needs: { availability: 2, integrity: 3, confidentiality: 2, proof: 2 }
    rto: 1d                        # durée maximale de reprise
    rpo: 1d                        # perte de données maximale admissible
    mtpd: 1w                       # durée maximale d'interruption admissible
    assets: [srv-fichiers]
    data: [documents-internes]

backups:
  - id: sauvegarde-fichiers
    protects: [srv-fichiers]
    frequency: 1d
    retention: 30d
    offline: true
`;

const EN = `# yaml-language-server: $schema=./vigie-model.schema.json
# Vigie model of your information system: fill it in, then run
#   npx vigie validate .
# A directory of YAML files is merged into one model: you may split zones,
# assets, flows… into several files.

organisation:
  name: My organisation
  sector: Manufacturing
  employees: 50
  country: FR
  locale: en
  regulatory:
    gdpr: controller               # GDPR data controller
    nis2: none                     # essential | important | none

sites:
  - id: head-office                # kebab-case ids, unique across the whole model
    name: Head office
    kind: head-office

zones:
  - id: internet
    kind: internet
  - id: office-lan
    name: Office network
    kind: user
    site: head-office
    subnets: [192.168.10.0/24]
    vlans: [10]
  - id: server-lan
    name: Server network
    kind: server
    site: head-office
    subnets: [192.168.20.0/24]

assets:
  - id: firewall
    name: Perimeter firewall
    kind: firewall
    zone: server-lan
    addresses: [192.168.20.1]
  - id: file-server
    name: File server
    kind: file-server
    zone: server-lan
    addresses: [192.168.20.10]
    os: { name: Windows Server, version: "2022", supportEnd: 2031-10-14 }
    services:
      - { port: 445, transport: tcp, protocol: smb }
    logging:
      sources: [windows-security]
  - id: office-workstations
    name: Workstations
    kind: workstation
    count: 40                      # a fleet described once
    zone: office-lan

data:
  - id: internal-documents
    name: Internal documents
    classification: internal
    needs: { availability: 2, integrity: 2, confidentiality: 2, proof: 1 }   # DICP from 1 to 4
    storedOn: [file-server]

flows:
  - id: workstations-to-files
    from: office-workstations
    to: file-server
    protocol: smb
    port: 445
    encryption: none
    via: [firewall]
    data: [internal-documents]

processes:
  - id: administration
    name: Administration
    needs: { availability: 2, integrity: 3, confidentiality: 2, proof: 2 }
    rto: 1d                        # recovery time objective
    rpo: 1d                        # recovery point objective
    mtpd: 1w                       # maximum tolerable period of disruption
    assets: [file-server]
    data: [internal-documents]

backups:
  - id: file-backup
    protects: [file-server]
    frequency: 1d
    retention: 30d
    offline: true
`;

/** A commented starter model in the user's language. */
export function starterModel(locale: Locale): string {
  return locale === 'fr' ? FR : EN;
}
