import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../i18n/index.js';
import type { ModelGraph } from '../../model/graph.js';
import { loadModel } from '../../model/load.js';
import { modelFrom } from '../../../test/support/model.js';
import { analyseBia, impactLevel } from './bia.js';

const org = 'organisation: { name: Test }\n';

/** Loads a model the loader reports errors on (cycles, RTO over MTPD): the graph is still built. */
const loose = (yaml: string): ModelGraph =>
  loadModel([{ file: 'model.yaml', text: yaml }], { t: createTranslator('en') }).graph;

/**
 * sales runs app (on vm, on hv) and its orders live on db (a cluster); the vm calls the
 * directory (ldap), DNS (dns) and another server over https (not a service: not needed); users
 * reach it through fw; the hypervisor uses the SAN over iSCSI; app calls the payroll SaaS.
 * reporting depends on sales, which depends on hr.
 */
const propagation = `${org}
zones:
  - { id: lan, kind: user }
  - { id: srv, kind: server }
assets:
  - { id: core, kind: switch, zone: srv }
  - { id: fw, kind: firewall }
  - { id: fw2, kind: firewall }
  - { id: hv, kind: hypervisor, zone: srv }
  - { id: san, kind: storage, zone: srv }
  - { id: vm, kind: virtual-machine, zone: srv, hostedOn: hv }
  - { id: app, kind: application, hostedOn: vm }
  - { id: dc, kind: directory, zone: srv }
  - { id: dns, kind: server, zone: srv }
  - { id: db, kind: database, zone: srv, redundancy: { mode: cluster } }
  - { id: payroll, kind: saas }
  - { id: other, kind: server, zone: srv }
flows:
  - { id: f1, from: vm, to: dc, protocol: ldap }
  - { id: f2, from: vm, to: dns, protocol: dns }
  - { id: f3, from: lan, to: vm, protocol: https, via: [fw] }
  - { id: f4, from: hv, to: san, protocol: iscsi }
  - { id: f5, from: vm, to: other, protocol: https }
  - { id: f6, from: app, to: payroll, protocol: https }
  - { id: f7, from: lan, to: srv, protocol: smb, via: [fw2] }
data: [{ id: orders, storedOn: [db] }]
processes:
  - id: sales
    rto: 4h
    rpo: 1h
    mtpd: 3d
    mbco: Take orders by phone
    needs: { availability: 4 }
    assets: [app]
    data: [orders]
    dependsOn: [hr]
  - { id: hr, rto: 1d, mtpd: 1w, needs: { availability: 3 }, assets: [payroll] }
  - { id: reporting, rto: 1d, mtpd: 1w, needs: { availability: 2 }, dependsOn: [sales] }
`;

describe('analyseBia — propagation', () => {
  const result = analyseBia(modelFrom(propagation).graph);
  const sales = result.processes.find((p) => p.process === 'sales');
  const hr = result.processes.find((p) => p.process === 'hr');
  const reporting = result.processes.find((p) => p.process === 'reporting');

  it('gives each process its objectives and its dependencies, transitively', () => {
    expect(sales).toMatchObject({
      rto: { minutes: 240, text: { en: '4 hours', fr: '4 heures' } },
      rpo: { minutes: 60 },
      mtpd: { minutes: 4320 },
      mbco: 'Take orders by phone',
      dependsOn: ['hr'],
      dependencies: ['hr'],
    });
    expect(hr?.dependencies).toEqual([]);
    expect(reporting?.dependsOn).toEqual(['sales']);
    expect(reporting?.dependencies).toEqual(['hr', 'sales']);
  });

  it('finds the supporting assets transitively, infrastructure included, with the reason', () => {
    expect(sales?.assets).toEqual([
      { asset: 'app', reason: 'process-asset' },
      { asset: 'core', reason: 'network-core', from: 'db' },
      { asset: 'db', reason: 'data-storage', from: 'orders' },
      { asset: 'dc', reason: 'service', from: 'vm' },
      { asset: 'dns', reason: 'service', from: 'vm' },
      { asset: 'fw', reason: 'flow-via', from: 'vm' },
      // crossed by a flow to the zone of db (db reached it first)
      { asset: 'fw2', reason: 'flow-via', from: 'db' },
      { asset: 'hv', reason: 'hosted-on', from: 'vm' },
      { asset: 'payroll', reason: 'service', from: 'app' },
      { asset: 'san', reason: 'service', from: 'hv' },
      { asset: 'vm', reason: 'hosted-on', from: 'app' },
    ]);
    // reporting gets what sales needs through its dependency
    expect(hr?.assets).toEqual([{ asset: 'payroll', reason: 'process-asset' }]);
    expect(reporting?.assets).toHaveLength(11);
    expect(reporting?.assets.find((a) => a.asset === 'san')).toEqual({
      asset: 'san',
      reason: 'dependency',
      from: 'sales',
    });
    expect(result.assets.map((a) => a.asset)).not.toContain('other');
  });

  it('gives each asset the most demanding objectives it inherits', () => {
    const payroll = result.assets.find((a) => a.asset === 'payroll');
    expect(payroll).toEqual({
      asset: 'payroll',
      processes: ['hr', 'reporting', 'sales'],
      rto: { minutes: 240, process: 'sales' },
      rpo: { minutes: 60, process: 'sales' },
      recoveryMinutes: 240,
    });
  });

  it('draws the impact over time from the RTO to the MTPD', () => {
    // sales: a=4, RTO 4h, MTPD 3d: 4h = RTO → 2; 1d → 1+⌈3·1200/4080⌉ = 2; from 3d → 4
    expect(sales?.impact.map((p) => p.level)).toEqual([2, 2, 4, 4, 4]);
    // hr: a=3, RTO 1d, MTPD 1w: 4h → 1; 1d → 2; 3d → 1+⌈2·2880/8640⌉ = 2; from 1w → 3
    expect(hr?.impact.map((p) => p.level)).toEqual([1, 2, 2, 3, 3]);
    expect(hr?.impact[0]?.reason.en).toBe('4 hours is within the RTO (1 day): low impact');
    expect(hr?.impact[0]?.at).toBe('4h');
  });

  it('flags assets slower to recover than the RTO and unredundant ones under a tight RTO', () => {
    const of = (code: string): string[] =>
      result.flags.filter((f) => f.code === code).map((f) => f.subjects[0] as string);
    // application 8h, directory 8h, server 1d, hypervisor 1d, storage 1d > 4h; db fails over
    expect(of('asset-recovery-exceeds-rto')).toEqual(['app', 'dc', 'dns', 'hv', 'san']);
    // every unredundant supporting asset, but the SaaS (the provider's redundancy) and db
    expect(of('single-point-of-failure')).toEqual([
      'app',
      'core',
      'dc',
      'dns',
      'fw',
      'fw2',
      'hv',
      'san',
      'vm',
    ]);
    expect(result.flags.find((f) => f.code === 'asset-recovery-exceeds-rto')?.subjects).toEqual([
      'app',
      'sales',
    ]);
  });

  it('flags a process depending on a slower one, and an RPO without backup', () => {
    expect(
      result.flags.filter((f) => f.code === 'depends-on-slower-process').map((f) => f.subjects),
    ).toEqual([['sales', 'hr']]);
    expect(
      result.flags.filter((f) => f.code === 'rpo-not-achievable').map((f) => f.subjects),
    ).toEqual([['sales', 'orders']]);
  });

  it('lists the recovery durations it assumed', () => {
    const assumed = result.assumptions.map((a) => a.subject);
    expect(assumed).toContain('san');
    expect(assumed).not.toContain('sales');
    expect(result.assumptions.find((a) => a.subject === 'db')?.message.en).toContain('fail-over');
  });
});

/**
 * Over-propagation guard. p lists its users' workstation pc and the server app; q lists app and
 * the file server fs (in the users' zone) but no workstation. The firewall ships its logs to the
 * SIEM, app sends its events to the SIEM and its backups to the NAS; pc uses the directory (via
 * core), a SaaS CRM through the proxy (its only way out, itself behind fw), and app (via fw2);
 * remote staff reach app through the VPN; an administrator reaches it over RDP through a jump
 * host; users of another office zone reach it through fw3.
 */
const overPropagation = `${org}
zones:
  - { id: lan, kind: user }
  - { id: lan2, kind: user }
  - { id: srv, kind: server }
  - { id: adm, kind: admin }
  - { id: inet, kind: internet }
  - { id: ra, kind: remote-access }
assets:
  - { id: pc, kind: workstation, zone: lan }
  - { id: fs, kind: file-server, zone: lan }
  - { id: app, kind: server, zone: srv }
  - { id: dc, kind: directory, zone: srv }
  - { id: proxy, kind: proxy, zone: srv }
  - { id: siem, kind: siem, zone: srv }
  - { id: nas, kind: storage, zone: srv }
  - { id: crm, kind: saas }
  - { id: admin-pc, kind: admin-workstation, zone: adm }
  - { id: core, kind: firewall }
  - { id: fw, kind: firewall }
  - { id: fw2, kind: firewall }
  - { id: fw3, kind: firewall }
  - { id: jump, kind: firewall }
  - { id: vpn, kind: vpn-gateway }
flows:
  - { id: f-log, from: fw, to: siem, protocol: syslog }
  - { id: f-events, from: app, to: siem, protocol: other }
  - { id: f-backup, from: app, to: nas, protocol: smb }
  - { id: f-ad, from: lan, to: dc, protocol: kerberos, via: [core] }
  - { id: f-crm, from: lan, to: crm, protocol: https, via: [proxy, fw] }
  - { id: f-proxy, from: lan, to: proxy, protocol: http }
  - { id: f-out, from: proxy, to: inet, protocol: https, via: [fw] }
  - { id: f-app, from: pc, to: app, protocol: https, via: [fw2] }
  - { id: f-admin, from: admin-pc, to: app, protocol: rdp, via: [jump] }
  - { id: f-remote, from: ra, to: app, protocol: https, via: [vpn] }
  - { id: f-office, from: lan2, to: app, protocol: smb, via: [fw3] }
backups: [{ id: b-app, protects: [app], target: nas }]
processes:
  - { id: p, rto: 1d, assets: [pc, app] }
  - { id: q, rto: 1d, assets: [app, fs] }
`;

describe('analyseBia — what a process does not rest on', () => {
  const result = analyseBia(modelFrom(overPropagation).graph);
  const support = (id: string) => result.processes.find((p) => p.process === id)?.assets;

  it('follows needed services only: no log collector, backup target, other SaaS or admin path', () => {
    expect(support('p')).toEqual([
      { asset: 'app', reason: 'process-asset' },
      { asset: 'core', reason: 'flow-via', from: 'pc' },
      { asset: 'dc', reason: 'service', from: 'pc' },
      // the proxy is pc's only way out; the proxy itself goes out through fw
      { asset: 'fw', reason: 'flow-via', from: 'proxy' },
      // pc's flow to app, which p rests on
      { asset: 'fw2', reason: 'flow-via', from: 'pc' },
      { asset: 'pc', reason: 'process-asset' },
      { asset: 'proxy', reason: 'service', from: 'pc' },
      // remote staff, never listed in a process
      { asset: 'vpn', reason: 'flow-via', from: 'app' },
    ]);
  });

  it('counts the users inside only for a process that lists none of their workstations', () => {
    // q lists no workstation: anyone inside reaching app is its user (pc through fw2, lan2
    // through fw3), not the administrator; fs, in the users' zone, runs none of their flows
    expect(support('q')).toEqual([
      { asset: 'app', reason: 'process-asset' },
      { asset: 'fs', reason: 'process-asset' },
      { asset: 'fw2', reason: 'flow-via', from: 'app' },
      { asset: 'fw3', reason: 'flow-via', from: 'app' },
      { asset: 'vpn', reason: 'flow-via', from: 'app' },
    ]);
    expect(result.assets.map((a) => a.asset)).not.toContain('siem');
  });

  it('still follows the proxy when a workstation can go out without it: then it is not needed', () => {
    const bypass = overPropagation.replace(
      '  - { id: f-app,',
      '  - { id: f-direct, from: pc, to: inet, protocol: https, via: [fw] }\n  - { id: f-app,',
    );
    const p = analyseBia(modelFrom(bypass).graph).processes.find((x) => x.process === 'p');
    expect(p?.assets.map((a) => a.asset)).toEqual(['app', 'core', 'dc', 'fw2', 'pc', 'vpn']);
  });
});

describe('analyseBia — flags', () => {
  it('flags an RTO longer than the MTPD', () => {
    // the loader reports it as an error; the engine still analyses the loaded model
    const graph = loose(`${org}
processes:
  - { id: slow, rto: 2d, mtpd: 1d }
  - { id: fine, rto: 1d, mtpd: 1d }
`);
    const flags = analyseBia(graph).flags.filter((f) => f.code === 'rto-exceeds-mtpd');
    expect(flags.map((f) => f.subjects)).toEqual([['slow']]);
  });

  it('flags an RPO tighter than the backups give', () => {
    const { graph } = modelFrom(`${org}
assets: [{ id: db, kind: database }]
data: [{ id: orders, storedOn: [db] }]
backups: [{ id: nightly, protects: [db], frequency: 1d }]
processes:
  - { id: tight, rpo: 4h, data: [orders] }
  - { id: loose, rpo: 1w, data: [orders] }
`);
    const flags = analyseBia(graph).flags.filter((f) => f.code === 'rpo-not-achievable');
    expect(flags.map((f) => f.subjects)).toEqual([['tight', 'nightly']]);
    expect(flags[0]?.message.en).toContain('every 1 day');
    expect(flags[0]?.message.fr).toContain('(à intervalle de 1 jour)');
  });

  it('flags an asset whose declared recovery exceeds the RTO', () => {
    const { graph } = modelFrom(`${org}
assets:
  - { id: slow, kind: server, recovery: { duration: 2d }, redundancy: { mode: active-passive } }
  - { id: quick, kind: server, recovery: { duration: 12h } }
processes: [{ id: p, rto: 1d, mtpd: 2d, assets: [slow, quick] }]
`);
    const result = analyseBia(graph);
    const flags = result.flags.filter((f) => f.code === 'asset-recovery-exceeds-rto');
    expect(flags.map((f) => f.subjects)).toEqual([['slow', 'p']]);
    expect(result.assumptions.filter((a) => a.subject === 'slow')).toEqual([]);
  });

  it('flags a single point of failure only under a tight RTO (≤ 4 h, or the option)', () => {
    const yaml = `${org}
assets:
  - { id: a, kind: server }
  - { id: b, kind: server }
  - { id: c, kind: server, redundancy: { mode: active-passive } }
processes:
  - { id: tight, rto: 4h, assets: [a, c] }
  - { id: loose, rto: 5h, assets: [b] }
`;
    const spof = (options?: { tightRtoMinutes: number }): string[][] =>
      analyseBia(modelFrom(yaml).graph, options)
        .flags.filter((f) => f.code === 'single-point-of-failure')
        .map((f) => [...f.subjects]);
    expect(spof()).toEqual([['a', 'tight']]);
    expect(spof({ tightRtoMinutes: 300 })).toEqual([
      ['a', 'tight'],
      ['b', 'loose'],
    ]);
  });

  it('assumes what a process does not declare and says so', () => {
    const { graph } = modelFrom(`${org}
processes:
  - { id: bare }
  - { id: rto-only, rto: 1d, needs: { availability: 4 } }
`);
    const result = analyseBia(graph);
    const bare = result.processes.find((p) => p.process === 'bare');
    expect(bare?.availability).toBe(2);
    expect(bare?.impact.map((p) => p.level)).toEqual([2, 2, 2, 2, 2]);
    expect(result.assumptions.filter((a) => a.subject === 'bare')).toHaveLength(2);
    // MTPD assumed 2 × RTO = 2d: 4h → 1, 1d → 2, 3d on → 4
    const rtoOnly = result.processes.find((p) => p.process === 'rto-only');
    expect(rtoOnly?.impact.map((p) => p.level)).toEqual([1, 2, 4, 4, 4]);
    expect(result.assumptions.find((a) => a.subject === 'rto-only')?.message.en).toContain(
      'twice the RTO',
    );
  });
});

describe('analyseBia — invalid models', () => {
  it('survives process and hosting cycles', () => {
    const graph = loose(`${org}
assets:
  - { id: x, kind: virtual-machine, hostedOn: y }
  - { id: y, kind: virtual-machine, hostedOn: x }
processes:
  - { id: a, rto: 1h, dependsOn: [b], assets: [x] }
  - { id: b, rto: 2h, dependsOn: [a] }
`);
    const result = analyseBia(graph);
    expect(result.processes.map((p) => p.dependencies)).toEqual([['b'], ['a']]);
    expect(result.processes[1]?.assets.map((a) => a.asset)).toEqual(['x', 'y']);
    expect(result.flags.filter((f) => f.code === 'depends-on-slower-process')).toHaveLength(1);
  });
});

describe('impactLevel', () => {
  it('is low before the RTO, the need at the MTPD, rising in between', () => {
    expect(impactLevel(100, 4, 240, 1440)).toBe(1);
    expect(impactLevel(240, 4, 240, 1440)).toBe(2);
    // 1 + ⌈3 · 960 / 1200⌉ = 1 + ⌈2.4⌉ = 4
    expect(impactLevel(1200, 4, 240, 1440)).toBe(4);
    expect(impactLevel(600, 4, 240, 1440)).toBe(2);
    expect(impactLevel(1440, 3, 240, 1440)).toBe(3);
    // a need of 1 never rises
    expect(impactLevel(1000, 1, 240, 1440)).toBe(1);
  });
});
