/**
 * RDP: an X.224 Connection Request carrying an RDP Negotiation Request (MS-RDPBCGR 2.2.1.1)
 * asking for TLS, CredSSP and CredSSP with early user authorisation; the Connection Confirm holds
 * an RDP Negotiation Response (selected protocol, 2.2.1.2.1) or Failure (failure code, 2.2.1.2.2).
 */
import { identity, u16be, u32le, type ServiceIdentifier } from './session.js';

const PROTOCOL_SSL = 0x1;
const PROTOCOL_HYBRID = 0x2;
const PROTOCOL_HYBRID_EX = 0x8;
const REQUESTED = PROTOCOL_SSL | PROTOCOL_HYBRID | PROTOCOL_HYBRID_EX;

/** TPKT (RFC 1006) + X.224 CR TPDU (ISO 8073) + RDP_NEG_REQ. */
export const RDP_CONNECTION_REQUEST = new Uint8Array([
  0x03,
  0x00,
  0x00,
  0x13, // TPKT version 3, length 19
  0x0e,
  0xe0,
  0x00,
  0x00,
  0x00,
  0x00,
  0x00, // X.224: LI 14, CR, dst-ref, src-ref, class 0
  0x01,
  0x00,
  0x08,
  0x00,
  REQUESTED,
  0x00,
  0x00,
  0x00, // RDP_NEG_REQ type 1, flags, length 8, protocols
]);

const SELECTED: Record<number, string> = {
  0: 'rdp',
  1: 'tls',
  2: 'credssp',
  8: 'credssp-early-auth',
  4: 'rdstls',
};
const FAILURES: Record<number, string> = {
  1: 'ssl-required-by-server',
  2: 'ssl-not-allowed-by-server',
  3: 'ssl-cert-not-on-server',
  4: 'inconsistent-flags',
  5: 'hybrid-required-by-server',
  6: 'ssl-with-user-auth-required-by-server',
};

export const RDP_IDENTIFIER: ServiceIdentifier = {
  id: 'rdp',
  protocols: ['rdp'],
  ports: [3389],
  probe: async (session) => {
    const reply = await session.ask(
      RDP_CONNECTION_REQUEST,
      (b) => b.length >= 4 && b.length >= u16be(b, 2),
    );
    const b = reply.bytes;
    // TPKT v3, X.224 Connection Confirm (0xd0 in the high nibble).
    if (b.length < 11 || b[0] !== 3 || ((b[5] ?? 0) & 0xf0) !== 0xd0) return null;
    const details: Record<string, string> = {};
    if (b.length >= 19 && b[11] === 0x02) {
      const selected = u32le(b, 15);
      details['selectedProtocol'] = SELECTED[selected] ?? `0x${selected.toString(16)}`;
      details['nla'] =
        selected === PROTOCOL_HYBRID || selected === PROTOCOL_HYBRID_EX ? 'yes' : 'no';
      details['standardSecurity'] = selected === 0 ? 'yes' : 'no';
    } else if (b.length >= 19 && b[11] === 0x03) {
      const code = u32le(b, 15);
      details['failure'] = FAILURES[code] ?? `0x${code.toString(16)}`;
      // The server only speaks standard RDP security when it refuses TLS.
      details['standardSecurity'] = code === 2 ? 'yes' : 'no';
    } else {
      details['selectedProtocol'] = 'rdp';
      details['standardSecurity'] = 'yes';
    }
    return identity({
      protocol: 'rdp',
      tls: false,
      banner: `X.224 Connection Confirm ${Object.entries(details)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')}`,
      details,
    });
  },
};
