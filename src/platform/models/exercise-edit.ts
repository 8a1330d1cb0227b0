/**
 * Records a continuity exercise in a model's files: appends it to
 * `organisation.continuity.exercises` in the file declaring the organisation, keeping the rest
 * of the files as written. When the list already holds exercises in block style, only the new
 * lines are inserted after the last one; otherwise (no `continuity`, no `exercises`, a flow
 * list) the organisation's file is written again from its parsed document. Pure: files in,
 * files out; the caller validates the result like any edit.
 */
import { Document, isMap, isScalar, isSeq, parseDocument, YAMLSeq } from 'yaml';
import type { Node as YamlNode, Pair, YAMLMap } from 'yaml';
import type { z } from 'zod';
import type { exerciseSchema } from '../../domain/model/organisation.js';
import { err, ok } from '../../domain/result.js';
import type { EditResult, ModelFiles } from './edit.js';

/** A continuity exercise as the model writes it. */
export type Exercise = z.output<typeof exerciseSchema>;

/** Lines are folded at this width, as the other edits do. */
const LINE_WIDTH = 100;

/** The exercise as plain data, its fields in the schema's order and empty lists left out. */
export function exerciseFields(exercise: Exercise): Record<string, unknown> {
  return {
    date: exercise.date,
    kind: exercise.kind,
    scenario: exercise.scenario,
    ...(exercise.measured === undefined || exercise.measured.length === 0
      ? {}
      : { measured: exercise.measured.map((m) => ({ process: m.process, time: m.time })) }),
    ...(exercise.problems === undefined || exercise.problems.length === 0
      ? {}
      : { problems: [...exercise.problems] }),
  };
}

function keyName(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' ? key : undefined;
}

function valueOf(map: YAMLMap, key: string): unknown {
  return map.items.find((pair) => keyName(pair) === key)?.value;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const at = text.indexOf('\n', offset);
  return at === -1 ? text.length : at;
}

/** Offset of the last non-blank character of a node's own text. */
function lastCharOf(text: string, node: YamlNode): number {
  const range = node.range;
  if (range === undefined || range === null) return 0;
  let at = range[1] - 1;
  while (at > range[0] && /\s/.test(text[at] ?? '')) at -= 1;
  return at;
}

/** `- field: …` rendered alone, lines after the first indented by `column` spaces. */
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

function indentTail(text: string, column: number): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : ' '.repeat(column) + line))
    .join('\n');
}

/** `key: value` rendered alone, lines after the first indented by `column` spaces. */
function renderPair(key: string, value: unknown, column: number): string {
  const doc = new Document();
  doc.contents = doc.createNode({ [key]: value });
  const text = doc
    .toString({ lineWidth: Math.max(40, LINE_WIDTH - column), singleQuote: true })
    .replace(/\n$/, '');
  return indentTail(text, column);
}

/**
 * `text` with `key: value` added after the last entry of the block mapping `map`, at the column
 * of its keys; undefined when the mapping is not written in block style.
 */
function appendPair(text: string, map: YAMLMap, key: string, value: unknown): string | undefined {
  const firstKey = map.items[0]?.key as YamlNode | undefined;
  const last = map.items.at(-1);
  const lastNode = (last?.value ?? last?.key) as YamlNode | null | undefined;
  const start = firstKey?.range?.[0];
  if (map.flow === true || start === undefined || lastNode?.range == null) return undefined;
  const column = start - lineStart(text, start);
  const at = lineEnd(text, lastCharOf(text, lastNode));
  return `${text.slice(0, at)}\n${' '.repeat(column)}${renderPair(key, value, column)}${text.slice(at)}`;
}

interface Found {
  readonly file: string;
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly organisation: YAMLMap;
}

/** The file declaring the organisation (a top-level `organisation` mapping). */
function findOrganisation(files: ModelFiles): Found | undefined {
  for (const file of Object.keys(files).sort()) {
    const text = files[file] ?? '';
    if (!text.includes('organisation')) continue;
    const doc = parseDocument(text, { prettyErrors: false });
    if (doc.errors.length > 0 || !isMap(doc.contents)) continue;
    const organisation = valueOf(doc.contents, 'organisation');
    if (isMap(organisation)) return { file, text, doc, organisation };
  }
  return undefined;
}

/**
 * Appends `exercise` to `organisation.continuity.exercises`. The outcome's `id` is
 * `continuity.exercises[<index>]`, `after` the exercise as written.
 */
export function recordExercise(files: ModelFiles, exercise: Exercise): EditResult {
  const found = findOrganisation(files);
  if (found === undefined) {
    return err({
      code: 'not_found',
      message: 'The model declares no organisation to record the exercise in.',
    });
  }
  const { file, text, doc, organisation } = found;
  const fields = exerciseFields(exercise);
  const continuity = valueOf(organisation, 'continuity');
  const exercises = isMap(continuity) ? valueOf(continuity, 'exercises') : undefined;
  const index = isSeq(exercises) ? exercises.items.length : 0;
  const id = `continuity.exercises[${String(index)}]`;
  let newText: string | undefined;
  const last = isSeq(exercises) && exercises.flow !== true ? exercises.items.at(-1) : undefined;
  const lastStart = (last as YamlNode | undefined)?.range?.[0];
  if (last !== undefined && lastStart !== undefined) {
    // block list: insert the new item's lines after the last one, at the same column
    let dash = lastStart - 1;
    while (dash > 0 && text[dash] === ' ') dash -= 1;
    const column = dash - lineStart(text, dash);
    const at = lineEnd(text, lastCharOf(text, last as YamlNode));
    newText = `${text.slice(0, at)}\n${' '.repeat(column)}${renderItem(fields, column)}${text.slice(at)}`;
  } else if (exercises === undefined || exercises === null) {
    // no list yet: a new `exercises` (or `continuity`) entry after the last one, in block style
    newText = isMap(continuity)
      ? appendPair(text, continuity, 'exercises', [fields])
      : continuity === undefined || continuity === null
        ? appendPair(text, organisation, 'continuity', { exercises: [fields] })
        : undefined;
  }
  if (newText === undefined) {
    // flow style, or an empty list: the file is written again from its document
    if (isSeq(exercises)) exercises.items.push(doc.createNode(fields));
    else if (isMap(continuity)) continuity.set('exercises', doc.createNode([fields]));
    else organisation.set('continuity', doc.createNode({ exercises: [fields] }));
    newText = doc.toString({ lineWidth: LINE_WIDTH, singleQuote: true });
  }
  return ok({ files: { ...files, [file]: newText }, file, id, before: null, after: fields });
}
