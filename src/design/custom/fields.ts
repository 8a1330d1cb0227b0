import type { z } from 'zod';
import { durationSchema, SECTION_SCHEMAS, type EntityKind } from '../../domain/model/index.js';
import { REFERENCE_FIELDS } from '../../model/references.js';

/** The sections a custom rule can select, and the entity kind each holds. */
export const SELECTABLE = {
  sites: 'site',
  zones: 'zone',
  assets: 'asset',
  data: 'data',
  flows: 'flow',
  identities: 'identity',
  processes: 'process',
  backups: 'backup',
} as const satisfies Partial<Record<string, EntityKind>>;
export type SelectableSection = keyof typeof SELECTABLE;
export type SelectableKind = (typeof SELECTABLE)[SelectableSection];
export const SELECTABLE_SECTIONS = Object.keys(SELECTABLE) as SelectableSection[];

/** The type of a value a path leads to; `ref` values are ids that a path may follow. */
export type ValueType =
  | { readonly type: 'string' }
  | { readonly type: 'number' }
  | { readonly type: 'boolean' }
  | { readonly type: 'date' }
  | { readonly type: 'duration' }
  | { readonly type: 'enum'; readonly values: readonly string[] }
  | { readonly type: 'ref'; readonly kinds: readonly EntityKind[] }
  | { readonly type: 'object'; readonly fields: FieldTable }
  | { readonly type: 'list'; readonly item: ValueType };

/** A field of an entity or of a nested object: written in the model, or computed from the graph. */
export interface Field {
  readonly type: ValueType;
  /** Set for computed properties: the name reads the value through this key of the context. */
  readonly computed?: string;
}

export type FieldTable = Readonly<Record<string, Field>>;

type AnySchema = z.core.$ZodType;

interface Def {
  readonly type: string;
  readonly format?: string;
  readonly innerType?: AnySchema;
  readonly in?: AnySchema;
  readonly element?: AnySchema;
  readonly shape?: Record<string, AnySchema>;
  readonly entries?: Record<string, string>;
}

const def = (schema: AnySchema): Def => schema._zod.def;

function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (;;) {
    const d = def(current);
    if (d.innerType !== undefined) current = d.innerType;
    else if (d.type === 'pipe' && d.in !== undefined) current = d.in;
    else return current;
  }
}

/** Reference paths of a section, as `a.[].b` strings, with the kinds they name. */
function referencePaths(section: string): Map<string, readonly EntityKind[]> {
  const fields = REFERENCE_FIELDS[section as keyof typeof REFERENCE_FIELDS];
  return new Map(fields.map((field) => [field.path.join('.'), field.kinds]));
}

/** Reads a zod schema into a field type; references come from the model's reference table. */
function typeOf(
  schema: AnySchema,
  at: string,
  refs: Map<string, readonly EntityKind[]>,
): ValueType {
  const kinds = refs.get(at);
  if (kinds !== undefined) return { type: 'ref', kinds };
  const inner = unwrap(schema);
  if (inner === durationSchema) return { type: 'duration' };
  const d = def(inner);
  switch (d.type) {
    case 'number':
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'enum':
      return { type: 'enum', values: Object.values(d.entries ?? {}) };
    case 'array':
      return {
        type: 'list',
        item: d.element === undefined ? { type: 'string' } : typeOf(d.element, `${at}.[]`, refs),
      };
    case 'object':
      return { type: 'object', fields: tableOf(d.shape ?? {}, at, refs) };
    case 'string':
      return d.format === 'date' ? { type: 'date' } : { type: 'string' };
    default:
      return { type: 'string' };
  }
}

function tableOf(
  shape: Record<string, AnySchema>,
  prefix: string,
  refs: Map<string, readonly EntityKind[]>,
): FieldTable {
  const table: Record<string, Field> = {};
  for (const [name, schema] of Object.entries(shape)) {
    table[name] = { type: typeOf(schema, prefix === '' ? name : `${prefix}.${name}`, refs) };
  }
  return table;
}

const SCHEMAS: Readonly<Record<SelectableSection, z.ZodObject>> = SECTION_SCHEMAS;

/** The fields written in the model, derived from the model schemas (never kept twice). */
export const WRITTEN_FIELDS: Readonly<Record<SelectableKind, FieldTable>> = Object.fromEntries(
  SELECTABLE_SECTIONS.map((section) => [
    SELECTABLE[section],
    tableOf(SCHEMAS[section].shape as Record<string, AnySchema>, '', referencePaths(section)),
  ]),
) as Record<SelectableKind, FieldTable>;

export const isSelectableKind = (kind: EntityKind): kind is SelectableKind =>
  kind in WRITTEN_FIELDS;
