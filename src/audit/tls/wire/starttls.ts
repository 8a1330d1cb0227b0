/**
 * STARTTLS prefaces: what to say on the plain connection before TLS starts. One function per
 * protocol, used both before the probe's own ClientHellos and as `connectTls`'s `preface`.
 */
import type { Conn } from '../../net/types.js';

export const STARTTLS_PROTOCOLS = ['smtp', 'imap', 'pop3', 'ftp', 'ldap', 'postgres'] as const;
export type StarttlsProtocol = (typeof STARTTLS_PROTOCOLS)[number];

export class StarttlsError extends Error {
  readonly code = 'starttls-refused';
}

const MAX_LINE_BYTES = 16384;
const text = (bytes: Uint8Array): string => new TextDecoder('latin1').decode(bytes);

/** Reads until `done` holds on the text so far; throws with what was seen otherwise. */
async function readText(
  conn: Conn,
  timeoutMs: number,
  done: (t: string) => boolean,
  what: string,
): Promise<string> {
  const result = await conn.read({
    maxBytes: MAX_LINE_BYTES,
    timeoutMs,
    until: (b) => done(text(b)),
  });
  const seen = text(result.bytes);
  if (!done(seen)) {
    throw new StarttlsError(`${what}: ${result.end} after ${JSON.stringify(seen.slice(0, 120))}`);
  }
  return seen;
}

/** A complete multi-line SMTP/FTP reply: its last line is `NNN ` (RFC 5321 §4.2.1). */
const lastReply = (t: string): RegExpExecArray | null =>
  /(?:^|\r?\n)(\d{3}) [^\r\n]*\r?\n$/.exec(t);

async function expectCode(
  conn: Conn,
  timeoutMs: number,
  code: string,
  what: string,
): Promise<void> {
  const reply = await readText(conn, timeoutMs, (t) => lastReply(t) !== null, what);
  const got = lastReply(reply)?.[1];
  if (got !== code)
    throw new StarttlsError(
      `${what}: expected ${code}, got ${JSON.stringify(reply.trim().slice(0, 120))}`,
    );
}

const LDAP_START_TLS = Uint8Array.from([
  0x30,
  0x1d,
  0x02,
  0x01,
  0x01,
  0x77,
  0x18,
  0x80,
  0x16,
  ...new TextEncoder().encode('1.3.6.1.4.1.1466.20037'),
]);
const POSTGRES_SSL_REQUEST = Uint8Array.of(0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f);

async function ldapPreface(conn: Conn, timeoutMs: number): Promise<void> {
  await conn.write(LDAP_START_TLS);
  const result = await conn.read({
    maxBytes: 4096,
    timeoutMs,
    until: (b) => b.length >= 2 && b.length >= (b[1] ?? 0) + 2,
  });
  const b = result.bytes;
  // ExtendedResponse [APPLICATION 24] … resultCode ENUMERATED: look for `0a 01 <code>` after the tag.
  const at = b.findIndex((x, i) => x === 0x0a && b[i + 1] === 0x01 && i > 4);
  if (b[0] !== 0x30 || at < 0 || b[at + 2] !== 0) throw new StarttlsError('LDAP StartTLS refused');
}

/** Runs the protocol's STARTTLS exchange; throws StarttlsError when the server refuses. */
export async function starttlsPreface(
  protocol: StarttlsProtocol,
  conn: Conn,
  timeoutMs: number,
): Promise<void> {
  switch (protocol) {
    case 'smtp':
      await expectCode(conn, timeoutMs, '220', 'SMTP greeting');
      await conn.write('EHLO vigie.invalid\r\n');
      await expectCode(conn, timeoutMs, '250', 'SMTP EHLO');
      await conn.write('STARTTLS\r\n');
      return expectCode(conn, timeoutMs, '220', 'SMTP STARTTLS');
    case 'ftp':
      await expectCode(conn, timeoutMs, '220', 'FTP greeting');
      await conn.write('AUTH TLS\r\n');
      return expectCode(conn, timeoutMs, '234', 'FTP AUTH TLS');
    case 'imap': {
      await readText(conn, timeoutMs, (t) => t.includes('\n'), 'IMAP greeting');
      await conn.write('v1 STARTTLS\r\n');
      const reply = await readText(
        conn,
        timeoutMs,
        (t) => /(^|\n)v1 [^\n]*\n/.test(t),
        'IMAP STARTTLS',
      );
      if (!/(^|\n)v1 OK/i.test(reply))
        throw new StarttlsError(`IMAP STARTTLS refused: ${reply.trim().slice(0, 120)}`);
      return;
    }
    case 'pop3': {
      await readText(conn, timeoutMs, (t) => t.includes('\n'), 'POP3 greeting');
      await conn.write('STLS\r\n');
      const reply = await readText(conn, timeoutMs, (t) => t.includes('\n'), 'POP3 STLS');
      if (!reply.startsWith('+OK'))
        throw new StarttlsError(`POP3 STLS refused: ${reply.trim().slice(0, 120)}`);
      return;
    }
    case 'ldap':
      return ldapPreface(conn, timeoutMs);
    case 'postgres': {
      await conn.write(POSTGRES_SSL_REQUEST);
      const result = await conn.read({ maxBytes: 1, timeoutMs });
      if (result.bytes[0] !== 0x53)
        throw new StarttlsError('PostgreSQL refused SSL (answered N or nothing)');
      return;
    }
  }
}
