import { describe, expect, it } from 'vitest';
import { modelFrom } from '../../../test/support/model.js';
import { DEFAULT_LINK_RESTORE_MINUTES } from './link.js';
import { simulateScenario } from './simulate.js';

/**
 * plant (one link): its office uses m365 and crm (in the cloud) and erp (at hq), publishes web
 * to the Internet, and bi at hq reads its historian hist; local runs on the plant's OT network,
 * with no flow out. hq has a redundant link, br two operators.
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
processes:
  - { id: p, rto: 4h, assets: [m365] }
  - { id: q, rto: 2d, assets: [web] }
  - { id: r, rto: 1h, assets: [local] }
`;

describe('link', () => {
  const { graph } = modelFrom(model);

  it('cuts the cloud services the site uses and its Internet-facing assets until the link is back', () => {
    const result = simulateScenario(graph, { kind: 'link', target: 'plant' });
    expect(result.lost).toEqual([
      { asset: 'crm', cause: 'link', via: 'plant' },
      { asset: 'erp', cause: 'link', via: 'plant' },
      { asset: 'hist', cause: 'link', via: 'plant' },
      { asset: 'm365', cause: 'link', via: 'plant' },
      { asset: 'web', cause: 'link', via: 'plant' },
    ]);
    expect(DEFAULT_LINK_RESTORE_MINUTES).toBe(1440);
    // everything comes back together with the link, after one day
    expect(result.plan.tasks.map((t) => [t.asset, t.start, t.end]).sort()).toEqual([
      ['crm', 0, 1440],
      ['erp', 0, 1440],
      ['hist', 0, 1440],
      ['m365', 0, 1440],
      ['web', 0, 1440],
    ]);
    expect(result.processes.find((x) => x.process === 'p')?.rtoStatus).toBe('missed');
    expect(result.processes.find((x) => x.process === 'q')?.rtoStatus).toBe('met');
    expect(result.processes.find((x) => x.process === 'r')?.impacted).toBe(false);
    expect(result.dataLoss).toEqual([]); // nothing is destroyed
    expect(result.assumptions.some((a) => a.subject === 'plant')).toBe(true);
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
