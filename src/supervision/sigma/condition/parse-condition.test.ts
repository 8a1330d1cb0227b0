import { describe, expect, it } from 'vitest';
import { matchesIdentifierPattern, parseCondition } from './parse-condition.js';
import type { SigmaConditionNode } from './types.js';

const IDS = ['selection', 'sel_a', 'sel_b', 'filter_1', 'filter_2', 'keywords', '_hidden'];

function tree(text: string): SigmaConditionNode {
  const r = parseCondition(text, IDS);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

const id = (name: string): SigmaConditionNode => ({ kind: 'identifier', name });

describe('parseCondition', () => {
  it('parses a bare identifier', () => {
    expect(tree('selection')).toEqual(id('selection'));
  });

  it('and binds tighter than or', () => {
    expect(tree('selection or sel_a and sel_b')).toEqual({
      kind: 'or',
      operands: [id('selection'), { kind: 'and', operands: [id('sel_a'), id('sel_b')] }],
    });
  });

  it('not binds tighter than and', () => {
    expect(tree('not selection and keywords')).toEqual({
      kind: 'and',
      operands: [{ kind: 'not', operand: id('selection') }, id('keywords')],
    });
  });

  it('parentheses override precedence', () => {
    expect(tree('selection and (sel_a or sel_b)')).toEqual({
      kind: 'and',
      operands: [id('selection'), { kind: 'or', operands: [id('sel_a'), id('sel_b')] }],
    });
  });

  it('x of pattern binds tighter than not', () => {
    expect(tree('selection and not 1 of filter_*')).toEqual({
      kind: 'and',
      operands: [
        id('selection'),
        {
          kind: 'not',
          operand: {
            kind: 'quantified',
            count: 1,
            pattern: 'filter_*',
            names: ['filter_1', 'filter_2'],
          },
        },
      ],
    });
  });

  it('them excludes identifiers starting with an underscore', () => {
    expect(tree('all of them')).toEqual({
      kind: 'quantified',
      count: 'all',
      pattern: 'them',
      names: ['selection', 'sel_a', 'sel_b', 'filter_1', 'filter_2', 'keywords'],
    });
  });

  it('accepts counts other than 1 and keywords in any case', () => {
    expect(tree('2 OF sel_* AND NOT keywords')).toEqual({
      kind: 'and',
      operands: [
        { kind: 'quantified', count: 2, pattern: 'sel_*', names: ['sel_a', 'sel_b'] },
        { kind: 'not', operand: id('keywords') },
      ],
    });
  });

  it('chains of and flatten into one node', () => {
    expect(tree('sel_a and sel_b and keywords')).toEqual({
      kind: 'and',
      operands: [id('sel_a'), id('sel_b'), id('keywords')],
    });
  });

  it.each([
    ['selection and nope', 'sigma.condition.unknown-identifier', 14],
    ['1 of nothing*', 'sigma.condition.unknown-identifier', 5],
    ['selection and', 'sigma.condition.unexpected-end', 13],
    ['(selection', 'sigma.condition.unclosed-parenthesis', 0],
    ['selection)', 'sigma.condition.unexpected-token', 9],
    ['selection keywords', 'sigma.condition.unexpected-token', 10],
    ['0 of sel_*', 'sigma.condition.bad-quantifier', 0],
    ['1 of', 'sigma.condition.missing-pattern', 4],
    ['', 'sigma.condition.unexpected-end', 0],
    ['selection | count() > 5', 'sigma.condition.unexpected-token', 10],
  ])('%j is an error %s at offset %i', (text, code, offset) => {
    const r = parseCondition(text, IDS);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors[0]?.code).toBe(code);
      expect(r.errors[0]?.offset).toBe(offset);
      expect(r.errors[0]?.message.fr).not.toBe('');
    }
  });

  it('reports every unknown identifier, not only the first', () => {
    const r = parseCondition('a1 or a2', IDS);
    expect(r.ok ? [] : r.errors.map((e) => e.offset)).toEqual([0, 6]);
  });
});

describe('matchesIdentifierPattern', () => {
  it.each([
    ['sel*', 'selection', true],
    ['sel*', 'xsel', false],
    ['*_main_*', 'filter_main_x', true],
    ['a*b*c', 'abbc', true],
    ['a*b*c', 'acb', false],
    ['exact', 'exact', true],
    ['ab*ba', 'aba', false],
  ])('%s vs %s → %s', (pattern, name, expected) => {
    expect(matchesIdentifierPattern(pattern, name)).toBe(expected);
  });
});
