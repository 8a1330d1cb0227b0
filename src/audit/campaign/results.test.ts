import { describe, expect, it } from 'vitest';
import { modelFrom } from '../../../test/support/model.js';
import { toFinding } from '../findings.js';
import type { AuditResults } from '../types.js';
import { driftUndeclaredPort } from '../drift/undeclared-port.js';
import { driftServiceNotAnswering } from '../drift/service-not-answering.js';
import { driftSupportEnded } from '../drift/support-ended.js';
import { buildActionPlan } from './action-plan.js';
import { compareCampaigns } from './compare.js';
import { parseResults } from './results.js';

const finding = (check: typeof driftUndeclaredPort, subject: string, entities: string[] = []) =>
  toFinding(check, { subject, detail: { en: 'd', fr: 'd' }, evidence: 'e', entities });

function results(findings: AuditResults['findings']): AuditResults {
  return {
    format: 'vigie-audit-results',
    version: 1,
    campaign: {
      id: 'c1',
      name: 'Test',
      startedAt: '2026-12-08T00:00:00.000Z',
      finishedAt: '2026-12-08T00:01:00.000Z',
      vantage: null,
      model: null,
      scope: { file: 'scope.yaml', targets: 1, ports: 'declared' },
      tool: { name: 'vigie', version: '0.0.0' },
    },
    hosts: [
      {
        address: '127.0.0.90',
        hostnames: [],
        entities: [],
        reachable: true,
        open: [{ port: 22, transport: 'tcp' }],
        tried: 1,
      },
    ],
    observations: { tls: [], ssh: [], http: [], dns: [], host: null },
    findings,
    refused: [],
    errors: [],
    stats: { durationMs: 10, connections: 1 },
  };
}

describe('parseResults', () => {
  it('reads back what was written', () => {
    const written = results([finding(driftUndeclaredPort, '127.0.0.90:22')]);
    const read = parseResults(JSON.stringify(written, null, 2), 'r.json');
    expect(read).toEqual({ ok: true, results: written });
  });

  it.each([
    ['not JSON', '{ "format": ', 'results-not-json', 1, ''],
    [
      'a foreign JSON file',
      '{\n  "name": "package",\n  "version": "1.0.0"\n}',
      'results-foreign',
      1,
      'format',
    ],
    [
      'another version',
      '{\n  "format": "vigie-audit-results",\n  "version": 7\n}',
      'results-version',
      3,
      'version',
    ],
  ])('refuses %s with a located diagnostic', (_label, text, code, line, path) => {
    const read = parseResults(text, 'r.json');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.diagnostics[0]).toMatchObject({
      code,
      file: 'r.json',
      line,
      path,
      severity: 'error',
    });
  });

  it('locates a bad field by its line and JSON path', () => {
    const written = results([finding(driftUndeclaredPort, '127.0.0.90:22')]);
    const text = JSON.stringify(written, null, 2).replace(
      '"severity": "medium"',
      '"severity": "severe"',
    );
    const read = parseResults(text, 'r.json');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    const line = text.split('\n').findIndex((l) => l.includes('"severe"')) + 1;
    expect(read.diagnostics).toEqual([
      expect.objectContaining({
        code: 'results-invalid',
        path: 'findings[0].severity',
        line,
        column: 19,
      }),
    ]);
  });
});

describe('compareCampaigns', () => {
  it('splits findings into added, fixed and persisting by id', () => {
    const a = finding(driftUndeclaredPort, '127.0.0.90:22');
    const b = finding(driftUndeclaredPort, '127.0.0.90:80');
    const c = finding(driftSupportEnded, '127.0.0.90:80');
    const diff = compareCampaigns(results([a, b]), results([b, c]));
    expect(diff.added.map((f) => f.id)).toEqual([c.id]);
    expect(diff.fixed.map((f) => f.id)).toEqual([a.id]);
    expect(diff.persisting.map((f) => f.id)).toEqual([b.id]);
  });
});

describe('buildActionPlan', () => {
  const { graph } = modelFrom(`
organisation: { name: T, securityReferent: rssi }
identities:
  - { id: rssi, kind: person, name: RSSI }
  - { id: alice, kind: person, name: Alice }
assets:
  - { id: web, kind: server, owner: alice }
  - { id: db, kind: server }
`);

  it('gives one action per check, worst severity, owner and due date by severity', () => {
    const plan = buildActionPlan(
      results([
        finding(driftUndeclaredPort, '127.0.0.90:22', ['web']),
        finding(driftUndeclaredPort, '127.0.0.90:80', ['web']),
        finding(driftSupportEnded, '127.0.0.91:80', ['db']),
        finding(driftServiceNotAnswering, '127.0.0.91:443'),
      ]),
      { graph, today: '2026-12-08' },
    );
    expect(
      plan.map((a) => [a.check, a.severity, a.findings.length, a.owner, a.due, a.status]),
    ).toEqual([
      ['drift-support-ended', 'high', 1, 'rssi', '2027-01-07', 'open'],
      ['drift-undeclared-port', 'medium', 2, 'alice', '2027-03-08', 'open'],
      ['drift-service-not-answering', 'info', 1, 'rssi', '2027-12-08', 'open'],
    ]);
  });

  it('names no owner without a model', () => {
    const [action] = buildActionPlan(results([finding(driftUndeclaredPort, 'x:1')]), {
      today: '2026-12-08',
    });
    expect(action?.owner).toBeNull();
  });
});
