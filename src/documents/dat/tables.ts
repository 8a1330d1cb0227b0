/**
 * Declarative DAT tables: a table is its id, caption and columns, each column its title, width
 * and what a row shows in it; a "table or to do" adds what the model must declare when it has
 * no row, and a "to be completed" callout per gap that some rows have.
 */
import type { LocalizedText } from '../../design/text.js';
import { code, type Block, type Inlines, type TableColumn } from '../model.js';
import { cell, col, num, paragraph, table, todo } from './common.js';
import type { DatContext } from './context.js';
import { COLUMNS } from './texts-columns.js';

/** A column title: one of the DAT's column texts by key, or a text of its own. */
export type ColumnTitle = keyof typeof COLUMNS | LocalizedText;

/** A column of a table of `T`: its title, relative width, alignment and the cell of a row. */
export interface Column<T> {
  readonly title: ColumnTitle;
  readonly width: number;
  readonly align?: TableColumn['align'];
  readonly cell: (row: T, index: number) => Inlines;
}

/** A table of `T`: one row per item, one cell per column. */
export interface TableSpec<T> {
  readonly id: string;
  readonly caption: LocalizedText | string;
  readonly columns: readonly Column<T>[];
  /** Smaller type for wide tables. */
  readonly dense?: boolean;
}

/** The text of a column title in the document's language. */
export const titleText = (ctx: DatContext, title: ColumnTitle): string =>
  ctx.t(typeof title === 'string' ? COLUMNS[title] : title);

/** The table of some rows, as its specification describes it. */
export function tableOf<T>(ctx: DatContext, spec: TableSpec<T>, rows: readonly T[]): Block {
  return table(
    spec.id,
    typeof spec.caption === 'string' ? spec.caption : ctx.t(spec.caption),
    spec.columns.map((c) => col(titleText(ctx, c.title), c.width, c.align)),
    rows.map((row, index) => spec.columns.map((c) => c.cell(row, index))),
    spec.dense ?? false,
  );
}

/** The first columns of a table of entities: the id in monospace, then the name (or a dash). */
export function idAndNameColumns<
  T extends { readonly id: string; readonly name?: string | undefined },
>(idWidth: number, nameWidth: number): Column<T>[] {
  return [
    { title: 'colId', width: idWidth, cell: (entity) => [code(entity.id)] },
    { title: 'colName', width: nameWidth, cell: (entity) => cell(entity.name) },
  ];
}

/** A table of counts: one line per element, its count right-aligned. */
export function countTable(
  ctx: DatContext,
  id: string,
  caption: LocalizedText,
  counts: readonly (readonly [label: string, count: number])[],
): Block {
  return tableOf(
    ctx,
    {
      id,
      caption,
      columns: [
        { title: 'colElement', width: 3, cell: ([label]) => [label] },
        { title: 'colCount', width: 1, align: 'right', cell: ([, count]) => [num(ctx, count)] },
      ],
    },
    counts,
  );
}

/**
 * Something some entities lack, and where in the model to declare it. `what` may take the
 * number of entities concerned; `idOf` names an entity in the callout (its id by default).
 */
export interface Gap<T> {
  readonly lacks: (entity: T) => boolean;
  readonly what: LocalizedText | ((count: string) => LocalizedText);
  readonly where: string;
  readonly idOf?: (entity: T) => string;
}

/** A "to be completed" callout for each gap that some entities have, naming them. */
export function gapTodos<T extends { readonly id: string }>(
  ctx: DatContext,
  entities: readonly T[],
  gaps: readonly Gap<T>[],
): Block[] {
  const blocks: Block[] = [];
  for (const gap of gaps) {
    const idOf = gap.idOf ?? ((entity: T) => entity.id);
    const ids = entities.filter(gap.lacks).map(idOf);
    if (ids.length === 0) continue;
    const what = typeof gap.what === 'function' ? gap.what(num(ctx, ids.length)) : gap.what;
    blocks.push(todo(ctx, what, gap.where, ids));
  }
  return blocks;
}

/** A table that, when the model declares no row, is a "to be completed" callout instead. */
export interface TableOrTodo<T> extends TableSpec<T> {
  /** What the model lacks when it declares no row, and where to declare it. */
  readonly none: { readonly what: LocalizedText; readonly where: string };
  /** A paragraph before the table. */
  readonly intro?: LocalizedText;
  readonly gaps?: readonly Gap<T>[];
}

/**
 * The table of some entities (after its intro, if any) or, when the model declares none, a
 * "to be completed" callout saying where to declare them; after the table, a "to be completed"
 * callout for each gap that some entities have, naming them.
 */
export function tableOrTodo<T extends { readonly id: string }>(
  ctx: DatContext,
  entities: readonly T[],
  spec: TableOrTodo<T>,
): Block[] {
  if (entities.length === 0) return [todo(ctx, spec.none.what, spec.none.where)];
  return [
    ...(spec.intro === undefined ? [] : [paragraph(ctx.t(spec.intro))]),
    tableOf(ctx, spec, entities),
    ...gapTodos(ctx, entities, spec.gaps ?? []),
  ];
}
