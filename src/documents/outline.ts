/**
 * Numbering of a document's sections, tables and figures, shared by every renderer so that the
 * table of contents, cross-references and captions agree across formats. Sections are numbered
 * 1, 1.1, 1.1.1…; appendix sections A, A.1…; tables and figures 1, 2… in document order. Pure.
 */
import type { Block, ReportDocument } from './model.js';

export interface OutlineEntry {
  readonly id: string;
  /** "2.3" or "A.1". */
  readonly number: string;
  readonly title: string;
  /** 1 for top-level sections. */
  readonly level: number;
  readonly appendix: boolean;
}

export interface Outline {
  /** Sections in document order. */
  readonly sections: readonly OutlineEntry[];
  /** Section, table or figure id → its number ("2.3", or "4" for the 4th table). */
  readonly numbers: ReadonlyMap<string, string>;
  /** The number of each table and figure block, by identity (ids are optional on them). */
  readonly tableNumber: (block: Block) => number | undefined;
  readonly figureNumber: (block: Block) => number | undefined;
}

const letter = (n: number): string => String.fromCharCode(64 + n);

export function outline(document: ReportDocument): Outline {
  const sections: OutlineEntry[] = [];
  const numbers = new Map<string, string>();
  const tables = new Map<Block, number>();
  const figures = new Map<Block, number>();
  let topLevel = 0;
  let appendices = 0;

  const walk = (blocks: readonly Block[], prefix: string, level: number, inAppendix: boolean) => {
    let counter = 0;
    for (const block of blocks) {
      if (block.kind === 'section') {
        let number: string;
        const appendix = inAppendix || (level === 1 && block.appendix === true);
        if (level === 1) {
          if (appendix) number = letter(++appendices);
          else number = String(++topLevel);
        } else number = `${prefix}.${String(++counter)}`;
        sections.push({ id: block.id, number, title: block.title, level, appendix });
        numbers.set(block.id, number);
        walk(block.children, number, level + 1, appendix);
      } else if (block.kind === 'table') {
        const n = tables.size + 1;
        tables.set(block, n);
        if (block.id !== undefined) numbers.set(block.id, String(n));
      } else if (block.kind === 'figure') {
        const n = figures.size + 1;
        figures.set(block, n);
        if (block.id !== undefined) numbers.set(block.id, String(n));
      }
    }
  };
  walk(document.blocks, '', 1, false);
  return {
    sections,
    numbers,
    tableNumber: (block) => tables.get(block),
    figureNumber: (block) => figures.get(block),
  };
}
