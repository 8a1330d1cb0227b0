/**
 * Small builders the DAT sections share: blocks, "to be completed" callouts, cells, references
 * to where an entity is described, dates and support status.
 */
import type { Finding } from '../../design/findings.js';
import { severityLabel, statusLabel } from '../../design/output/findings-text.js';
import type { LocalizedText } from '../../design/text.js';
import type { Diagram } from '../../presentation/diagram-provider.js';
import type { Block, Inline, Inlines, TableColumn } from '../model.js';
import { code, ref } from '../model.js';
import type { DatContext } from './context.js';
import { DAT_TEXTS } from './texts.js';

export const section = (
  id: string,
  title: string,
  children: readonly Block[],
  appendix = false,
): Block => ({ kind: 'section', id, title, children, ...(appendix ? { appendix } : {}) });

export const paragraph = (...content: Inline[]): Block => ({ kind: 'paragraph', content });

export const list = (items: readonly Inlines[], ordered = false): Block => ({
  kind: 'list',
  items,
  ...(ordered ? { ordered } : {}),
});

export function table(
  id: string,
  caption: string,
  columns: readonly TableColumn[],
  rows: readonly (readonly Inlines[])[],
  dense = false,
): Block {
  return { kind: 'table', id, caption: [caption], columns, rows, ...(dense ? { dense } : {}) };
}

export const col = (title: string, width = 1, align?: TableColumn['align']): TableColumn =>
  align === undefined ? { title, width } : { title, width, align };

/**
 * A "to be completed" callout: what the model lacks (with the entities concerned, if any) and
 * where in the model to declare it.
 */
export function todo(
  ctx: DatContext,
  what: LocalizedText,
  where: string,
  ids?: readonly string[],
): Block {
  const content: Inline[] = [ctx.t(what)];
  if (ids !== undefined && ids.length > 0) content.push(colon(ctx), ...someIds(ids));
  content.push('. ', ctx.t(DAT_TEXTS.fillIn), ' ', code(where), '.');
  return { kind: 'callout', tone: 'todo', content };
}

/** A figure showing a diagram, with its caption. */
export const figure = (id: string, diagram: Diagram, caption: string): Block => ({
  kind: 'figure',
  id,
  svg: diagram.svg,
  width: diagram.width,
  height: diagram.height,
  caption: [caption],
  alt: diagram.alt,
});

/** `: ` in English, ` : ` in French (typography turns the space into a no-break one). */
export const colon = (ctx: DatContext): string => (ctx.fr ? ' : ' : ': ');

export const callout = (
  tone: 'info' | 'warning' | 'danger' | 'success',
  ...content: Inline[]
): Block => ({ kind: 'callout', tone, content });

/** A cell of plain text (empty when missing: a dash). */
export const cell = (value: string | undefined): Inlines => [
  value === undefined || value === '' ? '–' : value,
];

/** A cell with identifiers in monospace, comma-separated. */
export function idsCell(ids: readonly string[] | undefined): Inlines {
  if (ids === undefined || ids.length === 0) return ['–'];
  const result: Inline[] = [];
  ids.forEach((id, i) => {
    if (i > 0) result.push(', ');
    result.push(code(id));
  });
  return result;
}

/** At most `limit` ids, then "… (+n)". */
export function someIds(ids: readonly string[], limit = 12): Inlines {
  if (ids.length <= limit) return idsCell(ids);
  return [...idsCell(ids.slice(0, limit)), `, … (+${String(ids.length - limit)})`];
}

/** Yes / no / not stated. */
export function yesNo(ctx: DatContext, value: boolean | undefined): string {
  if (value === undefined) return ctx.t(DAT_TEXTS.notStated);
  return ctx.t(value ? DAT_TEXTS.yes : DAT_TEXTS.no);
}

const NUMBER = {
  en: new Intl.NumberFormat('en-GB'),
  fr: new Intl.NumberFormat('fr-FR'),
} as const;

/** A count in the document's language (`5,000` / `5 000`). */
export const num = (ctx: DatContext, value: number): string => NUMBER[ctx.locale].format(value);

/** Where an entity is described in the DAT (a section or table id), for cross-references. */
export function targetOf(ctx: DatContext, id: string): string | undefined {
  switch (ctx.kindOf(id)) {
    case 'asset': {
      const zone = ctx.input.graph.asset(id)?.zone;
      return zone !== undefined && ctx.index.assetsByZone.has(zone)
        ? `inventory-${zone}`
        : 'inventory-unzoned';
    }
    case 'flow':
      return 'table-flows';
    case 'zone':
      return 'table-zones';
    case 'site':
      return 'table-sites';
    case 'identity':
      return 'table-identities';
    case 'process':
      return 'table-processes';
    case 'data':
      return 'table-data';
    case 'backup':
      return 'table-backups';
    case 'measure':
      return 'table-baseline';
    case 'decision':
      return 'table-decisions';
    case undefined:
      return undefined;
  }
}

/** An entity id in monospace, followed by a reference to where the DAT describes it. */
export function entityRef(ctx: DatContext, id: string): Inline[] {
  const target = targetOf(ctx, id);
  return target === undefined ? [code(id)] : [ref(id, target)];
}

/** Support status of software from its end date, against the analysis date. */
export function supportStatus(ctx: DatContext, supportEnd: string | undefined): string {
  if (supportEnd === undefined) return ctx.t(DAT_TEXTS.supportUnknown);
  if (supportEnd < ctx.input.today) return ctx.t(DAT_TEXTS.supportEnded(supportEnd));
  if (supportEnd < addMonths(ctx.input.today, 12))
    return ctx.t(DAT_TEXTS.supportEnding(supportEnd));
  return ctx.t(DAT_TEXTS.supportUntil(supportEnd));
}

/** An ISO date moved by months (UTC, no clock). */
export function addMonths(date: string, months: number): string {
  const moved = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(moved.getTime())) return date;
  moved.setUTCMonth(moved.getUTCMonth() + months);
  return moved.toISOString().slice(0, 10);
}

export const severityCell = (ctx: DatContext, finding: Finding): Inlines => [
  severityLabel(finding.severity, ctx.locale),
];

/**
 * A table of findings (severity, finding, entities, detail, status), most severe first as
 * `input.findings` already is.
 */
export function findingsTable(
  ctx: DatContext,
  id: string,
  caption: string,
  findings: readonly Finding[],
): Block {
  return table(
    id,
    caption,
    [
      col(ctx.t(DAT_TEXTS.colSeverity), 0.8),
      col(ctx.t(DAT_TEXTS.colFinding), 2.4),
      col(ctx.t(DAT_TEXTS.colDetail), 3.4),
      col(ctx.t(DAT_TEXTS.colStatus), 1),
    ],
    findings.map((f) => [
      severityCell(ctx, f),
      [f.title, ' ', code(f.id)],
      [f.detail],
      [statusLabel(f, ctx.locale)],
    ]),
    true,
  );
}

/** Family tables list at most this many findings; the findings section has them all. */
export const MAX_FAMILY_FINDINGS = 25;

/**
 * Findings of some rule families (the most severe first, at most `MAX_FAMILY_FINDINGS`, the
 * rest counted with a reference to the findings section), or a callout saying there are none.
 */
export function familyFindings(
  ctx: DatContext,
  id: string,
  caption: string,
  families: readonly Finding['family'][],
): Block[] {
  const wanted = new Set(families);
  const findings = ctx.input.findings.filter((f) => wanted.has(f.family));
  if (findings.length === 0) return [callout('success', ctx.t(DAT_TEXTS.noFindingsOfFamily))];
  const blocks = [findingsTable(ctx, id, caption, findings.slice(0, MAX_FAMILY_FINDINGS))];
  if (findings.length > MAX_FAMILY_FINDINGS)
    blocks.push(
      callout(
        'info',
        ctx.t(DAT_TEXTS.moreFindings(num(ctx, findings.length - MAX_FAMILY_FINDINGS))),
        ' ',
        ref(ctx.t(DAT_TEXTS.allFindings), 'findings-open'),
        '.',
      ),
    );
  return blocks;
}

/** The last subsection of a DAT section: the findings of its rule families. */
export function familyFindingsSection(
  ctx: DatContext,
  id: string,
  tableId: string,
  caption: LocalizedText,
  families: readonly Finding['family'][],
): Block {
  return section(
    id,
    ctx.t(DAT_TEXTS.titleFamilyFindings),
    familyFindings(ctx, tableId, ctx.t(caption), families),
  );
}
