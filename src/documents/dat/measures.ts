/**
 * Section 12 of the DAT: security measures — the 42 measures of the ANSSI hygiene guide with
 * the status the model declares, what the model itself shows, the effective status and a
 * score per chapter; then the model's measures mapped to no hygiene measure.
 */
import type { BaselineItem, EffectiveStatus } from '../../design/cp1/baseline.js';
import { HYGIENE_CHAPTERS } from '../../design/cp1/data/anssi-hygiene.js';
import { STATUS_LABELS } from '../../design/cp1/report-ebios.js';
import { bold, code, type Block, type Inline, type Inlines } from '../model.js';
import { callout, cell, col, num, paragraph, section, table, todo } from './common.js';
import type { DatContext } from './context.js';
import { DAT_TEXTS } from './texts.js';

const capital = (value: string): string => value.charAt(0).toUpperCase() + value.slice(1);

const percent = (part: number, whole: number): number =>
  whole === 0 ? 0 : Math.round((100 * part) / whole);

function chapterTable(ctx: DatContext): Block {
  const items = ctx.input.baseline.items;
  const count = (list: readonly BaselineItem[], status: EffectiveStatus): number =>
    list.filter((i) => i.effective === status).length;
  const rows = HYGIENE_CHAPTERS.map((chapter) => {
    const own = items.filter((i) => i.measure.chapter === chapter.id);
    const applicable = own.length - count(own, 'not-applicable');
    return [
      [`${chapter.id}. ${ctx.t(chapter.title)}`],
      [num(ctx, own.length)],
      [num(ctx, count(own, 'implemented'))],
      [num(ctx, count(own, 'partial'))],
      [num(ctx, count(own, 'planned'))],
      [num(ctx, count(own, 'not-implemented'))],
      [num(ctx, count(own, 'unknown'))],
      [`${String(percent(count(own, 'implemented'), applicable))} %`],
    ];
  });
  const right = (title: string, width = 0.8) => col(title, width, 'right');
  return table(
    'table-baseline-chapters',
    ctx.t(DAT_TEXTS.captionBaselineChapters),
    [
      col(ctx.t(DAT_TEXTS.colChapter), 3),
      right(ctx.t(DAT_TEXTS.colMeasures)),
      right(capital(ctx.t(STATUS_LABELS.implemented))),
      right(capital(ctx.t(STATUS_LABELS.partial))),
      right(capital(ctx.t(STATUS_LABELS.planned))),
      right(capital(ctx.t(STATUS_LABELS['not-implemented']))),
      right(capital(ctx.t(STATUS_LABELS.unknown))),
      right(ctx.t(DAT_TEXTS.colScore)),
    ],
    rows,
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
    if (measure?.evidence !== undefined)
      add(code(id), `${ctx.fr ? ' : ' : ': '}${measure.evidence}`);
  }
  for (const evidence of item.evidence)
    add(evidence.effect === 'contradicts' ? bold('✗') : '✓', ` ${ctx.t(evidence.text)}.`);
  return parts.length === 0 ? ['–'] : parts;
}

function measureTable(ctx: DatContext): Block {
  return table(
    'table-baseline',
    ctx.t(DAT_TEXTS.captionBaseline),
    [
      col('#', 0.4, 'right'),
      col(ctx.t(DAT_TEXTS.colMeasure), 2.6),
      col(ctx.t(DAT_TEXTS.colDeclared), 1.2),
      col(ctx.t(DAT_TEXTS.colEffective), 0.9),
      col(ctx.t(DAT_TEXTS.colEvidence), 4),
    ],
    ctx.input.baseline.items.map((item) => [
      [String(item.measure.number)],
      [ctx.t(item.measure.title)],
      item.declared === undefined
        ? ['–']
        : [
            ctx.t(STATUS_LABELS[item.declared]),
            ' (',
            ...item.declaredBy.flatMap((id, i) => [i === 0 ? '' : ', ', code(id)]),
            ')',
          ],
      [
        item.contradicted
          ? bold(ctx.t(STATUS_LABELS[item.effective]))
          : ctx.t(STATUS_LABELS[item.effective]),
      ],
      evidenceCell(ctx, item),
    ]),
    true,
  );
}

function otherMeasures(ctx: DatContext): Block[] {
  const others = ctx.input.model.measures.filter((m) => m.hygiene === undefined);
  if (others.length === 0) return [];
  return [
    section('measures-other', ctx.t(DAT_TEXTS.titleOtherMeasures), [
      table(
        'table-other-measures',
        ctx.t(DAT_TEXTS.captionOtherMeasures),
        [
          col(ctx.t(DAT_TEXTS.colId), 1.4),
          col(ctx.t(DAT_TEXTS.colName), 2),
          col('ISO 27002', 0.9),
          col(ctx.t(DAT_TEXTS.colStatus), 0.9),
          col(ctx.t(DAT_TEXTS.colEvidence), 3),
        ],
        others.map((m) => [
          [code(m.id)],
          cell(m.name),
          cell(m.iso27002?.join(', ')),
          [ctx.t(STATUS_LABELS[m.status])],
          cell(m.evidence),
        ]),
        true,
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
