/**
 * Walks a `detection:` (or a filter's `filter:`) YAML map into search identifiers and parsed
 * conditions. Works on YAML nodes so every item keeps its position; collects every problem.
 */
import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { parseCondition } from '../condition/parse-condition.js';
import type { SigmaConditionNode } from '../condition/types.js';
import { MODIFIERS_BY_ID } from '../modifiers/registry.js';
import { locationOf, positionOf, nodeOffset, report, type DiagnosticSink } from './diagnostics.js';
import type { SigmaDetection, SigmaFieldMatch, SigmaSearch, SigmaValue } from './types.js';

function keyText(pair: Pair): string | undefined {
  if (!isScalar(pair.key)) return undefined;
  const v = pair.key.value;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
    ? String(v)
    : undefined;
}

function scalarValue(node: unknown): SigmaValue | undefined {
  if (node === null || node === undefined) return null;
  if (!isScalar(node)) return undefined;
  const v = node.value;
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
    return v;
  }
  if (typeof v === 'bigint') return Number(v);
  return undefined;
}

function badValue(sink: DiagnosticSink, node: unknown, path: string): void {
  report(
    sink,
    'error',
    'sigma.detection.bad-value',
    {
      en: 'A detection value must be a string, a number, a boolean, null or a list of them.',
      fr: 'Une valeur de détection doit être une chaîne, un nombre, un booléen, null ou une liste de ceux-ci.',
    },
    locationOf(sink, node, path),
  );
}

function parseKey(sink: DiagnosticSink, key: string, keyNode: unknown, path: string) {
  const [field = '', ...modifiers] = key.split('|');
  for (const modifier of modifiers) {
    if (!MODIFIERS_BY_ID.has(modifier)) {
      report(
        sink,
        'error',
        'sigma.modifier.unknown',
        {
          en: `Unknown modifier "${modifier}" in "${key}".`,
          fr: `Modificateur « ${modifier} » inconnu dans « ${key} ».`,
        },
        locationOf(sink, keyNode, path),
      );
    }
  }
  return { field: field === '' ? null : field, modifiers };
}

function parseValues(sink: DiagnosticSink, node: unknown, path: string): SigmaValue[] {
  if (isSeq(node)) {
    const values: SigmaValue[] = [];
    for (const [i, item] of node.items.entries()) {
      const v = scalarValue(item);
      if (v === undefined) badValue(sink, item, `${path}.${String(i)}`);
      else values.push(v);
    }
    return values;
  }
  const v = scalarValue(node);
  if (v === undefined) {
    badValue(sink, node, path);
    return [];
  }
  return [v];
}

function parseMap(sink: DiagnosticSink, map: YAMLMap, path: string): SigmaSearch {
  const matches: SigmaFieldMatch[] = [];
  for (const pair of map.items) {
    const key = keyText(pair);
    if (key === undefined) {
      badValue(sink, pair.key, path);
      continue;
    }
    const itemPath = `${path}.${key}`;
    const { field, modifiers } = parseKey(sink, key, pair.key, itemPath);
    const values = parseValues(sink, pair.value, itemPath);
    matches.push({ field, modifiers, values, location: locationOf(sink, pair.key, itemPath) });
  }
  return { kind: 'fields', matches };
}

function parseSearch(sink: DiagnosticSink, node: unknown, path: string): SigmaSearch | undefined {
  if (isMap(node)) return parseMap(sink, node, path);
  if (isSeq(node)) {
    const alternatives: SigmaSearch[] = [];
    const keywords: SigmaValue[] = [];
    for (const [i, item] of node.items.entries()) {
      if (isMap(item)) {
        alternatives.push(parseMap(sink, item, `${path}.${String(i)}`));
      } else {
        const v = scalarValue(item);
        if (v === undefined) badValue(sink, item, `${path}.${String(i)}`);
        else keywords.push(v);
      }
    }
    if (keywords.length > 0) {
      alternatives.unshift({
        kind: 'fields',
        matches: [
          { field: null, modifiers: [], values: keywords, location: locationOf(sink, node, path) },
        ],
      });
    }
    return alternatives.length === 1 && alternatives[0] !== undefined
      ? alternatives[0]
      : { kind: 'anyOf', alternatives };
  }
  const v = scalarValue(node);
  if (v === undefined || v === null) {
    report(
      sink,
      'error',
      'sigma.detection.bad-search',
      {
        en: 'A search identifier must be a map, a list or a keyword.',
        fr: 'Un identifiant de recherche doit être une table, une liste ou un mot-clé.',
      },
      locationOf(sink, node, path),
    );
    return undefined;
  }
  return {
    kind: 'fields',
    matches: [{ field: null, modifiers: [], values: [v], location: locationOf(sink, node, path) }],
  };
}

function conditionTexts(
  sink: DiagnosticSink,
  node: unknown,
  path: string,
): { text: string; node: unknown }[] {
  const items = isSeq(node) ? node.items : [node];
  const out: { text: string; node: unknown }[] = [];
  for (const item of items) {
    if (isScalar(item) && typeof item.value === 'string')
      out.push({ text: item.value, node: item });
    else
      report(
        sink,
        'error',
        'sigma.condition.not-text',
        { en: 'A condition must be text.', fr: 'Une condition doit être du texte.' },
        locationOf(sink, item, path),
      );
  }
  return out;
}

/** Position of a character of a condition: exact on one-line scalars, the scalar's start otherwise. */
function conditionPosition(sink: DiagnosticSink, node: unknown, text: string, offset: number) {
  const start = positionOf(sink, nodeOffset(node));
  if (!isScalar(node) || text.includes('\n') || start.line === 0) return start;
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 1 : 0;
  const block = node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL';
  return block ? start : { line: start.line, column: start.column + quoted + offset };
}

function missing(
  sink: DiagnosticSink,
  node: unknown,
  path: string,
  code: string,
  en: string,
  fr: string,
): void {
  report(sink, 'error', code, { en, fr }, locationOf(sink, node, path));
}

/** Parses a detection-like map; `section` is `detection` or `filter` (for paths). */
export function parseDetection(
  sink: DiagnosticSink,
  node: unknown,
  section: string,
  reserved: ReadonlySet<string> = new Set(['timeframe']),
): SigmaDetection | undefined {
  if (!isMap(node)) {
    missing(
      sink,
      node,
      section,
      'sigma.detection.not-a-map',
      `"${section}" must be a map of search identifiers and a condition.`,
      `« ${section} » doit être une table d’identifiants de recherche et une condition.`,
    );
    return undefined;
  }
  const searches = new Map<string, SigmaSearch>();
  let conditionNode: Node | undefined;
  let hasCondition = false;
  for (const pair of node.items) {
    const key = keyText(pair);
    if (key === undefined) continue;
    if (key === 'condition') {
      hasCondition = true;
      conditionNode = pair.value as Node | undefined;
      continue;
    }
    if (reserved.has(key)) continue;
    const search = parseSearch(sink, pair.value, `${section}.${key}`);
    if (search !== undefined) searches.set(key, search);
  }
  if (!hasCondition) {
    missing(
      sink,
      node,
      `${section}.condition`,
      'sigma.detection.missing-condition',
      `"${section}" has no condition.`,
      `« ${section} » n’a pas de condition.`,
    );
    return undefined;
  }
  const identifiers = [...searches.keys()];
  const conditions: SigmaConditionNode[] = [];
  const texts = conditionTexts(sink, conditionNode, `${section}.condition`);
  for (const { text, node: textNode } of texts) {
    const parsed = parseCondition(text, identifiers);
    if (parsed.ok) {
      conditions.push(parsed.value);
      continue;
    }
    for (const error of parsed.errors) {
      report(sink, 'error', error.code, error.message, {
        ...conditionPosition(sink, textNode, text, error.offset),
        path: `${section}.condition`,
      });
    }
  }
  if (conditions.length !== texts.length || texts.length === 0) return undefined;
  return { searches, conditions, conditionText: texts.map((t) => t.text) };
}
