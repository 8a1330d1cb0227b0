import { describe, expect, it } from 'vitest';
import { demoInput } from '../../../test/support/documents.js';
import { text } from '../../design/text.js';
import { plainText, type Block } from '../model.js';
import { table, tableOrTodo, col, type Gap } from './common.js';
import { createContext } from './context.js';

interface Thing {
  readonly id: string;
  readonly owner?: string;
  readonly size?: number;
}

const NONE = { what: text('No thing is declared', 'Aucune chose n’est déclarée'), where: 'things' };
const GAPS: readonly Gap<Thing>[] = [
  { lacks: (t) => t.owner === undefined, what: text('Things without owner', 'x'), where: 'owner' },
  { lacks: (t) => t.size === undefined, what: text('Things without size', 'x'), where: 'size' },
];

const render = (things: readonly Thing[]): Block =>
  table(
    'table-things',
    'Things',
    [col('Id')],
    things.map((t) => [[t.id]]),
  );

function texts(blocks: readonly Block[]): string[] {
  return blocks.map((b) => (b.kind === 'callout' ? `${b.tone}: ${plainText(b.content)}` : b.kind));
}

describe('tableOrTodo', () => {
  const ctx = createContext(demoInput('en'));

  it('gives only a "to be completed" callout naming where to declare, and draws nothing, when there is no entity', () => {
    let drawn = 0;
    const blocks = tableOrTodo(ctx, [] as Thing[], NONE, (things) => {
      drawn += 1;
      return render(things);
    });
    expect(drawn).toBe(0);
    expect(texts(blocks)).toEqual(['todo: No thing is declared. Declare it in things.']);
  });

  it('gives the table, then one callout per gap naming the entities that have it', () => {
    const things: Thing[] = [{ id: 'a', owner: 'x', size: 1 }, { id: 'b', size: 2 }, { id: 'c' }];
    expect(texts(tableOrTodo(ctx, things, NONE, render, GAPS))).toEqual([
      'table',
      'todo: Things without owner: b, c. Declare it in owner.',
      'todo: Things without size: c. Declare it in size.',
    ]);
  });

  it('adds no callout for a gap no entity has, and keeps every block the renderer gives', () => {
    const things: Thing[] = [{ id: 'a', owner: 'x', size: 1 }];
    expect(texts(tableOrTodo(ctx, things, NONE, render, GAPS))).toEqual(['table']);
    const intro: Block = { kind: 'paragraph', content: ['Intro'] };
    expect(texts(tableOrTodo(ctx, things, NONE, (t) => [intro, render(t)]))).toEqual([
      'paragraph',
      'table',
    ]);
  });
});
