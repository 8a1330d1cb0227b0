import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
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

  it('finds nothing expired in the demo on 2026-11-28, but SQL Server 2017 once past 2027-10-12', () => {
    expect(runRule(unsupportedSoftware, exampleModel('forges-de-l-est'))).toEqual([]);
    const later = runRule(unsupportedSoftware, exampleModel('forges-de-l-est'), '2027-11-01');
    expect(later.map((f) => f.subjects[0])).toEqual(['db-paie']);
  });
});
