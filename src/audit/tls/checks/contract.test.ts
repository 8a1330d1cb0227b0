import { describe, expect, it } from 'vitest';
import { parseCvss31 } from '../../cvss.js';
import { runChecks } from '../../findings.js';
import type { TlsObservation } from '../observation.js';
import { TLS_CHECKS } from './index.js';
import type { TlsCheckContext } from './support.js';

const CONTEXT: TlsCheckContext = { today: '2026-12-08', expectedHost: 'www.example.test', ca: [] };

const EMPTY: TlsObservation = {
  target: { address: '127.0.0.50', port: 24443, servername: null, starttls: null },
  reachable: false,
  error: 'connect ECONNREFUSED',
  protocols: { ssl3: false, tls10: false, tls11: false, tls12: false, tls13: false },
  ciphers: [],
  groups: [],
  dhBits: null,
  secureRenegotiation: null,
  compression: null,
  fallbackScsv: null,
  resumption: { sessionId: null, tickets: null },
  certificate: null,
  durationMs: 1,
};

/** Everything wrong at once: old protocols, weak suites (IANA codes), weak DH, no RFC 5746. */
const WEAK: TlsObservation = {
  ...EMPTY,
  reachable: true,
  error: null,
  protocols: { ssl3: true, tls10: true, tls11: false, tls12: false, tls13: false },
  ciphers: [
    { protocol: 'ssl3', suites: [0x0005, 0x000a], serverOrder: false },
    {
      protocol: 'tls10',
      suites: [0x0005, 0x0001, 0x0018, 0x0003, 0x0009, 0x002f],
      serverOrder: false,
    },
  ],
  groups: ['sect163k1', 'secp256r1'],
  dhBits: 1024,
  secureRenegotiation: false,
  compression: true,
  fallbackScsv: false,
  certificate: {
    chain: ['not base64 DER'],
    ocspStapled: false,
    authorized: false,
    authorizationError: null,
  },
};

describe.each(TLS_CHECKS.map((check) => [check.id, check] as const))(
  'TLS check %s',
  (id, check) => {
    it('has complete metadata in both languages, a valid CVSS vector and references', () => {
      expect(id).toMatch(/^tls-[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(check.domain).toBe('tls');
      for (const field of [check.title, check.description, check.rationale, check.remediation]) {
        expect(field.en.trim().length).toBeGreaterThan(10);
        expect(field.fr.trim().length).toBeGreaterThan(10);
        expect(field.fr).not.toBe(field.en);
      }
      expect(parseCvss31(check.cvss).ok).toBe(true);
      expect(check.references.length).toBeGreaterThan(0);
      expect(check.references.some((r) => r.source === 'mozilla' || r.source === 'rfc')).toBe(true);
    });

    it('finds nothing on an unreachable endpoint', () => {
      expect(check.evaluate(EMPTY, CONTEXT)).toEqual([]);
    });

    it('is deterministic and names the endpoint', () => {
      const first = runChecks([check], WEAK, CONTEXT);
      expect(runChecks([check], WEAK, CONTEXT)).toEqual(first);
      for (const finding of first) {
        expect(finding.subject).toBe('127.0.0.50:24443');
        expect(finding.detail.fr.length).toBeGreaterThan(5);
        expect(finding.evidence.length).toBeGreaterThan(0);
      }
    });
  },
);

describe('the TLS check set', () => {
  it('has unique ids', () => {
    const ids = TLS_CHECKS.map((check) => check.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('judges a weak observation with the protocol and suite checks, not the certificate ones', () => {
    const ids = runChecks(TLS_CHECKS, WEAK, CONTEXT).map((f) => f.check);
    expect(new Set(ids)).toEqual(
      new Set([
        'tls-protocol-ssl3',
        'tls-protocol-tls10',
        'tls-no-tls12',
        'tls-cipher-null',
        'tls-cipher-anon',
        'tls-cipher-export',
        'tls-cipher-rc4',
        'tls-cipher-3des',
        'tls-cipher-des',
        'tls-cbc-tls10',
        'tls-no-forward-secrecy',
        'tls-no-server-preference',
        'tls-weak-dh',
        'tls-weak-groups',
        'tls-insecure-renegotiation',
        'tls-compression',
        'tls-no-fallback-scsv',
      ]),
    );
  });
});
