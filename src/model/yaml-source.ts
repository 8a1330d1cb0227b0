import { CORE_SCHEMA, loadAll, mergeTag, YAMLException } from 'js-yaml';
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import { fastParseYaml } from './fast-yaml.js';
import { createLocator, type Locator, type Position } from './locator.js';
import { syntaxCause, type SyntaxCause } from './syntax-hints.js';

/** Limits that keep hostile input from exhausting memory or time. */
export interface YamlLimits {
  /** Largest accepted file, in bytes. */
  readonly maxFileBytes: number;
  /** Most nodes that aliases may add on top of the nodes written in the file. */
  readonly maxAliasExpansion: number;
  /** Deepest nesting of collections. */
  readonly maxDepth: number;
}

export const DEFAULT_YAML_LIMITS: YamlLimits = {
  maxFileBytes: 32 * 1024 * 1024,
  maxAliasExpansion: 100_000,
  maxDepth: 64,
};

export type YamlProblem =
  | { readonly code: 'file-too-large'; readonly size: number; readonly limit: number }
  | {
      readonly code: 'yaml-syntax';
      readonly detail: string;
      readonly position: Position;
      /** The likely cause, when the line shows a classic mistake (for a hint). */
      readonly cause?: SyntaxCause | undefined;
    }
  | { readonly code: 'yaml-multiple-documents'; readonly position: Position }
  | { readonly code: 'yaml-alias-bomb'; readonly limit: number };

/** What parsing a file yields: plain data, so it can cross a worker boundary. */
export interface ParsedValue {
  /** The document's value; `undefined` for an empty file or when parsing failed. */
  readonly value: unknown;
  readonly problems: readonly YamlProblem[];
}

export interface ParsedYaml extends ParsedValue {
  readonly locator: Locator;
}

/** `yaml` is only needed to report syntax errors: loaded on first use, not at start-up. */
let yamlLibrary: typeof Yaml | undefined;
function yamlLib(): typeof Yaml {
  yamlLibrary ??= createRequire(import.meta.url)('yaml') as typeof Yaml;
  return yamlLibrary;
}

const SCHEMA = CORE_SCHEMA.withTags(mergeTag);

/**
 * Nodes that aliases add beyond the distinct nodes of the document, stopping once over `limit`.
 * Aliases share objects, so a "billion laughs" document is small in memory but exponential for
 * anything that walks it; this counts the walk without doing it.
 */
function aliasExpansion(root: unknown): number {
  const sizes = new Map<object, number>();
  // nodes written in the document: each distinct collection and its direct scalars, once
  let written = 0;
  const sizeOf = (node: unknown): number => {
    if (node === null || typeof node !== 'object') return 1;
    const known = sizes.get(node);
    if (known !== undefined) return known;
    sizes.set(node, 1); // a node aliased inside itself counts once
    written += 1;
    let size = 1;
    for (const child of Object.values(node)) {
      if (child === null || typeof child !== 'object') written += 1;
      size += sizeOf(child);
    }
    sizes.set(node, size);
    return size;
  };
  return sizeOf(root) - written;
}

/**
 * True when a text nests deeper than the limit (flow brackets or indentation, estimated without
 * parsing): the `yaml` library recurses per level and can exhaust the stack on such input.
 */
function nestsTooDeep(text: string, maxDepth: number): boolean {
  let depth = 0;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart && code === 32) {
      indent += 1;
      if (indent > maxDepth * 4) return true;
      continue;
    }
    lineStart = false;
    if (code === 91 || code === 123) {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if ((code === 93 || code === 125) && depth > 0) {
      depth -= 1;
    }
  }
  return false;
}

/** Every syntax error of a file, with positions; `yaml` keeps going where js-yaml stops. */
function collectSyntaxErrors(
  text: string,
  fallback: YAMLException,
  limits: YamlLimits,
): YamlProblem[] {
  const problems: YamlProblem[] = [];
  // too deep for `yaml` (it recurses per level): js-yaml's own report is enough
  const tooDeep = /depth/i.test(fallback.reason) || nestsTooDeep(text, limits.maxDepth);
  if (!tooDeep) {
    try {
      const { LineCounter, parseDocument } = yamlLib();
      const lineCounter = new LineCounter();
      const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
      for (const error of doc.errors) {
        const pos = lineCounter.linePos(error.pos[0]);
        const detail = error.message.split('\n')[0] ?? error.message;
        problems.push({
          code: 'yaml-syntax',
          detail,
          position: { line: pos.line, column: pos.col },
        });
      }
    } catch {
      // fall back to js-yaml's report below
    }
  }
  if (problems.length === 0) {
    problems.push({
      code: 'yaml-syntax',
      detail: fallback.reason,
      position: { line: (fallback.mark?.line ?? 0) + 1, column: (fallback.mark?.column ?? 0) + 1 },
    });
  }
  return problems.map((problem) => {
    if (problem.code !== 'yaml-syntax') return problem;
    const cause = syntaxCause(text, problem.position);
    return cause === undefined ? problem : { ...problem, cause };
  });
}

/**
 * Parses one YAML model file safely: YAML 1.2 core schema (no custom tags, no dates turned into
 * objects), merge keys, a size limit, a depth limit and an alias-expansion limit.
 * js-yaml is used for values because it is about ten times faster than `yaml` on large files;
 * positions are recovered lazily from its event stream when a diagnostic needs them.
 */
export function parseYaml(text: string, limits: YamlLimits = DEFAULT_YAML_LIMITS): ParsedYaml {
  return { ...parseYamlValue(text, limits), locator: createLocator(text) };
}

/** {@link parseYaml} without the locator: plain data, safe to compute in a worker thread. */
export function parseYamlValue(
  text: string,
  limits: YamlLimits = DEFAULT_YAML_LIMITS,
): ParsedValue {
  const locator = createLocator(text);
  const size = Buffer.byteLength(text, 'utf8');
  if (size > limits.maxFileBytes) {
    return {
      value: undefined,
      problems: [{ code: 'file-too-large', size, limit: limits.maxFileBytes }],
    };
  }
  const fast = fastParseYaml(text, limits.maxDepth);
  if (fast !== undefined) return { value: fast.value, problems: [] };
  let documents: unknown[];
  try {
    documents = loadAll(text, { schema: SCHEMA, maxDepth: limits.maxDepth });
  } catch (error) {
    if (error instanceof YAMLException) {
      return { value: undefined, problems: collectSyntaxErrors(text, error, limits) };
    }
    const detail = error instanceof Error ? error.message : String(error);
    return {
      value: undefined,
      problems: [{ code: 'yaml-syntax', detail, position: { line: 1, column: 1 } }],
    };
  }
  if (documents.length > 1) {
    // Point at the marker that starts the second document.
    const markers = [...text.matchAll(/^---/gm)].map((m) => m.index);
    const firstContent = text.search(/^[ ]*[^#\s]/m);
    const second = markers.find((offset) => offset > firstContent) ?? 0;
    return {
      value: undefined,
      problems: [{ code: 'yaml-multiple-documents', position: locator.offsetAt(second) }],
    };
  }
  const value = documents[0];
  if (/[*<]/.test(text) && aliasExpansion(value) > limits.maxAliasExpansion) {
    return {
      value: undefined,
      problems: [{ code: 'yaml-alias-bomb', limit: limits.maxAliasExpansion }],
    };
  }
  return { value, problems: [] };
}
