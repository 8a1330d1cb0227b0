import { describe, expect, it } from 'vitest';
import { modelFrom } from '../../../test/support/model.js';
import type { PortObservation, ServiceIdentity } from '../types.js';
import { computeDrift, type DriftHost, type DriftTlsView } from './index.js';

const MODEL = `
organisation: { name: Test }
zones:
  - { id: admin, name: Admin, kind: admin }
  - { id: lan, name: LAN, kind: user }
assets:
  - id: web
    kind: server
    zone: lan
    addresses: [10.0.0.1]
    software: [{ name: Apache httpd, version: '2.4.62' }]
    services:
      - { port: 443, transport: tcp, protocol: https, product: Apache httpd, version: '2.4', encryption: tls1.2 }
      - { port: 22, transport: tcp, protocol: ssh, product: OpenSSH, version: '9.2' }
      - { port: 53, transport: udp, protocol: dns }
    adminInterfaces:
      - { protocol: https, port: 8443, from: [admin] }
  - { id: client, kind: workstation, zone: lan }
flows:
  - { id: f-web, from: client, to: web, protocol: https, port: 443, encryption: tls1.2 }
`;
const { graph } = modelFrom(MODEL);

const tcp = (port: number, service?: ServiceIdentity): PortObservation =>
  service === undefined ? { port, transport: 'tcp' } : { port, transport: 'tcp', service };
const host = (open: PortObservation[], extra: Partial<DriftHost> = {}): DriftHost => ({
  address: '127.0.0.90',
  hostnames: [],
  entities: ['web'],
  reachable: true,
  tried: 10,
  open,
  ...extra,
});
const TLS_OK = { protocol: 'https', tls: true, product: 'Apache httpd', version: '2.4.62' };
const SSH_OK = { protocol: 'ssh', tls: false, product: 'OpenSSH', version: '9.2p1' };
const tls = (port: number, versions: Partial<DriftTlsView['protocols']>): DriftTlsView => ({
  target: { address: '127.0.0.90', port },
  reachable: true,
  protocols: { ssl3: false, tls10: false, tls11: false, tls12: false, tls13: false, ...versions },
});

function drift(hosts: DriftHost[], tlsViews: DriftTlsView[] = [], vantage: string | null = null) {
  return computeDrift({ graph, hosts, tls: tlsViews, vantage, today: '2026-12-08' }).map(
    (f) => `${f.check}@${f.subject} [${f.entities.join(',')}]`,
  );
}

describe('computeDrift', () => {
  it('reports nothing when the observation matches the model', () => {
    expect(
      drift([host([tcp(443, TLS_OK), tcp(22, SSH_OK)])], [tls(443, { tls12: true, tls13: true })]),
    ).toEqual([]);
  });

  it.each([
    [
      'an extra port',
      [tcp(443, TLS_OK), tcp(22, SSH_OK), tcp(6379, { protocol: 'redis', tls: false })],
      [],
      null,
      ['drift-undeclared-port@127.0.0.90:6379 [web]'],
    ],
    [
      'a declared service closed',
      [tcp(443, TLS_OK)],
      [],
      null,
      ['drift-service-not-answering@127.0.0.90:22 [web]'],
    ],
    [
      'plain HTTP on a TLS flow',
      [
        tcp(443, { protocol: 'http', tls: false, product: 'Apache httpd', version: '2.4.62' }),
        tcp(22, SSH_OK),
      ],
      [],
      null,
      ['drift-cleartext-on-encrypted@127.0.0.90:443 [f-web,web]'],
    ],
    [
      'TLS 1.0 accepted where 1.2 is declared',
      [tcp(443, TLS_OK), tcp(22, SSH_OK)],
      [tls(443, { tls10: true, tls12: true })],
      null,
      ['drift-tls-below-declared@127.0.0.90:443 [f-web,web]'],
    ],
    [
      'an older OpenSSH',
      [tcp(443, TLS_OK), tcp(22, { ...SSH_OK, version: '8.4p1' })],
      [],
      null,
      ['drift-version-older@127.0.0.90:22 [web]'],
    ],
    [
      'another product',
      [tcp(443, TLS_OK), tcp(22, { ...SSH_OK, product: 'Dropbear' })],
      [],
      null,
      ['drift-version-differs@127.0.0.90:22 [web]'],
    ],
    [
      'the admin interface from the LAN',
      [tcp(443, TLS_OK), tcp(22, SSH_OK), tcp(8443, { protocol: 'https', tls: true })],
      [],
      'lan',
      ['drift-admin-interface-exposed@127.0.0.90:8443 [lan,web]'],
    ],
  ] as const)('reports %s', (_label, open, tlsViews, vantage, expected) => {
    expect(drift([host([...open])], [...tlsViews], vantage)).toEqual(expected);
  });

  it('allows the admin interface from its declared zone', () => {
    expect(drift([host([tcp(443, TLS_OK), tcp(22, SSH_OK), tcp(8443)])], [], 'admin')).toEqual([]);
  });

  it('proposes the full service list for an undeclared port and an asset for an undeclared host', () => {
    const findings = computeDrift({
      graph,
      hosts: [
        host([tcp(443, TLS_OK), tcp(22, SSH_OK), tcp(6379, { protocol: 'redis', tls: false })]),
        host([tcp(80, { protocol: 'http', tls: false })], { address: '127.0.0.91', entities: [] }),
      ],
      tls: [],
      vantage: null,
      today: '2026-12-08',
    });
    const port = findings.find((f) => f.check === 'drift-undeclared-port');
    expect(port?.proposal).toMatchObject({ kind: 'update-entity', id: 'web' });
    const services = (port?.proposal?.fields.services ?? []) as { port: number }[];
    expect(services.map((s) => s.port)).toEqual([22, 53, 443, 6379]);
    const created = findings.find((f) => f.check === 'drift-undeclared-host');
    expect(created?.proposal).toEqual({
      kind: 'create-entity',
      section: 'assets',
      fields: {
        id: 'host-127-0-0-91',
        name: '127.0.0.91',
        kind: 'other',
        addresses: ['127.0.0.91'],
        services: [{ port: 80, transport: 'tcp', protocol: 'http' }],
      },
    });
  });

  it('undoes the scope port map: a declared port reached elsewhere is not undeclared', () => {
    const mapped = host([tcp(28443, TLS_OK), tcp(28022, SSH_OK)], {
      portMap: { 443: 28443, 22: 28022 },
    });
    expect(drift([mapped], [tls(28443, { tls12: true })])).toEqual([]);
    const closed = host([tcp(28443, TLS_OK)], { portMap: { 443: 28443, 22: 28022 } });
    expect(drift([closed])).toEqual(['drift-service-not-answering@127.0.0.90:28022 [web]']);
  });

  it('reports software past its support end from the banner', () => {
    const old = host([
      tcp(443, TLS_OK),
      tcp(22, SSH_OK),
      tcp(8080, { protocol: 'http', tls: false, product: 'nginx', version: '1.14.0' }),
    ]);
    expect(drift([old])).toContain('drift-support-ended@127.0.0.90:8080 [web]');
  });

  it('says nothing without a model', () => {
    expect(
      computeDrift({
        graph: null,
        hosts: [host([tcp(1)])],
        tls: [],
        vantage: null,
        today: '2026-12-08',
      }),
    ).toEqual([]);
  });
});

describe('versions declared as software', () => {
  it('compares a banner with the software of the same product when the service gives no version', () => {
    const { graph: proxyGraph } = modelFrom(`
organisation: { name: Test }
assets:
  - id: proxy
    kind: proxy
    software: [{ name: Squid, version: '5.7' }]
    services: [{ port: 3128, transport: tcp, protocol: http, product: Squid }]
`);
    const findings = computeDrift({
      graph: proxyGraph,
      hosts: [
        {
          ...host([tcp(3128, { protocol: 'http', tls: false, product: 'squid', version: '4.10' })]),
          entities: ['proxy'],
        },
      ],
      tls: [],
      vantage: null,
      today: '2026-12-08',
    });
    const older = findings.find((f) => f.check === 'drift-version-older');
    expect(older?.entities).toEqual(['proxy']);
    expect(older?.proposal).toEqual({
      kind: 'update-entity',
      section: 'assets',
      id: 'proxy',
      fields: { software: [{ name: 'Squid', version: '4.10' }] },
    });
  });
});
