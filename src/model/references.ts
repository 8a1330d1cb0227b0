import type { EntityKind, Section } from '../domain/model/index.js';

/** One reference field: a path inside an entity (`[]` walks a list) and the kinds it may name. */
export interface ReferenceField {
  readonly path: readonly string[];
  readonly kinds: readonly EntityKind[];
}

const field = (path: string, ...kinds: EntityKind[]): ReferenceField => ({
  path: path.split('.'),
  kinds,
});

/** Every reference of the model, by section: the single place that says what points where. */
export const REFERENCE_FIELDS: Readonly<
  Record<Section | 'organisation', readonly ReferenceField[]>
> = {
  organisation: [
    field('securityReferent', 'identity'),
    field('regulatory.dpo', 'identity'),
    field('continuity.teams.[].members.[]', 'identity'),
    field('continuity.crisisRoles.[].identity', 'identity'),
    field('continuity.crisisRoles.[].deputy', 'identity'),
    field('continuity.exercises.[].measured.[].process', 'process'),
  ],
  sites: [],
  zones: [field('parent', 'zone'), field('site', 'site')],
  assets: [
    field('zone', 'zone'),
    field('site', 'site'),
    field('hostedOn', 'asset'),
    field('owner', 'identity'),
    field('redundancy.with.[]', 'asset'),
    field('adminInterfaces.[].from.[]', 'zone', 'asset'),
    field('logging.sendsTo', 'asset'),
    field('remoteSupport.[].by', 'identity'),
    field('remoteSupport.[].broker', 'asset'),
  ],
  data: [field('storedOn.[]', 'asset'), field('owner', 'identity')],
  flows: [
    field('from', 'asset', 'zone'),
    field('to', 'asset', 'zone'),
    field('data.[]', 'data'),
    field('via.[]', 'asset'),
  ],
  identities: [
    field('memberOf.[]', 'identity'),
    field('loginFrom.[]', 'zone', 'asset'),
    field('rights.[].on', 'asset', 'zone', 'data'),
    field('remoteAccess.via', 'asset'),
  ],
  processes: [
    field('owner', 'identity'),
    field('assets.[]', 'asset'),
    field('data.[]', 'data'),
    field('dependsOn.[]', 'process'),
  ],
  backups: [
    field('protects.[]', 'asset', 'data'),
    field('target', 'asset'),
    field('site', 'site'),
    field('zone', 'zone'),
  ],
  measures: [field('owner', 'identity')],
  decisions: [field('owner', 'identity')],
};

/** A reference found in an entity: what it names, and (on demand) where it is written. */
export interface FoundReference {
  readonly target: string;
  readonly kinds: readonly EntityKind[];
  /** Path of the reference inside the entity; computed only when asked (diagnostics). */
  path(): readonly (string | number)[];
}

/** Calls `visit` for every reference written in an entity, following the field table. */
export function forEachReference(
  entity: unknown,
  fields: readonly ReferenceField[],
  visit: (reference: FoundReference) => void,
): void {
  const at: (string | number)[] = [];
  const walk = (
    value: unknown,
    path: readonly string[],
    depth: number,
    kinds: readonly EntityKind[],
  ): void => {
    if (depth === path.length) {
      if (typeof value === 'string') {
        const snapshot = at.slice();
        visit({ target: value, kinds, path: () => snapshot });
      }
      return;
    }
    const segment = path[depth] as string;
    if (segment === '[]') {
      if (!Array.isArray(value)) return;
      for (let index = 0; index < value.length; index += 1) {
        at.push(index);
        walk(value[index], path, depth + 1, kinds);
        at.pop();
      }
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const child = (value as Record<string, unknown>)[segment];
    if (child === undefined) return;
    at.push(segment);
    walk(child, path, depth + 1, kinds);
    at.pop();
  };
  for (const { path, kinds } of fields) walk(entity, path, 0, kinds);
}
