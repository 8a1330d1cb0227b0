/**
 * DNS and mail probe: for one domain, through the configured resolver — SPF, DKIM for the given
 * selectors, DMARC, MX hosts and STARTTLS with the certificate on each MX in scope, MTA-STS (the
 * TXT record and the HTTPS policy), TLS-RPT, DNSSEC presence and CAA. Every connection goes
 * through the audit network (an MX outside the scope is refused and recorded as not checked).
 */
import { createPublicKey } from 'node:crypto';
import { httpRequest, DEFAULT_HTTP_LIMITS } from '../http/client.js';
import type { AuditNet, Endpoint } from '../net/types.js';
import { starttlsPreface } from '../tls/wire/starttls.js';
import { dnsClient, recordsOf, type DnsClient } from './client.js';
import type {
  DkimObservation,
  DmarcObservation,
  DnsMailObservation,
  MtaStsObservation,
  MxObservation,
} from './observation.js';
import { observeSpf } from './spf.js';

export interface DnsMailTarget {
  readonly domain: string;
  readonly resolver: Endpoint;
  readonly dkimSelectors: readonly string[];
}

export interface DnsMailOptions {
  readonly timeoutMs: number;
  /** SMTP port of the MX hosts (25; tests use their own). */
  readonly smtpPort?: number;
  /** HTTPS port of the MTA-STS policy host (443; tests use their own). */
  readonly httpsPort?: number;
  /** PEM trust anchors for the MX and MTA-STS certificates (the system's when omitted). */
  readonly ca?: readonly string[];
  /** Most MX hosts probed (the rest are listed, not connected to). */
  readonly maxMx?: number;
}

/** `k=v; k=v` tags (DKIM, DMARC, TLS-RPT, MTA-STS TXT). */
export function parseTags(record: string): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const part of record.split(';')) {
    const index = part.indexOf('=');
    if (index <= 0) continue;
    const key = part.slice(0, index).trim().toLowerCase();
    if (!(key in tags)) tags[key] = part.slice(index + 1).trim();
  }
  return tags;
}

async function txt(client: DnsClient, name: string, prefix: RegExp): Promise<string[]> {
  return recordsOf(await client.query(name, 'TXT'), 'TXT')
    .map((r) => r.text)
    .filter((value) => prefix.test(value));
}

function rsaBits(base64: string): { type: string | null; bits: number | null } {
  try {
    const key = createPublicKey({
      key: Buffer.from(base64, 'base64'),
      format: 'der',
      type: 'spki',
    });
    return {
      type: key.asymmetricKeyType ?? null,
      bits: key.asymmetricKeyDetails?.modulusLength ?? null,
    };
  } catch {
    return { type: null, bits: null };
  }
}

async function observeDkim(
  client: DnsClient,
  domain: string,
  selector: string,
): Promise<DkimObservation> {
  const [record] = await txt(
    client,
    `${selector}._domainkey.${domain}`,
    /(^|;)\s*(v=DKIM1|p=|k=)/i,
  );
  if (record === undefined)
    return {
      selector,
      found: false,
      record: null,
      keyType: null,
      bits: null,
      revoked: false,
      testing: false,
    };
  const tags = parseTags(record);
  const key = (tags.p ?? '').replace(/\s+/g, '');
  const declared = (tags.k ?? 'rsa').toLowerCase();
  const parsed = key === '' || declared !== 'rsa' ? { type: declared, bits: null } : rsaBits(key);
  return {
    selector,
    found: true,
    record,
    keyType: parsed.type ?? declared,
    bits: parsed.bits,
    revoked: key === '',
    testing: (tags.t ?? '').split(':').includes('y'),
  };
}

async function observeDmarc(client: DnsClient, domain: string): Promise<DmarcObservation> {
  const records = await txt(client, `_dmarc.${domain}`, /^v=DMARC1/i);
  const record = records[0] ?? null;
  return { record, multiple: records.length > 1, tags: record === null ? {} : parseTags(record) };
}

async function addressesOf(client: DnsClient, host: string): Promise<string[]> {
  const v4 = recordsOf(await client.query(host, 'A'), 'A').map((r) => r.address);
  const v6 = recordsOf(await client.query(host, 'AAAA'), 'AAAA').map((r) => r.address);
  return [...v4, ...v6];
}

async function observeMx(
  net: AuditNet,
  client: DnsClient,
  domain: string,
  options: DnsMailOptions,
): Promise<MxObservation[]> {
  const records = recordsOf(await client.query(domain, 'MX'), 'MX').sort(
    (a, b) => a.preference - b.preference || (a.exchange < b.exchange ? -1 : 1),
  );
  const out: MxObservation[] = [];
  for (const [index, record] of records.entries()) {
    const host = record.exchange;
    const base = {
      host,
      preference: record.preference,
      starttls: null,
      certificate: null,
      error: null,
    };
    // a null MX (RFC 7505: "0 .") says the domain receives no mail
    if (host === '' || index >= (options.maxMx ?? 5)) {
      out.push({
        ...base,
        addresses: [],
        skipped: host === '' ? 'null MX' : 'beyond the MX limit',
      });
      continue;
    }
    const addresses = await addressesOf(client, host);
    const address = addresses[0];
    if (address === undefined) {
      out.push({ ...base, addresses, skipped: 'no address' });
      continue;
    }
    const connected = await net.connectTls(
      { address, port: options.smtpPort ?? 25 },
      {
        timeoutMs: options.timeoutMs,
        servername: host,
        ...(options.ca === undefined ? {} : { ca: options.ca }),
        preface: (conn) => starttlsPreface('smtp', conn, options.timeoutMs),
      },
    );
    if (connected.ok) {
      connected.conn.close();
      const { session } = connected;
      out.push({
        ...base,
        addresses,
        skipped: null,
        starttls: true,
        certificate: {
          chain: session.chain.map((der) => Buffer.from(der).toString('base64')),
          authorized: session.authorized,
          authorizationError: session.authorizationError,
          protocol: session.protocol,
        },
      });
    } else if (connected.failure === 'out-of-scope') {
      out.push({ ...base, addresses, skipped: connected.message });
    } else {
      const refused = /SMTP (STARTTLS|EHLO)/.test(connected.message);
      out.push({
        ...base,
        addresses,
        skipped: null,
        starttls: refused ? false : null,
        error: connected.message,
      });
    }
  }
  return out;
}

function parsePolicy(
  text: string,
): Omit<NonNullable<MtaStsObservation['policy']>, 'fetched' | 'error'> {
  const lines = text.split(/\r?\n/).map((line) => line.split(':').map((part) => part.trim()));
  const value = (key: string) =>
    lines
      .find((l) => l[0]?.toLowerCase() === key)
      ?.slice(1)
      .join(':') ?? null;
  const maxAge = value('max_age');
  return {
    mode: value('mode'),
    maxAge: maxAge === null || !/^\d+$/.test(maxAge) ? null : Number(maxAge),
    mx: lines.filter((l) => l[0]?.toLowerCase() === 'mx').map((l) => l.slice(1).join(':')),
  };
}

async function observeMtaSts(
  net: AuditNet,
  client: DnsClient,
  domain: string,
  options: DnsMailOptions,
): Promise<MtaStsObservation> {
  const [record] = await txt(client, `_mta-sts.${domain}`, /^v=STSv1/i);
  if (record === undefined) return { record: null, policy: null };
  const host = `mta-sts.${domain}`;
  const failed = (error: string) => ({
    record,
    policy: { fetched: false, error, mode: null, maxAge: null, mx: [] },
  });
  const [address] = await addressesOf(client, host);
  if (address === undefined) return failed(`${host} has no address`);
  const connected = await net.connectTls(
    { address, port: options.httpsPort ?? 443 },
    {
      timeoutMs: options.timeoutMs,
      servername: host,
      ...(options.ca === undefined ? {} : { ca: options.ca }),
    },
  );
  if (!connected.ok) return failed(connected.message);
  try {
    if (!connected.session.authorized)
      return failed(
        `certificate not trusted: ${connected.session.authorizationError ?? 'unknown'}`,
      );
    const exchange = await httpRequest(
      connected.conn,
      { method: 'GET', path: '/.well-known/mta-sts.txt', host },
      { ...DEFAULT_HTTP_LIMITS, timeoutMs: options.timeoutMs },
      () => net.now(),
    );
    if (exchange.status !== 200) return failed(exchange.error ?? `HTTP ${String(exchange.status)}`);
    return { record, policy: { fetched: true, error: null, ...parsePolicy(exchange.bodySample) } };
  } finally {
    connected.conn.close();
  }
}

async function observeDnssec(
  client: DnsClient,
  domain: string,
): Promise<DnsMailObservation['dnssec']> {
  const answer = await client.query(domain, 'DNSKEY', { dnssec: true });
  return {
    dnskey: recordsOf(answer, 'DNSKEY').length > 0,
    signed: recordsOf(answer, 'RRSIG').length > 0,
    validated: answer.ok && answer.message.authenticData,
  };
}

export async function probeDnsMail(
  net: AuditNet,
  target: DnsMailTarget,
  options: DnsMailOptions,
): Promise<DnsMailObservation> {
  const started = net.now();
  const client = dnsClient(net, target.resolver, options.timeoutMs);
  const domain = target.domain.replace(/\.$/, '').toLowerCase();
  const soa = await client.query(domain, 'SOA');
  const resolver = `${target.resolver.address}:${String(target.resolver.port)}`;
  const resolvable = soa.ok && soa.message.rcode === 0;
  const empty: DnsMailObservation = {
    domain,
    resolver,
    resolvable,
    error: soa.ok
      ? soa.message.rcode === 3
        ? 'NXDOMAIN'
        : soa.message.rcode === 0
          ? null
          : `rcode ${String(soa.message.rcode)}`
      : soa.error,
    spf: { records: [], all: null, lookups: 0, voidLookups: 0, errors: [] },
    dkim: [],
    dmarc: { record: null, multiple: false, tags: {} },
    mx: [],
    mtaSts: { record: null, policy: null },
    tlsRpt: null,
    dnssec: { dnskey: false, signed: false, validated: false },
    caa: [],
    queries: client.asked(),
    durationMs: Math.round(net.now() - started),
  };
  if (!resolvable) return empty;
  const spf = await observeSpf(client, domain);
  const dkim: DkimObservation[] = [];
  for (const selector of target.dkimSelectors)
    dkim.push(await observeDkim(client, domain, selector));
  const dmarc = await observeDmarc(client, domain);
  const mx = await observeMx(net, client, domain, options);
  const mtaSts = await observeMtaSts(net, client, domain, options);
  const [tlsRpt] = await txt(client, `_smtp._tls.${domain}`, /^v=TLSRPTv1/i);
  const dnssec = await observeDnssec(client, domain);
  const caa = recordsOf(await client.query(domain, 'CAA'), 'CAA').map(
    (r) => `${String(r.flags)} ${r.tag} "${r.value}"`,
  );
  return {
    ...empty,
    spf,
    dkim,
    dmarc,
    mx,
    mtaSts,
    tlsRpt: tlsRpt ?? null,
    dnssec,
    caa,
    queries: client.asked(),
    durationMs: Math.round(net.now() - started),
  };
}
