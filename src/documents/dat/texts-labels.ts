/** Names of the model's enumerations (kinds, levels, statuses) as the DAT prints them. */
import type { RuleFamily } from '../../design/rule.js';
import { text, type LocalizedText } from '../../design/text.js';
import type {
  AssetKind,
  CLASSIFICATIONS,
  DECISION_STATUSES,
  IDENTITY_KINDS,
  RESTORE_RESULTS,
  SITE_KINDS,
  TRUST_LEVELS,
  ZoneKind,
} from '../../domain/model/index.js';

type Labels<K extends string> = Readonly<Record<K, LocalizedText>>;

export const ASSET_KIND_LABELS: Labels<AssetKind> = {
  server: text('server', 'serveur'),
  'virtual-machine': text('virtual machine', 'machine virtuelle'),
  hypervisor: text('hypervisor', 'hyperviseur'),
  workstation: text('workstation', 'poste de travail'),
  laptop: text('laptop', 'portable'),
  'admin-workstation': text('admin workstation', 'poste d’administration'),
  mobile: text('mobile device', 'terminal mobile'),
  printer: text('printer', 'imprimante'),
  firewall: text('firewall', 'pare-feu'),
  router: text('router', 'routeur'),
  switch: text('switch', 'commutateur'),
  'vpn-gateway': text('VPN gateway', 'passerelle VPN'),
  'wifi-ap': text('Wi-Fi access point', 'borne Wi-Fi'),
  'wifi-controller': text('Wi-Fi controller', 'contrôleur Wi-Fi'),
  proxy: text('proxy', 'proxy'),
  'reverse-proxy': text('reverse proxy', 'reverse proxy'),
  'load-balancer': text('load balancer', 'répartiteur de charge'),
  ids: text('intrusion detection', 'sonde de détection'),
  siem: text('SIEM', 'SIEM'),
  'log-collector': text('log collector', 'collecteur de journaux'),
  directory: text('directory', 'annuaire'),
  application: text('application', 'application'),
  'web-application': text('web application', 'application web'),
  service: text('service', 'service'),
  database: text('database', 'base de données'),
  'file-server': text('file server', 'serveur de fichiers'),
  'mail-server': text('mail server', 'serveur de messagerie'),
  storage: text('storage', 'stockage'),
  'backup-server': text('backup server', 'serveur de sauvegarde'),
  saas: text('SaaS', 'SaaS'),
  'cloud-service': text('cloud service', 'service en nuage'),
  iot: text('connected device', 'objet connecté'),
  camera: text('camera', 'caméra'),
  'medical-device': text('medical device', 'dispositif médical'),
  'imaging-modality': text('imaging modality', 'modalité d’imagerie'),
  'payment-terminal': text('payment terminal', 'terminal de paiement'),
  other: text('other', 'autre'),
  plc: text('PLC', 'automate'),
  hmi: text('HMI', 'pupitre (IHM)'),
  scada: text('SCADA', 'supervision SCADA'),
  historian: text('historian', 'historian'),
  'engineering-workstation': text('engineering workstation', 'poste d’ingénierie'),
  rtu: text('RTU', 'RTU'),
  'ot-gateway': text('OT gateway', 'passerelle OT'),
  'safety-system': text('safety system', 'système de sécurité'),
};

export const ZONE_KIND_LABELS: Labels<ZoneKind> = {
  internet: text('Internet', 'Internet'),
  dmz: text('DMZ', 'DMZ'),
  user: text('users', 'utilisateurs'),
  server: text('servers', 'serveurs'),
  admin: text('administration', 'administration'),
  ot: text('industrial (OT)', 'industriel (OT)'),
  partner: text('partner', 'partenaire'),
  'guest-wifi': text('guest Wi-Fi', 'Wi-Fi invités'),
  wifi: text('Wi-Fi', 'Wi-Fi'),
  cloud: text('cloud', 'nuage'),
  'remote-access': text('remote access', 'accès distants'),
  biomedical: text('biomedical', 'biomédicale'),
  iot: text('connected devices', 'objets connectés'),
  other: text('other', 'autre'),
};

export const TRUST_LABELS: Labels<(typeof TRUST_LEVELS)[number]> = {
  untrusted: text('untrusted', 'non maîtrisée'),
  low: text('low', 'faible'),
  medium: text('medium', 'moyenne'),
  high: text('high', 'élevée'),
};

export const SITE_KIND_LABELS: Labels<(typeof SITE_KINDS)[number]> = {
  'head-office': text('head office', 'siège'),
  plant: text('plant', 'usine'),
  branch: text('branch', 'agence'),
  datacenter: text('data centre', 'centre de données'),
  warehouse: text('warehouse', 'entrepôt'),
  remote: text('remote', 'distant'),
  other: text('other', 'autre'),
};

export const IDENTITY_KIND_LABELS: Labels<(typeof IDENTITY_KINDS)[number]> = {
  person: text('person', 'personne'),
  group: text('group', 'groupe'),
  'service-account': text('service account', 'compte de service'),
  'third-party': text('third party', 'tiers'),
};

export const CLASSIFICATION_LABELS: Labels<(typeof CLASSIFICATIONS)[number]> = {
  public: text('public', 'public'),
  internal: text('internal', 'interne'),
  restricted: text('restricted', 'restreint'),
  confidential: text('confidential', 'confidentiel'),
  secret: text('secret', 'secret'),
};

export const RESTORE_LABELS: Labels<(typeof RESTORE_RESULTS)[number]> = {
  success: text('success', 'réussi'),
  partial: text('partial', 'partiel'),
  failure: text('failure', 'échec'),
};

export const DECISION_LABELS: Labels<(typeof DECISION_STATUSES)[number]> = {
  accepted: text('accepted', 'accepté'),
  mitigated: text('mitigated', 'réduit'),
  'false-positive': text('false positive', 'faux positif'),
};

export const FAMILY_LABELS: Labels<RuleFamily> = {
  'internet-exposure': text('Internet exposure', 'Exposition Internet'),
  segmentation: text('Segmentation', 'Cloisonnement'),
  'flows-encryption': text('Flow encryption', 'Chiffrement des flux'),
  administration: text('Administration', 'Administration'),
  identities: text('Identities and accounts', 'Identités et comptes'),
  obsolescence: text('Obsolescence', 'Obsolescence'),
  logging: text('Logging and detection', 'Journalisation et détection'),
  'backups-resilience': text('Backups and resilience', 'Sauvegarde et résilience'),
  'it-ot': text('IT/OT separation', 'Cloisonnement IT/OT'),
  'third-party': text('Third parties', 'Tiers'),
  mail: text('Mail', 'Messagerie'),
  wifi: text('Wi-Fi', 'Wi-Fi'),
  cloud: text('Cloud', 'Nuage'),
  governance: text('Governance', 'Gouvernance'),
};
