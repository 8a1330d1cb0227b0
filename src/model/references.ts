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
  organisation: [field('securityReferent', 'identity'), field('regulatory.dpo', 'identity')],
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

/** A reference found in an entity: where it is written and what it names. */
export interface FoundReference {
  readonly path: readonly (string | number)[];
  readonly target: string;
  readonly kinds: readonly EntityKind[];
}

/** Yields every reference written in an entity, following the field table. */
export function* referencesIn(
  entity: unknown,
  fields: readonly ReferenceField[],
): Generator<FoundReference> {
  for (const { path, kinds } of fields) {
    yield* walk(entity, path, 0, [], kinds);
  }
}

function* walk(
  value: unknown,
  path: readonly string[],
  depth: number,
  at: (string | number)[],
  kinds: readonly EntityKind[],
): Generator<FoundReference> {
  if (depth === path.length) {
    if (typeof value === 'string') yield { path: [...at], target: value, kinds };
    return;
  }
  const segment = path[depth] as string;
  if (segment === '[]') {
    if (!Array.isArray(value)) return;
    for (let index = 0; index < value.length; index += 1) {
      at.push(index);
      yield* walk(value[index], path, depth + 1, at, kinds);
      at.pop();
    }
    return;
  }
  if (value === null || typeof value !== 'object') return;
  at.push(segment);
  yield* walk((value as Record<string, unknown>)[segment], path, depth + 1, at, kinds);
  at.pop();
}
