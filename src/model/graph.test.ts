import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Flow } from '../domain/model/index.js';
import { createTranslator } from '../i18n/index.js';
import { loadModel, type LoadResult } from './load.js';

const t = createTranslator('en');
const load = (text: string): LoadResult => loadModel([{ file: 'model.yaml', text }], { t });
const flowIds = (flows: readonly Flow[]): string[] => flows.map((f) => f.id);

/**
 * Two sites; zones nested three deep (corp > servers > dev); a VM chain (app-erp on vm-erp on
 * hyper) with no zone of its own; zone-level flows; a bidirectional flow; processes that depend
 * on each other; a backup stored on the hypervisor.
 */
const MODEL = `
organisation: {name: Graph Test}
sites:
  - {id: hq, kind: head-office}
  - {id: plant, kind: plant}
zones:
  - {id: internet, kind: internet}
  - {id: corp, kind: other, site: hq}
  - {id: lan, kind: user, parent: corp}
  - {id: servers, kind: server, parent: corp}
  - {id: dev, kind: server, parent: servers}
  - {id: ot, kind: ot, site: plant}
assets:
  - {id: fw, kind: firewall, zone: corp}
  - {id: pc, kind: workstation, zone: lan}
  - {id: hyper, kind: hypervisor, zone: servers}
  - {id: vm-erp, kind: virtual-machine, hostedOn: hyper}
  - {id: app-erp, kind: application, hostedOn: vm-erp}
  - {id: db, kind: database, zone: servers}
  - {id: build, kind: server, zone: dev}
  - {id: plc, kind: plc, zone: ot}
  - {id: web, kind: saas}
data:
  - {id: orders, storedOn: [db]}
flows:
  - {id: f-lan-erp, from: lan, to: app-erp, protocol: https, encryption: tls1.3}
  - {id: f-erp-db, from: app-erp, to: db, protocol: sql, port: 1433}
  - {id: f-pc-web, from: pc, to: web, protocol: https, via: [fw]}
  - {id: f-db-plc, from: db, to: plc, protocol: modbus, bidirectional: true}
  - {id: f-corp-internet, from: corp, to: internet, protocol: https, via: [fw]}
processes:
  - {id: p-sales, assets: [app-erp], data: [orders], dependsOn: [p-prod]}
  - {id: p-prod, assets: [plc]}
  - {id: p-it, dependsOn: [p-sales]}
backups:
  - {id: bk-db, protects: [db, orders], target: hyper}
`;

describe('ModelGraph on a hand-written model', () => {
  const { graph, diagnostics } = load(MODEL);

  it('is built from a model without errors', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('finds entities and their kinds', () => {
    expect(graph.get('pc')?.kind).toBe('asset');
    expect(graph.get('pc')?.entity).toEqual({ id: 'pc', kind: 'workstation', zone: 'lan' });
    expect(graph.get('nope')).toBeUndefined();
    expect(
      ['hq', 'lan', 'db', 'orders', 'f-erp-db', 'p-it', 'bk-db', 'nope'].map((id) =>
        graph.kindOf(id),
      ),
    ).toEqual(['site', 'zone', 'asset', 'data', 'flow', 'process', 'backup', undefined]);
    expect(graph.has('vm-erp')).toBe(true);
    expect(graph.asset('lan')).toBeUndefined();
    expect(graph.zone('lan')?.parent).toBe('corp');
  });

  it('lists the assets of a zone, recursively by default', () => {
    expect(graph.assetsOfZone('corp')).toEqual(['build', 'db', 'fw', 'hyper', 'pc']);
    expect(graph.assetsOfZone('corp', false)).toEqual(['fw']);
    expect(graph.assetsOfZone('servers')).toEqual(['build', 'db', 'hyper']);
    expect(graph.assetsOfZone('servers', false)).toEqual(['db', 'hyper']);
    expect(graph.assetsOfZone('internet')).toEqual([]);
    expect(graph.assetsOfZone('nope')).toEqual([]);
  });

  it('walks the zone tree', () => {
    expect(graph.childZones('corp')).toEqual(['lan', 'servers']);
    expect(graph.childZones('servers')).toEqual(['dev']);
    expect(graph.childZones('dev')).toEqual([]);
    expect(graph.zoneAncestors('dev')).toEqual(['servers', 'corp']);
    expect(graph.zoneAncestors('lan')).toEqual(['corp']);
    expect(graph.zoneAncestors('corp')).toEqual([]);
    expect(graph.zoneAncestors('nope')).toEqual([]);
  });

  it('finds the site of zones and assets', () => {
    expect(graph.siteOfZone('dev')).toBe('hq');
    expect(graph.siteOfZone('ot')).toBe('plant');
    expect(graph.siteOfZone('internet')).toBeUndefined();
    expect(graph.siteOfAsset('build')).toBe('hq');
    expect(graph.siteOfAsset('app-erp')).toBe('hq'); // through vm-erp, then hyper's zone
    expect(graph.siteOfAsset('plc')).toBe('plant');
    expect(graph.siteOfAsset('web')).toBeUndefined();
    expect(graph.siteOfAsset('nope')).toBeUndefined();
  });

  it('indexes flows by declared endpoint', () => {
    expect(flowIds(graph.flowsFrom('lan'))).toEqual(['f-lan-erp']);
    expect(flowIds(graph.flowsFrom('db'))).toEqual(['f-db-plc']);
    expect(flowIds(graph.flowsTo('db'))).toEqual(['f-erp-db']);
    expect(flowIds(graph.flowsTo('plc'))).toEqual(['f-db-plc']);
    expect(flowIds(graph.flowsFrom('pc'))).toEqual(['f-pc-web']);
    expect(flowIds(graph.flowsTo('pc'))).toEqual([]);
  });

  it('lists the flows an endpoint can initiate, with zone-level and bidirectional flows', () => {
    expect(flowIds(graph.outgoingFlows('pc'))).toEqual([
      'f-pc-web',
      'f-lan-erp',
      'f-corp-internet',
    ]);
    expect(flowIds(graph.outgoingFlows('plc'))).toEqual(['f-db-plc']);
    expect(flowIds(graph.outgoingFlows('db'))).toEqual(['f-db-plc', 'f-corp-internet']);
    expect(flowIds(graph.outgoingFlows('dev'))).toEqual(['f-corp-internet']);
    expect(flowIds(graph.outgoingFlows('app-erp'))).toEqual(['f-erp-db']);
    expect(flowIds(graph.outgoingFlows('web'))).toEqual([]);
  });

  it('lists neighbours in both directions, without via devices', () => {
    expect(graph.neighbours('db')).toEqual(['app-erp', 'plc']);
    expect(graph.neighbours('lan')).toEqual(['app-erp']);
    expect(graph.neighbours('app-erp')).toEqual(['db', 'lan']);
    expect(graph.neighbours('fw')).toEqual([]);
  });

  it('reaches endpoints breadth first, with the flow and node they were reached from', () => {
    expect(graph.reachableFrom('pc')).toEqual([
      { id: 'web', hops: 1, via: 'f-pc-web', from: 'pc' },
      { id: 'app-erp', hops: 1, via: 'f-lan-erp', from: 'pc' },
      { id: 'internet', hops: 1, via: 'f-corp-internet', from: 'pc' },
      { id: 'db', hops: 2, via: 'f-erp-db', from: 'app-erp' },
      { id: 'plc', hops: 3, via: 'f-db-plc', from: 'db' },
    ]);
    expect(graph.reachableFrom('plc')).toEqual([
      { id: 'db', hops: 1, via: 'f-db-plc', from: 'plc' },
      { id: 'internet', hops: 2, via: 'f-corp-internet', from: 'db' },
    ]);
    expect(graph.reachableFrom('web')).toEqual([]);
  });

  it('stops after maxHops', () => {
    expect(graph.reachableFrom('pc', { maxHops: 0 })).toEqual([]);
    expect(graph.reachableFrom('pc', { maxHops: 1 }).map((r) => r.id)).toEqual([
      'web',
      'app-erp',
      'internet',
    ]);
    expect(graph.reachableFrom('pc', { maxHops: 2 }).map((r) => r.id)).toEqual([
      'web',
      'app-erp',
      'internet',
      'db',
    ]);
  });

  it('follows only the flows accepted by follow', () => {
    const encrypted = (flow: Flow): boolean =>
      flow.encryption !== undefined && flow.encryption !== 'none';
    expect(graph.reachableFrom('pc', { follow: encrypted })).toEqual([
      { id: 'app-erp', hops: 1, via: 'f-lan-erp', from: 'pc' },
    ]);
    const seen: string[] = [];
    graph.reachableFrom('app-erp', {
      follow: (flow) => {
        seen.push(flow.id);
        return flow.protocol !== 'modbus';
      },
    });
    expect(seen).toEqual(['f-erp-db', 'f-db-plc', 'f-corp-internet']);
    expect(
      graph.reachableFrom('app-erp', { follow: (f) => f.protocol !== 'modbus' }).map((r) => r.id),
    ).toEqual(['db', 'internet']);
  });

  it('lists the hosts of an asset, nearest first', () => {
    expect(graph.hostsOf('app-erp')).toEqual(['vm-erp', 'hyper']);
    expect(graph.hostsOf('vm-erp')).toEqual(['hyper']);
    expect(graph.hostsOf('hyper')).toEqual([]);
  });

  it('finds what a process rests on, transitively', () => {
    expect(graph.supportOf('p-sales')).toEqual({
      assets: ['app-erp', 'db', 'hyper', 'plc', 'vm-erp'],
      data: ['orders'],
      processes: ['p-prod'],
    });
    expect(graph.supportOf('p-prod')).toEqual({ assets: ['plc'], data: [], processes: [] });
    expect(graph.supportOf('p-it')).toEqual({
      assets: ['app-erp', 'db', 'hyper', 'plc', 'vm-erp'],
      data: ['orders'],
      processes: ['p-prod', 'p-sales'],
    });
    expect(graph.supportOf('nope')).toEqual({ assets: [], data: [], processes: [] });
  });

  it('finds what depends on an asset, transitively', () => {
    expect(graph.dependentsOf('hyper')).toEqual({
      assets: ['app-erp', 'vm-erp'],
      data: [],
      processes: ['p-it', 'p-sales'],
      backups: ['bk-db'],
      flows: [],
    });
    expect(graph.dependentsOf('db')).toEqual({
      assets: [],
      data: ['orders'],
      processes: ['p-it', 'p-sales'],
      backups: [],
      flows: [],
    });
    expect(graph.dependentsOf('fw')).toEqual({
      assets: [],
      data: [],
      processes: [],
      backups: [],
      flows: ['f-corp-internet', 'f-pc-web'],
    });
    expect(graph.dependentsOf('plc').processes).toEqual(['p-it', 'p-prod', 'p-sales']);
  });

  it('finds backups and processes of an asset', () => {
    expect(graph.backupsOf('db')).toEqual(['bk-db']);
    expect(graph.backupsOf('orders')).toEqual(['bk-db']);
    expect(graph.backupsOf('hyper')).toEqual([]);
    expect(graph.processesUsing('plc')).toEqual(['p-prod']);
    expect(graph.processesUsing('app-erp')).toEqual(['p-sales']);
    expect(graph.processesUsing('db')).toEqual([]); // only through its data
  });

  it('is frozen, as is the model it indexes', () => {
    expect(Object.isFrozen(graph)).toBe(true);
    expect(Object.isFrozen(graph.model)).toBe(true);
    expect(Object.isFrozen(graph.model.assets)).toBe(true);
    expect(Object.isFrozen(graph.model.assets[0])).toBe(true);
    expect(() => {
      Object.defineProperty(graph, 'extra', { value: 1 });
    }).toThrow(TypeError);
    expect(Object.isFrozen(graph.childZones('corp'))).toBe(true);
    expect(Object.isFrozen(graph.assetsOfZone('corp'))).toBe(true);
  });

  // Bug: flowsFrom/flowsTo return the graph's own index arrays, so a caller can change what
  // every later query (outgoingFlows, reachableFrom…) sees.
  it('returns flow lists that cannot change the graph', () => {
    expect(Object.isFrozen(graph.flowsFrom('lan'))).toBe(true);
    expect(Object.isFrozen(graph.flowsTo('db'))).toBe(true);
  });

  // Bug: get() returns the graph's own node record, unfrozen: `node.kind = 'zone'` changes kindOf.
  it('returns nodes that cannot change the graph', () => {
    expect(Object.isFrozen(graph.get('pc'))).toBe(true);
  });
});

describe('ModelGraph on cyclic models', () => {
  const { graph, diagnostics } = load(`
organisation: {name: Cycles}
sites:
  - {id: hq, kind: head-office}
zones:
  - {id: z-a, kind: other, parent: z-b}
  - {id: z-b, kind: other, parent: z-a}
  - {id: z-self, kind: other, parent: z-self}
assets:
  - {id: a-1, kind: server, zone: z-a}
  - {id: b-1, kind: server, zone: z-b}
  - {id: vm-a, kind: virtual-machine, hostedOn: vm-b}
  - {id: vm-b, kind: virtual-machine, hostedOn: vm-a}
flows:
  - {id: f-ab, from: a-1, to: b-1, protocol: ssh}
  - {id: f-ba, from: b-1, to: a-1, protocol: ssh}
  - {id: f-zz, from: z-a, to: z-b, protocol: ssh, bidirectional: true}
processes:
  - {id: p-a, assets: [vm-a], dependsOn: [p-b]}
  - {id: p-b, dependsOn: [p-a]}
`);

  it('is reported by the checks', () => {
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual([
      'zone-parent-cycle',
      'zone-parent-cycle',
      'hosting-cycle',
      'process-dependency-cycle',
    ]);
  });

  it('answers zone queries without looping', () => {
    expect(graph.zoneAncestors('z-a')).toEqual(['z-b']);
    expect(graph.zoneAncestors('z-self')).toEqual([]);
    expect(graph.siteOfZone('z-a')).toBeUndefined();
    expect(graph.assetsOfZone('z-a')).toEqual(['a-1', 'b-1']);
    expect(graph.assetsOfZone('z-self')).toEqual([]);
    expect(graph.childZones('z-self')).toEqual(['z-self']);
    expect(flowIds(graph.outgoingFlows('a-1'))).toEqual(['f-ab', 'f-zz', 'f-zz']);
  });

  it('answers hosting queries without looping', () => {
    expect(graph.hostsOf('vm-a')).toEqual(['vm-b']);
    expect(graph.siteOfAsset('vm-a')).toBeUndefined();
    expect(graph.dependentsOf('vm-a').assets).toEqual(['vm-b']);
    expect(graph.dependentsOf('vm-a').processes).toEqual(['p-a', 'p-b']);
  });

  it('answers process and reach queries without looping', () => {
    expect(graph.supportOf('p-b')).toEqual({
      assets: ['vm-a', 'vm-b'],
      data: [],
      processes: ['p-a'],
    });
    expect(graph.reachableFrom('a-1')).toEqual([
      { id: 'b-1', hops: 1, via: 'f-ab', from: 'a-1' },
      { id: 'z-b', hops: 1, via: 'f-zz', from: 'a-1' },
      { id: 'z-a', hops: 1, via: 'f-zz', from: 'a-1' },
    ]);
  });
});

describe('ModelGraph on the demo model', () => {
  const folder = new URL('../../examples/forges-de-l-est/', import.meta.url);
  const files = readdirSync(folder)
    .filter((name) => name.endsWith('.yaml'))
    .sort();
  const { graph, diagnostics, model } = loadModel(
    files.map((file) => ({ file, text: readFileSync(new URL(file, folder), 'utf8') })),
    { t },
  );

  it('loads without diagnostics', () => {
    expect(files.length).toBeGreaterThan(5);
    expect(diagnostics).toEqual([]);
  });

  it('finds a non-empty, existing support for every process', () => {
    expect(model.processes.length).toBeGreaterThan(0);
    for (const process of model.processes) {
      const support = graph.supportOf(process.id);
      expect(support.assets.length, process.id).toBeGreaterThan(0);
      for (const id of support.assets) expect(graph.kindOf(id), id).toBe('asset');
      for (const id of support.data) expect(graph.kindOf(id), id).toBe('data');
      for (const id of support.processes) expect(graph.kindOf(id), id).toBe('process');
      expect(support.processes).not.toContain(process.id);
    }
  });

  it('agrees with dependentsOf: A supports P exactly when P depends on A', () => {
    for (const process of model.processes) {
      const support = graph.supportOf(process.id).assets;
      for (const asset of model.assets) {
        const dependent = graph.dependentsOf(asset.id).processes.includes(process.id);
        expect(dependent, `${process.id} / ${asset.id}`).toBe(support.includes(asset.id));
      }
    }
  });
});
