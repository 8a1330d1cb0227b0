/**
 * TLS on any port: a minimal TLS 1.2 ClientHello (RFC 5246 §7.4.1.2) with common suites; a
 * handshake record (ServerHello) or an alert record back means the port speaks TLS. What runs
 * inside is then identified over a real TLS connection (identify.ts).
 */
import { concat, identity, type ServiceIdentifier } from './session.js';

const be16 = (v: number): number[] => [(v >>> 8) & 255, v & 255];
const SUITES = [
  0xc02f, 0xc030, 0xc02b, 0xc02c, 0xcca8, 0xcca9, 0xc013, 0xc014, 0xc009, 0xc00a, 0x009c, 0x009d,
  0x002f, 0x0035, 0x000a, 0x009e, 0x0033, 0x0039, 0x1301, 0x1302, 0x1303, 0x00ff,
];

const extension = (type: number, body: readonly number[]): number[] => [
  ...be16(type),
  ...be16(body.length),
  ...body,
];

export function clientHello(
  random: Uint8Array = new Uint8Array(32).map((_, i) => (i * 37 + 11) & 255),
): Uint8Array {
  const groups = [0x001d, 0x0017, 0x0018, 0x0100].flatMap(be16);
  const sigalgs = [0x0403, 0x0503, 0x0804, 0x0805, 0x0401, 0x0501, 0x0201, 0x0203].flatMap(be16);
  const extensions = [
    ...extension(0x000a, [...be16(groups.length), ...groups]), // supported_groups
    ...extension(0x000b, [1, 0]), // ec_point_formats: uncompressed
    ...extension(0x000d, [...be16(sigalgs.length), ...sigalgs]), // signature_algorithms
  ];
  const suites = SUITES.flatMap(be16);
  const body = concat(
    [3, 3],
    random,
    [0],
    be16(suites.length),
    suites,
    [1, 0],
    be16(extensions.length),
    extensions,
  );
  const handshake = concat([1, 0, (body.length >>> 8) & 255, body.length & 255], body);
  return concat([0x16, 3, 1], be16(handshake.length), handshake);
}

/** A TLS record header: handshake (22) or alert (21), major version 3, sane length. */
export const isTlsReply = (b: Uint8Array): boolean =>
  b.length >= 5 && (b[0] === 0x16 || b[0] === 0x15) && b[1] === 3 && (b[2] ?? 9) <= 4;

export const TLS_IDENTIFIER: ServiceIdentifier = {
  id: 'tls',
  protocols: ['https', 'smtps', 'imaps', 'ldaps', 'ftps', 'pop3'],
  ports: [443, 8443, 465, 993, 995, 636, 990, 5986, 6514, 8883, 5671, 9443, 4443],
  probe: async (session) => {
    const reply = await session.ask(clientHello(), (b) => b.length >= 5);
    if (!isTlsReply(reply.bytes)) return null;
    const kind = reply.bytes[0] === 0x16 ? 'handshake' : 'alert';
    return identity({ protocol: 'unknown', tls: true, details: { tlsRecord: kind } });
  },
};
