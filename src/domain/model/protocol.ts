import { z } from 'zod';

/** Application protocols a flow or a service speaks (IT and OT). */
export const PROTOCOLS = [
  'http',
  'https',
  'ssh',
  'telnet',
  'rdp',
  'vnc',
  'winrm',
  'smb',
  'nfs',
  'ftp',
  'sftp',
  'ftps',
  'ldap',
  'ldaps',
  'kerberos',
  'dns',
  'dhcp',
  'ntp',
  'snmp',
  'syslog',
  'smtp',
  'smtps',
  'imap',
  'imaps',
  'pop3',
  'sql',
  'mssql',
  'mysql',
  'postgresql',
  'oracle',
  'modbus',
  's7',
  'opc-ua',
  'opc-da',
  'ethernet-ip',
  'profinet',
  'dnp3',
  'mqtt',
  'ipsec',
  'openvpn',
  'wireguard',
  'icmp',
  'backup',
  'rpc',
  'other',
] as const;
export type Protocol = (typeof PROTOCOLS)[number];
export const protocolSchema = z.enum(PROTOCOLS);

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
