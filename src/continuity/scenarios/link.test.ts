import { describe, expect, it } from 'vitest';
import { modelFrom } from '../../../test/support/model.js';
import { DEFAULT_LINK_RESTORE_MINUTES } from './link.js';
import { simulateScenario } from './simulate.js';

/**
 * plant (one link): its office uses m365 and crm (in the cloud) and erp (at hq), publishes web
 * to the Internet, and bi at hq reads its historian hist; local runs on the plant's OT network,
 * with no flow out. hq has a redundant link, br two operators. p uses m365 (from anywhere), s
 * is the plant office's work with m365, t hq's reporting on the plant's historian. erp ships its
 * logs to web and hq administers local: neither makes anything unusable.
 */
const model = `
organisation: { name: Test }
sites:
  - { id: plant }
  - { id: hq, network: { redundant: true } }
  - { id: br, network: { providers: [A, B] } }
zones:
  - { id: inet, kind: internet }
  - { id: lan, kind: user, site: plant }
  - { id: dmz, kind: dmz, site: plant }
  - { id: cloud, kind: cloud }
  - { id: hqlan, kind: user, site: hq }
  - { id: ot, kind: ot, site: plant }
  - { id: hqsrv, kind: server, site: hq }
assets:
  - { id: pc, kind: workstation, zone: lan }
  - { id: m365, kind: saas }
  - { id: crm, kind: server, zone: cloud }
  - { id: web, kind: web-application, zone: dmz }
  - { id: local, kind: server, zone: ot }
  - { id: unused, kind: saas }
  - { id: erp, kind: server, zone: hqsrv }
  - { id: bi, kind: server, zone: hqsrv }
  - { id: hist, kind: historian, zone: ot }
flows:
  - { id: f1, from: lan, to: m365, protocol: https }
  - { id: f2, from: pc, to: crm, protocol: https }
  - { id: f3, from: inet, to: web, protocol: https }
  - { id: f4, from: hqlan, to: unused, protocol: https }
  - { id: f5, from: lan, to: erp, protocol: https }
  - { id: f6, from: bi, to: hist, protocol: https }
  - { id: f7, from: erp, to: web, protocol: syslog }
  - { id: f8, from: hqlan, to: local, protocol: rdp }
processes:
  - { id: p, rto: 4h, assets: [m365] }
  - { id: q, rto: 2d, assets: [web] }
  - { id: r, rto: 1h, assets: [local] }
  - { id: s, rto: 4h, assets: [pc, m365] }
  - { id: t, rto: 2d, assets: [bi] }
`;

describe('link', () => {
  const { graph } = modelFrom(model);

  it("cuts the site's users off the services beyond the link, not the services for everyone", () => {
    const result = simulateScenario(graph, { kind: 'link', target: 'plant' });
    // pc loses m365, crm and erp (via the first met); hq's bi loses the plant's historian;
    // web is cut off from the Internet. m365, crm and erp keep running for the other sites.
    expect(result.lost).toEqual([
      { asset: 'bi', cause: 'link', via: 'hist' },
      { asset: 'pc', cause: 'link', via: 'm365' },
      { asset: 'web', cause: 'link', via: 'inet' },
    ]);
    expect(DEFAULT_LINK_RESTORE_MINUTES).toBe(1440);
    // everything comes back together with the link, after one day
    expect(result.plan.tasks.map((t) => [t.asset, t.start, t.end]).sort()).toEqual([
      ['bi', 0, 1440],
      ['pc', 0, 1440],
      ['web', 0, 1440],
    ]);
    expect(result.processes.find((x) => x.process === 'p')?.impacted).toBe(false);
    expect(result.processes.find((x) => x.process === 's')).toMatchObject({
      impacted: true,
      achievable: 1440,
      rtoStatus: 'missed',
    });
    expect(result.processes.find((x) => x.process === 't')?.rtoStatus).toBe('met');
    expect(result.processes.find((x) => x.process === 'q')?.rtoStatus).toBe('met');
    expect(result.processes.find((x) => x.process === 'r')?.impacted).toBe(false);
    expect(result.runbook.find((x) => x.asset === 'bi')?.action.en).toBe(
      'Get the Internet link of plant restored by the operator: bi reaches hist again',
    );
    expect(result.dataLoss).toEqual([]); // nothing is destroyed
    expect(result.assumptions.some((a) => a.subject === 'plant')).toBe(true);
  });

  it("cuts another site's users off the site's services", () => {
    const { graph: g } = modelFrom(`
organisation: { name: T }
sites: [{ id: paris }, { id: lyon }]
zones:
  - { id: lan-paris, kind: user, site: paris }
  - { id: lan-lyon, kind: user, site: lyon }
assets:
  - { id: fs, name: File server, kind: file-server, site: paris }
  - { id: pc-paris, kind: workstation, zone: lan-paris }
  - { id: pc-lyon, kind: workstation, zone: lan-lyon }
flows:
  - { id: f1, from: lan-paris, to: fs, protocol: smb }
  - { id: f2, from: lan-lyon, to: fs, protocol: smb }
processes:
  - { id: files, rto: 4h, assets: [fs, pc-paris] }
  - { id: branch, rto: 4h, assets: [pc-lyon] }
`);
    const lyon = simulateScenario(g, { kind: 'link', target: 'lyon' });
    expect(lyon.lost).toEqual([{ asset: 'pc-lyon', cause: 'link', via: 'fs' }]);
    expect(lyon.processes.find((x) => x.process === 'files')?.impacted).toBe(false);
    expect(lyon.processes.find((x) => x.process === 'branch')?.impacted).toBe(true);
    // from Paris's side: Lyon's users lose the file server, which keeps serving Paris
    const paris = simulateScenario(g, { kind: 'link', target: 'paris' });
    expect(paris.lost).toEqual([{ asset: 'pc-lyon', cause: 'link', via: 'fs' }]);
    expect(paris.processes.find((x) => x.process === 'files')?.impacted).toBe(false);
  });

  it('is absorbed by a redundant link', () => {
    for (const site of ['hq', 'br']) {
      const result = simulateScenario(graph, { kind: 'link', target: site });
      expect(result.lost).toEqual([]);
      expect(result.assumptions[0]?.message.en).toContain('redundant Internet link');
    }
  });

  it('reports an unknown site as an error', () => {
    expect(simulateScenario(graph, { kind: 'link', target: 'mars' }).error?.en).toBe(
      'link: mars is not a site of the model.',
    );
  });
});
