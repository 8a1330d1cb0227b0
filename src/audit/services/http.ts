/** HTTP: a HEAD request; the status line and the Server / X-Powered-By headers (RFC 9110). */
import {
  identity,
  latin1,
  printableBanner,
  productVersion,
  type ServiceIdentifier,
  type Session,
} from './session.js';
import type { ServiceIdentity } from '../types.js';

const headersDone = (bytes: Uint8Array): boolean =>
  latin1(bytes).includes('\r\n\r\n') || latin1(bytes).includes('\n\n');

/** Recognises an HTTP response (also used when another probe drew one). */
export function parseHttpResponse(bytes: Uint8Array, tls: boolean): ServiceIdentity | null {
  const text = latin1(bytes);
  const status = /^HTTP\/(\d(?:\.\d)?) (\d{3})[^\r\n]*/.exec(text);
  if (status === null) return null;
  const head = text.split(/\r?\n\r?\n/)[0] ?? '';
  const header = (name: string): string | undefined =>
    new RegExp(`^${name}:[ \\t]*([^\\r\\n]*)`, 'im').exec(head)?.[1]?.trim();
  const server = header('Server');
  const powered = header('X-Powered-By');
  const details: Record<string, string> = { status: status[2] ?? '' };
  if (server !== undefined)
    details['server'] = printableBanner(new TextEncoder().encode(server), 200);
  if (powered !== undefined)
    details['poweredBy'] = printableBanner(new TextEncoder().encode(powered), 200);
  // nginx's answer to plain HTTP on a TLS port says so: the port speaks TLS.
  if (/plain HTTP request was sent to HTTPS port/i.test(text)) details['tlsPort'] = 'yes';
  const fromServer = server === undefined ? {} : productVersion(server);
  const fromPowered = powered === undefined ? {} : productVersion(powered);
  return identity({
    protocol: tls ? 'https' : 'http',
    tls,
    product: fromServer.product ?? fromPowered.product,
    version: fromServer.product === undefined ? fromPowered.version : fromServer.version,
    banner: printableBanner(bytes.subarray(0, Math.min(bytes.length, 400)), 400),
    details,
  });
}

export async function probeHttp(session: Session): Promise<ServiceIdentity | null> {
  const host = session.endpoint.address.includes(':')
    ? `[${session.endpoint.address}]`
    : session.endpoint.address;
  const reply = await session.ask(
    `HEAD / HTTP/1.1\r\nHost: ${host}\r\nUser-Agent: vigie-audit\r\nConnection: close\r\n\r\n`,
    headersDone,
  );
  return parseHttpResponse(reply.bytes, session.tls);
}

export const HTTP_IDENTIFIER: ServiceIdentifier = {
  id: 'http',
  protocols: ['http', 'https'],
  ports: [80, 8080, 8000, 8008, 8888, 3000, 5000, 9000, 9200],
  probe: probeHttp,
};
