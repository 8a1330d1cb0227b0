import fc from 'fast-check';
import { CORE_SCHEMA, dump, loadAll, mergeTag, type DumpOptions } from 'js-yaml';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fastParseYaml } from './fast-yaml.js';

/** The full parser's reading, exactly as `parseYamlValue` would get it. */
type FullParse =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: string };

const SCHEMA = CORE_SCHEMA.withTags(mergeTag);

function parseFull(text: string): FullParse {
  try {
    return { ok: true, value: loadAll(text, { schema: SCHEMA })[0] };
  } catch (error) {
    return { ok: false, error: String(error).split('\n')[0] ?? '' };
  }
}

/**
 * The contract: whenever the fast path answers, js-yaml reads the same value (and does not
 * fail). Returns whether the fast path answered, so callers can check they tested something.
 */
function expectSameAsFullParser(text: string): boolean {
  const fast = fastParseYaml(text);
  if (fast === undefined) return false;
  expect(parseFull(text), `input: ${JSON.stringify(text)}`).toStrictEqual({
    ok: true,
    value: fast.value,
  });
  return true;
}

describe('fastParseYaml answers the plain subset', () => {
  const cases: readonly (readonly [string, string, unknown])[] = [
    ['a block mapping', 'name: Forges\nkind: plant\n', { name: 'Forges', kind: 'plant' }],
    [
      'nested block mappings',
      'a:\n  b:\n    c: d\n  e: f\ng: h\n',
      { a: { b: { c: 'd' }, e: 'f' }, g: 'h' },
    ],
    ['a block sequence', '- a\n- b\n', ['a', 'b']],
    ['a sequence indented under its key', 'k:\n  - 1\n  - 2\n', { k: [1, 2] }],
    [
      'compact `- key: v` mappings',
      '- id: a\n  kind: x\n- id: b\n',
      [{ id: 'a', kind: 'x' }, { id: 'b' }],
    ],
    [
      'a sequence under a key at the same indent',
      'zones:\n- id: a\n- id: b\nsites: []\n',
      { zones: [{ id: 'a' }, { id: 'b' }], sites: [] },
    ],
    [
      'a same-indent sequence inside a compact mapping',
      '- id: a\n  tags:\n  - x\n  - z\n  kind: k\n- id: b\n',
      [{ id: 'a', tags: ['x', 'z'], kind: 'k' }, { id: 'b' }],
    ],
    [
      'compact mappings with extra spaces after the dash',
      '-   id: a\n    kind: x\n',
      [{ id: 'a', kind: 'x' }],
    ],
    ['empty items and empty values', '-\n- a\n-\n', [null, 'a', null]],
    ['a key with no value', 'a:\nb: 1\nc: # only a comment\n', { a: null, b: 1, c: null }],
    ['a nested block after an empty item', '-\n  a: 1\n  b: 2\n- c\n', [{ a: 1, b: 2 }, 'c']],
    ['a flow sequence', 'k: [a, b]\n', { k: ['a', 'b'] }],
    ['a flow mapping with padding', 'k: { k: v, m: 1 }\n', { k: { k: 'v', m: 1 } }],
    [
      'nested flow collections',
      'k: [a, [b, c], {d: [e, f]}, {}, [], {g: }]\n',
      { k: ['a', ['b', 'c'], { d: ['e', 'f'] }, {}, [], { g: null }] },
    ],
    ['a trailing comma in a flow sequence', 'k: [a, b,]\n', { k: ['a', 'b'] }],
    ['flow collections as sequence items', '- [a, b]\n- {c: d}\n', [['a', 'b'], { c: 'd' }]],
    ['a root flow sequence', '[1, two, "3"]\n', [1, 'two', '3']],
    [
      'double-quoted escapes',
      String.raw`k: "a \"b\" \\ \n \t \/ \u00e9 # : x"` + '\n',
      { k: 'a "b" \\ \n \t / é # : x' },
    ],
    ['single-quoted strings', "k: 'it''s # not: a comment'\n", { k: "it's # not: a comment" }],
    [
      'quoted keys',
      `"quoted key": 1\n'single key': 2\n"1": 3\n`,
      { 'quoted key': 1, 'single key': 2, '1': 3 },
    ],
    [
      'comments everywhere',
      '# head\na: 1 # tail\n  # indented comment\nb: "x" # c\nc: [d] # e\n\n# end\n',
      { a: 1, b: 'x', c: ['d'] },
    ],
    ['a `---` start', '---\na: 1\n', { a: 1 }],
    ['CRLF line ends', 'a: 1\r\nb:\r\n  - x\r\n  - "y"\r\n', { a: 1, b: ['x', 'y'] }],
    [
      'core-schema ints, floats, nulls and booleans',
      'i: 42\nneg: -7\nz: 0\nf: 3.25\ng: -0.5\nh: 1.10\nnul: null\nt: ~\nu: NULL\nb1: true\nb2: False\nb3: TRUE\n',
      {
        i: 42,
        neg: -7,
        z: 0,
        f: 3.25,
        g: -0.5,
        h: 1.1,
        nul: null,
        t: null,
        u: null,
        b1: true,
        b2: false,
        b3: true,
      },
    ],
    [
      'IP addresses and networks stay strings',
      'addresses: [10.0.0.1, 192.168.1.0/24, "::1", fe80::1]\nv6: 2001:db8::1\n',
      { addresses: ['10.0.0.1', '192.168.1.0/24', '::1', 'fe80::1'], v6: '2001:db8::1' },
    ],
    [
      'dates and durations stay strings',
      'date: 2026-03-31\nat: 2026-03-31T10:00:00Z\nrto: 4h\nmtpd: 30min\nversion: "4.8"\n',
      {
        date: '2026-03-31',
        at: '2026-03-31T10:00:00Z',
        rto: '4h',
        mtpd: '30min',
        version: '4.8',
      },
    ],
    [
      'colons and hashes inside plain scalars',
      'url: http://example.com:8080/x#y\nkey:with:colons: a# b\n',
      { url: 'http://example.com:8080/x#y', 'key:with:colons': 'a# b' },
    ],
    ['unicode text', 'name: Forges de l’Est — usine 😀\n', { name: 'Forges de l’Est — usine 😀' }],
    ['an empty document', '', undefined],
    ['a document of comments only', '# only a comment\n\n  # another\n', undefined],
    ['a lone scalar document', 'hello world\n', 'hello world'],
    ['an indented root mapping', '  a: 1\n  b: 2\n', { a: 1, b: 2 }],
  ];

  it.each(cases)('%s', (_name, text, expected) => {
    expect(fastParseYaml(text)).toStrictEqual({ value: expected });
    expect(parseFull(text)).toStrictEqual({ ok: true, value: expected });
  });
});

describe('fastParseYaml gives up outside the plain subset', () => {
  const cases: readonly (readonly [string, string])[] = [
    ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
    ['an anchored collection', 'a: &x [1]\n'],
    ['a standard tag', 'a: !!str 1\n'],
    ['a local tag', 'a: !custom x\n'],
    ['a literal block scalar', 'a: |\n  x\n'],
    ['a folded block scalar', 'a: >-\n  x\n  y\n'],
    ['a multi-line plain scalar', 'a: x\n  y\n'],
    ['a multi-line plain sequence item', '- x\n  y\n'],
    ['a multi-line double-quoted scalar', 'a: "x\n  y"\n'],
    ['a multi-line flow sequence', 'a: [x,\n  y]\n'],
    ['duplicate keys', 'a: 1\na: 2\n'],
    ['duplicate keys in a flow mapping', 'a: {b: 1, b: 2}\n'],
    ['a __proto__ key', '__proto__: {x: 1}\n'],
    ['a quoted __proto__ key', '"__proto__": 1\n'],
    ['a __proto__ key in a flow mapping', 'a: {__proto__: 1}\n'],
    ['a merge key', 'base: {a: 1}\nc:\n  <<: {a: 2}\n  b: 2\n'],
    ['a tab in indentation', 'a:\n\tb: 1\n'],
    ['a tab after a colon', 'a:\t1\n'],
    ['the YAML 1.1 boolean yes', 'a: yes\n'],
    ['the YAML 1.1 boolean No', 'a: No\n'],
    ['the YAML 1.1 boolean on', 'a: on\n'],
    ['the YAML 1.1 boolean y', 'a: y\n'],
    ['a hexadecimal integer', 'a: 0x1F\n'],
    ['an octal integer', 'a: 0o17\n'],
    ['a leading-zero integer', 'a: 012\n'],
    ['an exponent', 'a: 1e3\n'],
    ['an exponent in a flow sequence', 'a: [1e3]\n'],
    ['an explicit plus sign', 'a: +1\n'],
    ['infinity', 'a: .inf\n'],
    ['negative infinity', 'a: -.inf\n'],
    ['not a number', 'a: .nan\n'],
    ['a float without its integer part', 'a: .5\n'],
    ['an underscore separator', 'a: 1_000\n'],
    ['a sexagesimal number', 'a: 1:30\n'],
    ['an integer beyond 2^53', 'a: 12345678901234567890\n'],
    ['a second document', 'a: 1\n---\nb: 2\n'],
    ['a document end marker', 'a: 1\n...\n'],
    ['content after ---', '--- a: 1\n'],
    ['a %YAML directive', '%YAML 1.2\n---\na: 1\n'],
    ['a %TAG directive', '%TAG ! tag:example.com,2000:\n---\na: 1\n'],
    ['an explicit key', '? a\n: b\n'],
    ['a nested inline sequence', '- - a\n'],
    ['an integer key', '1: a\n'],
    ['a boolean key', 'true: a\n'],
    ['a null key', '~: a\n'],
    ['a byte order mark', '\uFEFFa: 1\n'],
    ['a \\x escape', 'a: "\\x41"\n'],
    ['a \\U escape', 'a: "\\U0001F600"\n'],
    ['a JSON-style flow key', 'a: {"b":1}\n'],
    ['a control character', 'a: b\u0007\n'],
    ['a line over-indented after a value', 'a: 1\n    b: 2\n'],
  ];

  it.each(cases)('%s', (_name, text) => {
    expect(fastParseYaml(text)).toBeUndefined();
  });
});

/**
 * Inputs on which the fast path answers something js-yaml does not read that way. Each is a
 * bug of `fast-yaml.ts` (reported to the maintainer): the fast path must give up or agree.
 */
describe('fastParseYaml agrees with js-yaml on inputs it used to get wrong', () => {
  const cases: readonly (readonly [string, string])[] = [
    // js-yaml reads an explicit empty document as null, not as "no document"
    ['a lone `---`', '---\n'],
    // a lone carriage return is a line break for js-yaml, content for the fast path
    ['a lone CR between mapping entries', 'a: b\rc\n'],
    ['a lone CR between sequence items', '- a\r- b\n'],
    // `a:` before a flow indicator is an implicit key with a null value
    ['an implicit key before `]`', 'k: [a:]\n'],
    ['an implicit key before `,`', 'k: [a:, b]\n'],
    ['a colon before `}`', 'k: {a: b:}\n'],
    // YAML only trims spaces and tabs; String#trimEnd also trims Unicode spaces
    ['a trailing no-break space', 'k: a\u00A0\n'],
    ['a trailing ideographic space in a flow sequence', 'k: [a\u3000]\n'],
    ['a value of a lone no-break space', 'k: \u00A0\n'],
    ['a trailing no-break space in a flow key', 'k: {a\u00A0: b}\n'],
    // a lone `-` (or `- `, `? `) cannot start a plain scalar in a flow collection
    ['a lone dash in a flow sequence', 'k: [-]\n'],
    ['a lone dash as a flow mapping value', 'k: {a: -}\n'],
    ['a dash and space before a flow key', 'k: {- a: }\n'],
    ['an explicit key indicator in a flow mapping', 'k: {? b: a}\n'],
  ];

  it.each(cases)('%s', (_name, text) => {
    expectSameAsFullParser(text);
  });
});

describe('fastParseYaml on the example models', () => {
  const examples = new URL('../../examples/', import.meta.url);
  const files = [
    ...readdirSync(new URL('forges-de-l-est/', examples))
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => `forges-de-l-est/${name}`),
    'minimal/model.yaml',
  ].sort();

  it('reads every file it answers exactly as js-yaml does', () => {
    const answered = files.filter((file) =>
      expectSameAsFullParser(readFileSync(new URL(file, examples), 'utf8')),
    );
    // the demo is written mostly with block scalars; the measures and the minimal model are not
    expect(answered).toEqual(
      expect.arrayContaining(['forges-de-l-est/measures.yaml', 'minimal/model.yaml']),
    );
  });
});

// ---- property tests ----

/** Pieces strings are built from: ordinary text and every character YAML gives a meaning. */
const STRING_PIECES: readonly string[] = [
  ['a', 'id', 'srv-erp', 'é', 'ß', '’', '😀'],
  [' ', '  ', '\u00A0', '\u3000', '\n', '\t'],
  [': ', ':', '#', ' #', "'", '"', '\\', '-', '- ', '? ', '[', ']', '{', '}', ','],
  ['&', '*', '!', '|', '>', '%', '@', '`', '~', '<<', '---', '...'],
  ['.', '0', '1', '7', '0x', 'e3', '_', 'null', 'true', 'No', 'yes', '.inf'],
].flat();

const nastyString = fc.string({ unit: fc.constantFrom(...STRING_PIECES), maxLength: 6 });
const kebabKey = fc.stringMatching(/^[a-z][a-z0-9]{0,5}(?:-[a-z0-9]{1,4}){0,2}$/);

const jsonValue = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nastyString,
    fc.integer(),
    fc.integer({ min: -1000, max: 1000 }),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof({ weight: 4, arbitrary: kebabKey }, nastyString), tie('value'), {
      maxKeys: 4,
    }),
  ),
})).value;

const dumpOptions: fc.Arbitrary<DumpOptions> = fc.record({
  flowLevel: fc.constantFrom(-1, 0, 1, 2),
  indent: fc.constantFrom(1, 2, 3, 4),
  seqNoIndent: fc.boolean(),
  seqInlineFirst: fc.boolean(),
  lineWidth: fc.constantFrom(80, 20, -1),
  flowBracketPadding: fc.boolean(),
  quoteStyle: fc.constantFrom('single', 'double'),
});

/** A scalar as written in a file: plain, single- or double-quoted, sometimes malformed. */
const scalarToken = fc.oneof(
  { arbitrary: fc.string({ unit: fc.constantFrom(...STRING_PIECES), maxLength: 4 }), weight: 3 },
  { arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), weight: 3 },
  {
    arbitrary: fc
      .constantFrom('0', '12', '-3', '4.5', '-0.0', '1e3', '0o7', 'null', '~', 'True', 'y')
      .map(String),
    weight: 2,
  },
  nastyString.map((s) => `'${s.replaceAll("'", "''")}'`),
  nastyString.map((s) => `"${s.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`),
  fc
    .constantFrom('\\n', '\\t', '\\/', '\\u00e9', '\\x41', '\\ud800', '\\"', '\\\\', '\\ ')
    .map((escape) => `"a${escape}b"`),
);

interface YamlTree {
  readonly kind: 'scalar' | 'seq' | 'map';
  readonly token: string;
  readonly flow: boolean;
  readonly items: readonly YamlTree[];
  readonly keys: readonly string[];
  /** Indentation step of nested blocks, and whether a sequence value sits at its key's indent. */
  readonly step: number;
  readonly sameIndent: boolean;
  readonly comment: boolean;
}

const treeArb = fc.letrec<{ node: YamlTree }>((tie) => {
  const common = {
    token: fc.constant(''),
    step: fc.integer({ min: 1, max: 4 }),
    sameIndent: fc.boolean(),
    comment: fc.boolean(),
  };
  return {
    node: fc.oneof(
      { depthSize: 'small' },
      fc.record({
        ...common,
        kind: fc.constant('scalar' as const),
        token: scalarToken,
        flow: fc.constant(false),
        items: fc.constant([]),
        keys: fc.constant([]),
      }),
      fc.record({
        ...common,
        kind: fc.constant('seq' as const),
        flow: fc.boolean(),
        items: fc.array(tie('node'), { minLength: 1, maxLength: 4 }),
        keys: fc.constant([]),
      }),
      fc
        .record({
          ...common,
          kind: fc.constant('map' as const),
          flow: fc.boolean(),
          items: fc.array(tie('node'), { minLength: 1, maxLength: 4 }),
          keys: fc.array(fc.oneof({ weight: 5, arbitrary: kebabKey }, scalarToken), {
            minLength: 4,
            maxLength: 4,
          }),
        })
        .map((node) => ({ ...node, keys: node.keys.slice(0, node.items.length) })),
    ),
  };
}).node;

function renderFlow(node: YamlTree): string {
  if (node.kind === 'scalar') return node.token;
  if (node.kind === 'seq') return `[${node.items.map(renderFlow).join(', ')}]`;
  return `{${node.items.map((item, i) => `${node.keys[i] ?? ''}: ${renderFlow(item)}`).join(', ')}}`;
}

/** Renders a tree as block YAML, choosing indentation and styles from the tree itself. */
function renderBlock(node: YamlTree, indent: number): string[] {
  const pad = ' '.repeat(indent);
  const tail = node.comment ? ' # note' : '';
  if (node.kind === 'scalar' || node.flow) return [`${pad}${renderFlow(node)}${tail}`];
  const lines: string[] = [];
  node.items.forEach((item, i) => {
    const head = node.kind === 'seq' ? '-' : `${node.keys[i] ?? ''}:`;
    if (item.kind === 'scalar' || item.flow) {
      lines.push(`${pad}${head} ${renderFlow(item)}${item.comment ? ' # c' : ''}`);
    } else if (node.kind === 'seq' && item.kind === 'map' && !item.sameIndent) {
      // compact form: the first entry on the dash's line
      const nested = renderBlock(item, indent + 2);
      lines.push(`${pad}- ${(nested[0] ?? '').trimStart()}`, ...nested.slice(1));
    } else {
      const childIndent =
        node.kind === 'map' && item.kind === 'seq' && item.sameIndent ? indent : indent + item.step;
      lines.push(`${pad}${head}${tail}`, ...renderBlock(item, childIndent));
    }
  });
  return lines;
}

/** Characters number, boolean and null spellings of YAML 1.1 and 1.2 are made of. */
const SCALAR_CHARS: readonly string[] = Array.from('0123456789.eExXoObB+-_:~ aflsnutrTFNIiyY');

const LINE_ENDS = ['\n', '\n', '\n', '\r\n', '\r'] as const;

const renderedText = fc
  .tuple(treeArb, fc.constantFrom(...LINE_ENDS), fc.boolean(), fc.array(fc.nat(), { maxLength: 3 }))
  .map(([tree, eol, start, blanks]) => {
    const lines = renderBlock(tree, 0);
    for (const at of blanks) lines.splice(at % (lines.length + 1), 0, at % 2 === 0 ? '' : '  # x');
    return (start ? `---${eol}` : '') + lines.join(eol) + eol;
  });

/** Line soup: YAML-looking lines at random indents, to probe the block structure. */
const lineSoup = fc
  .array(
    fc.tuple(
      fc.integer({ min: 0, max: 6 }),
      fc.oneof(
        kebabKey.chain((key) => scalarToken.map((value) => `${key}: ${value}`)),
        kebabKey.map((key) => `${key}:`),
        scalarToken.map((value) => `- ${value}`),
        kebabKey.chain((key) => scalarToken.map((value) => `- ${key}: ${value}`)),
        fc.constantFrom('-', '---', '...', '# comment', '', '[a, b]', '{k: v}', '- [x, {y: z}]'),
      ),
      fc.constantFrom(...LINE_ENDS),
    ),
    { maxLength: 10 },
  )
  .map((lines) => lines.map(([indent, text, eol]) => ' '.repeat(indent) + text + eol).join(''));

describe('fastParseYaml never disagrees with js-yaml (property)', () => {
  const check = (texts: fc.Arbitrary<string>, numRuns: number, minAnswered: number): void => {
    let answered = 0;
    fc.assert(
      fc.property(texts, (text) => {
        if (expectSameAsFullParser(text)) answered += 1;
      }),
      { numRuns },
    );
    // the property means something only if the fast path answers a fair share of inputs
    expect(answered).toBeGreaterThanOrEqual(minAnswered);
  };

  it('on values dumped by js-yaml with varied options', () => {
    check(
      fc.tuple(jsonValue, dumpOptions).map(([value, options]) => dump(value, options)),
      3000,
      1500,
    );
  });

  it('on block YAML rendered from random trees', () => {
    check(renderedText, 2500, 500);
  });

  it('on random YAML-looking lines', () => {
    check(lineSoup, 2000, 100);
  });

  it('on number-like and keyword-like scalars', () => {
    const scalar = fc.string({
      unit: fc.constantFrom(...SCALAR_CHARS),
      minLength: 1,
      maxLength: 6,
    });
    const placed = fc.tuple(scalar, fc.constantFrom('k: %\n', 'k: [%, x]\n', '% : k\n', '- %\n'));
    check(
      placed.map(([text, template]) => template.replace('%', text)),
      2000,
      500,
    );
  });
});
