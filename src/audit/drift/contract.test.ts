import { describe, expect, it } from 'vitest';
import { exampleModel } from '../../../test/support/model.js';
import { parseCvss31 } from '../cvss.js';
import { buildDriftView, computeDrift, DRIFT_CHECKS } from './index.js';

const EMPTY = buildDriftView({
  graph: null,
  hosts: [],
  tls: [],
  vantage: null,
  today: '2026-12-08',
});

describe.each(DRIFT_CHECKS.map((check) => [check.id, check] as const))(
  'drift check %s',
  (id, check) => {
    it('has complete metadata in both languages', () => {
      expect(id).toMatch(/^drift-[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(check.domain).toBe('drift');
      for (const field of [check.title, check.description, check.rationale, check.remediation]) {
        expect(field.en.trim().length).toBeGreaterThan(5);
        expect(field.fr.trim().length).toBeGreaterThan(5);
        expect(field.fr).not.toBe(field.en);
      }
      expect(parseCvss31(check.cvss).ok).toBe(true);
      expect(check.references.length).toBeGreaterThan(0);
    });

    it('finds nothing in an empty observation', () => {
      expect(check.evaluate(EMPTY, undefined)).toEqual([]);
    });
  },
);

describe('DRIFT_CHECKS', () => {
  it('has unique ids', () => {
    const ids = DRIFT_CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is deterministic and names existing entities on the demo', () => {
    const { graph } = exampleModel('forges-de-l-est');
    const input = {
      graph,
      hosts: [
        {
          address: '127.0.0.91',
          hostnames: [],
          entities: ['rp-siege'],
          reachable: true,
          tried: 3,
          open: [
            { port: 8080, transport: 'tcp' as const, service: { protocol: 'http', tls: false } },
          ],
        },
        {
          address: '127.0.0.92',
          hostnames: [],
          entities: [],
          reachable: true,
          tried: 3,
          open: [{ port: 22, transport: 'tcp' as const }],
        },
      ],
      tls: [],
      vantage: 'internet',
      today: '2026-12-08',
    };
    const first = computeDrift(input);
    expect(computeDrift(input)).toEqual(first);
    expect(first.length).toBeGreaterThan(0);
    for (const finding of first)
      for (const entity of finding.entities) expect(graph.has(entity)).toBe(true);
  });
});
