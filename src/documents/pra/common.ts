/**
 * Small builders the PRA sections share: "to be completed" callouts, durations in the document's
 * language, counts, and long tables cut to a readable length.
 */
import type { LocalizedText } from '../../design/text.js';
import { code, type Block, type Inline, type Inlines, type TableColumn } from '../model.js';
import { callout, col, someIds, table } from '../dat/common.js';
import type { PraContext } from './context.js';
import { PRA_TEXTS } from './texts.js';

export { callout, cell, col, idsCell, list, paragraph, section, someIds } from '../dat/common.js';

/** `: ` in English, ` : ` in French. */
export const colon = (ctx: PraContext): string => (ctx.fr ? ' : ' : ': ');

/**
 * A "to be completed" callout: what the model lacks (with the entities concerned, if any) and
 * where in the model to declare it.
 */
export function todo(
  ctx: PraContext,
  what: LocalizedText,
  where: string,
  ids?: readonly string[],
): Block {
  const content: Inline[] = [ctx.t(what)];
  if (ids !== undefined && ids.length > 0) content.push(colon(ctx), ...someIds(ids));
  content.push('. ', ctx.t(PRA_TEXTS.fillIn), ' ', code(where), '.');
  return { kind: 'callout', tone: 'todo', content };
}

const NUMBER = {
  en: new Intl.NumberFormat('en-GB'),
  fr: new Intl.NumberFormat('fr-FR'),
} as const;

/** A count in the document's language. */
export const num = (ctx: PraContext, value: number): string => NUMBER[ctx.locale].format(value);

/** A duration in minutes as days, hours and minutes (`1 d 2 h 30 min`, `1 j 2 h 30 min`). */
export function span(ctx: PraContext, minutes: number): string {
  const rounded = Math.max(0, Math.round(minutes));
  const days = Math.floor(rounded / 1440);
  const hours = Math.floor((rounded % 1440) / 60);
  const rest = rounded % 60;
  const parts = [
    days > 0 ? `${String(days)} ${ctx.t(PRA_TEXTS.days)}` : '',
    hours > 0 ? `${String(hours)} h` : '',
    rest > 0 ? `${String(rest)} min` : '',
  ].filter((part) => part !== '');
  return parts.length === 0 ? '0 min' : parts.join(' ');
}

/** A duration cell, a dash when absent. */
export const spanCell = (ctx: PraContext, minutes: number | undefined | null): Inlines => [
  minutes === undefined || minutes === null ? '–' : span(ctx, minutes),
];

/** Rows of long tables beyond this are left out (with a note saying how many). */
export const MAX_ROWS = 150;

/**
 * A table of at most `MAX_ROWS` rows (the first ones), followed by a note when some were left
 * out.
 */
export function cappedTable(
  ctx: PraContext,
  id: string,
  caption: string,
  columns: readonly TableColumn[],
  rows: readonly (readonly Inlines[])[],
  dense = true,
  limit = MAX_ROWS,
): Block[] {
  const blocks: Block[] = [table(id, caption, columns, rows.slice(0, limit), dense)];
  if (rows.length > limit)
    blocks.push(
      callout('info', ctx.t(PRA_TEXTS.tableTruncated(num(ctx, limit), num(ctx, rows.length)))),
    );
  return blocks;
}

/** A column from a bilingual title. */
export const column = (
  ctx: PraContext,
  title: LocalizedText,
  width = 1,
  align?: TableColumn['align'],
): TableColumn => col(ctx.t(title), width, align);

/** The label of a severity, in the document's language. */
export function severityText(ctx: PraContext, severity: string): string {
  const labels: Readonly<Record<string, LocalizedText>> = {
    critical: { en: 'critical', fr: 'critique' },
    high: { en: 'high', fr: 'élevée' },
    medium: { en: 'medium', fr: 'moyenne' },
    low: { en: 'low', fr: 'faible' },
    info: { en: 'information', fr: 'information' },
  };
  const label = labels[severity];
  return label === undefined ? severity : ctx.t(label);
}

export const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low', 'info'];

/** A finding of one of the engines. */
export interface Flag {
  readonly code: string;
  readonly severity: string;
  readonly subjects: readonly string[];
  readonly message: LocalizedText;
}

/** Most severe first, then by first subject and code. */
export const bySeverity = (a: Flag, b: Flag): number =>
  SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
  (a.subjects[0] ?? '').localeCompare(b.subjects[0] ?? '') ||
  a.code.localeCompare(b.code);

/** The rows of a flags table: severity, message with its code, subjects. */
export function flagRows(ctx: PraContext, flags: readonly Flag[]): Inlines[][] {
  return [...flags]
    .sort(bySeverity)
    .map((f): Inlines[] => [
      [severityText(ctx, f.severity)],
      [ctx.t(f.message), ' ', code(f.code)],
      someIds(f.subjects, 6),
    ]);
}

/** The columns of a flags table. */
export const flagColumns = (ctx: PraContext): TableColumn[] => [
  column(ctx, PRA_TEXTS.colSeverity, 0.8),
  column(ctx, PRA_TEXTS.colFinding, 4),
  column(ctx, PRA_TEXTS.colSubjects, 1.6),
];
