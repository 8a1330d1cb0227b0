import { describe, expect, it } from 'vitest';
import { parseCvss31 } from '../../cvss.js';
import { runChecks } from '../../findings.js';
import type { DnsMailObservation } from '../observation.js';
import { DNS_CHECKS } from './index.js';

const CONTEXT = { today: '2026-12-08' };

const UNRESOLVABLE: DnsMailObservation = {
  domain: 'gone.test',
  resolver: '127.0.0.80:27053',
  resolvable: false,
  error: 'NXDOMAIN',
  spf: { records: [], all: null, lookups: 0, voidLookups: 0, errors: [] },
  dkim: [],
  dmarc: { record: null, multiple: false, tags: {} },
  mx: [],
  mtaSts: { record: null, policy: null },
  tlsRpt: null,
  dnssec: { dnskey: false, signed: false, validated: false },
  caa: [],
  queries: 1,
  durationMs: 1,
};

/** A weak domain: most checks have something to say about it. */
const WEAK: DnsMailObservation = {
  ...UNRESOLVABLE,
  domain: 'bad.test',
  resolvable: true,
  error: null,
  spf: {
    records: ['v=spf1 include:a.bad.test +all', 'v=spf1 ~all'],
    all: '+',
    lookups: 14,
    voidLookups: 3,
    errors: ['include c.bad.test: no SPF record'],
  },
  dkim: [
    {
      selector: 's1',
      found: true,
      record: 'v=DKIM1; t=y; p=AAAA',
      keyType: 'rsa',
      bits: 1024,
      revoked: false,
      testing: true,
    },
    {
      selector: 's2',
      found: false,
      record: null,
      keyType: null,
      bits: null,
      revoked: false,
      testing: false,
    },
  ],
  dmarc: {
    record: 'v=DMARC1; p=none; pct=50',
    multiple: false,
    tags: { v: 'DMARC1', p: 'none', pct: '50' },
  },
  mx: [
    {
      host: 'mx.bad.test',
      preference: 10,
      addresses: ['127.0.0.83'],
      skipped: null,
      starttls: false,
      certificate: null,
      error: 'SMTP STARTTLS not offered',
    },
  ],
  mtaSts: {
    record: 'v=STSv1; id=1',
    policy: { fetched: false, error: 'refused', mode: null, maxAge: null, mx: [] },
  },
};

describe.each(DNS_CHECKS.map((check) => [check.id, check] as const))(
  'DNS check %s',
  (id, check) => {
    it('has complete metadata in both languages, a valid CVSS vector and references', () => {
      expect(id).toMatch(/^(dns|mail)-[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(id.startsWith(`${check.domain}-`)).toBe(true);
      for (const field of [check.title, check.description, check.rationale, check.remediation]) {
        expect(field.en.trim().length).toBeGreaterThan(10);
        expect(field.fr.trim().length).toBeGreaterThan(10);
        expect(field.fr).not.toBe(field.en);
      }
      expect(parseCvss31(check.cvss).ok).toBe(true);
      expect(check.references.length).toBeGreaterThan(0);
      for (const reference of check.references) expect(reference.id.length).toBeGreaterThan(0);
    });

    it('finds nothing on an unresolvable domain', () => {
      expect(check.evaluate(UNRESOLVABLE, CONTEXT)).toEqual([]);
    });

    it('is deterministic and gives subjects of this domain with evidence', () => {
      const first = runChecks([check], WEAK, CONTEXT);
      expect(runChecks([check], WEAK, CONTEXT)).toEqual(first);
      for (const finding of first) {
        expect(finding.subject).toMatch(/^((mail|dns):bad\.test|mx:[a-z0-9.-]*bad\.test)/);
        expect(finding.detail.en.length).toBeGreaterThan(5);
        expect(finding.detail.fr.length).toBeGreaterThan(5);
        expect(finding.evidence.length).toBeGreaterThan(0);
      }
    });
  },
);

describe('the DNS check set', () => {
  it('has unique ids', () => {
    const ids = DNS_CHECKS.map((check) => check.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('judges a weak domain with most of its checks', () => {
    const ids = new Set(runChecks(DNS_CHECKS, WEAK, CONTEXT).map((finding) => finding.check));
    for (const expected of [
      'mail-spf-multiple-records',
      'mail-spf-permissive',
      'mail-spf-too-many-lookups',
      'mail-dmarc-not-enforced',
      'mail-dmarc-no-reports',
      'mail-dkim-missing',
      'mail-dkim-weak-key',
      'mail-dkim-testing',
      'mail-mx-no-starttls',
      'mail-mta-sts-invalid',
      'mail-tls-rpt-missing',
      'dns-dnssec-missing',
      'dns-caa-missing',
    ])
      expect(ids, expected).toContain(expected);
  });
});
