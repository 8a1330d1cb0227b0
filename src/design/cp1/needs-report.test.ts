import { describe, expect, it } from 'vitest';
import { exampleModel, modelFrom } from '../../../test/support/model.js';
import { buildNeedsReport } from './needs-report.js';

const yaml = `
organisation: { name: Test }
zones: [{ id: srv, kind: server }]
assets:
  - { id: hyp, kind: hypervisor, zone: srv }
  - { id: app, kind: application, zone: srv, hostedOn: hyp }
  - { id: db, kind: database, zone: srv, hostedOn: hyp }
  - { id: printer, kind: printer, zone: srv }
data:
  - { id: clients, name: Clients, needs: { availability: 2, integrity: 3, confidentiality: 4, proof: 1 }, storedOn: [db] }
processes:
  - { id: sales, name: Ventes, needs: { availability: 4, integrity: 2 }, assets: [app] }
`;

describe('buildNeedsReport', () => {
  const { graph } = modelFrom(yaml);
  const report = buildNeedsReport(graph);

  it('lists business values with their declared DICP', () => {
    expect(report.businessValues).toEqual([
      {
        id: 'sales',
        kind: 'process',
        name: 'Ventes',
        needs: { availability: 4, integrity: 2, confidentiality: 0, proof: 0 },
      },
      {
        id: 'clients',
        kind: 'data',
        name: 'Clients',
        needs: { availability: 2, integrity: 3, confidentiality: 4, proof: 1 },
      },
    ]);
  });

  it('explains each inherited level by its business value and relation', () => {
    const app = report.assets.find((a) => a.id === 'app');
    expect(app?.needs.availability).toMatchObject({
      level: 4,
      source: 'sales',
      relation: { kind: 'supports' },
    });
    expect(app?.needs.confidentiality.level).toBe(0);
    const hyp = report.assets.find((a) => a.id === 'hyp');
    expect(hyp?.needs.availability).toMatchObject({
      level: 4,
      source: 'sales',
      relation: { kind: 'hosts', via: 'app' },
    });
    expect(hyp?.needs.confidentiality).toMatchObject({
      level: 4,
      source: 'clients',
      relation: { kind: 'hosts', via: 'db' },
    });
    expect(hyp?.needs.confidentiality.why?.fr).toBe('héberge « db », qui soutient « Clients »');
    expect(hyp?.needs.confidentiality.why?.en).toBe('hosts “db”, which supports “Clients”');
    expect(hyp?.supports).toEqual(['clients', 'sales']);
    const db = report.assets.find((a) => a.id === 'db');
    expect(db?.needs.integrity).toMatchObject({
      level: 3,
      source: 'clients',
      relation: { kind: 'stores' },
    });
  });

  it('lists assets that support nothing rated apart', () => {
    expect(report.assets.map((a) => a.id)).toEqual(['app', 'db', 'hyp']);
    expect(report.unrated).toEqual(['printer']);
  });

  it('explains the demo payroll server by the payroll data', () => {
    const demo = buildNeedsReport(exampleModel('forges-de-l-est').graph);
    const dbPaie = demo.assets.find((a) => a.id === 'db-paie');
    expect(dbPaie?.needs.confidentiality).toMatchObject({ level: 4, source: 'data-paie' });
    expect(demo.businessValues.filter((v) => v.kind === 'process')).toHaveLength(6);
  });
});
