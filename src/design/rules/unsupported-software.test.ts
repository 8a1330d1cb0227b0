import { describe, expect, it } from 'vitest';
import { exampleModel, modelFrom, runRule } from '../../../test/support/model.js';
import { evaluateRules } from '../analyze-rules.js';
import { unsupportedSoftware } from './unsupported-software.js';

const base = `
organisation: { name: Test }
zones: [{ id: internet, kind: internet }, { id: srv, kind: server }]
data: [{ id: compta, needs: { confidentiality: 3, integrity: 4 }, storedOn: [db] }]
`;

describe('unsupported-software', () => {
  it('fires once per asset, listing every expired software with its date', () => {
    const findings = runRule(
      unsupportedSoftware,
      `${base}assets:
  - id: db
    kind: database
    zone: srv
    software:
      - { name: SQL Server, version: '2012', supportEnd: 2022-07-12 }
      - { name: Agent, version: '1', supportEnd: 2025-01-01 }
      - { name: Tool, supportEnd: 2030-01-01 }
`,
    );
    expect(findings.map((f) => f.id)).toEqual(['unsupported-software@db']);
    expect(findings[0]?.detail).toBe(
      'db runs software out of support: SQL Server 2012 (2022-07-12), Agent 1 (2025-01-01).',
    );
    expect(findings[0]?.impact).toBe(4);
    expect(findings[0]?.severity).toBe('high');
  });

  it('is more likely on an asset reachable from the Internet', () => {
    const findings = runRule(
      unsupportedSoftware,
      `${base}assets: [{ id: db, kind: database, zone: srv, software: [{ name: PHP, version: '7.4', supportEnd: 2022-11-28 }] }]
flows: [{ id: f, from: internet, to: srv, protocol: https, port: 443 }]
`,
    );
    expect(findings[0]?.likelihood).toBe(4);
  });

  it('stays silent on supported software and software without a date', () => {
    const findings = runRule(
      unsupportedSoftware,
      `${base}assets: [{ id: db, kind: database, zone: srv, os: { name: Old, supportEnd: 2010-01-01 }, software: [{ name: A, supportEnd: 2027-01-01 }, { name: B }] }]\n`,
    );
    expect(findings).toEqual([]);
  });

  it('takes the date from the lifecycle table when the model declares none, and says so', () => {
    const findings = runRule(
      unsupportedSoftware,
      `${base}assets:
  - id: db
    kind: database
    zone: srv
    software:
      - { name: PostgreSQL, version: '11.22' }
      - { name: Microsoft Exchange Server, version: 2013 CU23 }
      - { name: nginx, version: '1.18', supportEnd: 2030-01-01 }
      - { name: Home-made ERP, version: '2' }
`,
    );
    expect(findings[0]?.detail).toBe(
      'db runs software out of support: PostgreSQL 11.22 (2023-11-09, lifecycle table: PostgreSQL 11, endoflife.date), ' +
        'Microsoft Exchange Server 2013 CU23 (2023-04-11, lifecycle table: Exchange Server 2013, learn.microsoft.com).',
    );
    const french = evaluateRules(
      modelFrom(
        `${base}assets: [{ id: db, kind: database, zone: srv, software: [{ name: PHP, version: '7.4.33' }] }]\n`,
      ).graph,
      {
        rules: [unsupportedSoftware],
        locale: 'fr',
        today: '2026-11-28',
      },
    );
    expect(french.findings[0]?.detail).toBe(
      'db exécute des logiciels hors support : PHP 7.4.33 (2022-11-28, table de cycle de vie : PHP 7.4, endoflife.date).',
    );
  });

  it('lets a declared supportEnd win over the table, in both directions', () => {
    const findings = runRule(
      unsupportedSoftware,
      `${base}assets:
  - { id: db, kind: database, zone: srv, software: [{ name: MySQL, version: '5.7', supportEnd: 2027-06-30 }] }
  - { id: other, kind: database, zone: srv, software: [{ name: MySQL, version: '8.4', supportEnd: 2025-01-01 }] }
`,
    );
    expect(findings.map((f) => f.id)).toEqual(['unsupported-software@other']);
  });

  it('reminds that a supported distribution may still patch the software it packages', () => {
    const findings = runRule(
      unsupportedSoftware,
      `${base}assets:
  - { id: db, kind: database, zone: srv, os: { name: Debian, version: '12' }, software: [{ name: nginx, version: '1.22.1' }] }
  - { id: old, kind: database, zone: srv, os: { name: Debian, version: '9' }, software: [{ name: nginx, version: '1.10.3' }] }
`,
    );
    // a real gap on an unsupported distribution comes first; a point to check on a supported one
    expect(findings.map((f) => [f.id, f.likelihood])).toEqual([
      ['unsupported-software@old', 3],
      ['unsupported-software@db', 1],
    ]);
    expect(findings[1]?.detail).toContain(
      'if installed from the packages of Debian 12, the distribution may still fix them',
    );
    expect(findings[0]?.detail).not.toContain('packages of');
  });

  it('finds the outdated web stack of the demo from the table, and SQL Server 2017 once past 2027-10-12', () => {
    const now = runRule(unsupportedSoftware, exampleModel('forges-de-l-est'));
    expect(now.map((f) => f.subjects[0]).sort()).toEqual(['proxy-web', 'rp-siege', 'web-vitrine']);
    expect(now.every((f) => f.detail.includes('endoflife.date'))).toBe(true);
    const later = runRule(unsupportedSoftware, exampleModel('forges-de-l-est'), '2027-11-01');
    expect(later.map((f) => f.subjects[0])).toContain('db-paie');
  });
});
