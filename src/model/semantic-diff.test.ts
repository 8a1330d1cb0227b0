import { describe, expect, it } from 'vitest';
import { diffValues, semanticDiff } from './semantic-diff.js';

const ZONES = `zones:
  - id: lan
    name: LAN
    kind: user
  - id: dmz
    name: DMZ
    kind: dmz
`;
const ASSETS = `# servers
assets:
  - id: srv-a
    name: Server A
    kind: server
    zone: lan
    os: { name: Debian, version: '11' }
    addresses: [10.0.0.1]
    adminInterfaces:
      - { protocol: ssh, port: 22, from: [lan] }
  - id: srv-b
    name: Server B
    kind: server
    zone: dmz
`;

describe('semantic diff of two versions', () => {
  it('finds nothing between identical models, whatever the layout and comments', () => {
    const reformatted = ASSETS.replace('# servers\n', '').replace(
      "os: { name: Debian, version: '11' }",
      "os:\n      name: Debian\n      version: '11'",
    );
    const diff = semanticDiff({ 'a.yaml': ASSETS }, { 'b.yaml': reformatted });
    expect(diff.entities).toEqual([]);
  });

  it('lists added, removed and changed entities with the changed fields', () => {
    const after = ASSETS.replace('zone: dmz', 'zone: lan')
      .replace("version: '11'", "version: '12'")
      .replace('  - id: srv-a', '  - id: srv-c\n    name: Server C\n    kind: nas\n  - id: srv-a');
    const diff = semanticDiff(
      { 'zones.yaml': ZONES, 'assets.yaml': ASSETS },
      { 'zones.yaml': ZONES.replace(/ {2}- id: dmz\n.*\n.*\n/, ''), 'assets.yaml': after },
    );
    expect(diff.entities).toEqual([
      { kind: 'assets', id: 'srv-c', name: 'Server C', status: 'added', fields: [] },
      { kind: 'zones', id: 'dmz', name: 'DMZ', status: 'removed', fields: [] },
      {
        kind: 'assets',
        id: 'srv-a',
        name: 'Server A',
        status: 'changed',
        fields: [{ path: 'os.version', before: '11', after: '12' }],
      },
      {
        kind: 'assets',
        id: 'srv-b',
        name: 'Server B',
        status: 'changed',
        fields: [{ path: 'zone', before: 'dmz', after: 'lan' }],
      },
    ]);
  });

  it('sees a renamed id as one entity removed and one added', () => {
    const diff = semanticDiff(
      { 'z.yaml': ZONES },
      { 'z.yaml': ZONES.replace('id: lan', 'id: lan-1') },
    );
    expect(diff.entities.map((e) => [e.status, e.id])).toEqual([
      ['added', 'lan-1'],
      ['removed', 'lan'],
    ]);
  });

  it('follows an entity moved to another file', () => {
    const diff = semanticDiff(
      { 'a.yaml': `${ZONES}${ASSETS.replace('# servers\n', '')}` },
      { 'z.yaml': ZONES, 'a.yaml': ASSETS },
    );
    expect(diff.entities).toEqual([]);
  });

  it('reports nested fields, lists of scalars and lists of mappings', () => {
    const after = ASSETS.replace('addresses: [10.0.0.1]', 'addresses: [10.0.0.1, 10.0.0.2]')
      .replace(
        '{ protocol: ssh, port: 22, from: [lan] }',
        '{ protocol: ssh, port: 2222, from: [lan] }',
      )
      .replace("os: { name: Debian, version: '11' }", 'os: { name: Debian }\n    owner: it');
    const [change] = semanticDiff({ 'a.yaml': ASSETS }, { 'a.yaml': after }).entities;
    expect(change?.fields).toEqual([
      { path: 'os.version', before: '11' },
      { path: 'addresses', before: ['10.0.0.1'], after: ['10.0.0.1', '10.0.0.2'] },
      { path: 'adminInterfaces[0].port', before: 22, after: 2222 },
      { path: 'owner', after: 'it' },
    ]);
  });

  it('matches list items by id when they have one', () => {
    expect(
      diffValues(
        {
          rights: [
            { id: 'r1', on: 'a' },
            { id: 'r2', on: 'b' },
          ],
        },
        {
          rights: [
            { id: 'r2', on: 'c' },
            { id: 'r3', on: 'd' },
          ],
        },
      ),
    ).toEqual([
      { path: 'rights[r1]', before: { id: 'r1', on: 'a' } },
      { path: 'rights[r2].on', before: 'b', after: 'c' },
      { path: 'rights[r3]', after: { id: 'r3', on: 'd' } },
    ]);
  });

  it('compares the organisation, and says which files could not be read', () => {
    const org = 'organisation:\n  id: acme\n  name: Acme\n';
    const diff = semanticDiff(
      { 'o.yaml': org, 'z.yaml': ZONES },
      { 'o.yaml': org.replace('Acme\n', 'Acme SAS\n'), 'z.yaml': 'zones: [\n' },
    );
    expect(diff.entities).toEqual([
      {
        kind: 'organisation',
        id: 'acme',
        name: 'Acme SAS',
        status: 'changed',
        fields: [{ path: 'name', before: 'Acme', after: 'Acme SAS' }],
      },
    ]);
    // the zones of the unreadable file are not said to be removed
    expect(diff.unreadable).toEqual({ before: [], after: ['z.yaml'] });
  });
});
