import type { Zone } from '../../domain/model/index.js';
import type { ImportContext } from './context.js';
import type { Entry } from './entries.js';
import { BOUNDARY_KINDS } from './mappings.js';
import type { ThreagileTrustBoundary } from './threagile-schema.js';

/** Zones made from trust boundaries, and what the asset conversion needs from them. */
export interface ZoneResult {
  readonly zones: Zone[];
  /** Parent of each zone (Vigie ids). */
  readonly parents: ReadonlyMap<string, string>;
  /** Zones (Vigie ids) whose boundary lists the technical asset (Threagile id). */
  readonly boundariesOf: ReadonlyMap<string, readonly string[]>;
}

const cleanTags = (tags: readonly string[]): string[] => [
  ...new Set(tags.map((tag) => tag.trim().slice(0, 60)).filter((tag) => tag !== '')),
];

/** Optional properties only when they have a value (the model schema is exact). */
export function withDescription(description: string | null | undefined): { description?: string } {
  const text = description?.trim() ?? '';
  return text === '' ? {} : { description: text };
}

export function withTags(tags: readonly string[]): { tags?: string[] } {
  const clean = cleanTags(tags);
  return clean.length === 0 ? {} : { tags: clean };
}

function kindOf(boundary: Entry<ThreagileTrustBoundary>): Zone['kind'] {
  if (/\bdmz\b/i.test(`${boundary.value.id} ${boundary.title}`.replace(/[-_]/g, ' '))) return 'dmz';
  return BOUNDARY_KINDS[boundary.value.type ?? ''] ?? 'other';
}

/** Trust boundaries → zones; `trust_boundaries_nested` gives each nested zone its parent. */
export function convertBoundaries(
  context: ImportContext,
  boundaries: readonly Entry<ThreagileTrustBoundary>[],
): ZoneResult {
  const ids = boundaries.map((b) => context.claim('boundary', b.value.id, [...b.path, 'id']));
  const parents = new Map<string, string>();
  boundaries.forEach((boundary, index) => {
    const parent = ids[index] ?? '';
    boundary.value.trust_boundaries_nested.forEach((nested, position) => {
      const child = context.idOf('boundary', nested);
      if (child === undefined) {
        context.say(
          'unknown-reference',
          'warning',
          [...boundary.path, 'trust_boundaries_nested', position],
          {
            id: nested,
            expected: 'trust boundary',
          },
        );
      } else if (child !== parent) parents.set(child, parent);
    });
  });
  const boundariesOf = new Map<string, string[]>();
  const zones = boundaries.map((boundary, index): Zone => {
    const id = ids[index] ?? boundary.value.id;
    for (const asset of boundary.value.technical_assets_inside) {
      boundariesOf.set(asset, [...(boundariesOf.get(asset) ?? []), id]);
    }
    const parent = parents.get(id);
    return {
      id,
      name: boundary.title,
      ...withDescription(boundary.value.description),
      ...withTags([...boundary.value.tags, `threagile:${boundary.value.type ?? 'boundary'}`]),
      kind: kindOf(boundary),
      ...(parent === undefined ? {} : { parent }),
    };
  });
  return { zones, parents, boundariesOf };
}

/** Enclosing zones of a zone, nearest first (cycles cut). */
export function ancestors(parents: ReadonlyMap<string, string>, zone: string): string[] {
  const result: string[] = [];
  for (
    let parent = parents.get(zone);
    parent !== undefined && !result.includes(parent) && parent !== zone;
    parent = parents.get(parent)
  ) {
    result.push(parent);
  }
  return result;
}

/** The deepest of the zones, or undefined when they are not nested in one another. */
export function deepest(
  parents: ReadonlyMap<string, string>,
  zones: readonly string[],
): string | undefined {
  return zones.find((candidate) => {
    const chain = [candidate, ...ancestors(parents, candidate)];
    return zones.every((zone) => chain.includes(zone));
  });
}

/** The innermost zone holding all of these zones (their lowest common ancestor). */
export function commonZone(
  parents: ReadonlyMap<string, string>,
  zones: readonly string[],
): string | undefined {
  const [first, ...rest] = zones;
  if (first === undefined) return undefined;
  const chains = rest.map((zone) => [zone, ...ancestors(parents, zone)]);
  return [first, ...ancestors(parents, first)].find((candidate) =>
    chains.every((chain) => chain.includes(candidate)),
  );
}
