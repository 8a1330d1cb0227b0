import { describe, expect, it } from 'vitest';
import type { AuditFinding, AuditPlanItemView } from './api-types';
import {
  NO_FILTER,
  durationSeconds,
  entitiesOf,
  exampleScope,
  groupBySeverity,
  isActive,
  matchesFinding,
  offsetOf,
  overdueCount,
  planToCsv,
  progressPercent,
  sortDiagnostics,
} from './audit-logic';

function finding(id: string, over: Partial<AuditFinding> = {}): AuditFinding {
  return {
    id,
    check: id.split('@')[0] ?? id,
    domain: 'tls',
    severity: 'medium',
    cvss: { vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N', score: 5.3 },
    subject: id.split('@')[1] ?? '',
    title: { en: 'TLS 1.0 accepted', fr: 'TLS 1.0 accepté' },
    detail: { en: 'The server accepts TLS 1.0.', fr: 'Le serveur accepte TLS 1.0.' },
    evidence: 'protocols: tls10 tls12',
    remediation: { en: 'Disable it.', fr: 'Désactivez-le.' },
    references: [],
    entities: [],
    ...over,
  };
}

function item(id: string, over: Partial<AuditPlanItemView> = {}): AuditPlanItemView {
  return {
    id: `action:${id}`,
    check: id,
    title: { en: `Fix ${id}`, fr: `Corriger ${id}` },
    remediation: { en: '', fr: '' },
    severity: 'high',
    findings: ['a', 'b'],
    entities: [],
    owner: null,
    ownerName: null,
    due: null,
    status: 'open',
    overdue: false,
    note: '',
    campaignId: null,
    updated: '2026-12-08T00:00:00Z',
    ...over,
  };
}

describe('findings', () => {
  const list = [
    finding('tls-a@1:443', { severity: 'low', cvss: { vector: '', score: 3.1 } }),
    finding('tls-b@1:443', { severity: 'critical', cvss: { vector: '', score: 9.8 } }),
    finding('ssh-c@1:22', {
      domain: 'ssh',
      severity: 'critical',
      cvss: { vector: '', score: 10 },
      entities: ['srv-web'],
      evidence: 'SSH-2.0-OpenSSH_7.4',
    }),
  ];

  it('groups most severe first, highest score first inside a group, empty groups left out', () => {
    const groups = groupBySeverity(list);
    expect(groups.map((g) => g.severity)).toEqual(['critical', 'low']);
    expect(groups[0]?.findings.map((f) => f.id)).toEqual(['ssh-c@1:22', 'tls-b@1:443']);
  });

  it('filters by domain, severity, entity and accent-insensitive words', () => {
    const ids = (filter: Parameters<typeof matchesFinding>[1], lang: 'en' | 'fr' = 'en') =>
      list.filter((f) => matchesFinding(f, filter, lang)).map((f) => f.id);
    expect(ids(NO_FILTER)).toHaveLength(3);
    expect(ids({ ...NO_FILTER, domain: 'ssh' })).toEqual(['ssh-c@1:22']);
    expect(ids({ ...NO_FILTER, severity: 'low' })).toEqual(['tls-a@1:443']);
    expect(ids({ ...NO_FILTER, entity: 'srv-web' })).toEqual(['ssh-c@1:22']);
    expect(ids({ ...NO_FILTER, text: 'openssh' })).toEqual(['ssh-c@1:22']);
    expect(ids({ ...NO_FILTER, text: 'ACCEPTE serveur' }, 'fr')).toHaveLength(3);
    expect(ids({ ...NO_FILTER, text: 'accepte nothing-like-this' }, 'fr')).toEqual([]);
  });

  it('lists the entities named by findings once, sorted', () => {
    expect(
      entitiesOf([finding('x@1', { entities: ['b', 'a'] }), finding('y@1', { entities: ['a'] })]),
    ).toEqual(['a', 'b']);
  });
});

describe('campaigns', () => {
  it('is active while queued or running only', () => {
    expect(isActive({ status: 'queued' })).toBe(true);
    expect(isActive({ status: 'running' })).toBe(true);
    expect(isActive({ status: 'done' })).toBe(false);
    expect(isActive({ status: 'cancelled' })).toBe(false);
  });

  it('measures the duration, up to now while running, null before the start', () => {
    const now = Date.parse('2026-12-08T10:01:00Z');
    expect(durationSeconds({ started: null, finished: null }, now)).toBeNull();
    expect(durationSeconds({ started: '2026-12-08T10:00:00Z', finished: null }, now)).toBe(60);
    expect(
      durationSeconds({ started: '2026-12-08T10:00:00Z', finished: '2026-12-08T10:00:05Z' }, now),
    ).toBe(5);
    expect(durationSeconds({ started: 'garbage', finished: null }, now)).toBeNull();
  });

  it('gives the progress as a bounded percentage', () => {
    const message = { en: '', fr: '' };
    expect(progressPercent(null)).toBeNull();
    expect(progressPercent({ phase: 'scan', done: 0, total: 0, message })).toBeNull();
    expect(progressPercent({ phase: 'scan', done: 1, total: 4, message })).toBe(25);
    expect(progressPercent({ phase: 'scan', done: 9, total: 4, message })).toBe(100);
  });
});

describe('scope form', () => {
  it('maps the first model asset to loopback, quoting odd names', () => {
    const text = exampleScope('Q4: audit', ['srv-web', 'srv-db']);
    expect(text).toContain('name: "Q4: audit"');
    expect(text).toContain('asset: srv-web');
    expect(text).toContain('model: mapped');
    expect(text).not.toContain('srv-db');
    expect(exampleScope('x', [])).toContain('host: 127.0.0.1');
    expect(exampleScope('x', [])).not.toContain('asset:');
  });

  it('orders diagnostics by line and column and finds their offset in the text', () => {
    const d = (line: number, column: number) => ({
      file: 'scope.yaml',
      line,
      column,
      severity: 'error' as const,
      code: 'x',
      message: 'm',
    });
    expect(sortDiagnostics([d(3, 1), d(1, 5), d(1, 2)]).map((x) => [x.line, x.column])).toEqual([
      [1, 2],
      [1, 5],
      [3, 1],
    ]);
    const text = 'ab\ncdef\ng';
    expect(offsetOf(text, 2, 3)).toBe(5);
    expect(offsetOf(text, 1, 1)).toBe(0);
    expect(offsetOf(text, 99, 99)).toBe(text.length);
    expect(offsetOf(text, 2, 99)).toBe(7);
  });
});

describe('action plan', () => {
  it('counts overdue items', () => {
    expect(overdueCount([item('a', { overdue: true }), item('b')])).toBe(1);
  });

  it('exports CSV with headers, BOM, quoting and formula neutralised', () => {
    const csv = planToCsv(
      [item('a', { title: { en: '=HYPERLINK("x")', fr: '' }, overdue: true, due: '2026-01-01' })],
      ['Action', 'Severity', 'Findings', 'Owner', 'Due', 'Status', 'Overdue'],
      { status: (s) => `S:${s}`, overdue: 'Overdue', lang: 'en' },
    );
    expect(csv.startsWith('\uFEFF"Action","Severity"')).toBe(true);
    const row = csv.split('\r\n')[1];
    expect(row).toBe(`"'=HYPERLINK(""x"")","high","2","","2026-01-01","S:open","Overdue"`);
  });
});
