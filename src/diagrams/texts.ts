/**
 * Every text drawn in a diagram, in English and French: titles, legends, kinds of zones and
 * assets, trust levels. Picked by the provider's locale.
 */
import type { AssetKind, Site, Zone, ZoneKind } from '../domain/model/index.js';
import type { Locale } from '../i18n/index.js';

type SiteKind = NonNullable<Site['kind']>;
type TrustLevel = NonNullable<Zone['trust']>;

export interface Pair {
  readonly en: string;
  readonly fr: string;
}

const pair = (en: string, fr: string): Pair => ({ en, fr });

/** Fills `{name}` placeholders of the chosen language. */
export function say(
  text: Pair,
  locale: Locale,
  values: Readonly<Record<string, string | number>> = {},
): string {
  return text[locale].replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = values[key];
    return value === undefined ? whole : String(value);
  });
}

/** Thousands separated the way each language writes them (narrow no-break space in French). */
export function count(value: number, locale: Locale): string {
  const digits = String(Math.round(value));
  const separator = locale === 'fr' ? '\u202f' : ',';
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** `1 asset`, `1,000 assets`. */
export function assetCount(value: number, locale: Locale): string {
  return value === 1
    ? say(TEXT.oneAsset, locale)
    : say(TEXT.assetsCount, locale, { count: count(value, locale) });
}

export const TEXT = {
  zonesTitle: pair('Zones, assets and flows', 'Zones, actifs et flux'),
  zonesAggregatedTitle: pair('Zones and flows between zones', 'Zones et flux entre zones'),
  siteTitle: pair('{name}: zones, assets and flows', '{name} : zones, actifs et flux'),
  siteAggregatedTitle: pair(
    '{name}: zones and flows between zones',
    '{name} : zones et flux entre zones',
  ),
  zoneTitle: pair('Zone {name}: assets and flows', 'Zone {name} : actifs et flux'),
  zoneAggregatedTitle: pair('Zone {name}: sub-zones and flows', 'Zone {name} : sous-zones et flux'),
  processTitle: pair('Data flows of process {name}', 'Flux de données du processus {name}'),
  processObjectives: pair('RTO {rto}, RPO {rpo}', 'RTO {rto}, RPO {rpo}'),
  notSet: pair('not set', 'non défini'),
  dependsOn: pair('Depends on: {names}', 'Dépend de : {names}'),
  attackTitle: pair('Attack path: {source} → {target}', 'Chemin d’attaque : {source} → {target}'),
  outsideSite: pair('Outside the site', 'Hors du site'),
  outsideZone: pair('Outside the zone', 'Hors de la zone'),
  outsideProcess: pair('Not supporting the process', 'Hors du processus'),
  noZone: pair('Assets without a zone', 'Actifs sans zone'),
  noSite: pair('Outside any site', 'Hors site'),
  site: pair('site', 'site'),
  elsewhere: pair('Rest of the organisation', 'Reste de l’organisation'),
  elsewhereDetail: pair('{sites} sites', '{sites} sites'),
  assetsCount: pair('{count} assets', '{count} actifs'),
  oneAsset: pair('1 asset', '1 actif'),
  internalFlows: pair('{count} internal flows', '{count} flux internes'),
  oneInternalFlow: pair('1 internal flow', '1 flux interne'),
  legendEncrypted: pair('Encrypted flow', 'Flux chiffré'),
  legendClear: pair('Unencrypted or undeclared', 'Non chiffré ou non déclaré'),
  legendSevere: pair('Critical/high finding', 'Constat critique/élevé'),
  legendMedium: pair('Medium finding', 'Constat moyen'),
  legendLow: pair('Low finding', 'Constat faible'),
  legendNone: pair('No open finding', 'Aucun constat ouvert'),
  legendOt: pair('OT asset', 'Actif industriel (OT)'),
  legendExposed: pair('Reachable from the Internet', 'Accessible depuis Internet'),
  legendDot: pair('Asset with open findings', 'Actif avec constats ouverts'),
  legendTrust: pair('Zone trust: ', 'Confiance de zone : '),
  legendCount: pair(
    'Label: number of flows (of which unencrypted)',
    'Étiquette : nombre de flux (dont en clair)',
  ),
  legendData: pair('Label: data carried', 'Étiquette : données transportées'),
  legendProbability: pair(
    'p: probability the step succeeds',
    'p : probabilité de succès de l’étape',
  ),
  source: pair('Threat source', 'Source de menace'),
  target: pair('Target', 'Cible'),
  pathScore: pair('Path probability {score}', 'Probabilité du chemin {score}'),
  zonesAlt: pair(
    '{zones} zones, {assets} assets and {flows} flows ({clear} unencrypted, {severe} concerned by a critical or high finding).',
    '{zones} zones, {assets} actifs et {flows} flux ({clear} non chiffrés, {severe} concernés par un constat critique ou élevé).',
  ),
  zonesAggregatedAlt: pair(
    '{zones} zones holding {assets} assets, drawn without their assets; {links} links stand for {flows} flows between zones ({clear} unencrypted).',
    '{zones} zones regroupant {assets} actifs, dessinées sans leurs actifs ; {links} liens représentent {flows} flux entre zones ({clear} non chiffrés).',
  ),
  processAlt: pair(
    'Process {name}: {assets} supporting assets and {flows} flows between them ({clear} unencrypted); data: {data}.',
    'Processus {name} : {assets} actifs support et {flows} flux entre eux ({clear} non chiffrés) ; données : {data}.',
  ),
  attackAlt: pair(
    'From {source} to {target} in {steps} steps: {chain}. Probability {score}.',
    'De {source} à {target} en {steps} étapes : {chain}. Probabilité {score}.',
  ),
  none: pair('none', 'aucune'),
} as const;

export const SITE_KIND_TEXT: Readonly<Record<SiteKind, Pair>> = {
  'head-office': pair('head office', 'siège'),
  plant: pair('plant', 'usine'),
  branch: pair('branch', 'agence'),
  datacenter: pair('data centre', 'centre de données'),
  warehouse: pair('warehouse', 'entrepôt'),
  remote: pair('remote site', 'site distant'),
  other: pair('other', 'autre'),
};

export const TRUST_TEXT: Readonly<Record<TrustLevel, Pair>> = {
  untrusted: pair('untrusted', 'non fiable'),
  low: pair('low trust', 'confiance faible'),
  medium: pair('medium trust', 'confiance moyenne'),
  high: pair('high trust', 'confiance élevée'),
};

export const TRUST_SHORT: Readonly<Record<TrustLevel, Pair>> = {
  untrusted: pair('untrusted', 'nulle'),
  low: pair('low', 'faible'),
  medium: pair('medium', 'moyenne'),
  high: pair('high', 'élevée'),
};

export const ZONE_KIND_TEXT: Readonly<Record<ZoneKind, Pair>> = {
  internet: pair('Internet', 'Internet'),
  dmz: pair('DMZ', 'DMZ'),
  user: pair('users', 'utilisateurs'),
  server: pair('servers', 'serveurs'),
  admin: pair('administration', 'administration'),
  ot: pair('industrial (OT)', 'industrielle (OT)'),
  partner: pair('partner', 'partenaire'),
  'guest-wifi': pair('guest Wi-Fi', 'Wi-Fi invités'),
  wifi: pair('Wi-Fi', 'Wi-Fi'),
  cloud: pair('cloud', 'nuage'),
  'remote-access': pair('remote access', 'accès distant'),
  biomedical: pair('biomedical', 'biomédical'),
  iot: pair('IoT', 'objets connectés'),
  other: pair('other', 'autre'),
};

export const ASSET_KIND_TEXT: Readonly<Record<AssetKind, Pair>> = {
  server: pair('server', 'serveur'),
  'virtual-machine': pair('virtual machine', 'machine virtuelle'),
  hypervisor: pair('hypervisor', 'hyperviseur'),
  workstation: pair('workstation', 'poste de travail'),
  laptop: pair('laptop', 'portable'),
  'admin-workstation': pair('admin workstation', 'poste d’administration'),
  mobile: pair('mobile', 'mobile'),
  printer: pair('printer', 'imprimante'),
  firewall: pair('firewall', 'pare-feu'),
  router: pair('router', 'routeur'),
  switch: pair('switch', 'commutateur'),
  'vpn-gateway': pair('VPN gateway', 'passerelle VPN'),
  'wifi-ap': pair('Wi-Fi access point', 'borne Wi-Fi'),
  'wifi-controller': pair('Wi-Fi controller', 'contrôleur Wi-Fi'),
  proxy: pair('proxy', 'proxy'),
  'reverse-proxy': pair('reverse proxy', 'proxy inverse'),
  'load-balancer': pair('load balancer', 'répartiteur de charge'),
  ids: pair('IDS', 'sonde IDS'),
  siem: pair('SIEM', 'SIEM'),
  'log-collector': pair('log collector', 'collecteur de journaux'),
  directory: pair('directory', 'annuaire'),
  application: pair('application', 'application'),
  'web-application': pair('web application', 'application web'),
  service: pair('service', 'service'),
  database: pair('database', 'base de données'),
  'file-server': pair('file server', 'serveur de fichiers'),
  'mail-server': pair('mail server', 'serveur de messagerie'),
  storage: pair('storage', 'stockage'),
  'backup-server': pair('backup server', 'serveur de sauvegarde'),
  saas: pair('SaaS', 'SaaS'),
  'cloud-service': pair('cloud service', 'service en nuage'),
  iot: pair('IoT device', 'objet connecté'),
  camera: pair('camera', 'caméra'),
  'medical-device': pair('medical device', 'dispositif médical'),
  'imaging-modality': pair('imaging modality', 'modalité d’imagerie'),
  'payment-terminal': pair('payment terminal', 'terminal de paiement'),
  other: pair('other', 'autre'),
  plc: pair('PLC', 'automate'),
  hmi: pair('HMI', 'pupitre (IHM)'),
  scada: pair('SCADA', 'SCADA'),
  historian: pair('historian', 'historian'),
  'engineering-workstation': pair('engineering workstation', 'poste d’ingénierie'),
  rtu: pair('RTU', 'RTU'),
  'ot-gateway': pair('OT gateway', 'passerelle OT'),
  'safety-system': pair('safety system', 'système de sécurité'),
};
