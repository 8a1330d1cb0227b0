import type {
  AssetKind,
  Authentication,
  Encryption,
  Protocol,
  ZoneKind,
} from '../../domain/model/index.js';

/**
 * Threagile technologies (technologies.yaml, names and aliases) → Vigie asset kinds.
 * Threagile describes software components; Vigie kinds are coarser, so several technologies
 * share a kind. The technology name is kept as a tag (`threagile:<technology>`).
 */
export const TECHNOLOGY_KINDS: Readonly<Record<string, AssetKind>> = {
  'client-system': 'workstation',
  browser: 'workstation',
  desktop: 'workstation',
  'devops-client': 'workstation',
  'mobile-app': 'mobile',
  'web-server': 'web-application',
  'web-application': 'web-application',
  cms: 'web-application',
  'web-service-rest': 'web-application',
  'web-service-soap': 'web-application',
  'application-server': 'application',
  erp: 'application',
  ejb: 'application',
  'build-pipeline': 'application',
  'sourcecode-repository': 'application',
  'artifact-registry': 'application',
  'code-inspection-platform': 'application',
  'report-engine': 'application',
  'search-engine': 'application',
  ai: 'application',
  tool: 'application',
  cli: 'application',
  library: 'application',
  mainframe: 'server',
  'batch-processing': 'service',
  'event-listener': 'service',
  function: 'service',
  task: 'service',
  scheduler: 'service',
  'message-queue': 'service',
  'stream-processing': 'service',
  'service-mesh': 'service',
  'service-registry': 'service',
  vault: 'service',
  database: 'database',
  'identity-store-database': 'database',
  'search-index': 'database',
  'data-lake': 'database',
  'big-data-platform': 'database',
  'file-server': 'file-server',
  'local-file-system': 'file-server',
  'block-storage': 'storage',
  'reverse-proxy': 'reverse-proxy',
  waf: 'reverse-proxy',
  'load-balancer': 'load-balancer',
  gateway: 'proxy',
  ids: 'ids',
  ips: 'ids',
  monitoring: 'siem',
  'identity-provider': 'directory',
  'ldap-server': 'directory',
  'identity-store-ldap': 'directory',
  'mail-server': 'mail-server',
  'iot-device': 'iot',
  'container-platform': 'hypervisor',
  hsm: 'other',
  'unknown-technology': 'other',
};

/** Aliases of technologies.yaml, to their names. */
export const TECHNOLOGY_ALIASES: Readonly<Record<string, string>> = {
  'artificial-intelligence': 'ai',
  'machine-learning': 'ai',
  'deep-learning': 'ai',
  'neural-network': 'ai',
  ml: 'ai',
  dl: 'ai',
  'app-server': 'application-server',
  'big-data': 'big-data-platform',
  san: 'block-storage',
  'web-browser': 'browser',
  ci: 'build-pipeline',
  'continuous-integration': 'build-pipeline',
  client: 'client-system',
  'command-line': 'cli',
  'command-line-tool': 'cli',
  'command-line-interface': 'cli',
  'content-management-system': 'cms',
  'code-inspection': 'code-inspection-platform',
  'code-analysis': 'code-inspection-platform',
  container: 'container-platform',
  docker: 'container-platform',
  kubernetes: 'container-platform',
  db: 'database',
  'desktop-system': 'desktop',
  'enterprise-java-beans': 'ejb',
  'enterprise-resource-planning': 'erp',
  'file-storage': 'file-server',
  'hardware-security-module': 'hsm',
  idp: 'identity-provider',
  'identity-store': 'identity-store-database',
  'intrusion-detection-system': 'ids',
  iot: 'iot-device',
  'intrusion-prevention-system': 'ips',
  ldap: 'ldap-server',
  lb: 'load-balancer',
  'local-storage': 'local-file-system',
  'email-server': 'mail-server',
  mq: 'message-queue',
  siem: 'monitoring',
  reporting: 'report-engine',
  cron: 'scheduler',
  'service-discovery': 'service-registry',
  git: 'sourcecode-repository',
  job: 'task',
  utility: 'tool',
  unknown: 'unknown-technology',
  'hashicorp-vault': 'vault',
  'web-application-firewall': 'waf',
  'web-app': 'web-application',
  'rest-api': 'web-service-rest',
  'soap-api': 'web-service-soap',
};

/** A Vigie protocol, its usual port (when there is one) and the encryption it implies. */
export interface ProtocolMapping {
  readonly protocol: Protocol;
  readonly port?: number;
  readonly encryption: Encryption;
  /** Not a network flow (in-process call, local file access…): kept as `other`, reported. */
  readonly local?: boolean;
}

const p = (protocol: Protocol, encryption: Encryption, port?: number): ProtocolMapping =>
  port === undefined ? { protocol, encryption } : { protocol, encryption, port };
const local: ProtocolMapping = { protocol: 'other', encryption: 'none', local: true };

/**
 * Threagile link protocols → Vigie. `*-encrypted` variants without a named mechanism become
 * `tls` for web/database/mail protocols and `proprietary` for binary and SMB encryption.
 */
export const PROTOCOLS: Readonly<Record<string, ProtocolMapping>> = {
  http: p('http', 'none', 80),
  https: p('https', 'tls', 443),
  ws: p('http', 'none', 80),
  wss: p('https', 'tls', 443),
  'reverse-proxy-web-protocol': p('http', 'none', 80),
  'reverse-proxy-web-protocol-encrypted': p('https', 'tls', 443),
  mqtt: p('mqtt', 'none', 1883),
  jdbc: p('sql', 'none'),
  'jdbc-encrypted': p('sql', 'tls'),
  odbc: p('sql', 'none'),
  'odbc-encrypted': p('sql', 'tls'),
  'sql-access-protocol': p('sql', 'none'),
  'sql-access-protocol-encrypted': p('sql', 'tls'),
  'nosql-access-protocol': p('other', 'none'),
  'nosql-access-protocol-encrypted': p('other', 'tls'),
  binary: p('other', 'none'),
  'binary-encrypted': p('other', 'proprietary'),
  text: p('other', 'none'),
  'text-encrypted': p('other', 'proprietary'),
  ssh: p('ssh', 'ssh', 22),
  'ssh-tunnel': p('ssh', 'ssh', 22),
  smtp: p('smtp', 'none', 25),
  'smtp-encrypted': p('smtps', 'tls', 465),
  pop3: p('pop3', 'none', 110),
  'pop3-encrypted': p('pop3', 'tls', 995),
  imap: p('imap', 'none', 143),
  'imap-encrypted': p('imaps', 'tls', 993),
  ftp: p('ftp', 'none', 21),
  ftps: p('ftps', 'tls', 990),
  sftp: p('sftp', 'ssh', 22),
  scp: p('sftp', 'ssh', 22),
  ldap: p('ldap', 'none', 389),
  ldaps: p('ldaps', 'tls', 636),
  jms: p('other', 'none'),
  nfs: p('nfs', 'none', 2049),
  smb: p('smb', 'none', 445),
  'smb-encrypted': p('smb', 'proprietary', 445),
  nrpe: p('other', 'none', 5666),
  xmpp: p('other', 'none', 5222),
  iiop: p('rpc', 'none'),
  'iiop-encrypted': p('rpc', 'tls'),
  jrmp: p('rpc', 'none'),
  'jrmp-encrypted': p('rpc', 'tls'),
  'local-file-access': local,
  'in-process-library-call': local,
  'inter-process-communication': local,
  'container-spawning': local,
};

/** Threagile link authentication → Vigie (a session id or externalised login is a token). */
export const AUTHENTICATION: Readonly<Record<string, Authentication>> = {
  none: 'none',
  credentials: 'password',
  'session-id': 'token',
  token: 'token',
  'client-certificate': 'certificate',
  'two-factor': 'mfa',
  externalized: 'token',
};

/**
 * Threagile trust-boundary types → Vigie zone kinds. A cloud provider network is a cloud zone;
 * an on-premises network holds servers; the others (hoster, VLAN, security group, namespace,
 * execution environment) say nothing about what the zone is for, so they become `other` —
 * except that a boundary whose id or title says "dmz" becomes a DMZ.
 */
export const BOUNDARY_KINDS: Readonly<Record<string, ZoneKind>> = {
  'network-cloud-provider': 'cloud',
  'network-on-prem': 'server',
  'network-dedicated-hoster': 'other',
  'network-virtual-lan': 'other',
  'network-cloud-security-group': 'other',
  'network-policy-namespace-isolation': 'other',
  'execution-environment': 'other',
};

/**
 * Threagile rates confidentiality on five levels and integrity/availability on five others;
 * Vigie's DICP needs have four (1 low, 2 moderate, 3 high, 4 critical), as in EBIOS RM.
 * - Confidentiality: `public` harms no one if disclosed (1); `internal` and `restricted` are both
 *   non-public data whose disclosure causes limited harm (2); `confidential` causes serious harm
 *   (3); `strictly-confidential` is the top of both scales (4).
 * - Integrity/availability: `archive` data is barely needed (1), `operational` data is needed for
 *   normal work (2), `important` is a high need (3); `critical` and `mission-critical` both mean
 *   the business cannot run without it, Vigie's top level (4).
 */
export const CONFIDENTIALITY_LEVELS: Readonly<Record<string, 1 | 2 | 3 | 4>> = {
  public: 1,
  internal: 2,
  restricted: 2,
  confidential: 3,
  'strictly-confidential': 4,
};

export const CRITICALITY_LEVELS: Readonly<Record<string, 1 | 2 | 3 | 4>> = {
  archive: 1,
  operational: 2,
  important: 3,
  critical: 4,
  'mission-critical': 4,
};

/** Threagile confidentiality → Vigie data classification (`strictly-confidential` is `secret`). */
export const CLASSIFICATIONS = {
  public: 'public',
  internal: 'internal',
  restricted: 'restricted',
  confidential: 'confidential',
  'strictly-confidential': 'secret',
} as const;

/** Risk-tracking statuses that are Vigie decisions; the others (unchecked, in progress…) are not. */
export const DECISION_STATUSES = {
  accepted: 'accepted',
  mitigated: 'mitigated',
  'false-positive': 'false-positive',
} as const;
