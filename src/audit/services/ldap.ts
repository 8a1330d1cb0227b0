/**
 * LDAP: an anonymous search of the root DSE (RFC 4511 §4.5.1, RFC 4512 §5.1) asking for the
 * vendor, the supported versions and extensions; StartTLS (1.3.6.1.4.1.1466.20037) listed means
 * `starttls`. A bare LDAPResult (a server refusing anonymous searches) still identifies LDAP.
 */
import { ascii, concat, identity, latin1, type ServiceIdentifier } from './session.js';

const STARTTLS_OID = '1.3.6.1.4.1.1466.20037';

/** BER TLV with definite length (short or long form). */
function tlv(tag: number, content: Uint8Array): Uint8Array {
  const n = content.length;
  const length = n < 128 ? [n] : n < 256 ? [0x81, n] : [0x82, n >>> 8, n & 255];
  return concat([tag], length, content);
}
const str = (tag: number, text: string): Uint8Array => tlv(tag, ascii(text));

const ATTRIBUTES = ['vendorName', 'vendorVersion', 'supportedLDAPVersion', 'supportedExtension'];

export function rootDseSearch(): Uint8Array {
  const search = tlv(
    0x63,
    concat(
      str(0x04, ''), // baseObject: the root DSE
      [0x0a, 1, 0, 0x0a, 1, 0, 0x02, 1, 0, 0x02, 1, 0, 0x01, 1, 0], // base scope, never deref, no limits, typesOnly false
      str(0x87, 'objectClass'), // present filter
      tlv(0x30, concat(...ATTRIBUTES.map((a) => str(0x04, a)))),
    ),
  );
  return tlv(0x30, concat([0x02, 1, 1], search));
}

interface Node {
  readonly tag: number;
  readonly content: Uint8Array;
  readonly end: number;
}

function readTlv(b: Uint8Array, at: number): Node | null {
  const tag = b[at];
  let length = b[at + 1];
  if (tag === undefined || length === undefined) return null;
  let start = at + 2;
  if (length >= 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 3) return null;
    length = 0;
    for (let i = 0; i < count; i += 1) length = length * 256 + (b[start + i] ?? 0);
    start += count;
  }
  if (start + length > b.length) return null;
  return { tag, content: b.subarray(start, start + length), end: start + length };
}

function children(content: Uint8Array): Node[] {
  const out: Node[] = [];
  let at = 0;
  while (at < content.length) {
    const node = readTlv(content, at);
    if (node === null) break;
    out.push(node);
    at = node.end;
  }
  return out;
}

/** LDAPMessages in the reply: their protocolOp tag and, for entries, the attributes. */
export function parseLdapReply(b: Uint8Array): {
  ops: number[];
  attributes: Record<string, string[]>;
} {
  const ops: number[] = [];
  const attributes: Record<string, string[]> = {};
  let at = 0;
  while (at < b.length) {
    const message = readTlv(b, at);
    if (message?.tag !== 0x30) break;
    at = message.end;
    const [id, op] = children(message.content);
    if (id?.tag !== 0x02 || op === undefined) break;
    ops.push(op.tag);
    if (op.tag !== 0x64) continue;
    const list = children(op.content)[1];
    for (const attribute of list === undefined ? [] : children(list.content)) {
      const [name, values] = children(attribute.content);
      if (name === undefined || values === undefined) continue;
      attributes[latin1(name.content)] = children(values.content).map((v) =>
        latin1(v.content).slice(0, 200),
      );
    }
  }
  return { ops, attributes };
}

const searchDone = (b: Uint8Array): boolean =>
  parseLdapReply(b).ops.some((op) => op === 0x65 || op === 0x61 || op === 0x78);

export const LDAP_IDENTIFIER: ServiceIdentifier = {
  id: 'ldap',
  protocols: ['ldap', 'ldaps'],
  ports: [389, 636, 3268],
  probe: async (session) => {
    const reply = await session.ask(rootDseSearch(), searchDone);
    const { ops, attributes } = parseLdapReply(reply.bytes);
    if (ops.length === 0 || !ops.every((op) => [0x64, 0x65, 0x73, 0x61, 0x78].includes(op)))
      return null;
    const extensions = attributes['supportedExtension'] ?? [];
    const details: Record<string, string> = { anonymousRootDse: ops.includes(0x64) ? 'yes' : 'no' };
    const versions = attributes['supportedLDAPVersion'];
    if (versions !== undefined) details['ldapVersions'] = versions.join(',');
    return identity({
      protocol: session.tls ? 'ldaps' : 'ldap',
      tls: session.tls,
      starttls: session.tls || !ops.includes(0x64) ? undefined : extensions.includes(STARTTLS_OID),
      product: attributes['vendorName']?.[0],
      version: attributes['vendorVersion']?.[0],
      banner: `LDAP rootDSE ${Object.entries(attributes)
        .map(([k, v]) => `${k}=${v.join(',')}`)
        .join(' ')}`.slice(0, 400),
      details,
    });
  },
};
