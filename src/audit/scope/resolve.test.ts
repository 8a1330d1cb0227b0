import { describe, expect, it } from 'vitest';
import { exampleModel } from '../../../test/support/model.js';
import { TOP_1000_PORTS } from '../ports/top-1000.js';
import { parseScope } from './parse.js';
import { resolveScope, type ResolveOptions } from './resolve.js';

async function resolved(yaml: string, options: ResolveOptions = {}) {
  const { scope, diagnostics } = parseScope(yaml, 'scope.yaml', options.locale ?? 'en');
  expect(diagnostics).toEqual([]);
  if (scope === null) throw new Error('unreachable: no scope');
  return resolveScope(scope, options);
}

const demo = exampleModel('forges-de-l-est').graph;
const allowed = { allowed: true };

describe('resolveScope', () => {
  it('gives one target per address with its ports, map and limits', async () => {
    const scope = await resolved(
      [
        'targets:',
        '  - host: 127.0.0.20',
        '    ports: [22, "8000-8002"]',
        '    map: { 443: 21443 }',
        '  - cidr: 127.0.0.24/31',
        'ports: [80]',
        'limits: { concurrency: 64, timeout: 2s }',
      ].join('\n'),
    );
    expect(scope.targets).toEqual([
      {
        address: '127.0.0.20',
        hostnames: [],
        entities: [],
        ports: [22, 80, 8000, 8001, 8002, 21443],
        portMap: { 443: 21443 },
      },
      { address: '127.0.0.24', hostnames: [], entities: [], ports: [80], portMap: {} },
      { address: '127.0.0.25', hostnames: [], entities: [], ports: [80], portMap: {} },
    ]);
    expect(scope.limits).toEqual({
      concurrency: 64,
      ratePerSecond: 0,
      timeoutMs: 2000,
      maxBytes: 65_536,
    });
    expect(scope.portsLabel).toBe('80');
    expect(scope.diagnostics).toEqual([]);
  });

  it('scans declared + top 1,000 by default, and everything with ports: all', async () => {
    const byDefault = await resolved('targets:\n  - host: 127.0.0.21\n');
    expect(byDefault.targets[0]?.ports).toEqual(TOP_1000_PORTS);
    expect(byDefault.portsLabel).toBe('declared+top1000');
    const all = await resolved('targets:\n  - host: 127.0.0.21\nports: all\n');
    expect(all.targets[0]?.ports).toHaveLength(65_535);
  });

  it('maps a model asset to a lab address: its entity, host name and declared ports', async () => {
    const scope = await resolved(
      [
        'model: mapped',
        'ports: declared',
        'targets:',
        '  - host: 127.0.0.22',
        '    asset: vpn-siege',
        '    map: { 443: 21443 }',
      ].join('\n'),
      { graph: demo },
    );
    expect(scope.targets).toEqual([
      {
        address: '127.0.0.22',
        hostnames: ['vpn'],
        entities: ['vpn-siege'],
        ports: [8443, 21443], // its administration interface, its service through the map
        portMap: { 443: 21443 },
      },
    ]);
  });

  it('puts every model asset with an address in scope with model: all, the mapped ones at their lab address', async () => {
    const scope = await resolved(
      'ports: declared\ntargets:\n  - host: 127.0.0.22\n    asset: vpn-siege\n',
      { graph: demo },
    );
    const withAddresses = demo.model.assets.filter((a) => (a.addresses ?? []).length > 0);
    expect(scope.targets.flatMap((t) => t.entities)).toContain('fw-siege');
    expect(scope.targets.some((t) => t.address === '172.16.10.5')).toBe(false);
    expect(new Set(scope.targets.flatMap((t) => t.entities))).toEqual(
      new Set(withAddresses.map((a) => a.id)),
    );
    const fw = scope.targets.find((t) => t.entities.includes('fw-siege'));
    expect(fw?.ports).toEqual([22, 443]); // its administration interfaces
  });

  it('reports an unknown asset, a missing model and an unknown vantage zone at their lines', async () => {
    const yaml = 'targets:\n  - asset: vpn-siej\nvantage: admin-siej\n';
    const withModel = await resolved(yaml, { graph: demo });
    expect(withModel.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['scope-unknown-asset', 2],
      ['scope-unknown-zone', 3],
    ]);
    expect(withModel.diagnostics[0]?.message).toContain('did you mean "vpn-siege"');
    const withoutModel = await resolved(yaml);
    expect(withoutModel.diagnostics.map((d) => d.code)).toEqual([
      'scope-no-model',
      'scope-no-target',
    ]);
  });

  it('resolves host names through the given resolver only', async () => {
    const asked: string[] = [];
    const resolve = (name: string) => {
      asked.push(name);
      return Promise.resolve(name === 'web.lab.test' ? ['127.0.0.23'] : []);
    };
    const scope = await resolved(
      'ports: [443]\ntargets:\n  - host: web.lab.test\n  - host: nowhere.lab.test\n',
      { resolve },
    );
    expect(asked).toEqual(['web.lab.test', 'nowhere.lab.test']);
    expect(scope.targets).toEqual([
      {
        address: '127.0.0.23',
        hostnames: ['web.lab.test'],
        entities: [],
        ports: [443],
        portMap: {},
      },
    ]);
    expect(scope.diagnostics.map((d) => [d.code, d.line])).toEqual([['scope-unresolved-host', 4]]);
    const unresolved = await resolved('targets:\n  - host: web.lab.test\n');
    expect(unresolved.diagnostics[0]?.code).toBe('scope-unresolved-host');
  });

  it('drops excluded addresses and ports from the targets', async () => {
    const scope = await resolved(
      [
        'targets:',
        '  - cidr: 127.0.0.20/30',
        'ports: [22, 25, 80, 6379]',
        'exclude: [127.0.0.21, { port: 25 }, { host: 127.0.0.22, port: 6379 }]',
      ].join('\n'),
    );
    expect(scope.targets.map((t) => `${t.address}:${t.ports.join(',')}`)).toEqual([
      '127.0.0.20:22,80,6379',
      '127.0.0.22:22,80',
      '127.0.0.23:22,80,6379',
    ]);
  });
});

describe('the scope guard', () => {
  const yaml = [
    'targets:', //                         1
    '  - host: 127.0.0.20', //             2
    '    ports: [22]', //                  3
    '    map: { 443: 21443 }', //          4
    '  - cidr: 127.0.0.24/30', //          5
    '  - cidr: "fd00::20/126"', //         6
    'ports: [80, "8000-8001"]', //         7
    'exclude:', //                         8
    '  - 127.0.0.26', //                   9
    '  - { port: 8001 }', //               10
    '  - "fd00::22/127"', //               11
    'dns: { resolver: "127.0.0.29:21053" }', // 12
  ].join('\n');

  it('allows a target address on its ports, and nothing else', async () => {
    const { guard } = await resolved(yaml);
    const tcp = (address: string, port: number) => guard.check({ address, port }, 'tcp');
    expect(tcp('127.0.0.20', 22)).toEqual(allowed);
    expect(tcp('127.0.0.20', 21443)).toEqual(allowed);
    expect(tcp('127.0.0.20', 8000)).toEqual(allowed);
    expect(tcp('127.0.0.20', 23)).toEqual({
      allowed: false,
      reason: 'port 23 of 127.0.0.20 is not among the ports the scope of scope.yaml allows for it',
    });
    expect(tcp('127.0.0.20', 443)).toMatchObject({ allowed: false }); // only the mapped port
    expect(tcp('127.0.0.21', 80)).toEqual({
      allowed: false,
      reason:
        '127.0.0.21 is not in the scope of scope.yaml (no host, CIDR or model asset holds it)',
    });
    expect(tcp('example.test', 80)).toMatchObject({ allowed: false });
  });

  it('checks CIDR membership in IPv4 and IPv6, whatever the spelling', async () => {
    const { guard } = await resolved(yaml);
    const tcp = (address: string, port: number) => guard.check({ address, port }, 'tcp').allowed;
    expect([24, 25, 27, 28].map((n) => tcp(`127.0.0.${n}`, 80))).toEqual([true, true, true, false]);
    expect(tcp('fd00::20', 80)).toBe(true);
    expect(tcp('fd00:0:0:0:0:0:0:21', 80)).toBe(true);
    expect(tcp('fd00::24', 80)).toBe(false);
    expect(tcp('fd00::1:20', 80)).toBe(false);
  });

  it('lets exclusions win, naming their line', async () => {
    const { guard } = await resolved(yaml);
    expect(guard.check({ address: '127.0.0.26', port: 80 }, 'tcp')).toEqual({
      allowed: false,
      reason: '127.0.0.26 is excluded by line 9 of scope.yaml',
    });
    expect(guard.check({ address: '127.0.0.24', port: 8001 }, 'tcp')).toEqual({
      allowed: false,
      reason: 'port 8001 of 127.0.0.24 is excluded by line 10 of scope.yaml',
    });
    expect(guard.check({ address: 'fd00::23', port: 80 }, 'tcp')).toMatchObject({
      allowed: false,
      reason: expect.stringContaining('line 11') as unknown,
    });
  });

  it('allows the DNS resolver for DNS only (its port, UDP or TCP), and no other UDP', async () => {
    const { guard } = await resolved(yaml);
    expect(guard.check({ address: '127.0.0.29', port: 21053 }, 'udp')).toEqual(allowed);
    expect(guard.check({ address: '127.0.0.29', port: 21053 }, 'tcp')).toEqual(allowed);
    expect(guard.check({ address: '127.0.0.29', port: 22 }, 'tcp')).toMatchObject({
      allowed: false,
    });
    expect(guard.check({ address: '127.0.0.20', port: 22 }, 'udp')).toEqual({
      allowed: false,
      reason:
        'UDP to 127.0.0.20:22 is refused: only the DNS resolver of scope.yaml is queried over UDP',
    });
  });

  it('gives its reasons in French', async () => {
    const { guard } = await resolved(yaml, { locale: 'fr' });
    expect(guard.check({ address: '127.0.0.26', port: 80 }, 'tcp')).toEqual({
      allowed: false,
      reason: '127.0.0.26 est exclue par la ligne 9 de scope.yaml',
    });
  });
});
