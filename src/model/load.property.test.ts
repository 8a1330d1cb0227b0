import fc from 'fast-check';
import { dump, load } from 'js-yaml';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SECTION_NAMES } from '../domain/model/index.js';
import { createTranslator } from '../i18n/index.js';
import { loadModel, type LoadResult, type ModelSource } from './load.js';
import { parseYamlValue } from './yaml-source.js';

const t = createTranslator('en');
const ROOT = 'model-dir';

/** Codes of problems that concern a whole file that could not be read as YAML. */
const FILE_LEVEL_CODES = [
  'yaml-syntax',
  'yaml-multiple-documents',
  'yaml-alias-bomb',
  'file-too-large',
  // the references to a file that does not parse, summed up at its syntax error
  'references-not-checked',
];

const SEVERITIES = ['error', 'warning', 'info'];

/**
 * What must hold for any input: a result with well-formed diagnostics (those of files that do
 * not parse first, each group sorted by place), `valid` in line with them, and a frozen model
 * sorted by id with unique ids. In a file that parses, every
 * diagnostic has a position; in one that does not, only file-level problems are reported.
 * Returns the violations found (checked with one `expect`: diagnostics can be many).
 */
function violations(
  sources: readonly ModelSource[],
  result: LoadResult,
  parses: (source: ModelSource) => boolean,
): string[] {
  const found: string[] = [];
  const parsed = new Map(sources.map((s) => [s.file, parses(s)] as const));
  result.diagnostics.forEach((d, i) => {
    const problem = (what: string): void => {
      found.push(`${what}: ${JSON.stringify(d)}`);
    };
    if (!SEVERITIES.includes(d.severity)) problem('unknown severity');
    if (d.message === '') problem('empty message');
    const previous = result.diagnostics[i - 1];
    const isFileLevel = FILE_LEVEL_CODES.includes(d.code);
    if (previous !== undefined && FILE_LEVEL_CODES.includes(previous.code) !== isFileLevel) {
      if (isFileLevel) problem('file-level problem after another');
    } else if (
      previous !== undefined &&
      (previous.file > d.file ||
        (previous.file === d.file &&
          (previous.line > d.line || (previous.line === d.line && previous.column > d.column))))
    ) {
      problem('out of order');
    }
    if (d.code === 'missing-organisation') {
      if (d.file !== ROOT) problem('model-level problem not on the root');
      return;
    }
    const fileParsed = parsed.get(d.file);
    if (fileParsed === undefined) problem('unknown file');
    if (d.line < 1 || d.column < 1) problem('no position');
    if (fileParsed === false && !FILE_LEVEL_CODES.includes(d.code)) {
      problem('not a file-level problem in a file that does not parse');
    }
  });
  if (result.valid !== !result.diagnostics.some((d) => d.severity === 'error')) {
    found.push('valid disagrees with the diagnostics');
  }
  if (!Object.isFrozen(result.model)) found.push('model not frozen');
  const ids: string[] = [];
  for (const section of SECTION_NAMES) {
    const list = result.model[section].map((entity) => entity.id);
    if (list.some((id, k) => k > 0 && (list[k - 1] ?? '') >= id))
      found.push(`${section} not sorted`);
    ids.push(...list);
  }
  if (new Set(ids).size !== ids.length) found.push('an id is used twice in the model');
  return found;
}

const parsesAlone = (source: ModelSource): boolean =>
  parseYamlValue(source.text).problems.length === 0;

function loadChecked(
  sources: readonly ModelSource[],
  parses: (source: ModelSource) => boolean = parsesAlone,
): LoadResult {
  const result = loadModel(sources, { t, root: ROOT });
  expect(violations(sources, result, parses)).toStrictEqual([]);
  return result;
}

// ---- arbitrary text and arbitrary YAML ----

const YAML_PIECES: readonly string[] = [
  ['\n', ' ', '  ', '\t', '\r', '- ', ': ', ':', '#', '"', "'", '[', ']', '{', '}', ','],
  ['&a ', '*a', '!!str ', '|\n', '>-\n', '<<: ', '---\n', '...\n', '%YAML 1.2\n'],
  ['organisation', 'assets', 'zones', 'id', 'kind', 'name', 'srv', '1', 'null', 'é', '😀'],
].flat();

const yamlishText = fc.string({ unit: fc.constantFrom(...YAML_PIECES), maxLength: 40 });

const FIELDS: readonly string[] = [
  ['id', 'name', 'kind', 'zone', 'site', 'parent', 'hostedOn', 'from', 'to', 'protocol'],
  ['addresses', 'subnets', 'protects', 'target', 'assets', 'dependsOn', 'memberOf', 'rto'],
  ['mtpd', 'owner', 'tags', 'needs', 'port', 'count', 'hostnme'],
].flat();

const idLike = fc.constantFrom(
  'a',
  'b',
  'srv',
  'lan',
  's1',
  'p1',
  'Not An Id',
  '',
  '4h',
  '10.0.0.1',
);
const fieldValue = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    idLike,
    fc.array(idLike, { maxLength: 3 }),
    fc.integer({ min: -5, max: 70_000 }),
    fc.boolean(),
    fc.constant(null),
    fc.string({ maxLength: 8 }),
    fc.dictionary(fc.constantFrom(...FIELDS), tie('value'), { maxKeys: 3 }),
  ),
})).value;
/** An entity: an id (often valid) and a few fields, each often of the wrong type. */
const entityArb = fc
  .tuple(idLike, fc.dictionary(fc.constantFrom(...FIELDS), fieldValue, { maxKeys: 3 }))
  .map(([id, fields]) => ({ id, ...fields }));
const modelFileArb = fc.dictionary(
  fc.constantFrom(...SECTION_NAMES, 'organisation', 'organisation', 'zone', '$schema'),
  fc.oneof({ weight: 4, arbitrary: fc.array(entityArb, { maxLength: 4 }) }, entityArb, fieldValue),
  { maxKeys: 5 },
);

describe('loadModel never throws (property)', () => {
  it('on arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(yamlishText, fc.string()), { minLength: 1, maxLength: 3 }),
        (texts) => {
          loadChecked(texts.map((text, i) => ({ file: `f${i}.yaml`, text })));
        },
      ),
      { numRuns: 600 },
    );
  });

  it('on arbitrary model-shaped YAML', () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.array(modelFileArb, { minLength: 1, maxLength: 3 }),
        fc.constantFrom(-1, 1, 2),
        (files, flowLevel) => {
          const sources = files.map((value, i) => ({
            file: `f${i}.yaml`,
            text: dump(value, { flowLevel }),
          }));
          const { model } = loadChecked(sources);
          if (SECTION_NAMES.some((section) => model[section].length > 0)) accepted += 1;
        },
      ),
      { numRuns: 500 },
    );
    // some entities must get through, or the property only exercised the error paths
    expect(accepted).toBeGreaterThan(0);
  });
});

// ---- mutations of the demo ----

const DEMO_DIR = 'examples/forges-de-l-est';
const DEMO: readonly ModelSource[] = readdirSync(new URL(`../../${DEMO_DIR}/`, import.meta.url))
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => ({
    file: `${DEMO_DIR}/${name}`,
    text: readFileSync(new URL(`../../${DEMO_DIR}/${name}`, import.meta.url), 'utf8'),
  }));
const DEMO_VALUES: readonly unknown[] = DEMO.map((s) => load(s.text));

type Path = readonly (string | number)[];
type Container = Record<string, unknown> | unknown[];

const isContainer = (value: unknown): value is Container =>
  value !== null && typeof value === 'object';

/** Every path of a value, each with the value found there. */
function pathsOf(value: unknown, path: Path = []): [Path, unknown][] {
  const own: [Path, unknown][] = [[path, value]];
  if (!isContainer(value)) return own;
  return own.concat(
    Object.entries(value).flatMap(([key, child]) =>
      pathsOf(child, [...path, Array.isArray(value) ? Number(key) : key]),
    ),
  );
}

function parentOf(root: unknown, path: Path): Container | undefined {
  let node = root;
  for (const segment of path.slice(0, -1)) {
    if (!isContainer(node)) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return isContainer(node) ? node : undefined;
}

const otherTypeValue = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 10 }),
  fc.array(fc.string({ maxLength: 4 }), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.string({ maxLength: 4 }), { maxKeys: 2 }),
);

type Mutation =
  | { readonly kind: 'delete-key'; readonly pick: number }
  | { readonly kind: 'replace-scalar'; readonly pick: number; readonly value: unknown }
  | { readonly kind: 'duplicate-entity'; readonly pick: number }
  | { readonly kind: 'rename-id'; readonly pick: number; readonly id: string }
  | { readonly kind: 'truncate'; readonly at: number }
  | { readonly kind: 'insert'; readonly at: number; readonly chars: string };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete-key' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('replace-scalar' as const),
    pick: fc.nat(),
    value: otherTypeValue,
  }),
  fc.record({ kind: fc.constant('duplicate-entity' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('rename-id' as const),
    pick: fc.nat(),
    id: fc.oneof(
      fc.constantFrom('srv-mes', 'lan-siege', 'fw-ot', 'x'),
      fc.string({ maxLength: 8 }),
    ),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), chars: yamlishText }),
);

/** Applies a mutation to one file: structural ones on its value (then dumped), others on text. */
function mutate(text: string, value: unknown, mutation: Mutation): string {
  const root: unknown = structuredClone(value);
  const paths = pathsOf(root).filter(([path]) => path.length > 0);
  const pick = <T>(list: readonly T[], n: number): T | undefined =>
    list[n % Math.max(1, list.length)];
  switch (mutation.kind) {
    case 'truncate':
      return text.slice(0, mutation.at % (text.length + 1));
    case 'insert': {
      const at = mutation.at % (text.length + 1);
      return text.slice(0, at) + mutation.chars + text.slice(at);
    }
    case 'delete-key': {
      const [path] = pick(
        paths.filter(([p]) => typeof p.at(-1) === 'string'),
        mutation.pick,
      ) ?? [[]];
      const parent = parentOf(root, path);
      if (parent !== undefined && !Array.isArray(parent)) {
        Reflect.deleteProperty(parent, String(path.at(-1)));
      }
      break;
    }
    case 'replace-scalar': {
      const [path] = pick(
        paths.filter(([, v]) => !isContainer(v)),
        mutation.pick,
      ) ?? [[]];
      const parent = parentOf(root, path);
      const last = path.at(-1);
      if (parent !== undefined && last !== undefined) {
        (parent as Record<string | number, unknown>)[last] = mutation.value;
      }
      break;
    }
    case 'duplicate-entity': {
      const [path, entity] = pick(
        paths.filter(([p]) => p.length === 2),
        mutation.pick,
      ) ?? [[], undefined];
      const parent = parentOf(root, path);
      if (Array.isArray(parent)) parent.push(structuredClone(entity));
      break;
    }
    case 'rename-id': {
      const [path] = pick(
        paths.filter(([p]) => p.length === 3 && p[2] === 'id'),
        mutation.pick,
      ) ?? [[]];
      const parent = parentOf(root, path);
      if (parent !== undefined && !Array.isArray(parent)) parent.id = mutation.id;
      break;
    }
  }
  return dump(root);
}

describe('loadModel on mutations of the demo (property)', () => {
  it('never throws and locates every problem', () => {
    let invalid = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: DEMO.length - 1 }), mutationArb), {
          minLength: 1,
          maxLength: 3,
        }),
        (mutations) => {
          const sources = DEMO.map((source) => ({ ...source }));
          for (const [index, mutation] of mutations) {
            const source = sources[index]!;
            const value =
              source.text === DEMO[index]!.text ? DEMO_VALUES[index] : safeLoad(source.text);
            if (value === undefined && mutation.kind !== 'truncate' && mutation.kind !== 'insert')
              continue;
            sources[index] = { ...source, text: mutate(source.text, value, mutation) };
          }
          const parses = (source: ModelSource): boolean =>
            DEMO.some((demo) => demo.text === source.text) || parsesAlone(source);
          if (!loadChecked(sources, parses).valid) invalid += 1;
        },
      ),
      { numRuns: 120 },
    );
    // the mutations must break the model often, or they tested nothing
    expect(invalid).toBeGreaterThan(25);
  });
});

function safeLoad(text: string): unknown {
  try {
    return load(text);
  } catch {
    return undefined;
  }
}
