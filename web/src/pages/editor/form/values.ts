/**
 * Pure logic of the generated entity forms: checking a draft against its descriptor before it is
 * sent, cleaning it (empty inputs are "not set"), the top-level fields that changed, where a
 * server diagnostic goes in the form, and the id proposed from a name.
 */
import { sameValue } from '../fields';
import type { FieldDescriptor, FieldNode } from './descriptor';

export type Draft = Readonly<Record<string, unknown>>;

export type IssueCode = 'required' | 'number' | 'integer' | 'range' | 'length' | 'format';

export interface FieldIssue {
  /** `services[0].port`: the form path of the input. */
  readonly path: string;
  readonly code: IssueCode;
  readonly min?: number;
  readonly max?: number;
}

/** `a` + `b` → `a.b`; `a` + 0 → `a[0]`. */
export function childPath(parent: string, segment: string | number): string {
  if (typeof segment === 'number') return `${parent}[${String(segment)}]`;
  return parent === '' ? segment : `${parent}.${segment}`;
}

/** True for what an input shows as empty: nothing, blank text, an empty list or object. */
export function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.every(isEmpty);
  if (typeof value === 'object') return Object.values(value).every(isEmpty);
  return false;
}

/** The draft as it will be written: blank values dropped, texts trimmed, numbers parsed. */
export function cleanValue(value: unknown): unknown {
  if (isEmpty(value)) return undefined;
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) return value.filter((item) => !isEmpty(item)).map(cleanValue);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      const cleaned = cleanValue(child);
      if (cleaned !== undefined) out[key] = cleaned;
    }
    return out;
  }
  return value;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function checkNode(node: FieldNode, value: unknown, path: string, issues: FieldIssue[]): void {
  switch (node.type) {
    case 'object':
      checkFields(node.fields, value as Draft, path, issues);
      return;
    case 'list': {
      if (!Array.isArray(value)) return;
      value.forEach((item, i) => {
        if (!isEmpty(item)) checkNode(node.item, item, childPath(path, i), issues);
      });
      return;
    }
    case 'integer':
    case 'number': {
      const n = typeof value === 'string' ? Number(value.replace(',', '.')) : value;
      if (typeof n !== 'number' || !Number.isFinite(n)) {
        issues.push({ path, code: 'number' });
        return;
      }
      if (node.type === 'integer' && !Number.isInteger(n)) issues.push({ path, code: 'integer' });
      else if (
        (node.minimum !== undefined && n < node.minimum) ||
        (node.maximum !== undefined && n > node.maximum)
      ) {
        issues.push({
          path,
          code: 'range',
          ...(node.minimum === undefined ? {} : { min: node.minimum }),
          ...(node.maximum === undefined ? {} : { max: node.maximum }),
        });
      }
      return;
    }
    case 'string': {
      if (typeof value !== 'string') return;
      const text = value.trim();
      if (node.maxLength !== undefined && text.length > node.maxLength) {
        issues.push({ path, code: 'length', max: node.maxLength });
      } else if (
        (node.format === 'date' && !DATE.test(text)) ||
        (node.format === 'email' && !EMAIL.test(text)) ||
        (node.pattern !== undefined && !safeTest(node.pattern, text))
      ) {
        issues.push({ path, code: 'format' });
      }
      return;
    }
    default:
      return;
  }
}

function safeTest(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(text);
  } catch {
    return true; // a pattern the browser cannot compile: the server checks it
  }
}

function checkFields(
  fields: readonly FieldDescriptor[],
  draft: Draft | undefined,
  prefix: string,
  issues: FieldIssue[],
): void {
  for (const field of fields) {
    const value = draft?.[field.key];
    const path = childPath(prefix, field.key);
    if (isEmpty(value)) {
      if (field.required) issues.push({ path, code: 'required' });
      continue;
    }
    checkNode(field.node, value, path, issues);
  }
}

/**
 * What the browser can tell before sending: missing required fields (in objects that are set),
 * numbers, ranges, lengths and formats. The server's validation stays the authority.
 */
export function checkDraft(fields: readonly FieldDescriptor[], draft: Draft): FieldIssue[] {
  const issues: FieldIssue[] = [];
  checkFields(fields, draft, '', issues);
  return issues;
}

/** Numbers typed as text become numbers (after `checkDraft` found none invalid). */
export function typedValue(node: FieldNode, value: unknown): unknown {
  if (value === undefined) return undefined;
  switch (node.type) {
    case 'integer':
    case 'number':
      return typeof value === 'string' ? Number(value.replace(',', '.')) : value;
    case 'list':
      return Array.isArray(value) ? value.map((item) => typedValue(node.item, item)) : value;
    case 'object': {
      if (value === null || typeof value !== 'object') return value;
      const out: Record<string, unknown> = { ...(value as Draft) };
      for (const field of node.fields) {
        if (out[field.key] !== undefined) out[field.key] = typedValue(field.node, out[field.key]);
      }
      return out;
    }
    default:
      return value;
  }
}

/** The entity to write: cleaned and typed, fields in the descriptor's order. */
export function entityOf(
  fields: readonly FieldDescriptor[],
  draft: Draft,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const value = typedValue(field.node, cleanValue(draft[field.key]));
    if (value !== undefined) out[field.key] = value;
  }
  return out;
}

/** Top-level fields whose value differs from the original; a removed one is `null`. */
export function changedTopLevel(
  fields: readonly FieldDescriptor[],
  original: Draft,
  next: Draft,
): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  for (const { key } of fields) {
    if (!sameValue(original[key], next[key])) changed[key] = next[key] ?? null;
  }
  return changed;
}

/**
 * The form path of a server diagnostic about this entity (`assets[srv-erp].services[0].port` →
 * `services[0].port`; `''` for the entity itself), or null when it is about something else.
 */
export function formPathOf(modelPath: string, section: string, id: string): string | null {
  const head = `${section}[${id}]`;
  if (!modelPath.startsWith(head)) return null;
  const rest = modelPath.slice(head.length);
  if (rest === '') return '';
  if (rest.startsWith('.')) return rest.slice(1);
  return rest.startsWith('[') ? rest : null;
}

/** Every input path the form shows for `draft` (lists expanded to their items). */
export function formPaths(fields: readonly FieldDescriptor[], draft: Draft): Set<string> {
  const paths = new Set<string>();
  const walk = (node: FieldNode, value: unknown, path: string): void => {
    paths.add(path);
    if (node.type === 'object') {
      for (const field of node.fields) {
        walk(field.node, (value as Draft | undefined)?.[field.key], childPath(path, field.key));
      }
    } else if (node.type === 'list' && Array.isArray(value)) {
      value.forEach((item, i) => {
        walk(node.item, item, childPath(path, i));
      });
    }
  };
  for (const field of fields) walk(field.node, draft[field.key], field.key);
  return paths;
}

/** The nearest path the form shows at or above `path` (`''`: the form as a whole). */
export function placeOf(path: string, shown: ReadonlySet<string>): string {
  let at = path;
  while (at !== '' && !shown.has(at)) {
    const cut = Math.max(at.lastIndexOf('.'), at.lastIndexOf('['));
    at = cut <= 0 ? '' : at.slice(0, cut);
  }
  return at;
}

/** A kebab-case id proposed from a name: accents folded, at most 60 characters. */
export function slugOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** `slug`, else `slug-2`, `slug-3`… the first not in `taken`. */
export function uniqueId(slug: string, taken: ReadonlySet<string>): string {
  if (slug === '') return '';
  if (!taken.has(slug)) return slug;
  for (let n = 2; ; n += 1) {
    const candidate = `${slug}-${String(n)}`;
    if (!taken.has(candidate)) return candidate;
  }
}
