import type { z } from 'zod';
import {
  ID_PATTERN,
  modelFileSchema,
  organisationSchema,
  SECTION_NAMES,
  SECTION_SCHEMAS,
  type Entity,
  type Organisation,
  type Section,
} from '../domain/model/index.js';
import type { MessageKey, MessageParams, Translator } from '../i18n/index.js';
import { createLocator, type DocPath, type Locator, type Position } from './locator.js';
import { listExpected, schemaProblems, typeName, valueAt } from './schema-diagnostics.js';
import { keysAt, requiredKeysAt } from './schema-keys.js';
import { closest } from './suggest.js';
import { syntaxCause, textReadAsMapping, type SyntaxCause } from './syntax-hints.js';
import {
  DEFAULT_YAML_LIMITS,
  parseYamlValue,
  type YamlLimits,
  type YamlProblem,
} from './yaml-source.js';

/** A problem found in one file, with its message already in the user's language. */
export interface FileProblem {
  readonly code: string;
  readonly message: string;
  /** Where it is: a known position, or a path to locate in the file's text. */
  readonly position?: Position | undefined;
  readonly path?: DocPath;
  readonly atKey?: boolean;
  /** Id of the entity the path starts in, for readable model paths. */
  readonly id?: string | undefined;
}

/** An entity as written in a file: its place, its id if readable, and its value if valid. */
export interface WrittenEntity {
  readonly section: Section;
  readonly index: number;
  readonly id: string | undefined;
  readonly entity: Entity | undefined;
}

/**
 * Everything that can be said about one file on its own (syntax, schema), as plain data:
 * computed per file, then merged by `loadModel`.
 */
export interface FileCheck {
  readonly file: string;
  readonly problems: readonly FileProblem[];
  /** `undefined`: no organisation in this file; `null`: one is written but invalid. */
  readonly organisation: Organisation | null | undefined;
  readonly entities: readonly WrittenEntity[];
  /** Set when the file could not be parsed at all (syntax error, too large…). */
  readonly unparsed?: UnparsedFile | undefined;
}

/**
 * A file that could not be parsed: its first problem, and what its text seems to define (read
 * without parsing), so that references to its entities are not reported one by one as unknown.
 */
export interface UnparsedFile {
  readonly code: YamlProblem['code'];
  /** Where the first problem is (`undefined` for a file-level problem). */
  readonly position: Position | undefined;
  /** The ids written as `id: …` in the text. */
  readonly ids: readonly string[];
  /** True when the text has a top-level `organisation:` key. */
  readonly hasOrganisation: boolean;
}

/** Problems of a value of the wrong type or out of its enumeration: a hint may explain them. */
const WRONG_VALUE_CODES: ReadonlySet<string> = new Set(['schema-type', 'schema-enum']);

/** `id: value` (block or flow style, key or value quoted or not). */
const WRITTEN_ID =
  /(?:^|[\s{,])["']?id["']?[ \t]*:[ \t]*["']?([a-z0-9]+(?:-[a-z0-9]+)*)(?=["']?[ \t]*(?:[,}#\r\n]|$))/gm;

function unparsedFile(text: string, problems: readonly YamlProblem[]): UnparsedFile | undefined {
  const first = problems[0];
  if (first === undefined) return undefined;
  const ids = new Set<string>();
  for (const match of text.matchAll(WRITTEN_ID)) if (match[1] !== undefined) ids.add(match[1]);
  return {
    code: first.code,
    position: 'position' in first ? first.position : undefined,
    ids: [...ids],
    hasOrganisation: /^["']?organisation["']?[ \t]*:/m.test(text),
  };
}

export const ENTITY_SCHEMAS: Readonly<Record<Section, z.ZodType>> = SECTION_SCHEMAS;

const TOP_LEVEL_KEYS = keysAt(modelFileSchema, []);

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function yamlProblem(t: Translator, problem: YamlProblem): FileProblem {
  const mb = (bytes: number): string => t.number(bytes / 1_048_576, 1);
  switch (problem.code) {
    case 'file-too-large':
      return {
        code: problem.code,
        message: t('diag.file-too-large', { size: mb(problem.size), limit: mb(problem.limit) }),
      };
    case 'yaml-syntax': {
      const message = t('diag.yaml-syntax', { detail: problem.detail });
      return {
        code: problem.code,
        message:
          problem.cause === undefined ? message : `${message} ${causeHint(t, problem.cause)}`,
        position: problem.position,
      };
    }
    case 'yaml-multiple-documents':
      return {
        code: problem.code,
        message: t('diag.yaml-multiple-documents'),
        position: problem.position,
      };
    case 'yaml-alias-bomb':
      return {
        code: problem.code,
        message: t('diag.yaml-alias-bomb', { limit: t.number(problem.limit) }),
        position: { line: 1, column: 1 },
      };
  }
}

function causeHint(t: Translator, cause: SyntaxCause): string {
  switch (cause.kind) {
    case 'colon-in-value':
      return t('hint.yaml-colon-in-value', { fix: cause.fix });
    case 'tab-indent':
      return t('hint.yaml-tab-indent');
    case 'reserved-start':
      return t('hint.yaml-reserved-start', { character: cause.character, fix: cause.fix });
  }
}

function isOneKeyMapping(value: unknown): boolean {
  return isRecord(value) && Object.keys(value).length === 1;
}

/**
 * Why a value has the wrong type, when its text shows it: a null written `&name` or `*name`
 * (YAML read an anchor or an alias), or a one-key mapping written `- Serveur : production`.
 */
function wrongValueHint(t: Translator, text: string, at: Position, value: unknown): string {
  const cause = value === null ? syntaxCause(text, at) : textReadAsMapping(text, at);
  if (cause?.kind === 'reserved-start') {
    return ` ${t('hint.yaml-reserved-start', { character: cause.character, fix: cause.fix })}`;
  }
  return cause?.kind === 'colon-in-value' && value !== null
    ? ` ${t('hint.yaml-colon-in-value', { fix: cause.fix })}`
    : '';
}

/** Parses one model file and checks it against the schema, entity by entity. */
export function checkFile(
  file: string,
  text: string,
  t: Translator,
  limits: YamlLimits = DEFAULT_YAML_LIMITS,
): FileCheck {
  const parsed = parseYamlValue(text, limits);
  const problems: FileProblem[] = parsed.problems.map((problem) => yamlProblem(t, problem));
  const entities: WrittenEntity[] = [];
  let organisation: Organisation | null | undefined;
  const at = (
    code: string,
    path: DocPath,
    key: MessageKey,
    params?: MessageParams,
    atKey = false,
  ): void => {
    problems.push({ code, message: t(key, params), path, atKey });
  };
  let locator: Locator | undefined;
  const hintFor = (code: string, value: unknown, path: DocPath): string => {
    if (!WRONG_VALUE_CODES.has(code) || !(value === null || isOneKeyMapping(value))) return '';
    locator ??= createLocator(text);
    return wrongValueHint(t, text, locator.valueAt(path), value);
  };
  const schema = (
    issues: readonly z.core.$ZodIssue[],
    raw: unknown,
    base: DocPath,
    zod: z.ZodType,
    id?: string,
  ): void => {
    const known = (path: readonly PropertyKey[]): readonly string[] => keysAt(zod, path);
    const required = (path: readonly PropertyKey[]): readonly string[] => requiredKeysAt(zod, path);
    for (const p of schemaProblems(t, issues, raw, base, known, required)) {
      const value = valueAt(raw, p.path.slice(base.length));
      problems.push({
        code: p.code,
        message: t(p.key, p.params) + hintFor(p.code, value, p.path),
        path: p.path,
        atKey: p.atKey,
        id,
      });
    }
  };

  const root = parsed.value;
  if (parsed.problems.length > 0) {
    return {
      file,
      problems,
      organisation,
      entities,
      unparsed: unparsedFile(text, parsed.problems),
    };
  }
  if (root === undefined || root === null) return { file, problems, organisation, entities };
  if (!isRecord(root)) {
    at('not-a-mapping', [], 'diag.not-a-mapping', { received: typeName(t, root) });
    return { file, problems, organisation, entities };
  }
  for (const key of Object.keys(root)) {
    if (TOP_LEVEL_KEYS.includes(key)) continue;
    const suggestion = closest(key, TOP_LEVEL_KEYS);
    const hint = suggestion === undefined ? '' : t('hint.did-you-mean', { suggestion });
    at('schema-unknown-key', [key], 'diag.schema-unknown-key', { key, hint }, true);
  }
  if (root.organisation !== undefined) {
    const result = organisationSchema.safeParse(root.organisation);
    organisation = result.success ? result.data : null;
    if (!result.success)
      schema(result.error.issues, root.organisation, ['organisation'], organisationSchema);
  }
  for (const section of SECTION_NAMES) {
    const list = root[section];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) {
      const problem = listExpected(t, list, section);
      at('schema-type', [section], problem.key, problem.params);
      continue;
    }
    const zod = ENTITY_SCHEMAS[section];
    list.forEach((raw: unknown, index) => {
      const id =
        isRecord(raw) && typeof raw.id === 'string' && ID_PATTERN.test(raw.id) ? raw.id : undefined;
      const result = zod.safeParse(raw);
      if (!result.success) schema(result.error.issues, raw, [section, index], zod, id);
      entities.push({
        section,
        index,
        id,
        entity: result.success ? (result.data as Entity) : undefined,
      });
    });
  }
  return { file, problems, organisation, entities };
}
