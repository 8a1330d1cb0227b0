import type { z } from 'zod';

type AnySchema = z.core.$ZodType;

interface ObjectDef {
  readonly type: string;
  readonly shape?: Record<string, AnySchema>;
  readonly element?: AnySchema;
}

/** Unwraps optional/nullable/default wrappers and pipes. */
function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (;;) {
    const def = current._zod.def as { type: string; innerType?: AnySchema; in?: AnySchema };
    if (def.innerType !== undefined) current = def.innerType;
    else if (def.type === 'pipe' && def.in !== undefined) current = def.in;
    else return current;
  }
}

/** The shape of the object schema at `path`, or `undefined` when there is none. */
function shapeAt(
  schema: AnySchema,
  path: readonly PropertyKey[],
): Record<string, AnySchema> | undefined {
  let current: AnySchema | undefined = unwrap(schema);
  for (const segment of path) {
    if (current === undefined) return undefined;
    const def = current._zod.def as ObjectDef;
    if (def.type === 'array' && typeof segment === 'number') current = def.element;
    else if (def.type === 'object' && typeof segment === 'string') current = def.shape?.[segment];
    else return undefined;
    current = current === undefined ? undefined : unwrap(current);
  }
  const def = current?._zod.def as ObjectDef | undefined;
  return def?.type === 'object' ? (def.shape ?? {}) : undefined;
}

/** The property names an object schema allows at `path` (for "did you mean" hints). */
export function keysAt(schema: AnySchema, path: readonly PropertyKey[]): readonly string[] {
  return Object.keys(shapeAt(schema, path) ?? {});
}

/** The property names an object schema requires at `path` (the others are optional). */
export function requiredKeysAt(schema: AnySchema, path: readonly PropertyKey[]): readonly string[] {
  return Object.entries(shapeAt(schema, path) ?? {})
    .filter(([, field]) => field._zod.optin !== 'optional')
    .map(([key]) => key);
}
