import { describe, expect, it } from 'vitest';
import type { AttrNode, BxNode, ElementNode, EvtxValue } from './nodes.js';
import { renderRecord } from './render-json.js';

function el(name: string, attrs: AttrNode[] = [], children: BxNode[] = []): ElementNode {
  return {
    kind: 'element',
    name,
    attrs,
    children,
    dynamic: children.some((c) => c.kind === 'subst' || c.kind === 'instance'),
    hasElementChild: children.some((c) => c.kind === 'element'),
  };
}
const text = (t: string): BxNode => ({ kind: 'text', text: t });
const sub = (index: number, optional = false): BxNode => ({ kind: 'subst', index, optional });
const attr = (name: string, ...value: BxNode[]): AttrNode => ({ name, value });
const instance = (nodes: BxNode[], values: EvtxValue[]): BxNode => ({
  kind: 'instance',
  nodes,
  values,
});

describe('renderRecord', () => {
  it('renders empty elements as null and lone integers as numbers', () => {
    const tree = el(
      'Event',
      [],
      [
        el('Correlation', [attr('ActivityID', sub(0))]),
        el('Level', [], [sub(1)]),
        el('Big', [], [sub(2)]),
      ],
    );
    expect(renderRecord([instance([tree], [null, 4, 18446744073709551615n])])).toEqual({
      Event: { Correlation: null, Level: 4, Big: 18446744073709552000 },
    });
  });

  it('puts text beside attributes under #text and numbers attribute values', () => {
    const tree = el('EventID', [attr('Qualifiers', sub(0))], [sub(1)]);
    expect(renderRecord([instance([tree], [16384, 7036])])).toEqual({
      EventID: { '#attributes': { Qualifiers: 16384 }, '#text': 7036 },
    });
  });

  it('concatenates mixed text and values as a string', () => {
    const tree = el('Msg', [], [text('pid='), sub(0), text(' ok='), sub(1)]);
    expect(renderRecord([instance([tree], [42, true])])).toEqual({ Msg: 'pid=42 ok=true' });
  });

  it('suffixes repeated child names with _1, _2', () => {
    const tree = el(
      'Headers',
      [],
      [el('H', [], [text('a')]), el('H', [], [text('b')]), el('H', [], [text('c')])],
    );
    expect(renderRecord([tree])).toEqual({ Headers: { H: 'a', H_1: 'b', H_2: 'c' } });
  });

  it('renders unnamed Data elements positionally, one or many', () => {
    const one = el('EventData', [], [el('Data', [], [sub(0)])]);
    const many = el(
      'EventData',
      [],
      [el('Data', [], [sub(0)]), el('Data', [], [sub(1)]), el('Binary', [], [sub(2)])],
    );
    expect(renderRecord([instance([one], ['x'])])).toEqual({
      EventData: { Data: { '#text': 'x' } },
    });
    expect(renderRecord([instance([many], [1, null, 'AB'])])).toEqual({
      EventData: { Data: { '#text': [1, ''] }, Binary: 'AB' },
    });
  });

  it('keys named Data by Name, keeps EventData attributes, last duplicate wins', () => {
    const data = (n: string, i: number): ElementNode =>
      el('Data', [attr('Name', text(n))], [sub(i)]);
    const tree = el(
      'EventData',
      [attr('Name', text('TaskDisabled'))],
      [data('A', 0), data('B', 1), data('A', 2)],
    );
    expect(renderRecord([instance([tree], ['1', null, '3'])])).toEqual({
      EventData: { '#attributes': { Name: 'TaskDisabled' }, A: '3', B: '' },
    });
  });

  it('expands nested fragments and drops empty optional substitutions', () => {
    const inner = el(
      'Op',
      [attr('xmlns', text('urn:x'))],
      [el('User', [], [sub(0, true)]), el('Id', [], [sub(1)])],
    );
    const fragment: EvtxValue = { kind: 'fragment', nodes: [instance([inner], ['', 5])] };
    const tree = el('Event', [], [el('UserData', [], [sub(0)])]);
    expect(renderRecord([instance([tree], [fragment])])).toEqual({
      Event: { UserData: { Op: { '#attributes': { xmlns: 'urn:x' }, User: null, Id: 5 } } },
    });
  });

  it('never writes through __proto__ and returns null without an element', () => {
    const tree = el('Event', [], [el('__proto__', [], [text('x')])]);
    const out = renderRecord([tree]) as { Event: Record<string, unknown> };
    expect(Object.keys(out.Event)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(out.Event)).toBe(Object.prototype);
    expect(renderRecord([text('no element')])).toBeNull();
  });
});
