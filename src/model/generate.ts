import type { ModelFile } from '../domain/model/index.js';

export interface GenerateOptions {
  readonly assets: number;
  /** Defaults to five flows per asset. */
  readonly flows?: number;
  readonly seed?: number;
}

/** Small deterministic PRNG (mulberry32): the same seed gives the same model. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const ZONE_PLAN = [
  ['dmz', 'dmz'],
  ['users', 'user'],
  ['servers', 'server'],
  ['admin', 'admin'],
  ['ot', 'ot'],
] as const;

const ASSET_PLAN = {
  dmz: ['reverse-proxy', 'web-application', 'mail-server'],
  user: ['workstation', 'laptop', 'printer'],
  server: ['server', 'database', 'directory', 'file-server', 'application'],
  admin: ['admin-workstation', 'log-collector'],
  ot: ['plc', 'hmi', 'scada', 'historian'],
} as const;

const FLOW_PLAN = [
  ['https', 443, 'tls1.2'],
  ['smb', 445, 'none'],
  ['ldaps', 636, 'tls1.2'],
  ['sql', 1433, 'none'],
  ['ssh', 22, 'ssh'],
  ['rdp', 3389, 'tls1.2'],
  ['modbus', 502, 'none'],
  ['syslog', 514, 'none'],
] as const;

/**
 * Generates a large, realistic, valid model: sites with zones and subnets, assets spread over
 * them with addresses, flows between assets, data, processes, identities and backups.
 * Returned as separate model files (organisation, zones, assets, flows, business).
 */
export function generateModel(options: GenerateOptions): Record<string, ModelFile> {
  const next = random(options.seed ?? 42);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const assetCount = Math.max(1, options.assets);
  const flowCount = options.flows ?? assetCount * 5;
  const siteCount = Math.max(1, Math.min(50, Math.ceil(assetCount / 1000)));

  const sites = Array.from({ length: siteCount }, (_, s) => ({
    id: `site-${s + 1}`,
    name: `Site ${s + 1}`,
    kind: s === 0 ? ('head-office' as const) : ('plant' as const),
  }));
  const zones: NonNullable<ModelFile['zones']> = [
    { id: 'internet', name: 'Internet', kind: 'internet' },
  ];
  const zoneSlots: {
    zone: string;
    kind: keyof typeof ASSET_PLAN;
    site: string;
    prefix: string;
    used: number;
  }[] = [];
  sites.forEach((site, s) => {
    ZONE_PLAN.forEach(([suffix, kind], z) => {
      const id = `${site.id}-${suffix}`;
      const prefix = `10.${s}.${z * 32}`;
      zones.push({
        id,
        name: `${site.name} ${suffix}`,
        kind,
        site: site.id,
        subnets: [`${prefix}.0/19`],
        vlans: [10 + z],
      });
      zoneSlots.push({ zone: id, kind, site: site.id, prefix, used: 0 });
    });
  });

  const assets: NonNullable<ModelFile['assets']> = [];
  for (let i = 0; i < assetCount; i += 1) {
    const slot = zoneSlots[i % zoneSlots.length] ?? zoneSlots[0];
    if (slot === undefined) break;
    const host = slot.used + 1;
    slot.used += 1;
    const [a, b, c] = slot.prefix.split('.').map(Number) as [number, number, number];
    const address = `${a}.${b}.${c + Math.floor(host / 250)}.${(host % 250) + 1}`;
    const kind = pick(ASSET_PLAN[slot.kind]);
    const supported = next() > 0.1;
    assets.push({
      id: `asset-${i + 1}`,
      name: `${kind} ${i + 1}`,
      kind,
      zone: slot.zone,
      addresses: [address],
      os: {
        name: 'Debian GNU/Linux',
        version: supported ? '12' : '9',
        supportEnd: supported ? '2028-06-30' : '2022-06-30',
      },
      services: [{ port: 443, transport: 'tcp', protocol: 'https', encryption: 'tls1.3' }],
      ...(next() > 0.3 ? { logging: { sources: ['syslog' as const] } } : {}),
    });
  }

  const flows: NonNullable<ModelFile['flows']> = [];
  for (let i = 0; i < flowCount; i += 1) {
    const from = Math.floor(next() * assetCount);
    let to = Math.floor(next() * assetCount);
    if (to === from) to = (to + 1) % assetCount;
    const [protocol, port, encryption] = pick(FLOW_PLAN);
    if (assetCount < 2) break;
    flows.push({
      id: `flow-${i + 1}`,
      from: `asset-${from + 1}`,
      to: `asset-${to + 1}`,
      protocol,
      port,
      encryption,
    });
  }

  const identities: NonNullable<ModelFile['identities']> = [
    { id: 'admins', name: 'Administrators', kind: 'group', privileged: true, mfa: true },
    ...Array.from({ length: Math.min(500, Math.ceil(assetCount / 20)) }, (_, i) => ({
      id: `person-${i + 1}`,
      name: `Person ${i + 1}`,
      kind: 'person' as const,
      privileged: i % 25 === 0,
      mfa: i % 3 !== 0,
    })),
  ];
  const dataSets = Array.from({ length: Math.min(200, Math.ceil(assetCount / 50)) }, (_, i) => ({
    id: `data-${i + 1}`,
    name: `Data set ${i + 1}`,
    classification: pick(['internal', 'restricted', 'confidential'] as const),
    needs: {
      availability: 1 + (i % 4),
      integrity: 1 + ((i + 1) % 4),
      confidentiality: 1 + ((i + 2) % 4),
      proof: 1 + ((i + 3) % 4),
    },
    storedOn: [`asset-${((i * 7) % assetCount) + 1}`],
  }));
  const processes = Array.from({ length: Math.min(100, Math.ceil(assetCount / 100)) }, (_, i) => ({
    id: `process-${i + 1}`,
    name: `Process ${i + 1}`,
    needs: { availability: 3, integrity: 3, confidentiality: 2, proof: 2 },
    rto: '4h',
    rpo: '1d',
    mtpd: '2d',
    assets: [`asset-${((i * 13) % assetCount) + 1}`, `asset-${((i * 17 + 3) % assetCount) + 1}`],
    data: [`data-${(i % dataSets.length) + 1}`],
  }));
  const backups = dataSets.slice(0, Math.min(50, dataSets.length)).map((d, i) => ({
    id: `backup-${i + 1}`,
    protects: [d.id],
    frequency: '1d',
    retention: '30d',
    offline: i % 2 === 0,
  }));

  return {
    'organisation.yaml': {
      organisation: {
        name: `Generated organisation (${assetCount} assets)`,
        employees: Math.ceil(assetCount / 2),
        country: 'FR',
        locale: 'en',
      },
      sites,
    },
    'zones.yaml': { zones },
    'assets.yaml': { assets },
    'flows.yaml': { flows },
    'business.yaml': { data: dataSets, identities, processes, backups },
  };
}
