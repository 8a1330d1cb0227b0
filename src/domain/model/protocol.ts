import { z } from 'zod';

/** How a protocol stands on encryption when a flow does not say. */
export type ProtocolEncryption =
  /** Always encrypted (TLS, SSH, a VPN): a flow is encrypted unless it says `none`. */
  | 'always'
  /** Has an encrypted mode (TLS, SMB 3 encryption, LDAP sealing, OPC UA SignAndEncrypt) that must be declared. */
  | 'optional'
  /** Has no encrypted mode: only a tunnel protects it. */
  | 'never';

/** What a protocol is used for, to group it in rules, documents and forms. */
export type ProtocolFamily =
  | 'web'
  | 'remote-admin'
  | 'remote-support'
  | 'file'
  | 'directory'
  | 'database'
  | 'mail'
  | 'infrastructure'
  | 'messaging'
  | 'voice-video'
  | 'industrial'
  | 'medical'
  | 'building'
  | 'vpn'
  | 'backup'
  | 'other';

export interface ProtocolInfo {
  /** Name as practitioners write it. */
  readonly label: string;
  readonly family: ProtocolFamily;
  /** Default ports with their transport; empty for protocols without ports (ICMP). */
  readonly ports: readonly { readonly port: number; readonly transport: 'tcp' | 'udp' }[];
  readonly encryption: ProtocolEncryption;
  /** Carries credentials or session tokens (what a cleartext flow of it would leak). */
  readonly credentials: boolean;
}

const tcp = (...ports: number[]) => ports.map((port) => ({ port, transport: 'tcp' as const }));
const udp = (...ports: number[]) => ports.map((port) => ({ port, transport: 'udp' as const }));
const entry = (
  label: string,
  family: ProtocolFamily,
  ports: ProtocolInfo['ports'],
  encryption: ProtocolEncryption,
  credentials: boolean,
): ProtocolInfo => ({ label, family, ports, encryption, credentials });

/**
 * The protocol registry: every application protocol a flow or a service may name, with its
 * default ports and what it can do for encryption. Rules, forms, the inventory import and the
 * audit read protocols from here; the lists of `vocabulary.ts` are derived from it.
 */
export const PROTOCOL_REGISTRY = {
  http: entry('HTTP', 'web', tcp(80, 8080), 'never', true),
  https: entry('HTTPS', 'web', tcp(443, 8443), 'always', true),
  ssh: entry('SSH', 'remote-admin', tcp(22), 'always', true),
  telnet: entry('Telnet', 'remote-admin', tcp(23), 'never', true),
  rdp: entry('RDP', 'remote-admin', tcp(3389), 'optional', true),
  vnc: entry('VNC', 'remote-admin', tcp(5900), 'never', true),
  winrm: entry('WinRM', 'remote-admin', tcp(5985, 5986), 'optional', true),
  ica: entry('Citrix ICA/HDX', 'remote-admin', tcp(1494, 2598), 'optional', true),
  teamviewer: entry('TeamViewer', 'remote-support', tcp(5938), 'always', true),
  anydesk: entry('AnyDesk', 'remote-support', tcp(7070), 'always', true),
  smb: entry('SMB', 'file', tcp(445), 'optional', true),
  nfs: entry('NFS', 'file', tcp(2049), 'optional', false),
  ftp: entry('FTP', 'file', tcp(21), 'never', true),
  sftp: entry('SFTP', 'file', tcp(22), 'always', true),
  ftps: entry('FTPS', 'file', tcp(990), 'always', true),
  iscsi: entry('iSCSI', 'file', tcp(3260), 'never', true),
  ldap: entry('LDAP', 'directory', tcp(389), 'optional', true),
  ldaps: entry('LDAPS', 'directory', tcp(636), 'always', true),
  kerberos: entry('Kerberos', 'directory', [...tcp(88), ...udp(88)], 'always', true),
  radius: entry('RADIUS', 'directory', udp(1812, 1813), 'never', true),
  tacacs: entry('TACACS+', 'directory', tcp(49), 'optional', true),
  dns: entry('DNS', 'infrastructure', [...udp(53), ...tcp(53)], 'optional', false),
  dhcp: entry('DHCP', 'infrastructure', udp(67, 68), 'never', false),
  ntp: entry('NTP', 'infrastructure', udp(123), 'never', false),
  snmp: entry('SNMP', 'remote-admin', udp(161, 162), 'optional', true),
  syslog: entry('Syslog', 'infrastructure', [...udp(514), ...tcp(514, 6514)], 'optional', false),
  icmp: entry('ICMP', 'infrastructure', [], 'never', false),
  rpc: entry('MS-RPC', 'infrastructure', tcp(135), 'optional', true),
  smtp: entry('SMTP', 'mail', tcp(25, 587), 'optional', true),
  smtps: entry('SMTPS', 'mail', tcp(465), 'always', true),
  imap: entry('IMAP', 'mail', tcp(143), 'optional', true),
  imaps: entry('IMAPS', 'mail', tcp(993), 'always', true),
  pop3: entry('POP3', 'mail', tcp(110), 'optional', true),
  sql: entry('SQL', 'database', [], 'optional', true),
  mssql: entry('Microsoft SQL Server (TDS)', 'database', tcp(1433), 'optional', true),
  mysql: entry('MySQL / MariaDB', 'database', tcp(3306), 'optional', true),
  postgresql: entry('PostgreSQL', 'database', tcp(5432), 'optional', true),
  oracle: entry('Oracle Net', 'database', tcp(1521), 'optional', true),
  mongodb: entry('MongoDB', 'database', tcp(27017), 'optional', true),
  redis: entry('Redis', 'database', tcp(6379), 'optional', true),
  elasticsearch: entry('Elasticsearch', 'database', tcp(9200), 'optional', true),
  amqp: entry('AMQP', 'messaging', tcp(5672, 5671), 'optional', true),
  kafka: entry('Kafka', 'messaging', tcp(9092), 'optional', true),
  mqtt: entry('MQTT', 'messaging', tcp(1883, 8883), 'optional', true),
  sip: entry('SIP', 'voice-video', [...udp(5060), ...tcp(5060, 5061)], 'optional', true),
  rtsp: entry('RTSP', 'voice-video', tcp(554), 'never', true),
  modbus: entry('Modbus/TCP', 'industrial', tcp(502), 'never', false),
  s7: entry('S7comm', 'industrial', tcp(102), 'never', false),
  'opc-ua': entry('OPC UA', 'industrial', tcp(4840), 'optional', true),
  'opc-da': entry('OPC DA (DCOM)', 'industrial', tcp(135), 'never', true),
  'ethernet-ip': entry(
    'EtherNet/IP (CIP)',
    'industrial',
    [...tcp(44818), ...udp(2222)],
    'never',
    false,
  ),
  profinet: entry('PROFINET', 'industrial', udp(34964), 'never', false),
  dnp3: entry('DNP3', 'industrial', tcp(20000), 'never', false),
  'iec-104': entry('IEC 60870-5-104', 'industrial', tcp(2404), 'never', false),
  bacnet: entry('BACnet/IP', 'building', udp(47808), 'never', false),
  knx: entry('KNXnet/IP', 'building', udp(3671), 'optional', false),
  dicom: entry('DICOM', 'medical', tcp(104, 11112), 'optional', false),
  'hl7-mllp': entry('HL7 v2 over MLLP', 'medical', tcp(2575), 'optional', false),
  ipsec: entry('IPsec', 'vpn', udp(500, 4500), 'always', true),
  openvpn: entry('OpenVPN', 'vpn', udp(1194), 'always', true),
  wireguard: entry('WireGuard', 'vpn', udp(51820), 'always', true),
  backup: entry('Backup agent', 'backup', [], 'optional', true),
  other: entry('Other', 'other', [], 'optional', false),
} satisfies Record<string, ProtocolInfo>;

/** Application protocols a flow or a service speaks (IT, OT, medical, building). */
export type Protocol = keyof typeof PROTOCOL_REGISTRY;
export const PROTOCOLS = Object.keys(PROTOCOL_REGISTRY) as [Protocol, ...Protocol[]];
export const protocolSchema = z.enum(PROTOCOLS);

/** The registry entry of a protocol. */
export function protocolInfo(protocol: Protocol): ProtocolInfo {
  return PROTOCOL_REGISTRY[protocol];
}

/** Protocols of the registry in a family. */
export function protocolsOfFamily(...families: ProtocolFamily[]): Protocol[] {
  return PROTOCOLS.filter((protocol) => families.includes(PROTOCOL_REGISTRY[protocol].family));
}

/** The protocol whose default ports include `port` (first in registry order), or undefined. */
export function protocolOfPort(port: number, transport?: 'tcp' | 'udp'): Protocol | undefined {
  return PROTOCOLS.find((protocol) =>
    PROTOCOL_REGISTRY[protocol].ports.some(
      (entry) => entry.port === port && (transport === undefined || entry.transport === transport),
    ),
  );
}

export const TRANSPORTS = ['tcp', 'udp'] as const;

export const ENCRYPTIONS = [
  'none',
  'tls',
  'tls1.0',
  'tls1.1',
  'tls1.2',
  'tls1.3',
  'ssh',
  'ipsec',
  'wireguard',
  'proprietary',
  'native',
] as const;
export type Encryption = (typeof ENCRYPTIONS)[number];

export const AUTHENTICATIONS = [
  'none',
  'password',
  'kerberos',
  'ntlm',
  'certificate',
  'key',
  'token',
  'mfa',
] as const;
export type Authentication = (typeof AUTHENTICATIONS)[number];
