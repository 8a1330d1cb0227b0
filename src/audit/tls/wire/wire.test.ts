import { describe, expect, it } from 'vitest';
import { concat, Reader, u16, u8, vec, WireError } from './bytes.js';
import { buildClientHello, EXT, SCSV } from './client-hello.js';
import { flightComplete, parseFlight } from './records.js';
import { createLimiter } from './pool.js';
import { parseCertificates, parseServerHello, parseServerKeyExchange } from './server-hello.js';

const hex = (text: string): Uint8Array =>
  Uint8Array.from(
    text
      .trim()
      .split(/\s+/)
      .map((h) => parseInt(h, 16)),
  );
const toHex = (bytes: Uint8Array): string =>
  [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ');

// RFC 8448 §3 (Simple 1-RTT Handshake): the client's random and key share, the server's hello.
const RFC8448_CLIENT_RANDOM = hex(
  'cb 34 ec b1 e7 81 63 ba 1c 38 c6 da cb 19 6a 6d ff a2 1a 8d 99 12 ec 18 a2 ef 62 83 02 4d ec e7',
);
const RFC8448_CLIENT_SHARE = hex(
  '99 38 1d e5 60 e4 bd 43 d2 3d 8e 43 5a 7d ba fe b3 c0 6e 51 c1 3c ae 4d 54 13 69 1e 52 9a af 2c',
);
const RFC8448_SERVER_HELLO = hex(`
  02 00 00 56 03 03 a6 af 06 a4 12 18 60 dc 5e 6e 60 24 9c d3 4c 95 93 0c 8a c5 cb 14 34 da c1 55 77 2e
  d3 e2 69 28 00 13 01 00 00 2e 00 33 00 24 00 1d 00 20 c9 82 88 76 11 20 95 fe 66 76 2b db f7 c6 72 e1
  56 d6 cc 25 3b 83 3d f1 dd 69 b1 b0 4e 75 1f 0f 00 2b 00 02 03 04`);

const record = (type: number, body: Uint8Array, version = 0x0303): Uint8Array =>
  concat([u8(type), u16(version), vec(2, [body])]);
const handshake = (type: number, body: Uint8Array): Uint8Array =>
  concat([u8(type), vec(3, [body])]);

describe('ClientHello builder', () => {
  it('writes the RFC 8448 client hello fields byte for byte', () => {
    const bytes = buildClientHello({
      version: 'tls13',
      suites: [0x1301, 0x1303, 0x1302],
      servername: 'server',
      random: RFC8448_CLIENT_RANDOM,
      sessionId: new Uint8Array(0),
      keyShares: [[29, RFC8448_CLIENT_SHARE]],
    });
    const text = toHex(bytes);
    expect(toHex(bytes.subarray(0, 3))).toBe('16 03 01');
    expect(bytes[5]).toBe(1);
    // legacy_version, random, empty session id, suites, null compression — as in RFC 8448.
    expect(toHex(bytes.subarray(9, 9 + 2 + 32 + 1 + 8 + 2))).toBe(
      `03 03 ${toHex(RFC8448_CLIENT_RANDOM)} 00 00 06 13 01 13 03 13 02 01 00`,
    );
    expect(text).toContain('00 00 00 0b 00 09 00 00 06 73 65 72 76 65 72'); // server_name "server"
    expect(text).toContain(`00 33 00 26 00 24 00 1d 00 20 ${toHex(RFC8448_CLIENT_SHARE)}`); // key_share
    expect(text).toContain('00 2b 00 03 02 03 04'); // supported_versions: TLS 1.3
    expect(text).toContain('00 2d 00 02 01 01'); // psk_key_exchange_modes
    const recordLength = ((bytes[3] ?? 0) << 8) | (bytes[4] ?? 0);
    expect(recordLength).toBe(bytes.length - 5);
    expect(((bytes[6] ?? 0) << 16) | ((bytes[7] ?? 0) << 8) | (bytes[8] ?? 0)).toBe(
      bytes.length - 9,
    );
  });

  it('adds the renegotiation SCSV, the fallback SCSV and DEFLATE below TLS 1.3', () => {
    const bytes = buildClientHello({
      version: 'tls11',
      suites: [0x002f],
      fallbackScsv: true,
      random: RFC8448_CLIENT_RANDOM,
    });
    const r = new Reader(bytes.subarray(9), 'hello');
    expect(r.u16()).toBe(0x0302);
    r.take(32);
    expect(r.vec(1)).toHaveLength(0);
    expect(toHex(r.vec(2))).toBe(
      toHex(concat([u16(0x002f), u16(SCSV.renegotiation), u16(SCSV.fallback)])),
    );
    expect(toHex(r.vec(1))).toBe('01 00');
    const exts = new Reader(r.vec(2), 'extensions');
    const types: number[] = [];
    while (exts.remaining > 0) {
      types.push(exts.u16());
      exts.vec(2);
    }
    expect(types).toContain(EXT.supportedGroups);
    expect(types).toContain(EXT.sessionTicket);
    expect(types).not.toContain(EXT.supportedVersions);
    expect(types).not.toContain(EXT.signatureAlgorithms); // TLS 1.2 and later only
  });

  it('keeps SSLv3 hellos bare and leaves IP literals out of SNI', () => {
    const ssl3 = buildClientHello({ version: 'ssl3', suites: [0x000a], servername: '127.0.0.1' });
    expect(toHex(ssl3.subarray(0, 3))).toBe('16 03 00');
    expect(toHex(ssl3.subarray(9, 11))).toBe('03 00');
    expect(ssl3.length).toBe(5 + 4 + 2 + 32 + 1 + 2 + 4 + 3);
  });

  it('pads hellos of 256–511 bytes to 512', () => {
    const bytes = buildClientHello({
      version: 'tls12',
      suites: Array.from({ length: 60 }, (_, i) => 0xc000 + i),
    });
    expect(bytes.length - 5).toBeGreaterThanOrEqual(512);
  });
});

describe('server flight parsing', () => {
  it('decodes the RFC 8448 ServerHello', () => {
    const hello = parseServerHello(RFC8448_SERVER_HELLO.subarray(4));
    expect(hello).toMatchObject({
      legacyVersion: 0x0303,
      version: 0x0304,
      cipher: 0x1301,
      compression: 0,
    });
    expect(hello.keyShareGroup).toBe(29);
    expect(hello.helloRetry).toBe(false);
    expect(hello.sessionId).toHaveLength(0);
  });

  it('reassembles a handshake message split across records and stops after a TLS 1.3 hello', () => {
    const first = record(22, RFC8448_SERVER_HELLO.subarray(0, 10));
    const second = record(22, RFC8448_SERVER_HELLO.subarray(10));
    expect(flightComplete(parseFlight(first))).toBe(false);
    const flight = parseFlight(concat([first, second]));
    expect(flight.messages).toHaveLength(1);
    expect(toHex(flight.messages[0]?.body ?? new Uint8Array(0))).toBe(
      toHex(RFC8448_SERVER_HELLO.subarray(4)),
    );
    expect(flightComplete(flight)).toBe(true);
  });

  it('reads a TLS 1.2 flight: hello, certificates, ECDHE curve, done — several messages per record', () => {
    const hello = concat([
      u16(0x0303),
      new Uint8Array(32),
      vec(1, [new Uint8Array(32).fill(7)]),
      u16(0xc02f),
      u8(0),
      vec(2, [u16(0xff01), vec(2, [u8(0)]), u16(35), vec(2, [])]),
    ]);
    const certs = vec(3, [vec(3, [hex('30 03 02 01 01')]), vec(3, [hex('30 03 02 01 02')])]);
    const ske = concat([
      u8(3),
      u16(23),
      vec(1, [new Uint8Array(65)]),
      u16(0x0401),
      vec(2, [new Uint8Array(8)]),
    ]);
    const body = concat([handshake(2, hello), handshake(11, certs), handshake(12, ske)]);
    const partial = parseFlight(record(22, body));
    expect(flightComplete(partial)).toBe(false);
    const flight = parseFlight(
      concat([record(22, body), record(22, handshake(14, new Uint8Array(0)))]),
    );
    expect(flightComplete(flight)).toBe(true);
    expect(flight.messages.map((m) => m.type)).toEqual([2, 11, 12, 14]);
    const parsed = parseServerHello(flight.messages[0]?.body ?? new Uint8Array(0));
    expect(parsed).toMatchObject({
      version: 0x0303,
      cipher: 0xc02f,
      secureRenegotiation: true,
      sessionTicket: true,
    });
    expect(parsed.sessionId).toHaveLength(32);
    expect(parseCertificates(flight.messages[1]?.body ?? new Uint8Array(0)).map(toHex)).toEqual([
      '30 03 02 01 01',
      '30 03 02 01 02',
    ]);
    expect(parseServerKeyExchange(flight.messages[2]?.body ?? new Uint8Array(0), 'ECDHE')).toEqual({
      kind: 'ecdhe',
      group: 23,
    });
  });

  it('measures a DHE prime without its leading zeros', () => {
    const prime = concat([u8(0), u8(0x7f), new Uint8Array(127).fill(0xff)]); // 1023 bits
    const ske = concat([vec(2, [prime]), vec(2, [u8(2)]), vec(2, [new Uint8Array(128)])]);
    expect(parseServerKeyExchange(ske, 'DHE')).toEqual({ kind: 'dhe', bits: 1023 });
    expect(parseServerKeyExchange(ske, 'RSA')).toBeNull();
  });

  it('reports alerts, non-TLS bytes and malformed messages', () => {
    expect(parseFlight(record(21, hex('02 28'))).alert).toEqual({ level: 2, description: 40 });
    expect(parseFlight(new TextEncoder().encode('SSH-2.0-OpenSSH_9.2\r\n')).notTls).toBe(true);
    expect(parseFlight(hex('16 03 03 ff ff')).notTls).toBe(true); // longer than any record
    expect(() => parseServerHello(hex('03 03 00'))).toThrow(WireError);
    expect(() => parseCertificates(hex('00 00 09 00 00 05 30'))).toThrow(WireError);
  });

  it('recognises a HelloRetryRequest by its random', () => {
    const hrrRandom = hex(
      'cf 21 ad 74 e5 9a 61 11 be 1d 8c 02 1e 65 b8 91 c2 a2 11 16 7a bb 8c 5e 07 9e 09 e2 c8 a8 33 9c',
    );
    const body = concat([
      u16(0x0303),
      hrrRandom,
      vec(1, []),
      u16(0x1302),
      u8(0),
      vec(2, [u16(43), vec(2, [u16(0x0304)]), u16(51), vec(2, [u16(24)])]),
    ]);
    expect(parseServerHello(body)).toMatchObject({
      helloRetry: true,
      version: 0x0304,
      cipher: 0x1302,
      keyShareGroup: 24,
    });
  });
});

describe('connection limiter', () => {
  it('never runs more than the limit at once and keeps every result', async () => {
    const limit = createLimiter(3);
    let active = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        limit(async () => {
          active++;
          peak = Math.max(peak, active);
          await new Promise((resolve) => setTimeout(resolve, 5));
          active--;
          return i;
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
