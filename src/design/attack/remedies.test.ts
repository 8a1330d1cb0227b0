import { describe, expect, it } from 'vitest';
import { modelFrom } from '../../../test/support/model.js';
import type { AttackNode } from './attack-graph.js';
import { isCriticalProcess, processesNeeding, remedyOf } from './remedies.js';

const base = `
organisation: { name: Test }
zones:
  - { id: lan, kind: user }
  - { id: srv, kind: server }
  - { id: adm, kind: admin }
assets:
  - { id: pc, kind: workstation, zone: lan }
  - id: sw
    kind: switch
    zone: srv
    adminInterfaces:
      - { protocol: https, from: [lan] }
      - { protocol: ssh, from: [adm] }
      - { protocol: ssh, from: [adm], mfa: true }
  - { id: erp, kind: application, zone: srv }
  - { id: router, kind: router, zone: srv }
processes:
  - { id: sales, needs: { integrity: 3 }, assets: [pc, erp] }
  - { id: archive, needs: { availability: 1 }, assets: [pc, router], rto: 1w }
flows:
  - { id: f-erp, from: lan, to: erp, protocol: https, port: 443 }
  - { id: f-router, from: lan, to: router, protocol: ssh, port: 22 }
identities:
  - { id: boss-admin, kind: person, privileged: true, mfa: true, loginFrom: [lan], rights: [{ on: erp, level: admin }] }
  - { id: root, kind: person, mfa: false, loginFrom: [lan], rights: [{ on: erp, level: admin }] }
  - { id: clerk, kind: person, mfa: true, loginFrom: [lan], rights: [{ on: erp, level: user }] }
  - { id: temp, kind: person, loginFrom: [lan], rights: [{ on: erp, level: user }] }
  - id: vendor
    kind: third-party
    rights: [{ on: router, level: admin }]
    remoteAccess: { via: router, authentication: mfa }
`;
const graph = modelFrom(base).graph;
const graphWithoutAdminZone = modelFrom(
  base.replace('  - { id: adm, kind: admin }', '  - { id: adm, kind: server }'),
).graph;

const hub = (
  kind: AttackNode['kind'],
  entity: string,
  extra: Partial<AttackNode> = {},
): AttackNode => ({ id: `${kind}:${entity}`, kind, entity, cost: 1, ...extra });

describe('remedyOf', () => {
  it('does not ask for MFA where the model says it exists', () => {
    const admin = remedyOf(graph, hub('identity', 'boss-admin'));
    expect(admin.cost).toBe('control');
    expect(admin.action.en).toContain('it has MFA');
    expect(admin.action.en).not.toMatch(/: MFA/);
    const noMfa = remedyOf(graph, hub('identity', 'root'));
    expect(noMfa.action.en).toContain('MFA, a separate account');
    const clerk = remedyOf(graph, hub('login', 'clerk', { on: 'lan' }));
    expect(clerk.action.en).not.toContain('MFA for');
    expect(remedyOf(graph, hub('login', 'temp', { on: 'lan' })).action.en).toContain(
      'Require MFA for',
    );
    const vendor = remedyOf(graph, hub('remote-access', 'vendor', { on: 'router' }));
    expect(vendor.action.en).toContain('already requires MFA');
    expect(vendor.cost).toBe('configuration');
  });

  it('treats logins from the Internet apart', () => {
    const withNet = modelFrom(
      base.replace(
        '  - { id: adm, kind: admin }',
        '  - { id: adm, kind: admin }\n  - { id: net, kind: internet }',
      ),
    ).graph;
    const clerk = remedyOf(withNet, hub('login', 'clerk', { on: 'net' }));
    expect(clerk).toMatchObject({ cost: 'configuration' });
    expect(clerk.action.en).toContain('only through the VPN');
    expect(clerk.action.en).not.toContain('Require MFA');
    const temp = remedyOf(withNet, hub('login', 'temp', { on: 'net' }));
    expect(temp).toMatchObject({ cost: 'control' });
    expect(temp.action.fr).toContain('Exiger la MFA');
  });

  it('gives administrator advice to administrators only', () => {
    const admin = remedyOf(graph, hub('login', 'root', { on: 'lan' }));
    expect(admin).toMatchObject({ cost: 'configuration' });
    expect(admin.action.en).toContain('administer only from');
    expect(remedyOf(graphWithoutAdminZone, hub('login', 'root', { on: 'lan' }))).toMatchObject({
      cost: 'architecture',
    });
    for (const user of ['clerk', 'temp']) {
      const remedy = remedyOf(graph, hub('login', user, { on: 'lan' }));
      expect(remedy.action.en).not.toContain('administer');
      expect(remedy.action.fr).not.toContain('administrer');
    }
    expect(remedyOf(graph, hub('identity', 'clerk')).action.en).not.toContain('administrat');
  });

  it('restricts, then protects, then isolates an administration interface', () => {
    const at = (index: number) => remedyOf(graph, hub('admin-interface', 'sw', { index }));
    expect(at(0).cost).toBe('configuration');
    expect(at(0).action.en).toContain('open to lan');
    expect(at(1)).toMatchObject({ cost: 'control' });
    expect(at(1).action.en).toContain('Require MFA');
    expect(at(2)).toMatchObject({ cost: 'architecture' });
    expect(at(2).action.en).not.toContain('MFA');
  });

  it('classes a flow a critical process needs as a business flow removal', () => {
    expect(processesNeeding(graph, graph.flow('f-erp')!)).toEqual(['sales']);
    expect(remedyOf(graph, hub('flow', 'f-erp')).cost).toBe('business-flow');
    // the archive process is neither critical by its needs nor by its recovery time
    expect(isCriticalProcess(graph.process('archive')!)).toBe(false);
    expect(processesNeeding(graph, graph.flow('f-router')!)).toEqual([]);
    const router = remedyOf(graph, hub('flow', 'f-router'));
    expect(router.cost).toBe('configuration');
    expect(router.action.fr).toContain('ou le restreindre aux équipements de');
  });
});
