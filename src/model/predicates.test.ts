import { describe, expect, it } from 'vitest';
import { createTranslator } from '../i18n/index.js';
import { loadModel } from './load.js';
import {
  effectiveZoneKind,
  enclosingZone,
  filteringDevices,
  hasPrivileges,
  isCloudAsset,
  isExternal,
  isInZoneKind,
  isOtAsset,
  isOtEndpoint,
  isOutside,
  isUserSide,
  isWithinZone,
  label,
  privilegedGroups,
  zoneChainOf,
  zoneKindOf,
  zoneOf,
} from './predicates.js';

const MODEL = `
organisation: {name: Predicates}
zones:
  - {id: site, kind: other}
  - {id: lan, kind: user, parent: site}
  - {id: office, kind: other, parent: lan}
  - {id: srv, kind: server, parent: site}
  - {id: plant, kind: ot}
  - {id: cell, kind: other, parent: plant}
  - {id: internet, kind: internet}
  - {id: cloud, kind: cloud}
assets:
  - {id: hv, name: Hypervisor, kind: hypervisor, zone: srv}
  - {id: vm, kind: virtual-machine, hostedOn: hv}
  - {id: pc, kind: workstation, zone: office}
  - {id: plc, kind: plc, zone: lan}
  - {id: hmi-box, kind: server, zone: cell}
  - {id: crm, kind: saas}
  - {id: bucket, kind: storage, zone: cloud}
  - {id: fw, kind: firewall, zone: srv}
  - {id: sw, kind: switch, zone: srv}
flows:
  - {id: f, from: pc, to: vm, protocol: https, via: [sw, fw]}
identities:
  - {id: admins, kind: group, privileged: true}
  - {id: alice, kind: person, memberOf: [admins]}
  - {id: bob, kind: person, rights: [{on: vm, level: admin}]}
  - {id: carol, kind: person}
`;

const { graph, valid } = loadModel([{ file: 'model.yaml', text: MODEL }], {
  t: createTranslator('en'),
});
const asset = (id: string) => {
  const found = graph.asset(id);
  if (found === undefined) throw new Error(id);
  return found;
};
const identity = (id: string) => {
  const found = graph.identity(id);
  if (found === undefined) throw new Error(id);
  return found;
};

describe('model predicates', () => {
  it('loads the fixture', () => {
    expect(valid).toBe(true);
  });

  it('places an endpoint in its zone, a zoneless VM in its host’s, a zone in itself', () => {
    expect(zoneOf(graph, 'pc')?.id).toBe('office');
    expect(zoneOf(graph, 'vm')?.id).toBe('srv');
    expect(zoneOf(graph, 'lan')?.id).toBe('lan');
    expect(zoneOf(graph, 'crm')).toBeUndefined();
    expect(zoneKindOf(graph, 'vm')).toBe('server');
    expect(zoneChainOf(graph, 'pc')).toEqual(['office', 'lan', 'site']);
    expect(zoneChainOf(graph, 'vm')).toEqual(['srv', 'site']);
    expect(zoneChainOf(graph, 'crm')).toEqual([]);
  });

  it('finds zones of a kind around an endpoint, nearest first', () => {
    expect(isInZoneKind(graph, 'pc', ['user'])).toBe(true);
    expect(isInZoneKind(graph, 'pc', ['server'])).toBe(false);
    expect(enclosingZone(graph, 'pc', ['user', 'other'])).toBe('office');
    expect(enclosingZone(graph, 'vm', ['server'])).toBe('srv');
    expect(effectiveZoneKind(graph, 'pc')).toBe('user');
    expect(effectiveZoneKind(graph, 'site')).toBeUndefined();
    expect(isWithinZone(graph, 'pc', 'lan')).toBe(true);
    expect(isWithinZone(graph, 'vm', 'lan')).toBe(false);
    expect(isUserSide(graph, 'office')).toBe(true);
    expect(isExternal(graph, 'internet')).toBe(true);
    expect(isExternal(graph, 'pc')).toBe(false);
  });

  it('tells OT assets and endpoints by kind or by zone', () => {
    expect(isOtAsset(graph, asset('plc'))).toBe(true);
    expect(isOtAsset(graph, asset('hmi-box'))).toBe(true);
    expect(isOtAsset(graph, asset('pc'))).toBe(false);
    expect(isOtEndpoint(graph, 'cell')).toBe(true);
    expect(isOtEndpoint(graph, 'lan')).toBe(false);
  });

  it('puts the Internet and cloud services outside the perimeter', () => {
    expect(isOutside(graph, 'internet')).toBe(true);
    expect(isOutside(graph, 'crm')).toBe(true);
    expect(isOutside(graph, 'bucket')).toBe(true);
    expect(isOutside(graph, 'vm')).toBe(false);
    expect(isCloudAsset(graph, asset('crm'))).toBe(true);
    expect(isCloudAsset(graph, asset('bucket'))).toBe(true);
    expect(isCloudAsset(graph, asset('fw'))).toBe(false);
  });

  it('keeps the filtering devices of a flow’s via', () => {
    const flow = graph.flow('f');
    expect(flow === undefined ? [] : filteringDevices(graph, flow)).toEqual(['fw']);
  });

  it('tells privileges held directly, through a group or through admin rights', () => {
    expect(privilegedGroups(graph, identity('alice'))).toEqual(['admins']);
    expect(hasPrivileges(graph, identity('alice'))).toBe(true);
    expect(hasPrivileges(graph, identity('bob'))).toBe(true);
    expect(hasPrivileges(graph, identity('carol'))).toBe(false);
  });

  it('labels an entity by its name, else its id, and an unknown id by itself', () => {
    expect(label(graph, 'hv')).toBe('Hypervisor');
    expect(label(graph, 'vm')).toBe('vm');
    expect(label(graph, 'nowhere')).toBe('nowhere');
  });
});
