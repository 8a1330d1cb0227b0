import { describe, expect, it } from 'vitest';
import { createTranslator } from '../i18n/index.js';
import { loadModel } from './load.js';
import { summarise } from './summary.js';

const t = createTranslator('en');
const load = (text: string) => loadModel([{ file: 'model.yaml', text }], { t });

const MODEL = `
organisation: {name: Summary Co}
zones:
  - {id: lan, kind: user}
  - {id: ot, kind: ot}
  - {id: srv, kind: server}
  - {id: guests, kind: user}
assets:
  - {id: pc-1, kind: workstation, zone: lan, logging: {sources: [windows-security]}}
  - {id: pc-2, kind: workstation, zone: lan}
  - {id: printer, kind: printer, zone: lan}
  - {id: plc-1, kind: plc, zone: ot}
  - {id: hmi-1, kind: hmi, zone: ot, logging: {sources: []}}
  - {id: db, kind: database, zone: srv, logging: {sources: [database]}}
  - {id: crm, kind: saas}
data:
  - {id: customers, storedOn: [db], personal: {categories: [identification, contact]}}
  - {id: health, storedOn: [db], personal: {categories: [contact, health]}}
  - {id: designs, storedOn: [db]}
flows:
  - {id: f-1, from: pc-1, to: db, protocol: sql}
  - {id: f-2, from: pc-2, to: db, protocol: sql, encryption: none}
  - {id: f-3, from: pc-1, to: crm, protocol: https, encryption: tls1.3}
identities:
  - {id: admin-a, kind: person, privileged: true, mfa: true}
  - {id: admin-c, kind: person, privileged: true, mfa: false}
  - {id: admin-b, kind: person, privileged: true}
  - {id: user-a, kind: person, mfa: false}
processes:
  - {id: p-sales, name: Sales, rto: 4h, rpo: 1h, mtpd: 1d, assets: [crm], data: [customers]}
  - {id: p-ops, rto: 1d, dependsOn: [p-sales]}
backups:
  - {id: bk-1, protects: [db], offline: true}
  - {id: bk-2, protects: [db], immutable: true, offline: false}
  - {id: bk-3, protects: [db], offline: false}
measures:
  - {id: m-1, status: implemented}
  - {id: m-2, status: partial}
  - {id: m-3, status: partial}
  - {id: m-4, status: planned}
`;

describe('summarise', () => {
  const { graph, valid } = load(MODEL);
  const summary = summarise(graph);

  it('summarises a valid model', () => {
    expect(valid).toBe(true);
  });

  it('counts every section', () => {
    expect(summary.organisation).toBe('Summary Co');
    expect(summary.counts).toEqual({
      sites: 0,
      zones: 4,
      assets: 7,
      data: 3,
      flows: 3,
      identities: 4,
      processes: 2,
      backups: 3,
      measures: 4,
      decisions: 0,
    });
  });

  it('counts kinds and statuses, most frequent first, then by name', () => {
    expect(Object.entries(summary.assetsByKind)).toEqual([
      ['workstation', 2],
      ['database', 1],
      ['hmi', 1],
      ['plc', 1],
      ['printer', 1],
      ['saas', 1],
    ]);
    expect(Object.entries(summary.zonesByKind)).toEqual([
      ['user', 2],
      ['ot', 1],
      ['server', 1],
    ]);
    expect(Object.entries(summary.measuresByStatus)).toEqual([
      ['partial', 2],
      ['implemented', 1],
      ['planned', 1],
    ]);
  });

  it('states the key facts', () => {
    expect(summary.otAssets).toBe(2);
    expect(summary.personalDataSets).toEqual(['customers', 'health']);
    expect(summary.specialCategoryDataSets).toEqual(['health']);
    expect(summary.privilegedIdentities).toBe(3);
    expect(summary.privilegedWithoutMfa).toEqual(['admin-b', 'admin-c']);
    expect(summary.unencryptedFlows).toBe(2);
    expect(summary.offlineOrImmutableBackups).toBe(2);
    // pc-2, plc-1 and hmi-1 send none, but only servers, security and network devices,
    // administration workstations and supervision are expected to log (LOGGING_EXPECTED_KINDS)
    expect(summary.assetsWithoutLogs).toBe(0);
  });

  it('counts the assets expected to log that declare no log source, as the rule does', () => {
    const { graph } = load(`
organisation: {name: Logs}
assets:
  - {id: fw, kind: firewall}
  - {id: rtr, kind: router, logging: {sources: []}}
  - {id: siem, kind: siem, logging: {sources: [syslog]}}
  - {id: pc, kind: workstation}
  - {id: sw, kind: switch}
`);
    expect(summarise(graph).assetsWithoutLogs).toBe(2);
  });

  it('lists processes with their objectives and supporting assets', () => {
    expect(summary.processes).toEqual([
      { id: 'p-ops', name: 'p-ops', rto: '1d', rpo: undefined, mtpd: undefined, assets: 2 },
      { id: 'p-sales', name: 'Sales', rto: '4h', rpo: '1h', mtpd: '1d', assets: 2 },
    ]);
  });

  it('summarises an empty model as zeros', () => {
    const empty = summarise(load('organisation: {name: Empty}\n').graph);
    expect(empty.organisation).toBe('Empty');
    expect(Object.values(empty.counts)).toEqual(Array<number>(10).fill(0));
    expect(empty).toMatchObject({
      assetsByKind: {},
      zonesByKind: {},
      otAssets: 0,
      personalDataSets: [],
      specialCategoryDataSets: [],
      privilegedIdentities: 0,
      privilegedWithoutMfa: [],
      unencryptedFlows: 0,
      offlineOrImmutableBackups: 0,
      assetsWithoutLogs: 0,
      measuresByStatus: {},
      processes: [],
    });
  });

  it('has no organisation name when the model has none', () => {
    expect(summarise(load('zones: []\n').graph).organisation).toBeUndefined();
  });
});

describe('summarise reads the model predicates the rules read', () => {
  it('counts an asset in an OT zone as OT, and inherits privileges and MFA from groups', () => {
    const { graph } = load(`
organisation: {name: Groups Co}
zones:
  - {id: ot, kind: ot}
assets:
  - {id: historian, kind: server, zone: ot}
identities:
  - {id: admins, kind: group, privileged: true, mfa: true}
  - {id: operators, kind: group, privileged: true}
  - {id: alice, kind: person, memberOf: [admins]}
  - {id: bob, kind: person, memberOf: [operators]}
`);
    const summary = summarise(graph);
    expect(summary.otAssets).toBe(1);
    expect(summary.privilegedIdentities).toBe(4);
    expect(summary.privilegedWithoutMfa).toEqual(['bob', 'operators']);
  });
});
