/**
 * What changed between two versions of a model, entity by entity: the entities added, removed and
 * changed (with each changed field's path, old and new value), as written in the files (an
 * entity is known by its section and id; a renamed id is one entity removed and one added).
 * Pure: the files are parsed with the model's own YAML reader; a file that does not parse
 * contributes no entity (and is listed in `unreadable`).
 */
import { SECTION_NAMES, type Section } from '../domain/model/index.js';
import { parseYamlValue } from './yaml-source.js';

/** One changed field: its path inside the entity (`os.version`, `adminInterfaces[0].port`). */
export interface FieldChange {
  readonly path: string;
  /** Absent when the field was added. */
  readonly before?: unknown;
  /** Absent when the field was removed. */
  readonly after?: unknown;
}

export interface EntityChange {
  /** `organisation` or the entity's section (`assets`, `zones`…), as the API names kinds. */
  readonly kind: Section | 'organisation';
  readonly id: string;
  readonly name?: string;
  readonly status: 'added' | 'removed' | 'changed';
  /** The changed fields (`changed` only). */
  readonly fields: readonly FieldChange[];
}

export interface SemanticDiff {
  readonly entities: readonly EntityChange[];
  /** Files that do not parse in either version: their entities are not compared. */
  readonly unreadable: { readonly before: readonly string[]; readonly after: readonly string[] };
}

interface Written {
  readonly file: string;
  readonly kind: Section | 'organisation';
  readonly id: string;
  readonly value: Record<string, unknown>;
}

type Files = Readonly<Record<string, string>>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The entities written in the files, by `kind:id` (the first one written wins). */
function entitiesOf(files: Files): { entities: Map<string, Written>; unreadable: string[] } {
  const entities = new Map<string, Written>();
  const unreadable: string[] = [];
  for (const file of Object.keys(files).sort()) {
    const parsed = parseYamlValue(files[file] ?? '');
    if (parsed.problems.length > 0) {
      unreadable.push(file);
      continue;
    }
    if (!isRecord(parsed.value)) continue;
    const organisation = parsed.value.organisation;
    if (isRecord(organisation)) {
      const id = typeof organisation.id === 'string' ? organisation.id : '';
      const key = 'organisation:';
      if (!entities.has(key))
        entities.set(key, { file, kind: 'organisation', id, value: organisation });
    }
    for (const section of SECTION_NAMES) {
      const list = parsed.value[section];
      if (!Array.isArray(list)) continue;
      const kind = section;
      for (const item of list as unknown[]) {
        if (!isRecord(item) || typeof item.id !== 'string' || item.id === '') continue;
        const key = `${kind}:${item.id}`;
        if (!entities.has(key)) entities.set(key, { file, kind, id: item.id, value: item });
      }
    }
  }
  return { entities, unreadable };
}

const pathKey = (path: string, key: string): string =>
  path === '' ? key : /^[\w$-]+$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;

/** The ids of a list whose items are all mappings with distinct string ids, else null. */
function idsOfList(list: readonly unknown[]): string[] | null {
  const ids: string[] = [];
  for (const item of list) {
    if (!isRecord(item) || typeof item.id !== 'string') return null;
    ids.push(item.id);
  }
  return new Set(ids).size === ids.length ? ids : null;
}

const same = (a: unknown, b: unknown): boolean =>
  a === b || (Number.isNaN(a) && Number.isNaN(b)) || JSON.stringify(a) === JSON.stringify(b);

/** Every difference between two values, as leaf paths (lists of scalars: the whole list). */
export function diffValues(
  before: unknown,
  after: unknown,
  path = '',
  out: FieldChange[] = [],
): FieldChange[] {
  if (same(before, after)) return out;
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    for (const key of keys) {
      const inBefore = Object.hasOwn(before, key);
      const inAfter = Object.hasOwn(after, key);
      const at = pathKey(path, key);
      if (!inAfter) out.push({ path: at, before: before[key] });
      else if (!inBefore) out.push({ path: at, after: after[key] });
      else diffValues(before[key], after[key], at, out);
    }
    return out;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    return diffLists(before as unknown[], after as unknown[], path, out);
  }
  out.push({ path, before, after });
  return out;
}

function diffLists(
  before: readonly unknown[],
  after: readonly unknown[],
  path: string,
  out: FieldChange[],
): FieldChange[] {
  const beforeIds = idsOfList(before);
  const afterIds = idsOfList(after);
  if (beforeIds !== null && afterIds !== null) {
    // items with ids: matched by id, wherever they moved
    const byId = new Map<string, unknown>(before.map((item, i) => [beforeIds[i] ?? '', item]));
    const kept = new Set(afterIds);
    for (const [i, id] of beforeIds.entries()) {
      if (!kept.has(id)) out.push({ path: `${path}[${id}]`, before: before[i] });
    }
    for (const [i, id] of afterIds.entries()) {
      const old = byId.get(id);
      if (old === undefined) out.push({ path: `${path}[${id}]`, after: after[i] });
      else diffValues(old, after[i], `${path}[${id}]`, out);
    }
    return out;
  }
  const allRecords = [...before, ...after].every(isRecord);
  if (allRecords && before.length === after.length) {
    // mappings without ids, as many before as after: compared place by place
    for (let i = 0; i < before.length; i++) diffValues(before[i], after[i], `${path}[${i}]`, out);
    return out;
  }
  out.push({ path, before, after });
  return out;
}

const nameOf = (value: Record<string, unknown>): string | undefined =>
  typeof value.name === 'string' ? value.name : undefined;

const ORDER: Readonly<Record<EntityChange['status'], number>> = {
  added: 0,
  removed: 1,
  changed: 2,
};

/** The entities added, removed and changed from `before` to `after`. */
export function semanticDiff(before: Files, after: Files): SemanticDiff {
  const old = entitiesOf(before);
  const next = entitiesOf(after);
  const changes: EntityChange[] = [];
  // an entity in a file that the other version cannot read is not said to be added or removed
  const unreadableBefore = new Set(old.unreadable);
  const unreadableAfter = new Set(next.unreadable);
  for (const [key, entity] of next.entities) {
    const previous = old.entities.get(key);
    const name = nameOf(entity.value);
    const base = { kind: entity.kind, id: entity.id, ...(name === undefined ? {} : { name }) };
    if (previous === undefined) {
      if (!unreadableBefore.has(entity.file)) {
        changes.push({ ...base, status: 'added', fields: [] });
      }
      continue;
    }
    const fields = diffValues(previous.value, entity.value);
    if (fields.length > 0) changes.push({ ...base, status: 'changed', fields });
  }
  for (const [key, entity] of old.entities) {
    if (next.entities.has(key) || unreadableAfter.has(entity.file)) continue;
    const name = nameOf(entity.value);
    changes.push({
      kind: entity.kind,
      id: entity.id,
      ...(name === undefined ? {} : { name }),
      status: 'removed',
      fields: [],
    });
  }
  changes.sort(
    (a, b) =>
      ORDER[a.status] - ORDER[b.status] ||
      (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return {
    entities: changes,
    unreadable: { before: old.unreadable, after: next.unreadable },
  };
}
