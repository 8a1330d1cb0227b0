import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { unprotectedCriticalAsset } from './unprotected-critical-asset.js';

const base = `
organisation: { name: Test }
zones: [{ id: srv, kind: server }, { id: ot, kind: ot }]
assets:
  - { id: db, kind: database, zone: srv }
  - { id: app, kind: application, zone: srv }
  - { id: sw, kind: switch, zone: srv }
  - { id: plc, kind: plc, zone: ot }
  - { id: wiki, kind: application, zone: srv }
data: [{ id: orders, needs: { integrity: 4 }, storedOn: [db] }]
processes:
  - { id: sales, needs: { availability: 3 }, assets: [app, sw, plc] }
  - { id: intranet, needs: { availability: 2, integrity: 2 }, assets: [wiki] }
`;

describe('unprotected-critical-asset', () => {
  it('fires on stateful assets with availability or integrity 3+ that no backup covers', () => {
    const findings = runRule(unprotectedCriticalAsset, base);
    expect(findings.map((f) => [f.id, f.impact, f.severity])).toEqual([
      ['unprotected-critical-asset@db', 4, 'high'],
      ['unprotected-critical-asset@app', 3, 'high'],
    ]);
    expect(findings[0]?.subjects).toEqual(['db', 'orders']);
    expect(findings[0]?.detail).toBe(
      'db has no backup (availability 0, integrity 4, from orders); data stored: orders.',
    );
  });

  it('stays silent when the asset or the data it stores is backed up', () => {
    const findings = runRule(
      unprotectedCriticalAsset,
      `${base}backups:\n  - { id: b1, protects: [orders] }\n  - { id: b2, protects: [app] }\n`,
    );
    expect(findings).toEqual([]);
  });

  it('finds the CRM of the demo, whose customer data is backed up nowhere', () => {
    const findings = runRule(unprotectedCriticalAsset, exampleModel('forges-de-l-est'));
    expect(findings.find((f) => f.subjects[0] === 'saas-crm')?.subjects).toContain(
      'data-clients-contrats',
    );
    expect(findings.map((f) => f.subjects[0])).not.toContain('srv-mes');
  });
});

describe('unprotected-critical-asset and backup repositories', () => {
  it('leaves the target of a backup to the rules on copies', () => {
    const model = `${base.replace(
      '  - { id: wiki, kind: application, zone: srv }',
      '  - { id: wiki, kind: application, zone: srv }\n  - { id: nas, kind: storage, zone: srv }',
    )}backups:
  - { id: b-db, protects: [orders], target: nas }
`;
    const ids = runRule(unprotectedCriticalAsset, model).map((f) => f.id);
    expect(ids).toEqual(['unprotected-critical-asset@app']);
  });
});
