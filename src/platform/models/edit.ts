/**
 * Edits of a model version's files that keep comments and layout: set or remove fields of one
 * entity, append an entity, record a risk decision. Pure: files in, files out.
 *
 * The files are parsed with `yaml`'s Document API only to find nodes and their source ranges;
 * the output is the original text with just the touched lines replaced (a whole-document
 * re-stringify would re-fold every long line and re-indent flow collections). Only when an
 * entity is written in an unusual layout (a flow mapping `- { id: x }`, an empty flow sequence)
 * is the whole file re-stringified. The result is not validated here: the caller runs the model
 * validation on the new files (schema, references, YAML limits such as alias bombs).
 */
import {
  Document,
  isCollection,
  isMap,
  isScalar,
  isSeq,
  Pair,
  parseDocument,
  Scalar,
  YAMLMap,
  YAMLSeq,
} from 'yaml';
import type { Node as YamlNode } from 'yaml';
import { SECTION_NAMES, type EntityKind, type Section } from '../../domain/model/index.js';
import {
  formatReferencePath,
  referrersOf,
  type ModelSections,
  type Referrer,
} from '../../model/referrers.js';
import { ID_PATTERN } from '../../domain/model/common.js';
import { err, ok, type Result } from '../../domain/result.js';
import { isModelFileName } from './validation.js';

export type ModelFiles = Readonly<Record<string, string>>;

export type EditErrorCode =
  | 'unknown_kind'
  | 'not_found'
  | 'id_immutable'
  | 'id_required'
  | 'duplicate_id'
  | 'invalid_file_name'
  | 'yaml_unparsable'
  | 'unsupported_layout'
  | 'entity_referenced';

/** An entity that references the one being deleted, and where (as the API answers it). */
export interface ReferrerSummary {
  readonly kind: EntityKind | 'organisation';
  readonly id: string;
  readonly name: string;
  /** Where in the holder, e.g. `redundancy.with[0]`. */
  readonly field: string;
  /** The holder needs this reference (a required field): change or delete the holder first. */
  readonly required: boolean;
}

/** An expected edit failure, located in a file when it is about one. */
export interface EditError {
  readonly code: EditErrorCode;
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  /** `entity_referenced`: what references the entity that was to be deleted. */
  readonly referrers?: readonly ReferrerSummary[];
}

export interface EditOutcome {
  /** Every file of the model, the edited one changed. */
  readonly files: Record<string, string>;
  /** The file that was changed (or created). */
  readonly file: string;
  readonly id: string;
  /** The entity's fields before the edit (null when created), as plain data. */
  readonly before: Record<string, unknown> | null;
  readonly after: Record<string, unknown> | null;
  /** A deletion: the references to the entity that were removed with it. */
  readonly referrers?: readonly ReferrerSummary[];
}

export type EditResult = Result<EditOutcome, EditError>;

/** Lines are folded by the renderer at this width (the examples are written to 100 columns). */
const LINE_WIDTH = 100;
/** Aliases followed when turning an entity into plain data for the audit trail. */
const MAX_ALIAS_COUNT = 100;

interface Parsed {
  readonly file: string;
  readonly text: string;
  readonly doc: Document.Parsed;
}

interface Located {
  readonly parsed: Parsed;
  readonly seq: YAMLSeq;
  readonly map: YAMLMap;
}

function isSection(kind: string): kind is Section {
  return (SECTION_NAMES as readonly string[]).includes(kind);
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function parse(file: string, text: string): Result<Parsed, EditError> {
  const doc = parseDocument(text, { prettyErrors: false });
  const first = doc.errors[0];
  if (first !== undefined) {
    return err({
      code: 'yaml_unparsable',
      message: `${file} cannot be parsed: ${first.message}`,
      file,
      ...position(text, first.pos[0]),
    });
  }
  return ok({ file, text, doc });
}

/**
 * The parsed files whose text contains every one of `needles` (a cheap filter: parsing a large
 * model takes far longer than searching its text), sorted by name; files that do not parse are
 * left out.
 */
function parseWhere(files: ModelFiles, ...needles: readonly string[]): Parsed[] {
  const parsed: Parsed[] = [];
  for (const file of Object.keys(files).sort()) {
    const text = files[file] ?? '';
    if (!needles.every((needle) => text.includes(needle))) continue;
    const result = parse(file, text);
    if (result.ok) parsed.push(result.value);
  }
  return parsed;
}

/** True when some entity of any section already has this id (ids are model-wide). */
function isIdTaken(files: ModelFiles, id: string): boolean {
  return allIds(parseWhere(files, id)).has(id);
}

function sectionOf(parsed: Parsed, kind: Section): YAMLSeq | undefined {
  const contents = parsed.doc.contents;
  if (!isMap(contents)) return undefined;
  const node: unknown = contents.get(kind, true);
  return isSeq(node) ? node : undefined;
}

function idOf(item: unknown): string | undefined {
  if (!isMap(item)) return undefined;
  const node: unknown = item.get('id', true);
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

function entityMaps(seq: YAMLSeq): YAMLMap[] {
  return seq.items.filter((item): item is YAMLMap => isMap(item));
}

function findEntity(parsed: readonly Parsed[], kind: Section, id: string): Located | undefined {
  for (const p of parsed) {
    const seq = sectionOf(p, kind);
    if (seq === undefined) continue;
    const map = entityMaps(seq).find((item) => idOf(item) === id);
    if (map !== undefined) return { parsed: p, seq, map };
  }
  return undefined;
}

/** Every entity id written in any section of any file (ids are unique across the model). */
function allIds(parsed: readonly Parsed[]): Set<string> {
  const ids = new Set<string>();
  for (const p of parsed) {
    for (const kind of SECTION_NAMES) {
      const seq = sectionOf(p, kind);
      if (seq === undefined) continue;
      for (const item of seq.items) {
        const id = idOf(item);
        if (id !== undefined) ids.add(id);
      }
    }
  }
  return ids;
}

function plain(node: YamlNode, doc: Document.Parsed): Record<string, unknown> | null {
  try {
    const value: unknown = node.toJS(doc, { maxAliasCount: MAX_ALIAS_COUNT });
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    // An alias bomb or a broken alias: the audit gets no snapshot, validation reports it.
    return null;
  }
}

function keyName(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' ? key : undefined;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const at = text.indexOf('\n', offset);
  return at === -1 ? text.length : at;
}

/** Offset of the last non-blank character of a node's own text (before trailing comments). */
function lastCharOf(text: string, node: YamlNode): number {
  const range = node.range;
  if (range === undefined || range === null) return 0;
  let at = range[1] - 1;
  while (at > range[0] && /\s/.test(text[at] ?? '')) at -= 1;
  return at;
}

/** A value as a YAML node for `doc`, keeping the flow style of the value it replaces. */
function nodeFor(doc: Document, value: unknown, previous: unknown): YamlNode {
  const node = doc.createNode(value) as YamlNode;
  if (isCollection(previous) && previous.flow === true && isCollection(node)) node.flow = true;
  return node;
}

/** `key: value` rendered alone, lines after the first indented by `column` spaces. */
function renderPair(key: string, value: unknown, column: number): string {
  const doc = new Document();
  const map = new YAMLMap();
  map.items.push(new Pair(new Scalar(key), value));
  doc.contents = map;
  const text = doc
    .toString({ lineWidth: Math.max(40, LINE_WIDTH - column), singleQuote: true })
    .replace(/\n$/, '');
  return indentTail(text, column);
}

function indentTail(text: string, column: number): string {
  const pad = ' '.repeat(column);
  return text
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : pad + line))
    .join('\n');
}

interface Splice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function applySplices(text: string, splices: readonly Splice[]): string {
  let out = text;
  for (const s of [...splices].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, s.start) + s.text + out.slice(s.end);
  }
  return out;
}

/** The whole document re-stringified: the fallback for layouts the splicer does not handle. */
function restringify(doc: Document.Parsed): string {
  return doc.toString({ lineWidth: LINE_WIDTH, singleQuote: true });
}

function validFieldKey(key: string): boolean {
  return key.length > 0 && key.length <= 200;
}

/**
 * Sets the given fields of the entity `id` of section `kind` (`null` removes a field; objects
 * and arrays replace the value whole). `id` may appear in `fields` only with its current value.
 */
export function updateEntity(
  files: ModelFiles,
  kind: string,
  id: string,
  fields: Readonly<Record<string, unknown>>,
): EditResult {
  if (!isSection(kind)) return err({ code: 'unknown_kind', message: `Unknown kind ${kind}.` });
  if ('id' in fields && fields.id !== id) {
    return err({
      code: 'id_immutable',
      message: `The id of ${id} cannot be changed; create a new entity instead.`,
    });
  }
  const found = findEntity(parseWhere(files, kind, id), kind, id);
  if (found === undefined) {
    return err({ code: 'not_found', message: `No ${kind} entity has the id ${id}.` });
  }
  const { parsed, map } = found;
  const { doc, text, file } = parsed;
  const before = plain(map, doc);
  const pairs = map.items;
  const first = pairs[0];
  const spliceable = map.flow !== true && first !== undefined && isScalar(first.key);
  const column =
    first !== undefined && isScalar(first.key) && first.key.range
      ? first.key.range[0] - lineStart(text, first.key.range[0])
      : 0;
  const splices: Splice[] = [];
  const added: string[] = [];
  let fallback = !spliceable;
  // New fields go after the entity's last line, computed before any pair is removed.
  const insertAt = lineEnd(
    text,
    pairs.reduce<number>((at, pair) => {
      const node = (isScalar(pair.value) || isCollection(pair.value) ? pair.value : pair.key) as
        YamlNode | undefined;
      return node === undefined ? at : Math.max(at, lastCharOf(text, node));
    }, 0),
  );

  for (const [key, value] of Object.entries(fields)) {
    if (key === 'id' || !validFieldKey(key)) continue;
    const pair = pairs.find((p) => keyName(p) === key);
    if (value === null) {
      if (pair === undefined) continue;
      const at = pairs.indexOf(pair);
      const keyNode = pair.key as YamlNode;
      const start = keyNode.range?.[0] ?? 0;
      const valueNode = isScalar(pair.value) || isCollection(pair.value) ? pair.value : keyNode;
      const end = lineEnd(text, lastCharOf(text, valueNode));
      const ls = lineStart(text, start);
      if (text.slice(ls, start).trim() === '') {
        splices.push({ start: ls, end: Math.min(text.length, end + 1), text: '' });
      } else {
        const next = pairs[at + 1];
        const nextStart = (next?.key as YamlNode | undefined)?.range?.[0];
        if (nextStart === undefined) fallback = true;
        else splices.push({ start, end: nextStart, text: '' });
      }
      map.delete(key);
      continue;
    }
    if (pair !== undefined) {
      const previous = pair.value;
      if (isScalar(previous) && typeof value !== 'object') {
        previous.value = value; // keeps the scalar's style (quotes, folded block) and comment
      } else {
        pair.value = nodeFor(doc, value, previous);
      }
      const keyNode = pair.key as YamlNode;
      const start = keyNode.range?.[0];
      const valueNode =
        isScalar(previous) || isCollection(previous) ? (previous as YamlNode) : keyNode;
      if (start === undefined || valueNode.range === undefined) {
        fallback = true;
        continue;
      }
      const end = lineEnd(text, lastCharOf(text, valueNode));
      const rendered =
        isScalar(previous) && pair.value === previous
          ? renderPair(key, previous, column)
          : renderPair(key, withComment(pair.value, previous), column);
      splices.push({ start, end, text: rendered });
    } else {
      const node = nodeFor(doc, value, undefined);
      map.set(new Scalar(key), node);
      added.push(renderPair(key, node, column));
    }
  }

  if (added.length > 0 && !fallback) {
    const pad = ' '.repeat(column);
    splices.push({
      start: insertAt,
      end: insertAt,
      text: added.map((a) => `\n${pad}${a}`).join(''),
    });
  }

  const after = plain(map, doc);
  const newText = fallback ? restringify(doc) : applySplices(text, splices);
  return ok({ files: { ...files, [file]: newText }, file, id, before, after });
}

/**
 * Keeps the same-line comment of a replaced scalar or flow collection on the new value (a block
 * collection's comment is written after it, outside the replaced lines, so it stays as is).
 */
function withComment(node: unknown, previous: unknown): unknown {
  if (isScalar(previous) || (isCollection(previous) && previous.flow === true)) {
    const comment = (previous as YamlNode).comment;
    if (comment !== undefined && comment !== null && (isScalar(node) || isCollection(node))) {
      (node as YamlNode).comment = comment;
    }
  }
  return node;
}

/** The file holding most entities of `kind` (first by name on a tie), if any holds one. */
function defaultFile(parsed: readonly Parsed[], kind: Section): string | undefined {
  let best: { file: string; count: number } | undefined;
  for (const p of parsed) {
    const count = sectionOf(p, kind)?.items.length ?? 0;
    if (count > 0 && (best === undefined || count > best.count)) best = { file: p.file, count };
  }
  return best?.file;
}

/** An entity's fields with `id` first and `name` second, nulls dropped. */
function orderedFields(fields: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ['id', 'name']) if (fields[key] !== undefined) out[key] = fields[key];
  for (const [key, value] of Object.entries(fields)) {
    if (value !== null && value !== undefined && !(key in out) && validFieldKey(key)) {
      out[key] = value;
    }
  }
  return out;
}

/** `- id: x\n  name: y` for a new sequence item, lines after the first indented. */
function renderItem(fields: Record<string, unknown>, column: number): string {
  const doc = new Document();
  const seq = new YAMLSeq();
  seq.items.push(doc.createNode(fields));
  doc.contents = seq;
  const text = doc
    .toString({ lineWidth: Math.max(40, LINE_WIDTH - column), singleQuote: true })
    .replace(/\n$/, '');
  return indentTail(text, column);
}

/**
 * Appends an entity to section `kind` of `file` (default: the file holding most entities of the
 * kind, else a new `<kind>.yaml`). `fields` must hold a new, well-formed `id`.
 */
export function createEntity(
  files: ModelFiles,
  kind: string,
  fields: Readonly<Record<string, unknown>>,
  file?: string,
): EditResult {
  if (!isSection(kind)) return err({ code: 'unknown_kind', message: `Unknown kind ${kind}.` });
  const id = fields.id;
  if (typeof id !== 'string' || !ID_PATTERN.test(id) || id.length > 100) {
    return err({
      code: 'id_required',
      message: 'A new entity needs an `id`: lower-case letters, digits and inner dashes.',
    });
  }
  if (isIdTaken(files, id)) {
    return err({ code: 'duplicate_id', message: `The id ${id} is already used in the model.` });
  }
  const target = file ?? defaultFile(parseWhere(files, `${kind}:`), kind) ?? `${kind}.yaml`;
  if (!isModelFileName(target)) {
    return err({ code: 'invalid_file_name', message: `${target} is not a model file name.` });
  }
  const entity = orderedFields(fields);
  const existing = files[target];
  if (existing === undefined) {
    const text = `${kind}:\n  ${renderItem(entity, 2)}\n`;
    return ok({
      files: { ...files, [target]: text },
      file: target,
      id,
      before: null,
      after: entity,
    });
  }
  const parsedTarget = parse(target, existing);
  if (!parsedTarget.ok) return parsedTarget;
  const { doc, text } = parsedTarget.value;
  const seq = sectionOf(parsedTarget.value, kind);
  const contents = doc.contents;
  let newText: string;
  if (seq === undefined) {
    if (contents !== null && !(isMap(contents) && contents.flow !== true)) {
      return err({
        code: 'unsupported_layout',
        message: `${target} is not a mapping of sections; choose another file.`,
        file: target,
      });
    }
    if (isMap(contents) && contents.has(kind)) {
      return err({
        code: 'unsupported_layout',
        message: `${kind} in ${target} is not a list.`,
        file: target,
      });
    }
    const base = text === '' || text.endsWith('\n') ? text : `${text}\n`;
    const gap = base.trim() === '' ? '' : '\n';
    newText = `${base}${gap}${kind}:\n  ${renderItem(entity, 2)}\n`;
  } else {
    const last = seq.items.at(-1) as YamlNode | undefined;
    const lastStart = last?.range?.[0];
    if (seq.flow === true || last === undefined || lastStart === undefined) {
      seq.items.push(doc.createNode(entity));
      newText = restringify(doc);
    } else {
      let dash = lastStart - 1;
      while (dash > 0 && text[dash] === ' ') dash -= 1;
      const column = dash - lineStart(text, dash);
      const at = lineEnd(text, lastCharOf(text, last));
      const gap = last.spaceBefore === true ? '\n' : '';
      const item = renderItem(entity, column);
      newText = `${text.slice(0, at)}\n${gap}${' '.repeat(column)}${item}${text.slice(at)}`;
    }
  }
  return ok({
    files: { ...files, [target]: newText },
    file: target,
    id,
    before: null,
    after: entity,
  });
}

export interface DecisionInput {
  readonly finding: string;
  readonly status: string;
  readonly justification: string;
  readonly reviewDate?: string | undefined;
  readonly owner?: string | undefined;
  /** ISO date of the decision (today). */
  readonly date: string;
}

/** `dec-<slug of the finding>`, made unique with `-2`, `-3`… */
function decisionId(finding: string, files: ModelFiles): string {
  const slug =
    finding
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 90)
      .replace(/-+$/, '') || 'finding';
  let id = `dec-${slug}`;
  for (let n = 2; isIdTaken(files, id); n += 1) id = `dec-${slug}-${String(n)}`;
  return id;
}

/**
 * Records the decision on `finding`: replaces the decision already written for it (keeping its
 * id, name and place; owner and review date are removed when not given), else appends one with a
 * generated id to the decisions file (`decisions.yaml` when the model has none).
 */
export function upsertDecision(files: ModelFiles, input: DecisionInput): EditResult {
  for (const p of parseWhere(files, 'decisions', input.finding)) {
    const seq = sectionOf(p, 'decisions');
    if (seq === undefined) continue;
    for (const item of entityMaps(seq)) {
      const finding: unknown = item.get('finding');
      const id = idOf(item);
      if (finding === input.finding && id !== undefined) {
        return updateEntity(files, 'decisions', id, {
          status: input.status,
          justification: input.justification,
          owner: input.owner ?? null,
          date: input.date,
          reviewDate: input.reviewDate ?? null,
        });
      }
    }
  }
  const id = decisionId(input.finding, files);
  return createEntity(files, 'decisions', {
    id,
    finding: input.finding,
    status: input.status,
    justification: input.justification,
    ...(input.owner === undefined ? {} : { owner: input.owner }),
    date: input.date,
    ...(input.reviewDate === undefined ? {} : { reviewDate: input.reviewDate }),
  });
}

/** A value set in place of a reference to remove from a list, filtered out afterwards. */
const REMOVED = Symbol('removed');

/** The plain sections of every file that mentions `id` (the others cannot reference it). */
function sectionsMentioning(files: ModelFiles, id: string): ModelSections {
  const merged: Partial<Record<Section, unknown[]>> & { organisation?: unknown } = {};
  for (const p of parseWhere(files, id)) {
    let value: unknown;
    try {
      value = p.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch {
      continue; // an alias bomb: validation reports it
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
    const record = value as Record<string, unknown>;
    if (record.organisation !== undefined) merged.organisation = record.organisation;
    for (const section of SECTION_NAMES) {
      const list = record[section];
      if (Array.isArray(list)) (merged[section] ??= []).push(...(list as unknown[]));
    }
  }
  return merged;
}

function summary(referrer: Referrer): ReferrerSummary {
  return {
    kind: referrer.kind,
    id: referrer.id,
    name: referrer.name,
    field: formatReferencePath(referrer.path),
    required: referrer.required || referrer.section === 'organisation',
  };
}

/** `entity` with the references at `paths` taken out (list items removed, fields deleted). */
function withoutReferences(
  entity: Record<string, unknown>,
  paths: readonly (readonly (string | number)[])[],
): Record<string, unknown> {
  const copy = structuredClone(entity);
  for (const path of paths) {
    let holder: unknown = copy;
    for (const segment of path.slice(0, -1)) {
      holder = (holder as Record<string | number, unknown> | undefined)?.[segment];
    }
    const last = path.at(-1);
    if (holder === null || typeof holder !== 'object' || last === undefined) continue;
    // An optional field is marked like a list item, and dropped by `clean`.
    (holder as Record<string | number, unknown>)[last] = REMOVED;
  }
  const clean = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.filter((item) => item !== REMOVED).map(clean);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value)
          .filter(([, v]) => v !== REMOVED)
          .map(([k, v]) => [k, clean(v)]),
      );
    }
    return value;
  };
  return clean(copy) as Record<string, unknown>;
}

/** Removes the entity's item from its section list, keeping the rest of the file as written. */
function removeItem(files: ModelFiles, kind: Section, id: string): EditResult {
  const found = findEntity(parseWhere(files, kind, id), kind, id);
  if (found === undefined) {
    return err({ code: 'not_found', message: `No ${kind} entity has the id ${id}.` });
  }
  const { parsed, seq, map } = found;
  const { doc, text, file } = parsed;
  const before = plain(map, doc);
  const index = seq.items.indexOf(map);
  const start = map.range?.[0];
  let newText: string;
  if (seq.flow === true || start === undefined || map.flow === true) {
    seq.items.splice(index, 1);
    newText = restringify(doc);
  } else {
    const end = Math.min(text.length, lineEnd(text, lastCharOf(text, map)) + 1);
    if (seq.items.length === 1) {
      // The section's only entity: the section stays, as an empty list.
      const contents = doc.contents;
      const pair = isMap(contents) ? contents.items.find((p) => keyName(p) === kind) : undefined;
      const keyEnd = (pair?.key as YamlNode | undefined)?.range?.[1];
      const colon = keyEnd === undefined ? -1 : text.indexOf(':', keyEnd);
      if (colon === -1) {
        seq.items.splice(index, 1);
        newText = restringify(doc);
      } else {
        newText = `${text.slice(0, colon + 1)} []\n${text.slice(end)}`;
      }
    } else {
      newText = text.slice(0, lineStart(text, start)) + text.slice(end);
    }
  }
  return ok({ files: { ...files, [file]: newText }, file, id, before, after: null });
}

/**
 * Deletes the entity `id` of section `kind`. When other entities reference it, refuses with
 * `entity_referenced` and the list of them unless `force`; with `force`, the references that
 * can go (list items, optional fields) are removed from their holders too — a reference its
 * holder requires (a flow's `from`, the organisation's fields) still refuses: change or delete
 * the holder first. Other entities are left as written.
 */
export function deleteEntity(
  files: ModelFiles,
  kind: string,
  id: string,
  options: { readonly force?: boolean } = {},
): EditResult {
  if (!isSection(kind)) return err({ code: 'unknown_kind', message: `Unknown kind ${kind}.` });
  if (findEntity(parseWhere(files, kind, id), kind, id) === undefined) {
    return err({ code: 'not_found', message: `No ${kind} entity has the id ${id}.` });
  }
  const sections = sectionsMentioning(files, id);
  const referrers = referrersOf(sections, id);
  const summaries = referrers.map(summary);
  if (referrers.length > 0 && (options.force !== true || summaries.some((r) => r.required))) {
    return err({
      code: 'entity_referenced',
      message: `${id} is referenced by ${String(new Set(referrers.map((r) => r.id)).size)} entities.`,
      referrers: summaries,
    });
  }
  let current: Record<string, string> = { ...files };
  const holders = new Map<string, { section: Section; paths: (string | number)[][] }>();
  for (const r of referrers) {
    if (r.section === 'organisation') continue;
    const key = `${r.section}\u0000${r.id}`;
    const entry = holders.get(key) ?? { section: r.section, paths: [] };
    entry.paths.push([...r.path]);
    holders.set(key, entry);
  }
  for (const [key, { section, paths }] of holders) {
    const holderId = key.slice(key.indexOf('\u0000') + 1);
    const entity = (sections[section] ?? []).find(
      (e): e is Record<string, unknown> =>
        e !== null && typeof e === 'object' && (e as Record<string, unknown>).id === holderId,
    );
    if (entity === undefined) continue;
    const stripped = withoutReferences(entity, paths);
    const changes: Record<string, unknown> = {};
    for (const field of Object.keys(entity)) {
      const next = stripped[field];
      if (JSON.stringify(next) === JSON.stringify(entity[field])) continue;
      changes[field] =
        next === undefined || (Array.isArray(next) && next.length === 0) ? null : next;
    }
    const updated = updateEntity(current, section, holderId, changes);
    if (!updated.ok) return updated;
    current = updated.value.files;
  }
  const removed = removeItem(current, kind, id);
  if (!removed.ok) return removed;
  return ok({ ...removed.value, referrers: summaries });
}
