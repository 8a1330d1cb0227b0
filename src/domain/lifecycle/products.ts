/*
 * How users name the products of the lifecycle table: aliases (in the normalised form of
 * normalise.ts: lower case, no accents, words split on spaces, dashes and punctuation) and the
 * few product-specific numbering rules (SQL Server years, SLES service packs, Windows LTSC years).
 */

/** How a product of the table is recognised in a free-text name. */
export interface ProductNaming {
  /** Word sequences the name starts with; the longest alias over all products wins. */
  readonly aliases: readonly string[];
  /** Ambiguous short aliases, accepted only when the version follows at once (`Apache 2.4`). */
  readonly strictAliases?: readonly string[];
  /** The version's main number must equal a cycle's (`Windows 10` is never cycle `1` nor `10.1`). */
  readonly exactMain?: boolean;
  /** Words naming another product sold under the same name (`CentOS Stream 8`). */
  readonly reject?: readonly string[];
  /** Rewrites the normalised version text into the table's numbering. */
  readonly rewrite?: (text: string) => string;
  /** Hands the name over to another product (`Windows 2019` is Windows Server 2019). */
  readonly redirect?: (words: readonly string[]) => string | undefined;
}

const SQL_SERVER_YEARS: Readonly<Record<string, string>> = {
  '2025': '17.0',
  '2022': '16.0',
  '2019': '15.0',
  '2017': '14.0',
  '2016': '13.0',
  '2014': '12.0',
  '2012': '11.0',
  '2008': '10.0',
  '2005': '9.0',
  '2000': '8.0',
};

/** Windows 10/11 LTSB/LTSC releases are named by year; the table by feature update. */
const WINDOWS_LTSC_YEARS: Readonly<Record<string, string>> = {
  '2015': '1507',
  '2016': '1607',
  '2019': '1809',
  '2021': '21h2',
  '2024': '24h2',
};
const WINDOWS_SERVER_YEARS = new Set(['2003', '2008', '2012', '2016', '2019', '2022', '2025']);

/** Windows NT version (major.minor.build), as inventories (AD, SCCM) report it → release. */
const WINDOWS_BUILDS: Readonly<Record<string, string>> = {
  '5.1.2600': 'xp',
  '6.0.6002': 'vista sp2',
  '6.1.7600': '7',
  '6.1.7601': '7 sp1',
  '6.2.9200': '8',
  '6.3.9600': '8.1',
  '10.0.10240': '10 1507',
  '10.0.10586': '10 1511',
  '10.0.14393': '10 1607',
  '10.0.15063': '10 1703',
  '10.0.16299': '10 1709',
  '10.0.17134': '10 1803',
  '10.0.17763': '10 1809',
  '10.0.18362': '10 1903',
  '10.0.18363': '10 1909',
  '10.0.19041': '10 2004',
  '10.0.19042': '10 20h2',
  '10.0.19043': '10 21h1',
  '10.0.19044': '10 21h2',
  '10.0.19045': '10 22h2',
  '10.0.22000': '11 21h2',
  '10.0.22621': '11 22h2',
  '10.0.22631': '11 23h2',
  '10.0.26100': '11 24h2',
  '10.0.26200': '11 25h2',
};
const WINDOWS_SERVER_BUILDS: Readonly<Record<string, string>> = {
  '5.2.3790': '2003',
  '6.0.6002': '2008 sp2',
  '6.1.7601': '2008 r2 sp1',
  '6.2.9200': '2012',
  '6.3.9600': '2012 r2',
  '10.0.14393': '2016',
  '10.0.17763': '2019',
  '10.0.20348': '2022',
  '10.0.26100': '2025',
};

/** `10.0.19045`, `10.0 19045` (AD's "10.0 (19045)"), `6.1.7601.24546` → the release's name. */
const rewriteBuild = (text: string, builds: Readonly<Record<string, string>>): string =>
  text.replace(
    /\b(\d+\.\d+)[. ](\d{4,5})(?:\.\d+)?\b/,
    (all: string, nt: string, build: string) => builds[`${nt}.${build}`] ?? all,
  );

function rewriteWindows(text: string): string {
  const named = rewriteBuild(text, WINDOWS_BUILDS)
    .replace(/\bxp\b/, '5')
    .replace(/\bvista\b/, '6')
    .replace(/\bmillennium\b/, 'me');
  if (!/\blts[bc]?\b/.test(named)) return named;
  return named.replace(/\b(20\d\d)\b/, (year: string) => WINDOWS_LTSC_YEARS[year] ?? year);
}

/** Product id → naming. Every id is either in endoflife-data.ts or in supplement.ts. */
export const PRODUCT_NAMING: Readonly<Record<string, ProductNaming>> = {
  almalinux: { aliases: ['almalinux', 'alma linux', 'almalinux os'], strictAliases: ['alma'] },
  'alpine-linux': { aliases: ['alpine linux', 'alpine'] },
  'apache-http-server': {
    aliases: ['apache http server', 'apache httpd', 'httpd', 'apache2', 'apache web server'],
    strictAliases: ['apache'],
  },
  centos: { aliases: ['centos', 'centos linux'], reject: ['stream'] },
  'cisco-ios-xe': { aliases: ['cisco ios xe', 'ios xe', 'iosxe'] },
  confluence: { aliases: ['confluence', 'atlassian confluence'] },
  debian: { aliases: ['debian', 'debian gnu linux'] },
  'docker-engine': {
    aliases: ['docker engine', 'docker ce', 'docker ee'],
    strictAliases: ['docker'],
    reject: ['desktop'],
  },
  dotnet: { aliases: ['.net', 'dotnet', 'microsoft .net', '.net core', 'microsoft .net core'] },
  dotnetfx: {
    aliases: ['.net framework', 'microsoft .net framework', 'dotnet framework', 'dotnetfx'],
  },
  drupal: { aliases: ['drupal'] },
  elasticsearch: { aliases: ['elasticsearch', 'elastic search'] },
  exchange: {
    aliases: ['exchange server', 'microsoft exchange', 'microsoft exchange server', 'ms exchange'],
    strictAliases: ['exchange'],
    exactMain: true,
  },
  fortios: { aliases: ['fortios', 'fortinet fortios', 'fortigate', 'fortinet fortigate'] },
  gitlab: { aliases: ['gitlab', 'gitlab ce', 'gitlab ee'] },
  haproxy: { aliases: ['haproxy'] },
  'hyper-v-server': {
    aliases: ['hyper v server', 'microsoft hyper v server', 'hyper v'],
    exactMain: true,
  },
  'internet-explorer': {
    aliases: ['internet explorer', 'microsoft internet explorer', 'windows internet explorer'],
    strictAliases: ['ie', 'msie'],
    exactMain: true,
  },
  keycloak: { aliases: ['keycloak', 'red hat build of keycloak'] },
  kubernetes: { aliases: ['kubernetes', 'k8s'] },
  log4j: { aliases: ['log4j', 'apache log4j', 'log4j2'] },
  macos: { aliases: ['macos', 'mac os x', 'mac os', 'os x', 'osx', 'apple macos'] },
  mariadb: { aliases: ['mariadb', 'mariadb server'] },
  mongodb: { aliases: ['mongodb', 'mongodb server', 'mongodb community server'] },
  moodle: { aliases: ['moodle'] },
  mssqlserver: {
    aliases: [
      'sql server',
      'microsoft sql server',
      'ms sql server',
      'mssql',
      'ms sql',
      'mssql server',
      'sqlserver',
      'mssqlserver',
    ],
    rewrite: (text) =>
      text
        .replace(/\b2008 r2\b/, '10.50')
        .replace(/\b(20\d\d)\b/, (year: string) => SQL_SERVER_YEARS[year] ?? year),
  },
  mysql: { aliases: ['mysql', 'mysql server', 'oracle mysql', 'mysql community server'] },
  nextcloud: { aliases: ['nextcloud', 'nextcloud server'] },
  nginx: { aliases: ['nginx'] },
  nodejs: { aliases: ['node.js', 'nodejs'], strictAliases: ['node'] },
  office: { aliases: ['microsoft office', 'ms office', 'office'], exactMain: true },
  openssl: { aliases: ['openssl'] },
  openvpn: { aliases: ['openvpn'], reject: ['access', 'connect'] },
  opnsense: { aliases: ['opnsense'] },
  'oracle-database': {
    aliases: ['oracle database', 'oracle db', 'oracle rdbms', 'oracle database server'],
    strictAliases: ['oracle'],
    rewrite: (text) => text.replace(/\b(\d+)(?:[gc])? (?:r|release )(\d)\b/, '$1.$2'),
  },
  'oracle-linux': { aliases: ['oracle linux', 'oracle enterprise linux'] },
  'pan-os': { aliases: ['pan os', 'panos', 'palo alto networks pan os', 'palo alto pan os'] },
  php: { aliases: ['php'] },
  postgresql: { aliases: ['postgresql', 'postgres', 'pgsql', 'postgresql server'] },
  powershell: {
    aliases: ['powershell', 'windows powershell', 'microsoft powershell', 'powershell core'],
    strictAliases: ['pwsh'],
  },
  'proxmox-ve': {
    aliases: ['proxmox ve', 'proxmox virtual environment', 'proxmox'],
    strictAliases: ['pve'],
  },
  python: { aliases: ['python', 'cpython'] },
  redis: { aliases: ['redis', 'redis server'] },
  rhel: {
    aliases: [
      'rhel',
      'red hat enterprise linux',
      'redhat enterprise linux',
      'red hat enterprise linux server',
    ],
  },
  'rocky-linux': { aliases: ['rocky linux', 'rockylinux'], strictAliases: ['rocky'] },
  sharepoint: {
    aliases: ['sharepoint', 'sharepoint server', 'microsoft sharepoint', 'ms sharepoint'],
    exactMain: true,
  },
  sles: {
    aliases: ['sles', 'suse linux enterprise server', 'suse linux enterprise'],
    rewrite: (text) => text.replace(/\b(\d+) sp(\d+)\b/, '$1.$2'),
  },
  squid: { aliases: ['squid', 'squid cache'] },
  tomcat: { aliases: ['tomcat', 'apache tomcat'] },
  traefik: { aliases: ['traefik', 'traefik proxy'] },
  ubuntu: { aliases: ['ubuntu', 'ubuntu linux', 'canonical ubuntu'] },
  'veeam-backup-and-replication': {
    aliases: ['veeam backup replication', 'veeam backup and replication', 'veeam b r', 'veeam vbr'],
    strictAliases: ['veeam'],
  },
  'vmware-esxi': { aliases: ['esxi', 'vmware esxi', 'vmware vsphere esxi', 'vsphere esxi'] },
  windows: {
    aliases: ['windows', 'microsoft windows', 'ms windows'],
    strictAliases: ['win'],
    exactMain: true,
    rewrite: rewriteWindows,
    // "Windows 2012 R2", "Windows 2019 Datacenter", "Windows 2000 Server" (but "Windows 10 LTSC 2019")
    redirect: (words) => {
      const first = words.find((word) => /^\d/.test(word));
      return words.includes('server') || (first !== undefined && WINDOWS_SERVER_YEARS.has(first))
        ? 'windows-server'
        : undefined;
    },
  },
  'windows-embedded': {
    aliases: ['windows embedded', 'microsoft windows embedded'],
    exactMain: true,
  },
  'windows-server': {
    aliases: ['windows server', 'microsoft windows server', 'ms windows server', 'win server'],
    exactMain: true,
    rewrite: (text) => rewriteBuild(text, WINDOWS_SERVER_BUILDS),
  },
  wordpress: { aliases: ['wordpress'] },
  zabbix: { aliases: ['zabbix', 'zabbix server'] },
};
