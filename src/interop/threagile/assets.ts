import type { Asset, AssetKind, Service } from '../../domain/model/index.js';
import type { ImportContext } from './context.js';
import type { Entry } from './entries.js';
import { AUTHENTICATION, PROTOCOLS, TECHNOLOGY_ALIASES, TECHNOLOGY_KINDS } from './mappings.js';
import type {
  ThreagileLink,
  ThreagileSharedRuntime,
  ThreagileTechnicalAsset,
} from './threagile-schema.js';
import { commonZone, deepest, withDescription, withTags, type ZoneResult } from './zones.js';

/** A communication link with its source, ready for flows and for the target's services. */
export interface LinkEntry extends Entry<ThreagileLink> {
  readonly source: string;
}

function technologyOf(asset: ThreagileTechnicalAsset): string {
  const written = (asset.technology ?? asset.technologies[0] ?? 'unknown-technology')
    .trim()
    .toLowerCase();
  return TECHNOLOGY_ALIASES[written] ?? written;
}

function kindOf(context: ImportContext, entry: Entry<ThreagileTechnicalAsset>): AssetKind {
  const technology = technologyOf(entry.value);
  let kind = TECHNOLOGY_KINDS[technology];
  if (kind === undefined) {
    context.say('unknown-technology', 'warning', [...entry.path, 'technology'], { technology });
    kind = 'other';
  }
  if (entry.value.machine === 'serverless') return 'cloud-service';
  if (entry.value.machine === 'virtual' && kind === 'server') return 'virtual-machine';
  return kind;
}

/** Services an asset offers: one per distinct protocol/port its incoming links use. */
function servicesOf(links: readonly LinkEntry[]): Service[] {
  const services = new Map<string, Service>();
  for (const link of links) {
    const mapping = PROTOCOLS[link.value.protocol ?? ''];
    if (mapping?.port === undefined) continue;
    const key = `${mapping.protocol}/${mapping.port}`;
    if (services.has(key)) continue;
    const authentication = AUTHENTICATION[link.value.authentication ?? ''];
    services.set(key, {
      port: mapping.port,
      protocol: mapping.protocol,
      ...(mapping.encryption === 'none' ? {} : { encryption: mapping.encryption }),
      ...(authentication === undefined ? {} : { authentication }),
    });
  }
  return [...services.values()].sort((a, b) => a.port - b.port);
}

/** The zone of a technical asset: its innermost trust boundary, else the Internet zone. */
function zoneOf(
  context: ImportContext,
  entry: Entry<ThreagileTechnicalAsset>,
  zones: ZoneResult,
  internetZone: string | undefined,
): string | undefined {
  const candidates = zones.boundariesOf.get(entry.value.id) ?? [];
  if (candidates.length === 0) return entry.value.internet === true ? internetZone : undefined;
  const zone = deepest(zones.parents, candidates);
  if (zone !== undefined) return zone;
  const chosen = candidates[0];
  context.say(
    'several-boundaries',
    'warning',
    entry.path,
    {
      id: entry.value.id,
      boundaries: candidates.join(', '),
      zone: chosen ?? '',
    },
    true,
  );
  return chosen;
}

export interface AssetInputs {
  readonly assets: readonly Entry<ThreagileTechnicalAsset>[];
  readonly runtimes: readonly Entry<ThreagileSharedRuntime>[];
  readonly incoming: ReadonlyMap<string, readonly LinkEntry[]>;
  readonly zones: ZoneResult;
  readonly internetZone: string | undefined;
}

/** Shared runtimes → hypervisors, each in the innermost zone that holds all its guests. */
export function convertRuntimes(
  context: ImportContext,
  inputs: AssetInputs,
  zoneOfAsset: ReadonlyMap<string, string>,
): { hypervisors: Asset[]; hostOf: Map<string, string> } {
  const hostOf = new Map<string, string>();
  const hypervisors = inputs.runtimes.map((runtime): Asset => {
    const id = context.claim('runtime', runtime.value.id, [...runtime.path, 'id']);
    const guests: string[] = [];
    runtime.value.technical_assets_running.forEach((guest, index) => {
      const guestId = context.idOf('asset', guest);
      if (guestId === undefined) {
        context.say(
          'unknown-reference',
          'warning',
          [...runtime.path, 'technical_assets_running', index],
          {
            id: guest,
            expected: 'technical asset',
          },
        );
        return;
      }
      const other = hostOf.get(guestId);
      if (other === undefined) hostOf.set(guestId, id);
      else {
        context.say(
          'several-runtimes',
          'warning',
          [...runtime.path, 'technical_assets_running', index],
          {
            id: guest,
            runtimes: `${other}, ${id}`,
            runtime: other,
          },
        );
      }
      guests.push(guestId);
    });
    // a guest outside every zone leaves the host outside too
    const guestZones = guests.map((guest) => zoneOfAsset.get(guest));
    const zone = guestZones.every((z) => z !== undefined)
      ? commonZone(inputs.zones.parents, guestZones)
      : undefined;
    return {
      id,
      name: runtime.title,
      ...withDescription(runtime.value.description),
      ...withTags([...runtime.value.tags, 'threagile:shared-runtime']),
      kind: 'hypervisor',
      ...(zone === undefined ? {} : { zone }),
    };
  });
  return { hypervisors, hostOf };
}

/** Technical assets → assets (kind from the technology, zone, services from incoming links). */
export function convertTechnicalAssets(
  context: ImportContext,
  inputs: AssetInputs,
): { assets: Asset[]; zoneOfAsset: Map<string, string> } {
  const zoneOfAsset = new Map<string, string>();
  const assets = inputs.assets.map((entry): Asset => {
    const { value } = entry;
    const id = context.idOf('asset', value.id) ?? value.id;
    const zone = zoneOf(context, entry, inputs.zones, inputs.internetZone);
    if (zone !== undefined) zoneOfAsset.set(id, zone);
    const services = servicesOf(inputs.incoming.get(value.id) ?? []);
    const outOfScope = value.out_of_scope === true;
    const description = [
      value.description,
      outOfScope ? `Out of scope: ${value.justification_out_of_scope ?? ''}`.trim() : '',
    ]
      .filter((part) => part !== undefined && part !== null && part.trim() !== '')
      .join('\n');
    const encrypted =
      value.encryption !== undefined && value.encryption !== null
        ? value.encryption !== 'none'
        : undefined;
    return {
      id,
      name: entry.title,
      ...withDescription(description),
      ...withTags([
        ...value.tags,
        `threagile:${technologyOf(value)}`,
        ...(outOfScope ? ['out-of-scope'] : []),
      ]),
      kind: kindOf(context, entry),
      ...(zone === undefined ? {} : { zone }),
      ...(services.length === 0 ? {} : { services }),
      ...(value.type === 'datastore' && encrypted !== undefined
        ? { encryptedStorage: encrypted }
        : {}),
      ...(value.redundant === true ? { redundancy: { mode: 'cluster' as const } } : {}),
    };
  });
  return { assets, zoneOfAsset };
}

export const TECHNICAL_ASSET_FIELDS_USED = [
  'id',
  'description',
  'type',
  'technology',
  'technologies',
  'tags',
  'internet',
  'machine',
  'encryption',
  'out_of_scope',
  'justification_out_of_scope',
  'redundant',
  'data_assets_stored',
  'communication_links',
] as const;
