/**
 * The form of an entity kind, derived from the zod schema the server validates with (through its
 * JSON Schema, `z.toJSONSchema`, the same generation as `vigie schema`) and from the table of
 * reference fields the loader resolves (`REFERENCE_FIELDS`): no hand-kept list of fields. Every
 * field of the kind is described, present in an entity or not.
 */
import { z } from 'zod';
import {
  SECTION_SCHEMAS,
  type EntityKind,
  type Section,
} from '../../../../../src/domain/model/index';
import { REFERENCE_FIELDS } from '../../../../../src/model/references';

export type FieldNode =
  | {
      readonly type: 'string';
      /** A long free text (textarea). */
      readonly multiline: boolean;
      readonly format?: string;
      readonly pattern?: string;
      readonly minLength?: number;
      readonly maxLength?: number;
    }
  | { readonly type: 'integer' | 'number'; readonly minimum?: number; readonly maximum?: number }
  | { readonly type: 'boolean' }
  | { readonly type: 'enum'; readonly values: readonly string[] }
  | { readonly type: 'reference'; readonly kinds: readonly EntityKind[] }
  | { readonly type: 'object'; readonly fields: readonly FieldDescriptor[] }
  | { readonly type: 'list'; readonly item: FieldNode; readonly minItems?: number };

export interface FieldDescriptor {
  readonly key: string;
  /** Path from the entity, `[]` for a list's items (the form of REFERENCE_FIELDS' paths). */
  readonly path: readonly string[];
  readonly required: boolean;
  /** The schema's description (English), if any. */
  readonly description?: string;
  readonly node: FieldNode;
}

export interface EntityDescriptor {
  readonly section: Section;
  /** Every field but `id` (the form handles the id itself), in the schema's order. */
  readonly fields: readonly FieldDescriptor[];
}

/** Strings longer than this are edited in a textarea. */
const MULTILINE_FROM = 500;

interface JsonSchema {
  readonly type?: string;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly format?: string;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minItems?: number;
  readonly description?: string;
}

function referenceKinds(section: Section, path: readonly string[]): readonly EntityKind[] | null {
  const key = path.join('.');
  const field = REFERENCE_FIELDS[section].find((f) => f.path.join('.') === key);
  return field === undefined ? null : field.kinds;
}

function nodeOf(schema: JsonSchema, section: Section, path: readonly string[]): FieldNode {
  const kinds = referenceKinds(section, path);
  if (kinds !== null) return { type: 'reference', kinds };
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives !== undefined && alternatives.length > 0) {
    // e.g. an IP address (IPv4 or IPv6): one text input, the server checks which.
    const enums = alternatives.flatMap((a) => (a.enum === undefined ? [] : a.enum));
    if (enums.length > 0 && enums.length === alternatives.length) {
      return { type: 'enum', values: enums.map(String) };
    }
    const first = alternatives[0] ?? {};
    const plain = Object.fromEntries(
      Object.entries(first).filter(([key]) => key !== 'format' && key !== 'pattern'),
    ) as JsonSchema;
    return nodeOf(plain, section, path);
  }
  if (schema.enum !== undefined) return { type: 'enum', values: schema.enum.map(String) };
  switch (schema.type) {
    case 'object': {
      const required = new Set(schema.required ?? []);
      return {
        type: 'object',
        fields: Object.entries(schema.properties ?? {}).map(([key, child]) =>
          descriptorOf(key, child, required.has(key), section, [...path, key]),
        ),
      };
    }
    case 'array':
      return {
        type: 'list',
        item: nodeOf(schema.items ?? { type: 'string' }, section, [...path, '[]']),
        ...(schema.minItems === undefined ? {} : { minItems: schema.minItems }),
      };
    case 'integer':
    case 'number':
      return {
        type: schema.type,
        ...(schema.minimum === undefined ? {} : { minimum: schema.minimum }),
        ...(schema.maximum === undefined ? {} : { maximum: schema.maximum }),
      };
    case 'boolean':
      return { type: 'boolean' };
    default:
      return {
        type: 'string',
        multiline: (schema.maxLength ?? 0) >= MULTILINE_FROM,
        ...(schema.format === undefined ? {} : { format: schema.format }),
        ...(schema.pattern === undefined ? {} : { pattern: schema.pattern }),
        ...(schema.minLength === undefined ? {} : { minLength: schema.minLength }),
        ...(schema.maxLength === undefined ? {} : { maxLength: schema.maxLength }),
      };
  }
}

function descriptorOf(
  key: string,
  schema: JsonSchema,
  required: boolean,
  section: Section,
  path: readonly string[],
): FieldDescriptor {
  return {
    key,
    path,
    required,
    ...(schema.description === undefined ? {} : { description: schema.description }),
    node: nodeOf(schema, section, path),
  };
}

const cache = new Map<Section, EntityDescriptor>();

/** The form of one section's entities (computed once). */
export function entityDescriptor(section: Section): EntityDescriptor {
  const known = cache.get(section);
  if (known !== undefined) return known;
  const json = z.toJSONSchema(SECTION_SCHEMAS[section], { io: 'input' }) as JsonSchema;
  const root = nodeOf(json, section, []);
  const fields = root.type === 'object' ? root.fields.filter((f) => f.key !== 'id') : [];
  const descriptor = { section, fields };
  cache.set(section, descriptor);
  return descriptor;
}

/** Every field of a descriptor, nested ones included (depth first). */
export function allFields(fields: readonly FieldDescriptor[]): FieldDescriptor[] {
  const out: FieldDescriptor[] = [];
  const visit = (field: FieldDescriptor): void => {
    out.push(field);
    let node = field.node;
    while (node.type === 'list') node = node.item;
    if (node.type === 'object') node.fields.forEach(visit);
  };
  fields.forEach(visit);
  return out;
}

/** Every enum value the forms may show, with the paths that use it. */
export function enumValues(descriptors: readonly EntityDescriptor[]): Set<string> {
  const values = new Set<string>();
  const visit = (node: FieldNode): void => {
    if (node.type === 'enum') node.values.forEach((v) => values.add(v));
    else if (node.type === 'list') visit(node.item);
    else if (node.type === 'object')
      node.fields.forEach((f) => {
        visit(f.node);
      });
  };
  for (const d of descriptors)
    d.fields.forEach((f) => {
      visit(f.node);
    });
  return values;
}
