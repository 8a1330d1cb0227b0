import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../i18n/index.js';
import { compileCustomRules } from './compile.js';

const en = createTranslator('en');
const fr = createTranslator('fr');

/** A valid rule whose `select`/`where`/`detail` lines are replaced by `body` (6-space indent). */
const ruleWith = (body: string, id = 'custom-x'): string => `rules:
  - id: ${id}
    family: segmentation
    title: { en: A title, fr: Un titre }
    description: { en: A description, fr: Une description }
    rationale: { en: A rationale, fr: Une justification }
    remediation: { en: A remediation, fr: Une correction }
    likelihood: 2
    impact: [confidentiality]
    references: { anssi: ['hygiene:19'] }
${body}`;

const BODY = `    select: assets
    where:
      - kind: { eq: database }
    detail: { en: '{name}', fr: '{name}' }
`;

const compile = (text: string, reservedIds: string[] = []) =>
  compileCustomRules([{ file: 'rules/r.yaml', text }], en, { reservedIds });

const brief = (text: string, reservedIds: string[] = []) =>
  compile(text, reservedIds).diagnostics.map((d) => [d.code, d.line, d.column, d.message]);

describe('located diagnostics', () => {
  it('accepts the valid base rule', () => {
    expect(compile(ruleWith(BODY))).toMatchObject({ diagnostics: [], rules: [{ id: 'custom-x' }] });
  });

  it('reports a YAML syntax error where it is', () => {
    expect(brief('rules:\n  - id: [unclosed\n')).toEqual([
      ['yaml-syntax', 3, 1, expect.stringContaining('YAML syntax error') as string],
    ]);
  });

  it('reports a file that is not a mapping', () => {
    expect(brief('- just\n- a list\n')).toEqual([
      ['not-a-rule-file', 1, 1, 'A rule file is a mapping with a `rules` list.'],
    ]);
  });

  it('reports an unknown key of a rule at the key, with a suggestion', () => {
    const text = ruleWith(BODY.replace('    detail:', '    detial: x\n    detail:'));
    expect(brief(text)).toEqual([
      ['schema-unknown-key', 14, 5, 'Unknown property "detial" (did you mean "detail"?).'],
    ]);
  });

  it('reports a missing required property and a bad family', () => {
    const text = ruleWith(BODY)
      .replace('    family: segmentation\n', '    family: segmentaton\n')
      .replace('    likelihood: 2\n', '');
    expect(brief(text).map(([code, line, column]) => [code, line, column])).toEqual([
      ['schema-required', 2, 5],
      ['schema-enum', 3, 13],
    ]);
  });

  it('reports an unknown field path for the selected kind, at the key', () => {
    const text = ruleWith(BODY.replace('kind: { eq: database }', 'zone.knd: { eq: server }'));
    expect(brief(text)).toEqual([
      ['unknown-field', 13, 9, 'Unknown field "knd" for zone (did you mean "kind"?).'],
    ]);
  });

  it('reports a field of another entity kind (flows have no services)', () => {
    const text = ruleWith(
      BODY.replace('select: assets', 'select: flows').replace(
        'kind: { eq: database }',
        'services[].port: { any: { eq: 22 } }',
      ),
    );
    expect(brief(text).map(([code, line, column]) => [code, line, column])).toEqual([
      ['unknown-field', 13, 9],
    ]);
  });

  it('reports an unknown operator with a suggestion', () => {
    const text = ruleWith(BODY.replace('{ eq: database }', '{ eqq: database }'));
    expect(brief(text)).toEqual([
      [
        'unknown-operator',
        13,
        17,
        expect.stringContaining('Unknown operator "eqq" (did you mean "eq"?)') as string,
      ],
    ]);
  });

  it('reports a value of the wrong type and a value outside an enumeration', () => {
    const text = ruleWith(
      BODY.replace('- kind: { eq: database }', '- kind: { eq: databse }\n      - edr: { eq: 3 }'),
    );
    expect(brief(text)).toEqual([
      [
        'operand-enum',
        13,
        21,
        expect.stringContaining(
          '"databse" is not a possible value of "kind" (did you mean "database"?)',
        ) as string,
      ],
      ['operand-type', 14, 20, 'Expected true or false for "edr", found a number.'],
    ]);
  });

  it('reports operators that do not fit the shape of the path', () => {
    const text = ruleWith(
      BODY.replace(
        '- kind: { eq: database }',
        '- services[].port: { eq: 22 }\n      - name: { any: { eq: x } }\n      - name: { gte: 3 }',
      ),
    );
    expect(brief(text).map(([code, line, column]) => [code, line, column])).toEqual([
      ['operator-needs-value', 13, 28],
      ['operator-needs-list', 14, 17],
      ['operator-type', 15, 17],
    ]);
  });

  it('reports list paths written without brackets and scalars written with them', () => {
    const text = ruleWith(
      BODY.replace(
        '- kind: { eq: database }',
        '- services.port: { eq: 22 }\n      - kind[]: { eq: x }',
      ),
    );
    expect(brief(text)).toEqual([
      [
        'list-needs-brackets',
        13,
        9,
        '"services" is a list: write "services[]" to look into its items.',
      ],
      ['not-a-list', 14, 9, '"kind" is not a list: remove the "[]".'],
    ]);
  });

  it('refuses a catastrophic regular expression', () => {
    const text = ruleWith(
      BODY.replace('kind: { eq: database }', () => "name: { matches: '(a+)+$' }"),
    );
    expect(brief(text)).toEqual([
      [
        'unsafe-regex',
        13,
        27,
        'Regular expression refused: a repeated group contains a repetition or an alternative (catastrophic backtracking).',
      ],
    ]);
  });

  it('reports a bad date operand', () => {
    const text = ruleWith(
      BODY.replace('kind: { eq: database }', 'os.supportEnd: { before: next-year }'),
    );
    expect(brief(text).map(([code, line, column]) => [code, line, column])).toEqual([
      ['invalid-date', 13, 34],
    ]);
  });

  it('reports an unknown placeholder in the detail', () => {
    const text = ruleWith(
      BODY.replace("{ en: '{name}', fr: '{name}' }", "{ en: '{nam}', fr: '{name}' }"),
    );
    expect(brief(text)).toEqual([
      [
        'unknown-placeholder',
        14,
        20,
        'Placeholder "nam" in the detail: Unknown field "nam" for asset (did you mean "name"?).',
      ],
    ]);
  });

  it('reports duplicate ids across files with the first place', () => {
    const result = compileCustomRules(
      [
        { file: 'rules/a.yaml', text: ruleWith(BODY) },
        { file: 'rules/b.yaml', text: `# second\n${ruleWith(BODY)}` },
      ],
      en,
    );
    expect(result.rules).toHaveLength(1);
    expect(result.diagnostics.map((d) => [d.code, d.file, d.line, d.column, d.message])).toEqual([
      [
        'duplicate-rule-id',
        'rules/b.yaml',
        3,
        9,
        'Rule id "custom-x" is already used (rules/a.yaml:2).',
      ],
    ]);
  });

  it('reports an id that a built-in rule has', () => {
    expect(brief(ruleWith(BODY, 'admin-without-mfa'), ['admin-without-mfa'])).toEqual([
      [
        'reserved-rule-id',
        2,
        9,
        expect.stringContaining('"admin-without-mfa" is the id of a built-in rule') as string,
      ],
    ]);
  });

  it('writes messages in French for a French translator', () => {
    const text = ruleWith(BODY.replace('{ eq: database }', '{ eqq: database }'));
    const [diagnostic] = compileCustomRules([{ file: 'r.yaml', text }], fr).diagnostics;
    expect(diagnostic?.message).toMatch(
      /^Opérateur « eqq » inconnu \(vouliez-vous dire « eq » \?\)/,
    );
  });

  it('collects every problem of a file, and keeps the valid rules', () => {
    const text = `${ruleWith(BODY.replace('{ eq: database }', '{ eqq: database }'))}${ruleWith(BODY, 'custom-ok').replace('rules:\n', '')}`;
    const result = compile(text);
    expect(result.rules.map((r) => r.id)).toEqual(['custom-ok']);
    expect(result.diagnostics).toHaveLength(1);
  });
});

describe('robustness', () => {
  const scalar = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
  );
  const words = fc.constantFrom(
    'kind',
    'zone.kind',
    'services[].port',
    'needs.confidentiality',
    'name',
    'backedUp',
    'tags',
    'eq',
    'in',
    'any',
    'all',
    'not',
    'matches',
    'before',
    'gte',
    'exists',
    'length',
    'x[]',
    '',
  );
  const tree: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      scalar,
      fc.array(tie('node'), { maxLength: 3 }),
      fc.dictionary(words, tie('node'), { maxKeys: 3 }),
    ),
  })).node;

  it('never throws on arbitrary rule YAML', () => {
    fc.assert(
      fc.property(
        tree,
        fc.constantFrom('assets', 'flows', 'zones', 'identities', 'nope'),
        (where, select) => {
          const text = ruleWith(
            `    select: ${select}\n    where: ${JSON.stringify(where)}\n    detail: { en: '{name}', fr: '{name}' }\n`,
          );
          const result = compile(text);
          for (const d of result.diagnostics) {
            expect(d.line).toBeGreaterThan(0);
            expect(d.message.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        expect(() => compile(text)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
