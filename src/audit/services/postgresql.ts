/**
 * PostgreSQL: an SSLRequest (8 bytes, code 80877103) answered by one byte `S` or `N`, then a
 * startup message for a user that should not exist: the server answers an ErrorResponse (or an
 * authentication request) — the product is PostgreSQL; a version only when the server says one.
 */
import {
  ascii,
  concat,
  identity,
  latin1,
  printableBanner,
  u32be,
  type ServiceIdentifier,
  type Session,
} from './session.js';

const be32 = (value: number): number[] => [
  (value >>> 24) & 255,
  (value >>> 16) & 255,
  (value >>> 8) & 255,
  value & 255,
];
const SSL_REQUEST = new Uint8Array([...be32(8), ...be32(80877103)]);

function startup(): Uint8Array {
  const body = concat(
    be32(196608),
    ascii('user\0vigie-probe\0database\0vigie-probe\0application_name\0vigie-audit\0\0'),
  );
  return concat(be32(body.length + 4), body);
}

const messageDone = (bytes: Uint8Array): boolean =>
  bytes.length >= 5 && bytes.length >= u32be(bytes, 1) + 1;

/** Error fields: S severity, C code, M message (protocol 3.0 ErrorResponse). */
function errorFields(bytes: Uint8Array): Record<string, string> {
  const fields: Record<string, string> = {};
  const end = Math.min(bytes.length, u32be(bytes, 1) + 1);
  let at = 5;
  while (at < end && bytes[at] !== 0) {
    const type = String.fromCharCode(bytes[at] ?? 0);
    const stop = bytes.indexOf(0, at + 1);
    if (stop < 0) break;
    fields[type] = latin1(bytes.subarray(at + 1, stop));
    at = stop + 1;
  }
  return fields;
}

async function startupAnswer(session: Session): Promise<Record<string, string> | null> {
  if (!(await session.reconnect())) return null;
  const reply = (await session.ask(startup(), messageDone)).bytes;
  if (reply[0] === 0x52) return { auth: 'requested' };
  if (reply[0] !== 0x45) return null;
  const fields = errorFields(reply);
  return {
    error: printableBanner(
      ascii(`${fields['S'] ?? ''} ${fields['C'] ?? ''} ${fields['M'] ?? ''}`),
      300,
    ),
  };
}

export const POSTGRESQL_IDENTIFIER: ServiceIdentifier = {
  id: 'postgresql',
  protocols: ['postgresql'],
  ports: [5432, 5433],
  probe: async (session) => {
    const reply = await session.ask(SSL_REQUEST, (b) => b.length >= 1);
    const first = reply.bytes[0];
    if (reply.bytes.length !== 1 || (first !== 0x53 && first !== 0x4e)) return null;
    const details: Record<string, string> = { ssl: first === 0x53 ? 'yes' : 'no' };
    const answer = await startupAnswer(session);
    if (answer === null) return null;
    Object.assign(details, answer);
    const version = /PostgreSQL (\d+(?:\.\d+)*)/i.exec(answer['error'] ?? '')?.[1];
    return identity({
      protocol: 'postgresql',
      tls: session.tls,
      starttls: first === 0x53,
      product: 'PostgreSQL',
      version,
      banner: answer['error'] ?? `SSLRequest: ${String.fromCharCode(first)}`,
      details,
    });
  },
};
