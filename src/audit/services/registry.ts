/** Every service identifier, in default probe order (server-first greetings, then client-first probes). */
import { FTP_IDENTIFIER } from './ftp.js';
import { HTTP_IDENTIFIER } from './http.js';
import { IMAP_IDENTIFIER } from './imap.js';
import { LDAP_IDENTIFIER } from './ldap.js';
import { MYSQL_IDENTIFIER } from './mysql.js';
import { POP3_IDENTIFIER } from './pop3.js';
import { POSTGRESQL_IDENTIFIER } from './postgresql.js';
import { RDP_IDENTIFIER } from './rdp.js';
import { REDIS_IDENTIFIER } from './redis.js';
import type { ServiceIdentifier } from './session.js';
import { SMB_IDENTIFIER } from './smb.js';
import { SMTP_IDENTIFIER } from './smtp.js';
import { SSH_IDENTIFIER } from './ssh.js';
import { TLS_IDENTIFIER } from './tls.js';

export const SERVICE_IDENTIFIERS: readonly ServiceIdentifier[] = [
  SSH_IDENTIFIER,
  MYSQL_IDENTIFIER,
  SMTP_IDENTIFIER,
  FTP_IDENTIFIER,
  IMAP_IDENTIFIER,
  POP3_IDENTIFIER,
  HTTP_IDENTIFIER,
  TLS_IDENTIFIER,
  REDIS_IDENTIFIER,
  POSTGRESQL_IDENTIFIER,
  LDAP_IDENTIFIER,
  RDP_IDENTIFIER,
  SMB_IDENTIFIER,
];
