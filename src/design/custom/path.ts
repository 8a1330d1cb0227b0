import type { Entity, EntityKind } from '../../domain/model/index.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { RuleContext } from '../rule.js';
import { COMPUTED, fieldsOf } from './computed.js';
import {
  isSelectableKind,
  WRITTEN_FIELDS,
  type FieldTable,
  type SelectableKind,
  type ValueType,
} from './fields.js';

/** Every field a path may name, by entity kind: written fields and computed properties. */
export const FIELDS: Readonly<Record<SelectableKind, FieldTable>> = Object.fromEntries(
  (Object.keys(WRITTEN_FIELDS) as SelectableKind[]).map((kind) => [
    kind,
    fieldsOf(kind, WRITTEN_FIELDS[kind]),
  ]),
) as Record<SelectableKind, FieldTable>;

export interface PathSegment {
  readonly name: string;
  /** Written `name[]`: look into each item of the list. */
  readonly each: boolean;
}

/** A checked path: its segments and what it yields (one value, or a list of `item`). */
export interface TypedPath {
  readonly text: string;
  readonly segments: readonly PathSegment[];
  readonly item: ValueType;
  readonly list: boolean;
}

export type PathProblem =
  | { readonly code: 'path-syntax' }
  | {
      readonly code: 'unknown-field';
      readonly field: string;
      readonly owner: string;
      readonly known: readonly string[];
    }
  | { readonly code: 'list-needs-brackets'; readonly field: string }
  | { readonly code: 'not-a-list'; readonly field: string }
  | { readonly code: 'not-navigable'; readonly field: string };

const PATH_SYNTAX = /^[A-Za-z][A-Za-z0-9]*(?:\[\])?(?:\.[A-Za-z][A-Za-z0-9]*(?:\[\])?)*$/;

/** The fields a value of this type offers to a path (entities: the union over its kinds). */
function fieldsFor(type: ValueType): FieldTable | undefined {
  if (type.type === 'object') return type.fields;
  if (type.type !== 'ref') return undefined;
  const table: Record<string, FieldTable[string]> = {};
  for (const kind of type.kinds) {
    if (!isSelectableKind(kind)) continue;
    for (const [name, field] of Object.entries(FIELDS[kind])) table[name] ??= field;
  }
  return table;
}

/** Names the owner of fields in messages: `asset`, `zone or asset`, `item`. */
function ownerName(type: ValueType): string {
  return type.type === 'ref' ? type.kinds.join('|') : 'object';
}

/** Checks a path against the fields of `root` (an entity kind or an object type). */
export function typePath(text: string, root: ValueType): Result<TypedPath, PathProblem> {
  if (!PATH_SYNTAX.test(text)) return err({ code: 'path-syntax' });
  const segments = text.split('.').map((part) => {
    const each = part.endsWith('[]');
    return { name: each ? part.slice(0, -2) : part, each };
  });
  let current: ValueType = root;
  let list = false;
  for (const [index, segment] of segments.entries()) {
    const fields = fieldsFor(current);
    if (fields === undefined) {
      return err({ code: 'not-navigable', field: segments[index - 1]?.name ?? text });
    }
    const field = fields[segment.name];
    if (field === undefined) {
      return err({
        code: 'unknown-field',
        field: segment.name,
        owner: ownerName(current),
        known: Object.keys(fields).sort(),
      });
    }
    let type = field.type;
    const last = index === segments.length - 1;
    if (type.type === 'list') {
      if (!segment.each && !last && !list) {
        return err({ code: 'list-needs-brackets', field: segment.name });
      }
      list = true;
      type = type.item;
    } else if (segment.each) {
      return err({ code: 'not-a-list', field: segment.name });
    }
    current = type;
  }
  return ok({ text, segments, item: current, list });
}

/** An entity met while reading a path. */
export class EntityValue {
  constructor(
    readonly kind: EntityKind,
    readonly entity: Entity,
  ) {}
}

function fieldValue(holder: unknown, name: string, context: RuleContext): unknown {
  if (holder instanceof EntityValue) {
    const computed = isSelectableKind(holder.kind) ? COMPUTED[holder.kind][name] : undefined;
    if (computed !== undefined) return computed.get(holder.entity, context);
    return (holder.entity as unknown as Record<string, unknown>)[name];
  }
  if (holder !== null && typeof holder === 'object' && !Array.isArray(holder)) {
    return (holder as Record<string, unknown>)[name];
  }
  return undefined;
}

/** The entity an id names, wrapped for further reading; `undefined` for dangling ids. */
export function entityOf(id: unknown, context: RuleContext): EntityValue | undefined {
  if (typeof id !== 'string') return undefined;
  const node = context.graph.get(id);
  return node === undefined ? undefined : new EntityValue(node.kind, node.entity);
}

/**
 * Reads a path from a starting value (an {@link EntityValue} or a plain object). References
 * in the middle of the path are followed; lists are flattened. Returns every value reached.
 */
export function readPath(start: unknown, path: TypedPath, context: RuleContext): unknown[] {
  let values: unknown[] = [start];
  const { segments } = path;
  for (const [index, segment] of segments.entries()) {
    const next: unknown[] = [];
    const follow = index < segments.length - 1;
    for (const holder of values) {
      const value = fieldValue(holder, segment.name, context);
      const items = Array.isArray(value) ? (value as unknown[]) : [value];
      for (const item of items) {
        if (item === undefined || item === null) continue;
        if (follow && typeof item === 'string') {
          const entity = entityOf(item, context);
          if (entity !== undefined) next.push(entity);
        } else next.push(item);
      }
    }
    values = next;
  }
  return values;
}
