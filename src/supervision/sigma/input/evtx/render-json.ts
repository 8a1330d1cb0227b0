/**
 * Renders a parsed record as the JSON tree of evtx_dump (the form of SigmaHQ's regression data):
 * element → key; attributes under `#attributes`; text beside child elements under `#text`; an
 * element with neither children nor non-empty attributes → null; a lone integer or boolean value
 * → JSON number/boolean; repeated child names → `Name`, `Name_1`, …; inside EventData/UserData,
 * `<Data Name="X">v</Data>` → `X: v` (empty → ""), unnamed Data → `Data: {"#text": v | [v…]}`.
 */
import type { AttrNode, BxNode, ElementNode, EvtxValue } from './nodes.js';

type Scalar = string | number | boolean | bigint | null;
type Item = Scalar | ElementNode;
type Values = readonly EvtxValue[];
type JsonObject = Record<string, unknown>;

const NO_VALUES: Values = [];

function isEmpty(v: EvtxValue | undefined): boolean {
  return v === null || v === undefined || v === '';
}

function isElement(item: Item): item is ElementNode {
  return typeof item === 'object' && item !== null;
}

function text(v: Scalar): string {
  return v === null ? '' : typeof v === 'string' ? v : String(v);
}

function asNumber(v: Scalar): unknown {
  return typeof v === 'bigint' ? Number(v) : v;
}

function isNumeric(v: Item): boolean {
  return typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean';
}

/** Assigns without ever touching the prototype (an element may be named `__proto__`). */
function setKey(obj: JsonObject, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(obj, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    obj[key] = value;
  }
}

/** Expands substitutions, nested fragments and template instances into a flat item list. */
function resolve(nodes: readonly BxNode[], values: Values, items: Item[], ctxs: Values[]): void {
  for (const node of nodes) {
    switch (node.kind) {
      case 'element':
        items.push(node);
        ctxs.push(values);
        break;
      case 'text':
        items.push(node.text);
        ctxs.push(NO_VALUES);
        break;
      case 'subst': {
        const v = values[node.index];
        if (v === undefined || (node.optional && isEmpty(v))) break;
        if (typeof v === 'object' && v !== null) {
          resolve(v.nodes, NO_VALUES, items, ctxs);
        } else {
          items.push(v);
          ctxs.push(NO_VALUES);
        }
        break;
      }
      case 'instance':
        resolve(node.nodes, node.values, items, ctxs);
        break;
    }
  }
}

function concat(items: readonly Item[]): string {
  let s = '';
  for (const item of items) if (!isElement(item)) s += text(item);
  return s;
}

/** A single numeric value renders as a number, anything else as the concatenated text. */
function contentValue(items: readonly Item[]): unknown {
  const first = items[0];
  if (items.length === 1 && first !== undefined && isNumeric(first))
    return asNumber(first as Scalar);
  return concat(items);
}

/** `#text` beside child elements: numeric when it is exactly one non-empty numeric value. */
function mixedText(items: readonly Item[]): unknown {
  let single: Scalar = null;
  let count = 0;
  for (const item of items) {
    if (isElement(item) || item === null || item === '') continue;
    count++;
    single = item;
  }
  if (count === 1 && isNumeric(single)) return asNumber(single);
  return concat(items);
}

function hasNonEmptyText(items: readonly Item[]): boolean {
  for (const item of items) if (!isElement(item) && item !== null && item !== '') return true;
  return false;
}

/** An attribute's value: a lone node as its scalar, several nodes as their joined text. */
function attrValue(attr: AttrNode, values: Values): Scalar {
  const only = attr.value[0];
  if (attr.value.length === 1 && only !== undefined) {
    if (only.kind === 'text') return only.text;
    if (only.kind === 'subst') {
      const v = values[only.index];
      return v === undefined || (typeof v === 'object' && v !== null) ? null : v;
    }
  }
  const items: Item[] = [];
  resolve(attr.value, values, items, []);
  return items.length === 1 && items[0] !== undefined && !isElement(items[0])
    ? items[0]
    : concat(items);
}

function renderAttributes(attrs: readonly AttrNode[], values: Values): JsonObject | null {
  let out: JsonObject | null = null;
  for (const attr of attrs) {
    const v = attrValue(attr, values);
    if (v === null || v === '') continue;
    out ??= {};
    setKey(out, attr.name, asNumber(v));
  }
  return out;
}

interface Resolved {
  readonly items: Item[];
  readonly ctxs: Values[];
  readonly hasElement: boolean;
}

function resolveChildren(el: ElementNode, values: Values): Resolved {
  const items: Item[] = [];
  const ctxs: Values[] = [];
  if (!el.dynamic) {
    for (const child of el.children) {
      items.push(child.kind === 'element' ? child : child.kind === 'text' ? child.text : null);
      ctxs.push(values);
    }
    return { items, ctxs, hasElement: el.hasElementChild };
  }
  resolve(el.children, values, items, ctxs);
  return { items, ctxs, hasElement: items.some(isElement) };
}

/** The JSON value of one element. */
export function elementValue(el: ElementNode, values: Values): unknown {
  // Fast path: `<X>%n</X>` with a scalar substitution and no attributes.
  const only = el.children[0];
  if (
    el.attrs.length === 0 &&
    el.children.length === 1 &&
    only !== undefined &&
    only.kind === 'subst'
  ) {
    const v = values[only.index];
    if (v === undefined || isEmpty(v)) return null;
    if (typeof v !== 'object') return typeof v === 'bigint' ? Number(v) : v;
  }
  const attributes = el.attrs.length === 0 ? null : renderAttributes(el.attrs, values);
  const resolved = resolveChildren(el, values);
  const hasText = hasNonEmptyText(resolved.items);
  if (!resolved.hasElement && !hasText && attributes === null) return null;
  if (!resolved.hasElement && attributes === null) return contentValue(resolved.items);
  return body(el, resolved, attributes, hasText);
}

function nameAttrKey(el: ElementNode, values: Values): string | null {
  for (const attr of el.attrs) {
    if (attr.name !== 'Name') continue;
    const key = text(attrValue(attr, values));
    return key === '' ? null : key;
  }
  return null;
}

function dataValue(el: ElementNode, values: Values): unknown {
  const resolved = resolveChildren(el, values);
  if (resolved.hasElement) {
    const attributes = el.attrs.length === 0 ? null : renderAttributes(el.attrs, values);
    return body(el, resolved, attributes, hasNonEmptyText(resolved.items));
  }
  if (!hasNonEmptyText(resolved.items)) return '';
  return contentValue(resolved.items);
}

function body(
  el: ElementNode,
  resolved: Resolved,
  attributes: JsonObject | null,
  hasText: boolean,
): JsonObject {
  const obj: JsonObject = {};
  if (attributes !== null) obj['#attributes'] = attributes;
  if (hasText) obj['#text'] = mixedText(resolved.items);
  const { items, ctxs } = resolved;
  const container = el.name === 'EventData' || el.name === 'UserData';
  let flatten = false;
  let positional: unknown[] | null = null;
  if (container) {
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (
        item !== undefined &&
        isElement(item) &&
        item.name === 'Data' &&
        nameAttrKey(item, ctxs[i] ?? NO_VALUES) !== null
      ) {
        flatten = true;
        break;
      }
    }
  }
  let counts: Map<string, number> | null = null;
  for (let i = 0; i < items.length; i++) {
    const child = items[i];
    if (child === undefined || !isElement(child)) continue;
    const values = ctxs[i] ?? NO_VALUES;
    if (container && child.name === 'Data') {
      if (flatten) {
        const key = nameAttrKey(child, values);
        if (key !== null) setKey(obj, key, dataValue(child, values));
      } else if (positional === null) {
        positional = [dataValue(child, values)];
        obj.Data = { '#text': positional };
      } else {
        positional.push(dataValue(child, values));
      }
      continue;
    }
    let key = child.name;
    if (Object.hasOwn(obj, key)) {
      counts ??= new Map();
      const n = counts.get(key) ?? 1;
      counts.set(key, n + 1);
      key = `${key}_${n}`;
    }
    setKey(obj, key, elementValue(child, values));
  }
  if (positional?.length === 1) obj.Data = { '#text': positional[0] };
  return obj;
}

/** Renders a record's top-level nodes as `{ RootName: value }`, null when there is no element. */
export function renderRecord(nodes: readonly BxNode[]): JsonObject | null {
  const items: Item[] = [];
  const ctxs: Values[] = [];
  resolve(nodes, NO_VALUES, items, ctxs);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item !== undefined && isElement(item)) {
      const out: JsonObject = {};
      setKey(out, item.name, elementValue(item, ctxs[i] ?? NO_VALUES));
      return out;
    }
  }
  return null;
}
