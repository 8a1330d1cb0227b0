/**
 * Which column holds what: header names recognised in French and English (accents, case and
 * punctuation ignored), the words of asset types, zone types and protocols people write in an
 * inventory, and the layout of a flow table (a list with a source and a destination column, or a
 * matrix: sources down the first column, destinations across the first row).
 */
import { ASSET_KINDS, type AssetKind } from '../../domain/model/asset.js';
import {
  PROTOCOL_REGISTRY,
  PROTOCOLS,
  protocolOfPort as registryProtocolOfPort,
  type Protocol,
} from '../../domain/model/protocol.js';
import type { ZoneKind } from '../../domain/model/zone.js';
import type { Table } from './csv.js';
import { normalise } from './ids.js';

export const ASSET_FIELDS = [
  'id',
  'name',
  'kind',
  'zone',
  'site',
  'addresses',
  'hostname',
  'os',
  'osVersion',
  'count',
  'description',
] as const;
export type AssetField = (typeof ASSET_FIELDS)[number];

export const FLOW_FIELDS = ['from', 'to', 'protocol', 'port', 'transport', 'purpose'] as const;
export type FlowField = (typeof FLOW_FIELDS)[number];

/** Column indexes (0-based) by field; a field absent is not imported. */
export type Columns<F extends string> = Partial<Record<F, number>>;

export interface AssetMapping {
  /** 0-based index of the header row; data starts on the next row. */
  readonly headerRow: number;
  readonly columns: Columns<AssetField>;
}

export type FlowMapping =
  | { readonly layout: 'matrix'; readonly headerRow: number }
  | { readonly layout: 'list'; readonly headerRow: number; readonly columns: Columns<FlowField> };

const ASSET_HEADERS: Readonly<Record<AssetField, readonly string[]>> = {
  id: ['id', 'identifiant', 'identifier', 'ref', 'reference', 'code', 'assetid'],
  name: [
    'nom',
    'name',
    'libelle',
    'designation',
    'equipement',
    'actif',
    'asset',
    'assetname',
    'nomactif',
    'nomequipement',
    'machine',
    'materiel',
  ],
  kind: ['type', 'kind', 'categorie', 'category', 'typeactif', 'typedactif', 'assettype', 'nature'],
  zone: ['zone', 'reseau', 'network', 'segment', 'zonereseau', 'networkzone', 'vlanzone'],
  site: ['site', 'lieu', 'location', 'batiment', 'building', 'localisation', 'emplacement'],
  addresses: [
    'ip',
    'ips',
    'adresseip',
    'adressesip',
    'adresseips',
    'ipaddress',
    'ipaddresses',
    'addresses',
    'address',
    'adresse',
    'adresses',
    'ipv4',
  ],
  hostname: ['hostname', 'hote', 'nomhote', 'nomdhote', 'fqdn', 'dns', 'nomdns', 'host'],
  os: [
    'os',
    'systeme',
    'systemeexploitation',
    'systemedexploitation',
    'operatingsystem',
    'se',
    'osname',
  ],
  osVersion: ['version', 'versionos', 'osversion', 'versionsysteme', 'versiondusysteme'],
  count: ['nombre', 'quantite', 'count', 'quantity', 'qte', 'nb'],
  description: ['description', 'commentaire', 'commentaires', 'comment', 'remarques', 'notes'],
};

const FLOW_HEADERS: Readonly<Record<FlowField, readonly string[]>> = {
  from: ['source', 'de', 'origine', 'from', 'depuis', 'emetteur', 'initiateur', 'client'],
  to: ['destination', 'vers', 'cible', 'to', 'target', 'dest', 'serveur', 'server'],
  protocol: ['protocole', 'protocol', 'service', 'application', 'proto'],
  port: ['port', 'ports', 'portdestination', 'destinationport'],
  transport: ['transport', 'couche', 'tcpudp', 'layer4'],
  purpose: ['objet', 'motif', 'purpose', 'usage', 'description', 'raison', 'commentaire'],
};

function detect<F extends string>(
  header: readonly string[],
  synonyms: Readonly<Record<F, readonly string[]>>,
): Columns<F> {
  const columns: Columns<F> = {};
  const taken = new Set<number>();
  const fields = Object.keys(synonyms) as F[];
  // Exact matches first, then headers that start with a synonym ("Adresse IP (LAN)").
  for (const exact of [true, false]) {
    for (const field of fields) {
      if (columns[field] !== undefined) continue;
      const index = header.findIndex((cell, i) => {
        if (taken.has(i)) return false;
        const h = normalise(cell);
        return synonyms[field].some((s) => (exact ? h === s : s.length >= 3 && h.startsWith(s)));
      });
      if (index >= 0) {
        columns[field] = index;
        taken.add(index);
      }
    }
  }
  return columns;
}

/** The first row that names at least two known fields (or the first non-empty row). */
function headerRowOf<F extends string>(
  table: Table,
  synonyms: Readonly<Record<F, readonly string[]>>,
): { row: number; columns: Columns<F> } {
  let firstNonEmpty = -1;
  for (let r = 0; r < Math.min(table.rows.length, 20); r++) {
    const row = table.rows[r] ?? [];
    if (row.every((c) => c === '')) continue;
    if (firstNonEmpty < 0) firstNonEmpty = r;
    const columns = detect(row, synonyms);
    if (Object.keys(columns).length >= 2) return { row: r, columns };
  }
  return { row: Math.max(0, firstNonEmpty), columns: {} };
}

/** The asset columns found in a table's header row. */
export function detectAssetMapping(table: Table): AssetMapping {
  const { row, columns } = headerRowOf(table, ASSET_HEADERS);
  return { headerRow: row, columns };
}

/**
 * A flow table's layout: a list when a source and a destination column are found, else a
 * matrix (its first row names destinations, its first column sources).
 */
export function detectFlowMapping(table: Table): FlowMapping {
  const { row, columns } = headerRowOf(table, FLOW_HEADERS);
  if (columns.from !== undefined && columns.to !== undefined) {
    return { layout: 'list', headerRow: row, columns };
  }
  let first = 0;
  while (first < table.rows.length && (table.rows[first] ?? []).every((c) => c === '')) first++;
  return { layout: 'matrix', headerRow: first };
}

/** True when the table looks like a flow table rather than an asset list. */
export function looksLikeFlows(table: Table): boolean {
  const flows = detectFlowMapping(table);
  if (flows.layout === 'list') return true;
  const assets = detectAssetMapping(table);
  if (Object.keys(assets.columns).length >= 2) return false;
  // A matrix: an empty or "source \ destination" corner cell.
  const corner = normalise(table.rows[flows.headerRow]?.[0] ?? '');
  return corner === '' || corner.includes('source') || corner.includes('de');
}

const KIND_WORDS: readonly (readonly [AssetKind, readonly string[]])[] = [
  ['virtual-machine', ['vm', 'machinevirtuelle', 'virtualmachine', 'serveurvirtuel']],
  ['hypervisor', ['hyperviseur', 'esx', 'esxi', 'hyperv', 'proxmox']],
  ['admin-workstation', ['posteadmin', 'postedadministration', 'adminworkstation', 'paw']],
  ['engineering-workstation', ['posteingenierie', 'stationingenierie', 'ews']],
  ['workstation', ['poste', 'postedetravail', 'pc', 'desktop', 'fixe', 'postefixe']],
  ['laptop', ['portable', 'ordinateurportable', 'notebook']],
  ['mobile', ['smartphone', 'telephone', 'tablette', 'tablet', 'mobile', 'phone']],
  ['printer', ['imprimante', 'copieur', 'mfp', 'multifonction']],
  ['firewall', ['parefeu', 'firewall', 'fw', 'utm']],
  ['router', ['routeur', 'router', 'box', 'boxinternet']],
  ['switch', ['commutateur', 'switch']],
  ['vpn-gateway', ['vpn', 'passerellevpn', 'vpngateway']],
  ['wifi-ap', ['borne', 'bornewifi', 'pointdacces', 'ap', 'accesspoint', 'wifi']],
  ['wifi-controller', ['controleurwifi', 'wlc']],
  ['reverse-proxy', ['reverseproxy', 'proxyinverse']],
  ['directory', ['annuaire', 'ad', 'activedirectory', 'controleurdedomaine', 'dc', 'ldap']],
  ['database', ['basededonnees', 'bdd', 'db', 'sgbd', 'sqlserver', 'base']],
  ['file-server', ['serveurdefichiers', 'fileserver', 'partage', 'nas']],
  ['mail-server', ['serveurmail', 'messagerie', 'mailserver', 'exchange']],
  ['backup-server', ['serveurdesauvegarde', 'sauvegarde', 'backup', 'backupserver']],
  ['storage', ['stockage', 'baie', 'san', 'storage']],
  ['web-application', ['siteweb', 'applicationweb', 'webapp', 'intranet', 'extranet']],
  ['application', ['application', 'appli', 'logiciel', 'erp', 'crm']],
  ['saas', ['saas', 'cloud', 'nuage', 'm365', 'office365']],
  ['camera', ['camera', 'videosurveillance', 'cctv']],
  [
    'imaging-modality',
    ['modalite', 'tomodensitometre', 'scannermedical', 'irm', 'mri', 'echographe', 'mammographe'],
  ],
  [
    'medical-device',
    ['dispositifmedical', 'pousseseringue', 'pompeaperfusion', 'moniteurpatient', 'respirateur'],
  ],
  ['payment-terminal', ['tpe', 'terminaldepaiement', 'paymentterminal', 'pos']],
  ['iot', ['iot', 'objetconnecte', 'capteur', 'sensor', 'gtb', 'gtc']],
  ['plc', ['automate', 'api', 'plc', 'automateprogrammable']],
  ['hmi', ['ihm', 'pupitre', 'hmi', 'ecrantactile']],
  ['scada', ['supervision', 'scada']],
  ['historian', ['historian', 'historique']],
  ['server', ['serveur', 'server', 'srv', 'serveurphysique']],
];

/** The asset type a cell names (schema values, French and English words), or undefined. */
export function assetKindOf(value: string): AssetKind | undefined {
  const raw = value.trim().toLowerCase();
  if ((ASSET_KINDS as readonly string[]).includes(raw)) return raw as AssetKind;
  const n = normalise(value);
  if (n === '') return undefined;
  for (const [kind, words] of KIND_WORDS) if (words.includes(n)) return kind;
  for (const [kind, words] of KIND_WORDS) {
    if (words.some((w) => w.length >= 4 && n.startsWith(w))) return kind;
  }
  return undefined;
}

const ZONE_WORDS: readonly (readonly [ZoneKind, readonly string[]])[] = [
  ['internet', ['internet', 'wan', 'exterieur']],
  ['dmz', ['dmz', 'zonedemilitarisee']],
  ['guest-wifi', ['wifiinvite', 'wifiinvites', 'invite', 'invites', 'guest', 'guestwifi']],
  ['wifi', ['wifi', 'wlan']],
  ['admin', ['admin', 'administration', 'management', 'mgmt', 'gestion']],
  ['ot', ['ot', 'industriel', 'indus', 'automates', 'automatisme', 'production', 'scada']],
  ['server', ['serveur', 'serveurs', 'server', 'servers', 'datacenter', 'salleserveur']],
  ['cloud', ['cloud', 'nuage', 'saas', 'azure', 'aws']],
  ['partner', ['partenaire', 'partenaires', 'partner', 'tiers', 'fournisseur']],
  ['remote-access', ['nomade', 'nomades', 'teletravail', 'remote', 'vpn', 'distant']],
  ['user', ['lan', 'bureautique', 'utilisateurs', 'users', 'postes', 'office', 'user']],
  ['biomedical', ['biomedical', 'biomed', 'medical', 'dispositifsmedicaux']],
  ['iot', ['iot', 'objetsconnectes', 'gtb', 'gtc', 'batiment', 'building']],
];

/** A zone type guessed from the zone's name (`other` when nothing matches). */
export function zoneKindOf(name: string): ZoneKind {
  const n = normalise(name);
  for (const [kind, words] of ZONE_WORDS) if (words.includes(n)) return kind;
  const parts = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((p) => p !== '');
  for (const [kind, words] of ZONE_WORDS) if (parts.some((p) => words.includes(p))) return kind;
  for (const [kind, words] of ZONE_WORDS) {
    if (words.some((w) => w.length >= 5 && n.includes(w))) return kind;
  }
  return 'other';
}

const PROTOCOL_WORDS: Readonly<Record<string, Protocol>> = {
  web: 'https',
  tls: 'https',
  ssl: 'https',
  sqlserver: 'mssql',
  mssql: 'mssql',
  postgres: 'postgresql',
  cifs: 'smb',
  partage: 'smb',
  samba: 'smb',
  mail: 'smtp',
  opcua: 'opc-ua',
  opcda: 'opc-da',
  ethernetip: 'ethernet-ip',
  enip: 'ethernet-ip',
  terminalserver: 'rdp',
  bureauadistance: 'rdp',
  ping: 'icmp',
  sauvegarde: 'backup',
  veeam: 'backup',
  modbustcp: 'modbus',
  s7comm: 's7',
};

/** Ports whose usual protocol the registry does not give first (FTP data, IEC 104 on 2404…). */
const PORT_OVERRIDES: Readonly<Record<number, Protocol>> = { 20: 'ftp' };

/** The protocol a word names (schema values, common names), or undefined. */
export function protocolOf(value: string): Protocol | undefined {
  const raw = value.trim().toLowerCase();
  if ((PROTOCOLS as readonly string[]).includes(raw)) return raw as Protocol;
  const n = normalise(value);
  return (
    PROTOCOL_WORDS[n] ??
    ((PROTOCOLS as readonly string[]).find((p) => normalise(p) === n) as Protocol | undefined)
  );
}

/** The protocol usually behind a port: the registry's default ports (one list for every engine). */
export function protocolOfPort(port: number): Protocol | undefined {
  return PORT_OVERRIDES[port] ?? registryProtocolOfPort(port);
}

/** The transport of a protocol's first default port (TCP when it has none). */
export function defaultTransport(protocol: Protocol): 'tcp' | 'udp' {
  return PROTOCOL_REGISTRY[protocol].ports[0]?.transport ?? 'tcp';
}

/** The usual port of a protocol (the first well-known one), for a cell that names no port. */
export function defaultPort(protocol: Protocol): number | undefined {
  return PROTOCOL_REGISTRY[protocol].ports[0]?.port;
}
