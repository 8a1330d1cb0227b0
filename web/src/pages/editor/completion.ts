/**
 * Completion in the YAML editor: the keys and enum values the model's JSON Schema allows where
 * the cursor is (schema/vigie-model.schema.json, generated from the zod schemas the server
 * validates with and checked equal to them by src/model/json-schema.test.ts), and the ids of the
 * entities written in the model for reference fields (src/model/references.ts says which fields
 * name which kinds). `completionsAt` is pure; `completeModelYaml` adapts it to CodeMirror.
 */
import type {
  Completion,
  CompletionContext,
  CompletionResult,
  CompletionSource,
} from '@codemirror/autocomplete';
import schemaText from '../../../../schema/vigie-model.schema.json?raw';
import type { EntityKind } from '../../../../src/domain/model/index';
import { REFERENCE_FIELDS } from '../../../../src/model/references';
import type { WrittenId } from './live-check';
import { yamlContextAt, type YamlSegment } from './yaml-context';

/** The part of JSON Schema the model's schema uses. */
export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly description?: string;
}

let modelSchema: JsonSchema | undefined;
export function modelJsonSchema(): JsonSchema {
  modelSchema ??= JSON.parse(schemaText) as JsonSchema;
  return modelSchema;
}

const branches = (schema: JsonSchema): JsonSchema[] => [
  schema,
  ...(schema.anyOf ?? []).flatMap(branches),
  ...(schema.oneOf ?? []).flatMap(branches),
];

/** The schemas a value at `path` may follow (several when a field allows several shapes). */
export function schemasAt(root: JsonSchema, path: readonly YamlSegment[]): JsonSchema[] {
  let current = branches(root);
  for (const segment of path) {
    current = current.flatMap((schema) => {
      if (typeof segment === 'number') return schema.items === undefined ? [] : [schema.items];
      const child = schema.properties?.[segment];
      return child === undefined ? [] : [child];
    });
    current = current.flatMap(branches);
    if (current.length === 0) break;
  }
  return current;
}

const typesOf = (schema: JsonSchema): readonly string[] =>
  schema.type === undefined ? [] : typeof schema.type === 'string' ? [schema.type] : schema.type;

/** The kinds of entity a field at `path` names, if it is a reference. */
export function referenceKinds(path: readonly YamlSegment[]): readonly EntityKind[] {
  const [section, index, ...rest] = path;
  let fields;
  let inside: readonly YamlSegment[];
  if (section === 'organisation') {
    fields = REFERENCE_FIELDS.organisation;
    inside = path.slice(1);
  } else if (typeof section === 'string' && typeof index === 'number') {
    fields = (REFERENCE_FIELDS as Readonly<Record<string, typeof REFERENCE_FIELDS.sites>>)[section];
    inside = rest;
  } else {
    return [];
  }
  const written = inside.map((s) => (typeof s === 'number' ? '[]' : s)).join('.');
  return fields?.find((field) => field.path.join('.') === written)?.kinds ?? [];
}

export interface Suggestion {
  readonly label: string;
  readonly type: 'property' | 'enum' | 'constant' | 'variable';
  /** What is inserted (a key gets its colon). */
  readonly apply: string;
  readonly detail?: string;
}

export interface Completions {
  readonly from: number;
  readonly options: readonly Suggestion[];
}

function valueSuggestions(
  schemas: readonly JsonSchema[],
  kinds: readonly EntityKind[],
  ids: readonly WrittenId[],
): Suggestion[] {
  const seen = new Set<string>();
  const options: Suggestion[] = [];
  const add = (option: Suggestion): void => {
    if (seen.has(option.label)) return;
    seen.add(option.label);
    options.push(option);
  };
  for (const schema of schemas) {
    for (const value of [...(schema.enum ?? []), ...('const' in schema ? [schema.const] : [])]) {
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        add({ label: String(value), type: 'enum', apply: String(value) });
      }
    }
    if (typesOf(schema).includes('boolean')) {
      add({ label: 'true', type: 'constant', apply: 'true' });
      add({ label: 'false', type: 'constant', apply: 'false' });
    }
  }
  if (kinds.length > 0) {
    for (const written of ids) {
      if (!kinds.includes(written.kind)) continue;
      add({
        label: written.id,
        type: 'variable',
        apply: written.id,
        ...(written.name === undefined ? {} : { detail: written.name }),
      });
    }
  }
  return options;
}

/** What to offer at `offset` of `text`, or null. */
export function completionsAt(
  text: string,
  offset: number,
  ids: readonly WrittenId[],
  schema: JsonSchema = modelJsonSchema(),
): Completions | null {
  const context = yamlContextAt(text, offset);
  if (context === null) return null;
  const schemas = schemasAt(schema, context.path);
  if (schemas.length === 0) return null;
  if (context.kind === 'key') {
    const objects = schemas.filter((s) => s.properties !== undefined);
    if (objects.length > 0) {
      const siblings = new Set(context.siblings);
      const options: Suggestion[] = [];
      const seen = new Set<string>();
      for (const object of objects) {
        for (const key of Object.keys(object.properties ?? {})) {
          if (key === '$schema' || siblings.has(key) || seen.has(key)) continue;
          seen.add(key);
          options.push({ label: key, type: 'property', apply: `${key}: ` });
        }
      }
      return { from: context.from, options };
    }
    // a list of scalars: the item's value
  }
  const options = valueSuggestions(schemas, referenceKinds(context.path), ids);
  return options.length === 0 ? null : { from: context.from, options };
}

/** The CodeMirror completion source; `ids` gives the ids of the last live check. */
export function completeModelYaml(ids: () => readonly WrittenId[]): CompletionSource {
  return (context: CompletionContext): CompletionResult | null => {
    const text = context.state.doc.toString();
    const found = completionsAt(text, context.pos, ids());
    if (found === null) return null;
    // while typing, only once a word is started or a value is expected
    if (!context.explicit && found.from === context.pos && context.matchBefore(/:\s*$/) === null)
      return null;
    const options: Completion[] = found.options.map((o) => ({
      label: o.label,
      type: o.type,
      apply: o.apply,
      ...(o.detail === undefined ? {} : { detail: o.detail }),
    }));
    return { from: found.from, options, validFor: /^[\w$.-]*$/ };
  };
}
