/**
 * SPF evaluation for the audit (RFC 7208): the records at the domain, the effective `all`
 * qualifier (through `redirect=`), and the DNS-querying terms counted recursively through
 * `include:` and `redirect=` against the limit of 10, with void lookups. No mail is judged: the
 * point is what a receiver would have to query, and whether it fails closed.
 */
import type { DnsClient } from './client.js';
import { recordsOf } from './client.js';
import type { SpfObservation } from './observation.js';

const MAX_DEPTH = 10;
/** Evaluation stops well past the limit: enough to tell how far over a domain is. */
const MAX_LOOKUPS = 40;

export async function spfRecords(client: DnsClient, domain: string): Promise<string[]> {
  const answer = await client.query(domain, 'TXT');
  return recordsOf(answer, 'TXT')
    .map((record) => record.text)
    .filter((value) => /^v=spf1(\s|$)/i.test(value));
}

interface Walk {
  lookups: number;
  voidLookups: number;
  errors: string[];
  visited: Set<string>;
}

type Qualifier = '+' | '?' | '~' | '-';

async function evaluate(
  client: DnsClient,
  domain: string,
  record: string,
  walk: Walk,
  depth: number,
): Promise<Qualifier | null> {
  let all: Qualifier | null = null;
  let redirect: string | null = null;
  for (const term of record.split(/\s+/).slice(1)) {
    if (walk.lookups >= MAX_LOOKUPS) {
      walk.errors.push(`evaluation stopped after ${MAX_LOOKUPS} lookups`);
      break;
    }
    const match = /^([+?~-]?)([a-z0-9]+)(?:[:=](.*))?$/i.exec(term);
    if (match === null) continue;
    const qualifier = (match[1] === '' ? '+' : match[1]) as Qualifier;
    const name = (match[2] ?? '').toLowerCase();
    const value = match[3];
    if (name === 'all') all = qualifier;
    else if (name === 'redirect' && value !== undefined) redirect = value;
    else if (name === 'include' && value !== undefined) {
      walk.lookups += 1;
      const target = value.toLowerCase();
      if (walk.visited.has(target) || depth >= MAX_DEPTH) {
        walk.errors.push(`include:${target} loops or nests too deep`);
        continue;
      }
      walk.visited.add(target);
      const records = await spfRecords(client, target);
      if (records.length === 0) {
        walk.voidLookups += 1;
        walk.errors.push(`include:${target} has no SPF record`);
      } else await evaluate(client, target, records[0] ?? '', walk, depth + 1);
    } else if (name === 'a' || name === 'mx' || name === 'exists' || name === 'ptr') {
      walk.lookups += 1;
      if (name === 'ptr') continue;
      const target = value ?? domain;
      // macros (%{i}…) cannot be resolved without a connecting address: counted, not queried
      if (target.includes('%')) continue;
      const answer = await client.query(target, name === 'mx' ? 'MX' : 'A');
      const found = name === 'mx' ? recordsOf(answer, 'MX').length : recordsOf(answer, 'A').length;
      if (found === 0) walk.voidLookups += 1;
    }
  }
  if (redirect !== null && all === null) {
    walk.lookups += 1;
    const target = redirect.toLowerCase();
    if (walk.visited.has(target) || depth >= MAX_DEPTH) {
      walk.errors.push(`redirect=${target} loops or nests too deep`);
      return null;
    }
    walk.visited.add(target);
    const records = await spfRecords(client, target);
    if (records.length === 0) {
      walk.voidLookups += 1;
      walk.errors.push(`redirect=${target} has no SPF record`);
      return null;
    }
    return evaluate(client, target, records[0] ?? '', walk, depth + 1);
  }
  return all;
}

export async function observeSpf(client: DnsClient, domain: string): Promise<SpfObservation> {
  const records = await spfRecords(client, domain);
  if (records.length === 0) return { records, all: null, lookups: 0, voidLookups: 0, errors: [] };
  const walk: Walk = {
    lookups: 0,
    voidLookups: 0,
    errors: [],
    visited: new Set([domain.toLowerCase()]),
  };
  const all = await evaluate(client, domain, records[0] ?? '', walk, 0);
  return {
    records,
    all,
    lookups: walk.lookups,
    voidLookups: walk.voidLookups,
    errors: walk.errors,
  };
}
