/**
 * What references an entity: every place of the model (an entity's field, or the organisation's)
 * whose value names a given id, found through the one table of reference fields
 * (`REFERENCE_FIELDS`), and whether that reference could be removed without making its holder
 * invalid (an item of a list, an optional field) or not (a required field such as a flow's
 * `from`). Pure; works on a loaded model or on the plain sections of model files.
 */
import type { z } from 'zod';
import {
  SECTION_NAMES,
  SECTION_SCHEMAS,
  SECTIONS,
  organisationSchema,
  type EntityKind,
  type Section,
} from '../domain/model/index.js';
import { forEachReference, REFERENCE_FIELDS } from './references.js';

/** The sections of a model (or of one file), as plain data. */
export type ModelSections = Partial<Readonly<Record<Section, readonly unknown[]>>> & {
  readonly organisation?: unknown;
};

export interface Referrer {
  /** Kind of the entity holding the reference (`organisation` for the organisation block). */
  readonly kind: EntityKind | 'organisation';
  readonly section: Section | 'organisation';
  /** Id of the holder (`$organisation` for the organisation block). */
  readonly id: string;
  readonly name: string;
  /** Where the reference is written inside the holder, e.g. `['redundancy', 'with', 0]`. */
  readonly path: readonly (string | number)[];
  /**
   * True when the reference is a required field of its holder (removing it would make the
   * holder invalid: the holder must be changed or deleted first).
   */
  readonly required: boolean;
}

type AnySchema = z.ZodType;

/** The schema under `path` inside `schema` (`[]` and numbers walk lists), if the path exists. */
function schemaAt(schema: AnySchema, path: readonly (string | number)[]): AnySchema | undefined {
  let current: AnySchema | undefined = schema;
  for (const segment of path) {
    current = unwrap(current);
    if (current === undefined) return undefined;
    const def = (current as { def?: { type?: string } }).def;
    if (typeof segment === 'number' || segment === '[]') {
      current =
        def?.type === 'array' ? (current as unknown as { element: AnySchema }).element : undefined;
    } else {
      current =
        def?.type === 'object'
          ? (current as unknown as { shape: Record<string, AnySchema> }).shape[segment]
          : undefined;
    }
  }
  return current;
}

function unwrap(schema: AnySchema | undefined): AnySchema | undefined {
  let current = schema;
  for (;;) {
    const def = (current as { def?: { type?: string; innerType?: AnySchema } } | undefined)?.def;
    if (def?.innerType === undefined) return current;
    if (!['optional', 'nullable', 'default', 'prefault', 'readonly'].includes(def.type ?? '')) {
      return current;
    }
    current = def.innerType;
  }
}

/**
 * True when the reference at `path` may be taken out of its holder: it is an item of a list, or
 * a field its schema lets be absent.
 */
export function isRemovable(section: Section | 'organisation', path: readonly (string | number)[]) {
  const last = path.at(-1);
  if (typeof last === 'number') return true;
  const schema = section === 'organisation' ? organisationSchema : SECTION_SCHEMAS[section];
  const field = schemaAt(schema, path);
  return field !== undefined && field.safeParse(undefined).success;
}

function nameOf(entity: unknown, id: string): string {
  if (entity !== null && typeof entity === 'object') {
    const name = (entity as Record<string, unknown>).name;
    if (typeof name === 'string' && name.trim() !== '') return name;
  }
  return id;
}

/**
 * Every reference to `target` in `model`, in section order then file order, the target's own
 * references to itself left out.
 */
export function referrersOf(model: ModelSections, target: string): Referrer[] {
  const found: Referrer[] = [];
  const organisation = model.organisation;
  if (organisation !== undefined && organisation !== null) {
    forEachReference(organisation, REFERENCE_FIELDS.organisation, (ref) => {
      if (ref.target !== target) return;
      const path = ref.path();
      found.push({
        kind: 'organisation',
        section: 'organisation',
        id: '$organisation',
        name: nameOf(organisation, '$organisation'),
        path,
        required: !isRemovable('organisation', path),
      });
    });
  }
  for (const section of SECTION_NAMES) {
    for (const entity of model[section] ?? []) {
      if (entity === null || typeof entity !== 'object') continue;
      const id = (entity as Record<string, unknown>).id;
      if (typeof id !== 'string' || id === target) continue;
      forEachReference(entity, REFERENCE_FIELDS[section], (ref) => {
        if (ref.target !== target) return;
        const path = ref.path();
        found.push({
          kind: SECTIONS[section],
          section,
          id,
          name: nameOf(entity, id),
          path,
          required: !isRemovable(section, path),
        });
      });
    }
  }
  return found;
}

/** `redundancy.with[0]`: a reference's path as people read it. */
export function formatReferencePath(path: readonly (string | number)[]): string {
  return path
    .map((segment, i) =>
      typeof segment === 'number' ? `[${String(segment)}]` : i === 0 ? segment : `.${segment}`,
    )
    .join('');
}
