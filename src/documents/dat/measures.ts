/**
 * Section 12 of the DAT: security measures — the 42 measures of the ANSSI hygiene guide with
 * the status the model declares, what the model itself shows, the effective status and a
 * score per chapter; then the model's measures mapped to no hygiene measure.
 */
import type { BaselineItem, EffectiveStatus } from '../../design/cp1/baseline.js';
import { HYGIENE_CHAPTERS } from '../../design/cp1/data/anssi-hygiene.js';
import { STATUS_LABELS } from '../../design/cp1/report-ebios.js';
import { bold, code, type Block, type Inline, type Inlines } from '../model.js';
import { text } from '../../design/text.js';
import { callout, cell, colon, num, paragraph, section, todo } from './common.js';
import type { DatContext } from './context.js';
import { idAndNameColumns, tableOf, type Column } from './tables.js';
import { DAT_TEXTS } from './texts.js';

const capital = (value: string): string => value.charAt(0).toUpperCase() + value.slice(1);

const percent = (part: number, whole: number): number =>
  whole === 0 ? 0 : Math.round((100 * part) / whole);

/** The statuses the chapter table counts, in its column order. */
const COUNTED: readonly EffectiveStatus[] = [
  'implemented',
  'partial',
  'planned',
  'not-implemented',
  'unknown',
];

function chapterTable(ctx: DatContext): Block {
  const items = ctx.input.baseline.items;
  const count = (list: readonly BaselineItem[], status: EffectiveStatus): number =>
    list.filter((i) => i.effective === status).length;
  const chapters = HYGIENE_CHAPTERS.map((chapter) => ({
    chapter,
    own: items.filter((i) => i.measure.chapter === chapter.id),
  }));
  type Chapter = (typeof chapters)[number];
  const statusColumns = COUNTED.map((status): Column<Chapter> => ({
    title: text(capital(STATUS_LABELS[status].en), capital(STATUS_LABELS[status].fr)),
    width: 0.8,
    align: 'right',
    cell: ({ own }) => [num(ctx, count(own, status))],
  }));
  return tableOf(
    ctx,
    {
      id: 'table-baseline-chapters',
      caption: DAT_TEXTS.captionBaselineChapters,
      columns: [
        {
          title: 'colChapter',
          width: 3,
          cell: ({ chapter }) => [`${chapter.id}. ${ctx.t(chapter.title)}`],
        },
        {
          title: 'colMeasures',
          width: 0.8,
          align: 'right',
          cell: ({ own }) => [num(ctx, own.length)],
        },
        ...statusColumns,
        {
          title: 'colScore',
          width: 0.8,
          align: 'right',
          cell: ({ own }) => {
            const applicable = own.length - count(own, 'not-applicable');
            return [`${String(percent(count(own, 'implemented'), applicable))} %`];
          },
        },
      ],
    },
    chapters,
  );
}

function evidenceCell(ctx: DatContext, item: BaselineItem): Inlines {
  const parts: Inline[] = [];
  const add = (...inlines: Inline[]): void => {
    if (parts.length > 0) parts.push(' ');
    parts.push(...inlines);
  };
  for (const id of item.declaredBy) {
    const measure = ctx.input.model.measures.find((m) => m.id === id);
    if (measure?.evidence !== undefined) add(code(id), `${colon(ctx)}${measure.evidence}`);
  }
  for (const evidence of item.evidence)
    add(evidence.effect === 'contradicts' ? bold('✗') : '✓', ` ${ctx.t(evidence.text)}.`);
  return parts.length === 0 ? ['–'] : parts;
}

function declaredCell(ctx: DatContext, item: BaselineItem): Inlines {
  if (item.declared === undefined) return ['–'];
  return [
    ctx.t(STATUS_LABELS[item.declared]),
    ' (',
    ...item.declaredBy.flatMap((id, i) => [i === 0 ? '' : ', ', code(id)]),
    ')',
  ];
}

function measureTable(ctx: DatContext): Block {
  return tableOf(
    ctx,
    {
      id: 'table-baseline',
      caption: DAT_TEXTS.captionBaseline,
      dense: true,
      columns: [
        {
          title: 'colNumber',
          width: 0.4,
          align: 'right',
          cell: (item) => [String(item.measure.number)],
        },
        { title: 'colMeasure', width: 2.6, cell: (item) => [ctx.t(item.measure.title)] },
        { title: 'colDeclared', width: 1.2, cell: (item) => declaredCell(ctx, item) },
        {
          title: 'colEffective',
          width: 0.9,
          cell: (item) => {
            const status = ctx.t(STATUS_LABELS[item.effective]);
            return [item.contradicted ? bold(status) : status];
          },
        },
        { title: 'colEvidence', width: 4, cell: (item) => evidenceCell(ctx, item) },
      ],
    },
    ctx.input.baseline.items,
  );
}

function otherMeasures(ctx: DatContext): Block[] {
  const others = ctx.input.model.measures.filter((m) => m.hygiene === undefined);
  if (others.length === 0) return [];
  return [
    section('measures-other', ctx.t(DAT_TEXTS.titleOtherMeasures), [
      tableOf(
        ctx,
        {
          id: 'table-other-measures',
          caption: DAT_TEXTS.captionOtherMeasures,
          dense: true,
          columns: [
            ...idAndNameColumns(1.4, 2),
            { title: 'colIso27002', width: 0.9, cell: (m) => cell(m.iso27002?.join(', ')) },
            { title: 'colStatus', width: 0.9, cell: (m) => [ctx.t(STATUS_LABELS[m.status])] },
            { title: 'colEvidence', width: 3, cell: (m) => cell(m.evidence) },
          ],
        },
        others,
      ),
    ]),
  ];
}

export function measuresSection(ctx: DatContext): Block {
  const { baseline, model } = ctx.input;
  const s = baseline.score;
  const blocks: Block[] = [
    paragraph(ctx.t(DAT_TEXTS.measuresIntro)),
    paragraph(
      ctx.t(
        DAT_TEXTS.baselineScore(
          num(ctx, s.implemented),
          num(ctx, s.applicable),
          String(s.percent),
          String(s.weightedPercent),
        ),
      ),
    ),
  ];
  if (model.measures.length === 0)
    blocks.push(todo(ctx, DAT_TEXTS.todoMeasures, 'measures.yaml → measures'));
  const unknown = baseline.items
    .filter((i) => i.effective === 'unknown')
    .map((i) => String(i.measure.number));
  if (unknown.length > 0 && model.measures.length > 0)
    blocks.push(
      todo(
        ctx,
        DAT_TEXTS.todoUnknownMeasures(num(ctx, unknown.length)),
        'measures.yaml → measures[].hygiene, status',
        unknown,
      ),
    );
  if (s.contradicted > 0)
    blocks.push(
      callout('warning', ctx.t(DAT_TEXTS.contradictedMeasures(num(ctx, s.contradicted)))),
    );
  return section('measures', ctx.t(DAT_TEXTS.titleMeasures), [
    ...blocks,
    section('measures-chapters', ctx.t(DAT_TEXTS.titleChapters), [chapterTable(ctx)]),
    section('measures-list', ctx.t(DAT_TEXTS.titleHygieneMeasures), [measureTable(ctx)]),
    ...otherMeasures(ctx),
  ]);
}
