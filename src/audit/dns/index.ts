/**
 * DNS and mail audit: `probeDnsMail` observes a domain through the configured resolver (SPF,
 * DKIM, DMARC, MX with STARTTLS, MTA-STS, TLS-RPT, DNSSEC, CAA); `DNS_CHECKS` judge it.
 */
export { dnsClient, recordsOf, type DnsClient, type DnsOutcome } from './client.js';
export { DNS_CHECKS, type DnsCheck, type DnsCheckContext } from './checks/index.js';
export type { DnsMailObservation } from './observation.js';
export { probeDnsMail, parseTags, type DnsMailOptions, type DnsMailTarget } from './probe.js';
export { buildQuery, parseMessage } from './wire.js';
