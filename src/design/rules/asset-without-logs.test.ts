import { describe, expect, it } from 'vitest';
import { exampleModel, runRule } from '../../../test/support/model.js';
import { assetWithoutLogs } from './asset-without-logs.js';

const base = `
organisation: { name: Test }
zones: [{ id: internet, kind: internet }, { id: srv, kind: server }, { id: lan, kind: user }]
data: [{ id: paie, needs: { integrity: 4, confidentiality: 4, proof: 3 }, storedOn: [db] }]
`;

describe('asset-without-logs', () => {
  it('fires on a server without log sources, with impact from its proof and integrity needs', () => {
    const findings = runRule(
      assetWithoutLogs,
      `${base}assets: [{ id: db, kind: database, zone: srv }]\n`,
    );
    expect(findings.map((f) => f.id)).toEqual(['asset-without-logs@db']);
    expect(findings[0]?.impact).toBe(4);
    expect(findings[0]?.likelihood).toBe(2);
    expect(findings[0]?.severity).toBe('medium');
    expect(findings[0]?.detail).toBe('db declares no log source.');
  });

  it('is more likely on an asset reachable from the Internet', () => {
    const findings = runRule(
      assetWithoutLogs,
      `${base}assets: [{ id: db, kind: database, zone: srv }, { id: vpn, kind: vpn-gateway, zone: srv, logging: {} }]
flows: [{ id: f, from: internet, to: vpn, protocol: https, port: 443 }]
`,
    );
    expect(findings.map((f) => [f.id, f.likelihood])).toEqual([
      ['asset-without-logs@db', 2],
      ['asset-without-logs@vpn', 3],
    ]);
  });

  it('fires on routers, IDS, load balancers and administration workstations too', () => {
    const findings = runRule(
      assetWithoutLogs,
      `${base}assets:
  - { id: rtr, kind: router, zone: srv }
  - { id: ids, kind: ids, zone: srv }
  - { id: lb, kind: load-balancer, zone: srv }
  - { id: pc-admin, kind: admin-workstation, zone: srv }
  - { id: db, kind: database, zone: srv, logging: { sources: [database] } }
`,
    );
    expect(findings.map((f) => f.id)).toEqual([
      'asset-without-logs@ids',
      'asset-without-logs@lb',
      'asset-without-logs@pc-admin',
      'asset-without-logs@rtr',
    ]);
  });

  it('stays silent on assets with log sources and on kinds that are not expected to log', () => {
    const findings = runRule(
      assetWithoutLogs,
      `${base}assets:
  - { id: db, kind: database, zone: srv, logging: { sources: [database] } }
  - { id: pc, kind: workstation, zone: lan, count: 20 }
  - { id: sw, kind: switch, zone: lan }
  - { id: copieur, kind: printer, zone: lan }
`,
    );
    expect(findings).toEqual([]);
  });

  it('finds the demo assets that send no logs', () => {
    const ids = runRule(assetWithoutLogs, exampleModel('forges-de-l-est')).map(
      (f) => f.subjects[0],
    );
    expect(ids).toEqual(
      expect.arrayContaining([
        'srv-tse',
        'db-paie',
        'srv-fichiers',
        'srv-impression',
        'srv-plm',
        'srv-licences-cao',
        'vcenter',
        'srv-mes',
        'scada-usine',
        'historian-usine',
        'ews-automatisme',
      ]),
    );
    expect(ids).not.toContain('srv-ad-01');
  });
});
