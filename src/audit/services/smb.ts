/**
 * SMB: an SMB2 NEGOTIATE request (MS-SMB2 2.2.3) offering dialects 2.0.2 to 3.0.2; the response
 * (2.2.4) gives the dialect and whether signing is required. SMB1 support: a second connection
 * sends an SMB1 NEGOTIATE (MS-CIFS 2.2.4.52) offering only "NT LM 0.12".
 */
import {
  ascii,
  concat,
  identity,
  u16be,
  u16le,
  u32le,
  type ServiceIdentifier,
  type Session,
} from './session.js';

const le16 = (v: number): number[] => [v & 255, (v >>> 8) & 255];
const DIALECTS = [0x0202, 0x0210, 0x0300, 0x0302];

/** NetBIOS session service header (RFC 1002 §4.3.1): type 0, 24-bit length. */
const netbios = (body: Uint8Array): Uint8Array =>
  concat([0, (body.length >>> 16) & 255, (body.length >>> 8) & 255, body.length & 255], body);

export function smb2Negotiate(): Uint8Array {
  const header = concat(
    [0xfe, 0x53, 0x4d, 0x42],
    le16(64),
    le16(0),
    [0, 0, 0, 0], // protocol id, structure size, credit charge, status
    le16(0),
    le16(1),
    [0, 0, 0, 0],
    [0, 0, 0, 0], // command NEGOTIATE, credits, flags, next command
    new Array<number>(8).fill(0),
    [0, 0, 0, 0],
    [0, 0, 0, 0],
    new Array<number>(8).fill(0), // message id, reserved, tree id, session id
    new Array<number>(16).fill(0), // signature
  );
  const body = concat(
    le16(36),
    le16(DIALECTS.length),
    le16(1),
    le16(0),
    [0, 0, 0, 0], // size, count, signing enabled, reserved, capabilities
    ascii('vigie-audit-smb2'),
    new Array<number>(8).fill(0), // client guid, start time
    ...DIALECTS.map(le16),
  );
  return netbios(concat(header, body));
}

export function smb1Negotiate(): Uint8Array {
  const dialect = [0x02, ...ascii('NT LM 0.12'), 0];
  const header = concat(
    [0xff, 0x53, 0x4d, 0x42, 0x72],
    [0, 0, 0, 0],
    [0x18],
    le16(0xc853), // SMB_COM_NEGOTIATE, status, flags, flags2
    new Array<number>(12).fill(0),
    le16(0),
    le16(0xfeff),
    le16(0),
    le16(0), // pid high, signature, reserved, tid, pid, uid, mid
  );
  return netbios(concat(header, [0], le16(dialect.length), dialect));
}

const frameDone = (b: Uint8Array): boolean =>
  b.length >= 4 && b.length >= 4 + ((b[1] ?? 0) << 16) + u16be(b, 2);

const DIALECT_NAMES: Record<number, string> = {
  0x0202: '2.0.2',
  0x0210: '2.1',
  0x0300: '3.0',
  0x0302: '3.0.2',
  0x0311: '3.1.1',
  0x02ff: '2.???',
};

async function smb1Supported(session: Session): Promise<boolean> {
  if (!(await session.reconnect())) return false;
  const b = (await session.ask(smb1Negotiate(), frameDone)).bytes;
  return b[4] === 0xff && b[5] === 0x53 && b[8] === 0x72 && u32le(b, 9) === 0;
}

export const SMB_IDENTIFIER: ServiceIdentifier = {
  id: 'smb',
  protocols: ['smb'],
  ports: [445, 139],
  probe: async (session) => {
    const b = (await session.ask(smb2Negotiate(), frameDone)).bytes;
    if (b.length < 4 + 64 + 8 || b[4] !== 0xfe || b[5] !== 0x53 || b[6] !== 0x4d || b[7] !== 0x42)
      return null;
    if (u16le(b, 4 + 12) !== 0) return null; // not a NEGOTIATE response
    const status = u32le(b, 4 + 8);
    const body = 4 + 64;
    const details: Record<string, string> = {};
    if (status !== 0) details['status'] = `0x${status.toString(16)}`;
    else {
      const mode = u16le(b, body + 2);
      const dialect = u16le(b, body + 4);
      details['dialect'] = DIALECT_NAMES[dialect] ?? `0x${dialect.toString(16)}`;
      details['signingRequired'] = (mode & 0x02) !== 0 ? 'yes' : 'no';
    }
    details['smb1'] = (await smb1Supported(session)) ? 'yes' : 'no';
    return identity({
      protocol: 'smb',
      tls: false,
      version: details['dialect'],
      banner: `SMB2 NEGOTIATE ${Object.entries(details)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')}`,
      details,
    });
  },
};
