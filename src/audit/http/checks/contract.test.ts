import { describe, expect, it } from 'vitest';
import { parseCvss31 } from '../../cvss.js';
import { runChecks } from '../../findings.js';
import type { HttpObservation } from '../observation.js';
import { HTTP_CHECKS } from './index.js';
import { exchange, observation } from './fixtures.js';

const EMPTY: HttpObservation = {
  target: { address: '127.0.0.70', port: 80, tls: false, host: null },
  subject: '127.0.0.70:80',
  reachable: false,
  error: 'refused: connect ECONNREFUSED',
  root: null,
  page: null,
  cookies: [],
  hsts: null,
  redirect: null,
  notFound: null,
  defaultPage: null,
  paths: [],
  trace: null,
  requests: 1,
  durationMs: 1,
};

describe.each(HTTP_CHECKS.map((check) => [check.id, check] as const))(
  'HTTP check %s',
  (id, check) => {
    it('has complete metadata in both languages, a valid CVSS vector and references', () => {
      expect(id).toMatch(/^http-[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(check.domain).toBe('http');
      for (const field of [check.title, check.description, check.rationale, check.remediation]) {
        expect(field.en.trim().length).toBeGreaterThan(10);
        expect(field.fr.trim().length).toBeGreaterThan(10);
        expect(field.fr).not.toBe(field.en);
      }
      expect(parseCvss31(check.cvss).ok).toBe(true);
      expect(check.references.length).toBeGreaterThan(0);
      for (const reference of check.references) expect(reference.id.length).toBeGreaterThan(0);
      expect(check.references.some((reference) => reference.source === 'cwe')).toBe(true);
    });

    it('finds nothing on an unreachable endpoint', () => {
      expect(check.evaluate(EMPTY, undefined)).toEqual([]);
    });

    it('is deterministic and gives subjects of this endpoint', () => {
      const weak = observation({
        tls: true,
        root: exchange(200, [
          ['Server', 'nginx/1.22.1'],
          ['Set-Cookie', 'sid=1'],
        ]),
      });
      const first = runChecks([check], weak, undefined);
      expect(runChecks([check], weak, undefined)).toEqual(first);
      for (const finding of first) {
        expect(finding.subject.startsWith('127.0.0.70:')).toBe(true);
        expect(finding.detail.en.length).toBeGreaterThan(5);
        expect(finding.detail.fr.length).toBeGreaterThan(5);
        expect(finding.evidence.length).toBeGreaterThan(0);
      }
    });
  },
);

describe('the HTTP check set', () => {
  it('has unique ids', () => {
    const ids = HTTP_CHECKS.map((check) => check.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
