import type { z } from 'zod';
import { DURATION_PATTERN } from '../domain/duration.js';
import { FINDING_ID_PATTERN, ID_PATTERN } from '../domain/model/index.js';
import type { MessageKey, MessageParams, Translator } from '../i18n/index.js';
import type { DocPath } from './locator.js';
import { closest, nearest } from './suggest.js';

/** A schema problem ready to be reported at a path of the file. */
export interface SchemaProblem {
  readonly code: string;
  readonly key: MessageKey;
  readonly params: MessageParams;
  readonly path: DocPath;
  readonly atKey: boolean;
}

type Issue = z.core.$ZodIssue;

const PATTERN_FORMATS: readonly (readonly [RegExp, MessageKey])[] = [
  [ID_PATTERN, 'format.id'],
  [DURATION_PATTERN, 'format.duration'],
  [FINDING_ID_PATTERN, 'format.finding'],
  [/^[A-Z]{2}$/, 'format.country'],
  [/^[5-8]\.\d{1,2}$/, 'format.iso27002'],
];

const FORMAT_KEYS: Readonly<Record<string, MessageKey>> = {
  date: 'format.date',
  email: 'format.email',
  ipv4: 'format.ip',
  ipv6: 'format.ip',
  cidrv4: 'format.cidr',
  cidrv6: 'format.cidr',
};

/** The value at `path` inside `root`, or `undefined`. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

/** Names the YAML type of a value in the user's language. */
export function typeName(t: Translator, value: unknown): string {
  if (value === null || value === undefined) return t('type.null');
  if (Array.isArray(value)) return t('type.list');
  switch (typeof value) {
    case 'string':
      return t('type.string');
    case 'number':
      return Number.isInteger(value) ? t('type.integer') : t('type.number');
    case 'boolean':
      return t('type.boolean');
    case 'object':
      return t('type.mapping');
    default:
      return typeof value;
  }
}

function expectedName(t: Translator, expected: string): string {
  switch (expected) {
    case 'string':
      return t('type.string');
    case 'number':
    case 'int':
      return expected === 'int' ? t('type.integer') : t('type.number');
    case 'boolean':
      return t('type.boolean');
    case 'array':
      return t('type.list');
    case 'object':
      return t('type.mapping');
    default:
      return expected;
  }
}

function show(value: unknown): string {
  const text =
    typeof value === 'string' ? value : value === undefined ? 'undefined' : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Enumerations up to this size are listed whole; longer ones by their nearest values. */
const MAX_LISTED_OPTIONS = 16;
const NEAREST_OPTIONS = 6;
/** Mappings up to this many keys have them all named; longer ones their required keys first. */
const MAX_LISTED_KEYS = 10;

/** A scalar as it would be written in YAML, quoted when a plain scalar would not do. */
function asYaml(value: unknown): string {
  if (typeof value === 'string' && /^[\p{L}\p{N}_./][\p{L}\p{N}_ ./-]*$/u.test(value)) {
    return value.length > 40 ? `${value.slice(0, 37)}…` : value;
  }
  return typeof value === 'string' ? show(JSON.stringify(value)) : show(value);
}

function isScalar(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

/** The keys to name for a mapping: all of them, or its required keys first when there are many. */
function listKeys(known: readonly string[], required: readonly string[]): string {
  if (known.length <= MAX_LISTED_KEYS) return known.join(', ');
  const ordered = [...required, ...known.filter((key) => !required.includes(key))];
  return `${ordered.slice(0, MAX_LISTED_KEYS).join(', ')}, …`;
}

type Problem = { readonly key: MessageKey; readonly params: MessageParams };

/** A list was expected and something else was written: say how a list is written. */
export function listExpected(t: Translator, value: unknown, property?: string | number): Problem {
  const key = typeof property === 'string' ? `${property}: ` : '';
  const example = isScalar(value)
    ? t('hint.write-for-example', { example: `${key}[${asYaml(value)}]` })
    : Array.isArray(value)
      ? ''
      : t('hint.list-items');
  return { key: 'diag.schema-type-list', params: { received: typeName(t, value), example } };
}

/**
 * A mapping was expected and a scalar or a list was written: name the keys the mapping takes,
 * with an example built from the value when the mapping has a single required key.
 */
function mappingExpected(
  t: Translator,
  value: unknown,
  property: string | number | undefined,
  keys: { readonly known: readonly string[]; readonly required: readonly string[] },
): Problem | undefined {
  if (keys.known.length === 0 || !(isScalar(value) || Array.isArray(value))) return undefined;
  const key = typeof property === 'string' ? `${property}: ` : '';
  const [only] = keys.required;
  const example =
    isScalar(value) && value !== null && only !== undefined && keys.required.length === 1
      ? t('hint.write-for-example', { example: `${key}{ ${only}: ${asYaml(value)} }` })
      : '';
  const required =
    keys.required.length === 0 || keys.required.length === keys.known.length
      ? ''
      : t('hint.required-keys', { keys: keys.required.join(', ') });
  return {
    key: 'diag.schema-type-mapping',
    params: {
      keys: listKeys(keys.known, keys.required),
      required,
      received: typeName(t, value),
      example,
    },
  };
}

/** A value of the wrong type, or a missing one (zod reports both as `invalid_type`). */
function typeProblem(
  t: Translator,
  expected: string,
  value: unknown,
  relative: readonly PropertyKey[],
  property: string | number | undefined,
  keysOf: (path: readonly PropertyKey[]) => Parameters<typeof mappingExpected>[3],
): Problem & { readonly code: string } {
  if (value === undefined) {
    return {
      code: 'schema-required',
      key: 'diag.schema-required',
      params: { property: String(property ?? '') },
    };
  }
  const shape =
    expected === 'array'
      ? listExpected(t, value, property)
      : expected === 'object'
        ? mappingExpected(t, value, property, keysOf(relative))
        : undefined;
  if (shape !== undefined) return { code: 'schema-type', ...shape };
  return {
    code: 'schema-type',
    key: 'diag.schema-type',
    params: { expected: expectedName(t, expected), received: typeName(t, value) },
  };
}

function formatKey(issue: Extract<Issue, { code: 'invalid_format' }>): MessageKey | undefined {
  if (issue.format === 'regex') {
    const pattern = issue.pattern ?? '';
    return PATTERN_FORMATS.find(([regex]) => String(regex) === pattern)?.[1];
  }
  return FORMAT_KEYS[issue.format];
}

/**
 * Turns zod issues into located, translated problems. `root` is the value that was validated,
 * `base` the path of that value in the file (zod paths are relative to it).
 */
export function schemaProblems(
  t: Translator,
  issues: readonly Issue[],
  root: unknown,
  base: DocPath,
  knownKeys: (path: readonly PropertyKey[]) => readonly string[],
  requiredKeys: (path: readonly PropertyKey[]) => readonly string[] = () => [],
): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const keysOf = (path: readonly PropertyKey[]) => ({
    known: knownKeys(path),
    required: requiredKeys(path),
  });
  for (const issue of issues) {
    const relative = issue.path;
    const path: DocPath = [
      ...base,
      ...relative.map((s) => (typeof s === 'number' ? s : String(s))),
    ];
    const value = valueAt(root, relative);
    const report = (code: string, key: MessageKey, params: MessageParams, atKey = false): void => {
      problems.push({ code, key, params, path, atKey });
    };
    switch (issue.code) {
      case 'invalid_type': {
        const problem = typeProblem(t, issue.expected, value, relative, path.at(-1), keysOf);
        report(problem.code, problem.key, problem.params);
        break;
      }
      case 'invalid_value': {
        if (value === undefined) {
          report('schema-required', 'diag.schema-required', {
            property: String(relative.at(-1) ?? ''),
          });
          break;
        }
        const options = issue.values.map(String);
        const written = typeof value === 'string' ? value : show(value);
        const suggestion = closest(written, options);
        const hint = suggestion === undefined ? '' : t('hint.did-you-mean', { suggestion });
        if (options.length <= MAX_LISTED_OPTIONS) {
          report('schema-enum', 'diag.schema-enum', {
            value: show(value),
            options: options.join(', '),
            hint,
          });
        } else {
          report('schema-enum', 'diag.schema-enum-near', {
            value: show(value),
            options: nearest(written, options, NEAREST_OPTIONS).join(', '),
            count: options.length,
            hint,
          });
        }
        break;
      }
      case 'unrecognized_keys': {
        const known = knownKeys(relative);
        for (const unknownKey of issue.keys) {
          const suggestion = closest(unknownKey, known);
          problems.push({
            code: 'schema-unknown-key',
            key: 'diag.schema-unknown-key',
            params: {
              key: unknownKey,
              hint: suggestion === undefined ? '' : t('hint.did-you-mean', { suggestion }),
            },
            path: [...path, unknownKey],
            atKey: true,
          });
        }
        break;
      }
      case 'invalid_format': {
        const key = formatKey(issue);
        report('schema-format', 'diag.schema-format', {
          value: show(value),
          format: key === undefined ? issue.format : t(key),
        });
        break;
      }
      case 'invalid_union': {
        const first = issue.errors[0]?.[0];
        const isIp = issue.errors.some((branch) =>
          branch.some((inner) => inner.code === 'invalid_format' && inner.format.startsWith('ip')),
        );
        const isCidr = issue.errors.some((branch) =>
          branch.some(
            (inner) => inner.code === 'invalid_format' && inner.format.startsWith('cidr'),
          ),
        );
        if (typeof value === 'string' && (isIp || isCidr)) {
          report('schema-format', 'diag.schema-format', {
            value: show(value),
            format: t(isIp ? 'format.ip' : 'format.cidr'),
          });
        } else if (first?.code === 'invalid_type') {
          const expected = issue.errors
            .map((branch) => branch[0])
            .filter((inner) => inner?.code === 'invalid_type')
            .map((inner) => expectedName(t, inner.expected));
          if (value === undefined) {
            report('schema-required', 'diag.schema-required', {
              property: String(relative.at(-1) ?? ''),
            });
          } else {
            report('schema-type', 'diag.schema-type', {
              expected: [...new Set(expected)].join(t('word.or')),
              received: typeName(t, value),
            });
          }
        } else {
          report('schema-invalid', 'diag.schema-invalid', { detail: issue.message });
        }
        break;
      }
      case 'too_small':
      case 'too_big': {
        const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
        const limit = typeof bound === 'bigint' ? Number(bound) : bound;
        const direction = issue.code === 'too_small' ? 'min' : 'max';
        if (issue.origin === 'array') {
          report('schema-range', `diag.schema-items-${direction}`, { limit });
        } else if (issue.origin === 'string') {
          report('schema-range', `diag.schema-length-${direction}`, { limit });
        } else {
          report('schema-range', `diag.schema-number-${direction}`, { limit, value: show(value) });
        }
        break;
      }
      default:
        report('schema-invalid', 'diag.schema-invalid', { detail: issue.message });
    }
  }
  return problems;
}
