import { describe, expect, it } from 'vitest';
import { exampleModel, modelFrom } from '../../../test/support/model.js';
import { analysesOf } from './index.js';
import { analyseInternetExposure } from './internet-exposure.js';

const yaml = `
organisation: { name: Test }
zones:
  - { id: internet, kind: internet }
  - { id: dmz, kind: dmz }
  - { id: dmz-web, kind: dmz, parent: dmz }
  - { id: lan, kind: user }
assets:
  - { id: web, kind: web-application, zone: dmz-web }
  - { id: proxy, kind: reverse-proxy, zone: dmz }
  - { id: router, kind: router, zone: lan, adminInterfaces: [{ protocol: https, port: 443, from: [internet] }] }
  - { id: pc, kind: workstation, zone: lan }
  - { id: crm, kind: saas }
flows:
  - { id: f-dmz, from: internet, to: dmz, protocol: https, port: 443 }
  - { id: f-tunnel, from: pc, to: internet, protocol: openvpn, port: 1194, bidirectional: true }
  - { id: f-out, from: pc, to: internet, protocol: https, port: 443 }
  - { id: f-crm, from: internet, to: crm, protocol: https, port: 443 }
`;

describe('analyseInternetExposure', () => {
  const analysis = analyseInternetExposure(modelFrom(yaml).graph);

  it('finds every asset of a zone reached, both-way flows and admin interfaces, not SaaS', () => {
    expect(
      analysis.exposures.map((e) => [
        e.target,
        e.flow?.id ?? 'admin',
        `${e.protocol}/${String(e.port)}`,
      ]),
    ).toEqual([
      ['proxy', 'f-dmz', 'https/443'],
      ['web', 'f-dmz', 'https/443'],
      ['pc', 'f-tunnel', 'openvpn/1194'],
      ['router', 'admin', 'https/443'],
    ]);
    expect([...analysis.byTarget.keys()]).toEqual(['proxy', 'web', 'pc', 'router']);
    expect(analysis.byTarget.get('router')?.[0]?.adminInterface).toBe(true);
  });

  it('is computed once per graph and shared by rules and documents', () => {
    const { graph } = exampleModel('forges-de-l-est');
    const shared = analysesOf(graph).internetExposure;
    expect(analysesOf(graph).internetExposure).toBe(shared);
    expect(shared).toEqual(analyseInternetExposure(graph));
    expect(shared.byTarget.has('routeur-maintenance-ot')).toBe(true);
  });
});
