import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SyntaxCause } from './syntax-hints.js';
import {
  DEFAULT_YAML_LIMITS,
  parseYaml,
  parseYamlValue,
  type YamlLimits,
  type YamlProblem,
} from './yaml-source.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../test/fixtures/yaml/${name}`, import.meta.url), 'utf8');

const limits = (overrides: Partial<YamlLimits>): YamlLimits => ({
  ...DEFAULT_YAML_LIMITS,
  ...overrides,
});

/** Nesting written as `[[[…]]]` after `prefix`; `deep` levels of flow sequences. */
const nestedFlow = (deep: number, prefix = 'k: '): string =>
  `${prefix}${'['.repeat(deep)}${']'.repeat(deep)}\n`;

/** Nesting written as block mappings `a:\n a:\n  a: …`, `deep` mappings under the root. */
const nestedBlock = (deep: number): string =>
  Array.from({ length: deep + 1 }, (_, level) => `${' '.repeat(level)}a:\n`).join('');

/** `code: detail` of a problem, to assert on the wording of its reason. */
const reasonOf = (problem: YamlProblem | undefined): string =>
  problem === undefined ? 'none' : `${problem.code}: ${'detail' in problem ? problem.detail : ''}`;

/**
 * Runs `parseYamlValue(text)` `times` times in a child Node process (through Vite's module
 * runner, which compiles the TypeScript source) and returns its exit status and the problems.
 */
function parseInChild(
  text: string,
  times: number,
): {
  readonly exit: { readonly status: number | null; readonly signal: string | null };
  readonly stderr: string;
  readonly results: readonly (readonly YamlProblem[])[];
} {
  const source = new URL('./yaml-source.ts', import.meta.url).pathname;
  const script = `
    import { runnerImport } from 'vite';
    import { readFileSync } from 'node:fs';
    const { module } = await runnerImport(${JSON.stringify(source)}, { configFile: false, logLevel: 'silent' });
    const text = readFileSync(0, 'utf8');
    for (let i = 0; i < ${times}; i += 1) {
      console.log(JSON.stringify(module.parseYamlValue(text).problems));
    }
  `;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: new URL('../../', import.meta.url),
    input: text,
    encoding: 'utf8',
    timeout: 20_000,
  });
  const results = child.stdout
    .split('\n')
    .filter((line) => line.startsWith('['))
    .map((line) => JSON.parse(line) as YamlProblem[]);
  return { exit: { status: child.status, signal: child.signal }, stderr: child.stderr, results };
}

describe('parseYamlValue: aliases', () => {
  it('refuses a billion-laughs document quickly', () => {
    const started = performance.now();
    const parsed = parseYamlValue(fixture('billion-laughs.yaml'));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(parsed).toStrictEqual({
      value: undefined,
      problems: [{ code: 'yaml-alias-bomb', limit: 100_000 }],
    });
  });

  it('reads a document with a few aliases and merge keys', () => {
    const tags = ['critical', 'backup'];
    expect(parseYamlValue(fixture('legit-aliases.yaml'))).toStrictEqual({
      value: {
        defaults: { kind: 'server', zone: 'lan' },
        assets: [
          { kind: 'server', zone: 'lan', id: 'srv-erp' },
          { kind: 'server', zone: 'lan', id: 'srv-files', tags },
          { id: 'srv-mail', kind: 'mail-server', tags },
        ],
      },
      problems: [],
    });
  });

  it('refuses aliases that add more nodes than the limit', () => {
    // `*x` adds three nodes: the sequence and its two items
    const parsed = parseYamlValue('a: &x [1, 2]\nb: *x\n', limits({ maxAliasExpansion: 2 }));
    expect(parsed.problems).toStrictEqual([{ code: 'yaml-alias-bomb', limit: 2 }]);
  });

  // Bug: the count subtracts the distinct collections but not the distinct scalars, so every
  // scalar written in the file counts as "added by an alias".
  it('accepts aliases that add exactly the limit', () => {
    const parsed = parseYamlValue('a: &x [1, 2]\nb: *x\n', limits({ maxAliasExpansion: 3 }));
    expect(parsed).toStrictEqual({ value: { a: [1, 2], b: [1, 2] }, problems: [] });
  });

  it('does not count scalars written in a file without aliases', () => {
    // a `*` in a comment and a block scalar send the file through js-yaml and the alias check
    const text = '# a * in a comment\nnote: |\n  text\nlist: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]\n';
    const parsed = parseYamlValue(text, limits({ maxAliasExpansion: 10 }));
    expect(parsed.problems).toStrictEqual([]);
    expect(parsed.value).toStrictEqual({
      note: 'text\n',
      list: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
    });
  });
});

describe('parseYamlValue: file size', () => {
  it('refuses a file over maxFileBytes', () => {
    const text = 'a: 1\n'.repeat(30);
    expect(parseYamlValue(text, limits({ maxFileBytes: 100 }))).toStrictEqual({
      value: undefined,
      problems: [{ code: 'file-too-large', size: 150, limit: 100 }],
    });
  });

  it('counts bytes in UTF-8, not characters', () => {
    const text = `k: ${'é'.repeat(50)}`; // 53 characters, 103 bytes
    expect(parseYamlValue(text, limits({ maxFileBytes: 100 })).problems).toStrictEqual([
      { code: 'file-too-large', size: 103, limit: 100 },
    ]);
  });

  it('accepts a file of exactly maxFileBytes', () => {
    const text = `k: ${'a'.repeat(97)}`;
    expect(parseYamlValue(text, limits({ maxFileBytes: 100 }))).toStrictEqual({
      value: { k: 'a'.repeat(97) },
      problems: [],
    });
  });
});

describe('parseYamlValue: documents', () => {
  it.each([
    ['after a first document', 'a: 1\n---\nb: 2\n', 2],
    ['after an explicit start and comments', '# c\n---\na: 1\n# x\n---\nb: 2\n', 5],
    ['with CRLF line ends', '---\r\na: 1\r\n---\r\nb: 2\r\n', 3],
    // Bug: the first document's content is found with /^[^#\s]/m, which skips an indented line
    ['after an indented first document', '  a: 1\n---\nb: 2\n', 2],
  ])('reports a second document at its `---` (%s)', (_name, text, line) => {
    expect(parseYamlValue(text)).toStrictEqual({
      value: undefined,
      problems: [{ code: 'yaml-multiple-documents', position: { line, column: 1 } }],
    });
  });

  it.each([
    ['an empty file', ''],
    ['comments only', '# nothing here\n\n'],
  ])('reads %s as no document', (_name, text) => {
    expect(parseYamlValue(text)).toStrictEqual({ value: undefined, problems: [] });
  });
});

describe('parseYamlValue: syntax errors', () => {
  it.each<[string, string, string, number, number, SyntaxCause?]>([
    ['a duplicate key', 'a: 1\na: 2\n', 'Map keys must be unique', 2, 1],
    [
      'a duplicate key in an entity',
      'zones:\n  - id: a\n    id: b\n',
      'Map keys must be unique',
      3,
      5,
    ],
    [
      'a mapping in a compact value',
      'organisation:\n  name: Forges: de\n',
      'Nested mappings are not allowed in compact mappings',
      2,
      9,
      { kind: 'colon-in-value', fix: 'name: "Forges: de"' },
    ],
    [
      'a tab as indentation',
      'a:\n\tb: 1\n',
      'Tabs are not allowed as indentation',
      2,
      1,
      { kind: 'tab-indent' },
    ],
    // `yaml` accepts this one; the position then comes from js-yaml
    [
      'an impossible !!int',
      'name: x\nport: !!int eighty\n',
      'cannot resolve a node with !<tag:yaml.org,2002:int> explicit tag',
      2,
      7,
    ],
  ])('locates %s', (_name, text, detail, line, column, cause) => {
    expect(parseYamlValue(text)).toStrictEqual({
      value: undefined,
      problems: [
        {
          code: 'yaml-syntax',
          detail,
          position: { line, column },
          ...(cause === undefined ? {} : { cause }),
        },
      ],
    });
  });

  it('reports every syntax error of a file', () => {
    const parsed = parseYamlValue(fixture('several-syntax-errors.yaml'));
    expect(parsed.value).toBeUndefined();
    expect(
      parsed.problems.map((p) =>
        p.code === 'yaml-syntax' ? [p.position.line, p.position.column] : p.code,
      ),
    ).toStrictEqual([
      [4, 11],
      [7, 5],
      [12, 15],
    ]);
  });
});

describe('parseYamlValue: nesting depth', () => {
  it('refuses nesting over maxDepth where js-yaml parses', () => {
    // the anchor sends the file to js-yaml; the 64th `[` opens the 65th collection
    expect(parseYamlValue(nestedFlow(100, 'x: &a 1\nk: '))).toStrictEqual({
      value: undefined,
      problems: [
        {
          code: 'yaml-syntax',
          detail: 'nesting exceeded maxDepth (64)',
          position: { line: 2, column: 67 },
        },
      ],
    });
  });

  it('accepts nesting within maxDepth', () => {
    // js-yaml counts the scalar level too: four nested mappings need a limit of five
    expect(parseYamlValue(nestedBlock(3), limits({ maxDepth: 5 })).problems).toStrictEqual([]);
  });

  // Bug: fastParseYaml has no depth limit and answers before js-yaml's maxDepth applies.
  it.each([
    ['flow sequences', nestedFlow(100), DEFAULT_YAML_LIMITS],
    ['block mappings', nestedBlock(100), DEFAULT_YAML_LIMITS],
    ['block mappings over a small limit', nestedBlock(5), limits({ maxDepth: 3 })],
  ])('refuses nesting over maxDepth written in plain %s', (_name, text, options) => {
    const parsed = parseYamlValue(text, options);
    expect(parsed.value).toBeUndefined();
    expect(parsed.problems).toHaveLength(1);
    expect(reasonOf(parsed.problems[0])).toMatch(/^yaml-syntax: .*maxDepth/);
  });

  // Deep nesting given to the `yaml` library can abort Node itself (see below): these tests
  // run parseYamlValue in a child process, so that an abort fails one test, not the file.

  // Bug: js-yaml stops at maxDepth, but the `yaml` library, then asked for positions, overflows
  // the stack and its "Maximum call stack size exceeded" errors replace js-yaml's clear reason.
  it('reports 100,000 levels of nesting once, as too deep, without throwing', () => {
    const child = parseInChild(nestedFlow(100_000, ''), 1);
    expect(child.exit, child.stderr.slice(0, 500)).toStrictEqual({ status: 0, signal: null });
    const [problems] = child.results;
    expect(problems).toHaveLength(1);
    expect(reasonOf(problems?.[0])).toMatch(/^yaml-syntax: .*maxDepth/);
  });

  // Bug: the second deeply nested text given to the `yaml` library in one process kills Node
  // ("FATAL ERROR: RegExpCompiler Allocation failed - process out of memory", exit code 134).
  it('survives two deeply nested files in one process', () => {
    const child = parseInChild(nestedFlow(10_000, ''), 2);
    expect(child.exit, child.stderr.slice(0, 500)).toStrictEqual({ status: 0, signal: null });
    expect(child.results.map((problems) => problems[0]?.code)).toStrictEqual([
      'yaml-syntax',
      'yaml-syntax',
    ]);
  });
});

describe('parseYaml', () => {
  it('returns a locator for the positions of paths', () => {
    const parsed = parseYaml('a:\n  b: [1, 2]\n  c: x\n');
    expect(parsed.value).toStrictEqual({ a: { b: [1, 2], c: 'x' } });
    expect(parsed.locator.valueAt(['a', 'b', 1])).toStrictEqual({ line: 2, column: 10 });
    expect(parsed.locator.keyAt(['a', 'c'])).toStrictEqual({ line: 3, column: 3 });
    expect(parsed.locator.valueAt(['a', 'c'])).toStrictEqual({ line: 3, column: 6 });
    // a path that is not written falls back to its closest written ancestor
    expect(parsed.locator.valueAt(['a', 'missing', 0])).toStrictEqual({ line: 2, column: 3 });
  });
});
