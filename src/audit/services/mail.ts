/**
 * What the text greetings of SMTP, IMAP, POP3 and FTP share: product names, capability follow-up.
 */
import { identity, latin1, printableBanner, untilLine, type Session } from './session.js';
import type { ServiceIdentity } from '../types.js';

const KNOWN =
  /(Postfix|Exim|Sendmail|Microsoft ESMTP MAIL Service|Dovecot|Cyrus|Courier|vsFTPd|ProFTPD|Pure-FTPd|FileZilla Server|OpenSMTPD|qmail|Exchange)[ /_-]?(v?\d[\w.+-]*)?/i;

function product(banner: string): { product?: string; version?: string } {
  const match = KNOWN.exec(banner);
  if (match?.[1] === undefined) return {};
  return match[2] === undefined
    ? { product: match[1] }
    : { product: match[1], version: match[2].replace(/^v/, '') };
}

export async function follow(session: Session, command: string, last: RegExp): Promise<string> {
  const reply = await session.ask(`${command}\r\n`, untilLine(last));
  return latin1(reply.bytes);
}

export function mailIdentity(
  protocol: string,
  banner: Uint8Array,
  tls: boolean,
  capabilities: string,
  starttls: RegExp,
): ServiceIdentity {
  const text = printableBanner(banner);
  return identity({
    protocol,
    tls,
    starttls: tls ? undefined : starttls.test(capabilities),
    ...product(text),
    banner: text,
    details: { capabilities: printableBanner(new TextEncoder().encode(capabilities), 400) },
  });
}
