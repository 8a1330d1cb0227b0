import { describe, expect, it } from 'vitest';
import { demoInput } from '../../../test/support/documents.js';
import { text } from '../../design/text.js';
import { plainText, type Block } from '../model.js';
import { createContext } from './context.js';
import {
  countTable,
  gapTodos,
  tableOf,
  tableOrTodo,
  type Gap,
  type TableOrTodo,
} from './tables.js';

interface Thing {
  readonly id: string;
  readonly owner?: string;
  readonly size?: number;
}

const GAPS: readonly Gap<Thing>[] = [
  { lacks: (t) => t.owner === undefined, what: text('Things without owner', 'x'), where: 'owner' },
  { lacks: (t) => t.size === undefined, what: text('Things without size', 'x'), where: 'size' },
];

const SPEC: TableOrTodo<Thing> = {
  id: 'table-things',
  caption: text('Things', 'Choses'),
  columns: [
    { title: 'colId', width: 1, cell: (t) => [t.id] },
    { title: text('Size', 'Taille'), width: 2, align: 'right', cell: (t) => [String(t.size)] },
    { title: 'colNumber', width: 0.5, cell: (_, i) => [String(i + 1)] },
  ],
  none: { what: text('No thing is declared', 'Aucune chose n’est déclarée'), where: 'things' },
};

function texts(blocks: readonly Block[]): string[] {
  return blocks.map((b) => (b.kind === 'callout' ? `${b.tone}: ${plainText(b.content)}` : b.kind));
}

describe('tableOf', () => {
  it('gives one header per column (a column text by key, or its own) and one cell per column and row', () => {
    const ctx = createContext(demoInput('fr'));
    const block = tableOf(ctx, { ...SPEC, dense: true }, [
      { id: 'a', size: 1 },
      { id: 'b', size: 2 },
    ]);
    expect(block).toEqual({
      kind: 'table',
      id: 'table-things',
      caption: ['Choses'],
      columns: [
        { title: 'Identifiant', width: 1 },
        { title: 'Taille', width: 2, align: 'right' },
        { title: '#', width: 0.5 },
      ],
      rows: [
        [['a'], ['1'], ['1']],
        [['b'], ['2'], ['2']],
      ],
      dense: true,
    });
  });

  it('counts in the document’s language', () => {
    const ctx = createContext(demoInput('fr'));
    const block = countTable(ctx, 'table-counts', text('Counts', 'Décomptes'), [['Choses', 5000]]);
    expect(block.kind === 'table' ? block.rows : []).toEqual([[['Choses'], ['5\u202f000']]]);
  });
});

describe('gapTodos', () => {
  const ctx = createContext(demoInput('en'));

  it('names the entities of each gap, with their number when the text takes it, or their own name', () => {
    const things: Thing[] = [{ id: 'a' }, { id: 'b', owner: 'x' }];
    const blocks = gapTodos(ctx, things, [
      {
        lacks: (t) => t.owner === undefined,
        what: (count) => text(`Things without owner (${count})`, 'x'),
        where: 'owner',
      },
      {
        lacks: (t) => t.size === undefined,
        what: text('Things without size', 'x'),
        where: 'size',
        idOf: (t) => t.id.toUpperCase(),
      },
    ]);
    expect(texts(blocks)).toEqual([
      'todo: Things without owner (1): a. Declare it in owner.',
      'todo: Things without size: A, B. Declare it in size.',
    ]);
  });
});

describe('tableOrTodo', () => {
  const ctx = createContext(demoInput('en'));

  it('gives only a "to be completed" callout naming where to declare, and no table, when there is no entity', () => {
    expect(texts(tableOrTodo(ctx, [] as Thing[], { ...SPEC, gaps: GAPS }))).toEqual([
      'todo: No thing is declared. Declare it in things.',
    ]);
  });

  it('gives the table, then one callout per gap naming the entities that have it', () => {
    const things: Thing[] = [{ id: 'a', owner: 'x', size: 1 }, { id: 'b', size: 2 }, { id: 'c' }];
    expect(texts(tableOrTodo(ctx, things, { ...SPEC, gaps: GAPS }))).toEqual([
      'table',
      'todo: Things without owner: b, c. Declare it in owner.',
      'todo: Things without size: c. Declare it in size.',
    ]);
  });

  it('adds no callout for a gap no entity has, and puts the intro before the table', () => {
    const things: Thing[] = [{ id: 'a', owner: 'x', size: 1 }];
    expect(texts(tableOrTodo(ctx, things, { ...SPEC, gaps: GAPS }))).toEqual(['table']);
    expect(texts(tableOrTodo(ctx, things, { ...SPEC, intro: text('Intro', 'Intro') }))).toEqual([
      'paragraph',
      'table',
    ]);
  });
});
