import { describe, expect, it } from 'vitest';
import { modelFrom } from '../../test/support/model.js';
import { analyseNeeds } from './needs.js';

const model = `
organisation: { name: Test }
zones:
  - { id: users, kind: user }
  - { id: servers, kind: server }
assets:
  - { id: hv, kind: hypervisor, zone: servers }
  - { id: db, kind: database, zone: servers, hostedOn: hv }
  - { id: app, kind: application, zone: servers }
  - { id: ws, kind: workstation, zone: users }
  - { id: fw, kind: firewall, zone: servers }
  - { id: nas, kind: storage, zone: servers }
  - { id: nas-app, kind: storage, zone: servers }
  - { id: idle, kind: server, zone: servers }
data:
  - id: records
    needs: { availability: 4, integrity: 3, confidentiality: 4, proof: 2 }
    storedOn: [db]
processes:
  - { id: care, name: Care, needs: { availability: 4, integrity: 2 }, assets: [app] }
flows:
  - { id: f-ws-app, from: ws, to: app, protocol: https, data: [records], via: [fw] }
  - { id: f-app-db, from: app, to: db, protocol: postgresql, data: [records] }
  - { id: f-ws-users, from: ws, to: users, protocol: smb }
backups:
  - { id: b-db, protects: [records], target: nas }
  - { id: b-app, protects: [app], target: nas-app }
`;

describe('needs propagation follows the data', () => {
  const needs = analyseNeeds(modelFrom(model).graph);
  const level = (id: string, criterion: 'availability' | 'integrity' | 'confidentiality') =>
    needs.of(id)[criterion].level;

  it('gives the assets at both ends of a flow the confidentiality need of the data it carries', () => {
    expect(level('ws', 'confidentiality')).toBe(4);
    expect(needs.of('ws').confidentiality.source).toBe('records');
    expect(level('ws', 'availability')).toBe(0);
    expect(level('ws', 'integrity')).toBe(0);
    expect(level('app', 'confidentiality')).toBe(4);
    expect(level('app', 'availability')).toBe(4);
  });

  it('does not raise the relays a flow crosses, nor assets the data never reaches', () => {
    expect(level('fw', 'confidentiality')).toBe(0);
    expect(level('idle', 'confidentiality')).toBe(0);
  });

  it('gives a backup target the C, I and P needs of the data or assets it holds copies of', () => {
    expect(level('nas', 'confidentiality')).toBe(4);
    expect(level('nas', 'integrity')).toBe(3);
    expect(level('nas', 'availability')).toBe(0);
    expect(level('nas-app', 'confidentiality')).toBe(4);
    expect(level('nas-app', 'availability')).toBe(0);
  });

  it('raises the hosts of a storing asset', () => {
    expect(level('hv', 'confidentiality')).toBe(4);
  });
});
