/**
 * Section 2 (context and security needs, from CP1), section 3 (regulations) and the appendix of
 * every propagated need.
 */
import { compareIds } from '../../domain/compare.js';
import { CRITERION_LABELS, type NeedLevels } from '../../design/cp1/needs-report.js';
import { SEVERITY_SCALE } from '../../design/cp1/ebios.js';
import { APPLICABILITY, dicp } from '../../design/cp1/report-needs.js';
import {
  NEED_CRITERIA,
  SPECIAL_PERSONAL_DATA,
  type DataSet,
  type Process,
} from '../../domain/model/index.js';
import type { DiagramProvider } from '../../presentation/diagram-provider.js';
import { bold, code, ref, type Block, type Inline, type Inlines } from '../model.js';
import {
  callout,
  cell,
  col,
  entityRef,
  idsCell,
  num,
  paragraph,
  section,
  someIds,
  table,
  tableOrTodo,
  todo,
} from './common.js';
import type { DatContext } from './context.js';
import { ASSET_KIND_LABELS, CLASSIFICATION_LABELS, DAT_TEXTS } from './texts.js';

/** How many supporting assets section 2 lists (the rest are in the appendix). */
const TOP_ASSETS = 15;

const maxLevel = (levels: NeedLevels): number => Math.max(...NEED_CRITERIA.map((c) => levels[c]));
const sumLevels = (levels: NeedLevels): number =>
  NEED_CRITERIA.reduce((sum, c) => sum + levels[c], 0);

function processBlocks(ctx: DatContext): Block[] {
  return tableOrTodo(
    ctx,
    ctx.input.model.processes,
    { what: DAT_TEXTS.todoProcesses, where: 'processes.yaml → processes' },
    (processes) =>
      table(
        'table-processes',
        ctx.t(DAT_TEXTS.captionProcesses),
        [
          col(ctx.t(DAT_TEXTS.colId), 1.6),
          col(ctx.t(DAT_TEXTS.colName), 1.9),
          col(ctx.t(DAT_TEXTS.colOwner), 1.4),
          col('DICP', 1.3),
          col('RTO', 0.6),
          col('RPO', 0.6),
          col('MTPD', 0.7),
          col('MBCO', 2.8),
        ],
        processes.map((p) => [
          [code(p.id)],
          cell(p.name),
          p.owner === undefined ? ['–'] : [ctx.nameOf(p.owner)],
          [dicp(ctx.levels(p.id))],
          cell(p.rto),
          cell(p.rpo),
          cell(p.mtpd),
          cell(p.mbco),
        ]),
        true,
      ),
    [
      {
        lacks: (p) =>
          p.needs === undefined ||
          p.rto === undefined ||
          p.rpo === undefined ||
          p.mtpd === undefined,
        what: DAT_TEXTS.todoProcessFields,
        where: 'processes.yaml → processes',
      },
      {
        lacks: (p) => (p.assets ?? []).length === 0 && (p.data ?? []).length === 0,
        what: DAT_TEXTS.todoProcessSupport,
        where: 'processes.yaml → processes[].assets, data',
      },
    ],
  );
}

/** The process whose interruption hurts most: highest availability, then integrity, then id. */
function mostCritical(ctx: DatContext, processes: readonly Process[]): Process | undefined {
  let best: Process | undefined;
  let bestKey = -1;
  for (const p of processes) {
    const l = ctx.levels(p.id);
    const key = l.availability * 100 + l.integrity * 10 + sumLevels(l) / 10;
    if (key > bestKey) {
      best = p;
      bestKey = key;
    }
  }
  return best;
}

function personalCell(ctx: DatContext, data: DataSet): Inlines {
  const personal = data.personal;
  if (personal === undefined) return [ctx.t(DAT_TEXTS.no)];
  const special: readonly string[] = SPECIAL_PERSONAL_DATA;
  const result: Inline[] = [];
  personal.categories.forEach((c, i) => {
    if (i > 0) result.push(', ');
    result.push(special.includes(c) ? bold(`${c} (art. 9)`) : c);
  });
  if (personal.subjects !== undefined)
    result.push(` — ${ctx.t(DAT_TEXTS.subjects(num(ctx, personal.subjects)))}`);
  return result;
}

function dataBlocks(ctx: DatContext): Block[] {
  return tableOrTodo(
    ctx,
    ctx.input.model.data,
    { what: DAT_TEXTS.todoData, where: 'data.yaml → data' },
    (data) =>
      table(
        'table-data',
        ctx.t(DAT_TEXTS.captionData),
        [
          col(ctx.t(DAT_TEXTS.colId), 1.8),
          col(ctx.t(DAT_TEXTS.colName), 1.9),
          col(ctx.t(DAT_TEXTS.colClassification), 1.2),
          col(ctx.t(DAT_TEXTS.colPersonal), 2.2),
          col('DICP', 1.3),
          col(ctx.t(DAT_TEXTS.colStoredOn), 2),
        ],
        data.map((d) => [
          [code(d.id)],
          cell(d.name),
          cell(
            d.classification === undefined
              ? undefined
              : ctx.t(CLASSIFICATION_LABELS[d.classification]),
          ),
          personalCell(ctx, d),
          [dicp(ctx.levels(d.id))],
          idsCell(d.storedOn),
        ]),
        true,
      ),
    [
      {
        lacks: (d) => d.needs === undefined,
        what: DAT_TEXTS.todoDataNeeds,
        where: 'data.yaml → data[].needs',
      },
      {
        lacks: (d) => (d.storedOn ?? []).length === 0,
        what: DAT_TEXTS.todoDataStored,
        where: 'data.yaml → data[].storedOn',
      },
    ],
  );
}

function fearedEventBlocks(ctx: DatContext): Block[] {
  const events = ctx.input.ebios.fearedEvents.filter((e) => e.severity === 4);
  const serious = ctx.input.ebios.fearedEvents.filter((e) => e.severity === 3).length;
  if (events.length === 0) return [callout('info', ctx.t(DAT_TEXTS.noFearedEvents))];
  return [
    paragraph(ctx.t(DAT_TEXTS.fearedIntro)),
    table(
      'table-feared-events',
      ctx.t(DAT_TEXTS.captionFeared),
      [
        col(ctx.t(DAT_TEXTS.colBusinessValue), 1.4),
        col(ctx.t(DAT_TEXTS.colCriterion), 1),
        col(ctx.t(DAT_TEXTS.colSeverity), 1),
        col(ctx.t(DAT_TEXTS.colFearedEvent), 3),
        col(ctx.t(DAT_TEXTS.colImpacts), 2.6),
      ],
      events.map((e) => [
        [code(e.businessValue)],
        [ctx.t(CRITERION_LABELS[e.criterion])],
        [ctx.t(SEVERITY_SCALE[e.severity])],
        [ctx.t(e.text)],
        [ctx.t(e.impacts)],
      ]),
      true,
    ),
    ...(serious > 0 ? [paragraph(ctx.t(DAT_TEXTS.seriousFeared(num(ctx, serious))))] : []),
  ];
}

function supportingAssetsBlocks(ctx: DatContext): Block[] {
  const { needsReport } = ctx.input;
  const ranked = needsReport.assets
    .map((a) => ({ asset: a, levels: ctx.levels(a.id) }))
    .sort(
      (a, b) =>
        maxLevel(b.levels) - maxLevel(a.levels) ||
        sumLevels(b.levels) - sumLevels(a.levels) ||
        compareIds(a.asset.id, b.asset.id),
    )
    .slice(0, TOP_ASSETS);
  const blocks: Block[] = [
    paragraph(
      ctx.t(
        DAT_TEXTS.supportingIntro(num(ctx, needsReport.assets.length), num(ctx, ranked.length)),
      ),
      ' ',
      ref('', 'appendix-needs'),
      '.',
    ),
  ];
  if (ranked.length > 0)
    blocks.push(
      table(
        'table-needs-top',
        ctx.t(DAT_TEXTS.captionNeedsTop),
        [
          col(ctx.t(DAT_TEXTS.colAsset), 1.8),
          col(ctx.t(DAT_TEXTS.colName), 2),
          col(ctx.t(DAT_TEXTS.colZone), 1.3),
          col('DICP', 1.3),
          col(ctx.t(DAT_TEXTS.colWhy), 3),
        ],
        ranked.map(({ asset, levels }) => {
          const top = NEED_CRITERIA.find((c) => asset.needs[c].level === maxLevel(levels));
          const why = top === undefined ? undefined : asset.needs[top].why;
          return [
            entityRef(ctx, asset.id),
            [asset.name],
            cell(asset.zone),
            [dicp(levels)],
            cell(why === undefined ? undefined : ctx.t(why)),
          ];
        }),
        true,
      ),
    );
  if (needsReport.unrated.length > 0)
    blocks.push(
      todo(
        ctx,
        DAT_TEXTS.todoUnrated(num(ctx, needsReport.unrated.length)),
        'processes.yaml → processes[].assets, data.yaml → data[].storedOn',
        needsReport.unrated,
      ),
    );
  return blocks;
}

export async function needsSection(ctx: DatContext, diagrams: DiagramProvider): Promise<Block> {
  const critical = mostCritical(ctx, ctx.input.model.processes);
  const figure: Block[] = [];
  if (critical !== undefined) {
    const diagram = await diagrams.process(critical.id);
    figure.push(paragraph(ctx.t(DAT_TEXTS.processFigureIntro(critical.name ?? critical.id))), {
      kind: 'figure',
      id: 'figure-process',
      svg: diagram.svg,
      width: diagram.width,
      height: diagram.height,
      caption: [ctx.t(DAT_TEXTS.captionProcessFigure(critical.name ?? critical.id))],
      alt: diagram.alt,
    });
  }
  return section('needs', ctx.t(DAT_TEXTS.titleNeeds), [
    paragraph(ctx.t(DAT_TEXTS.needsIntro)),
    section('needs-processes', ctx.t(DAT_TEXTS.titleProcesses), [...processBlocks(ctx), ...figure]),
    section('needs-data', ctx.t(DAT_TEXTS.titleData), dataBlocks(ctx)),
    section('needs-feared', ctx.t(DAT_TEXTS.titleFeared), fearedEventBlocks(ctx)),
    section('needs-assets', ctx.t(DAT_TEXTS.titleSupporting), supportingAssetsBlocks(ctx)),
  ]);
}

export function regulationsSection(ctx: DatContext): Block {
  const { regulations, model } = ctx.input;
  const blocks: Block[] = [paragraph(ctx.t(DAT_TEXTS.regulationsIntro))];
  if (model.organisation?.regulatory === undefined)
    blocks.push(todo(ctx, DAT_TEXTS.todoRegulatory, 'organisation.yaml → organisation.regulatory'));
  blocks.push(
    table(
      'table-regulations',
      ctx.t(DAT_TEXTS.captionRegulations),
      [
        col(ctx.t(DAT_TEXTS.colRegulation), 2),
        col(ctx.t(DAT_TEXTS.colApplies), 0.8),
        col(ctx.t(DAT_TEXTS.colQualifier), 1),
        col(ctx.t(DAT_TEXTS.colReasons), 4),
      ],
      regulations.map((r) => [
        [bold(ctx.t(r.name))],
        [ctx.t(APPLICABILITY[r.applies])],
        cell(r.qualifier),
        [r.reasons.map((reason) => ctx.t(reason.text)).join('; ') || '–'],
      ]),
    ),
  );
  for (const r of regulations) {
    if (r.applies === 'no') continue;
    const children: Block[] = [];
    if (r.applies === 'likely')
      children.push(callout('warning', ctx.t(DAT_TEXTS.regulationLikely)));
    if (r.obligations.length > 0)
      children.push(
        table(
          `table-obligations-${r.id}`,
          ctx.t(DAT_TEXTS.captionObligations(ctx.t(r.name))),
          [
            col(ctx.t(DAT_TEXTS.colObligation), 4),
            col(ctx.t(DAT_TEXTS.colReference), 1.2),
            col(ctx.t(DAT_TEXTS.colDeadline), 0.8),
          ],
          r.obligations.map((o) => [[ctx.t(o.text)], [o.reference], cell(o.deadline)]),
        ),
      );
    blocks.push(section(`regulation-${r.id}`, ctx.t(r.name), children));
  }
  return section('regulations', ctx.t(DAT_TEXTS.titleRegulations), blocks);
}

const kindLabel = (ctx: DatContext, id: string, fallback: string): string => {
  const kind = ctx.input.graph.asset(id)?.kind;
  return kind === undefined ? fallback : ctx.t(ASSET_KIND_LABELS[kind]);
};

export function needsAppendix(ctx: DatContext): Block {
  const { needsReport } = ctx.input;
  const blocks: Block[] = [paragraph(ctx.t(DAT_TEXTS.appendixNeedsIntro))];
  if (needsReport.assets.length > 0)
    blocks.push(
      table(
        'table-needs-all',
        ctx.t(DAT_TEXTS.captionNeedsAll),
        [
          col(ctx.t(DAT_TEXTS.colAsset), 1.8),
          col(ctx.t(DAT_TEXTS.colKind), 1.1),
          col(ctx.t(DAT_TEXTS.colZone), 1.3),
          ...NEED_CRITERIA.map((c) => col(ctx.t(CRITERION_LABELS[c]).slice(0, 1), 0.3, 'center')),
          col(ctx.t(DAT_TEXTS.colSource), 1.6),
          col(ctx.t(DAT_TEXTS.colSupports), 2.6),
        ],
        needsReport.assets.map((a) => {
          const levels = ctx.levels(a.id);
          const top = NEED_CRITERIA.find((c) => a.needs[c].level === maxLevel(levels));
          const source = top === undefined ? undefined : a.needs[top].source;
          return [
            entityRef(ctx, a.id),
            [kindLabel(ctx, a.id, a.assetKind)],
            cell(a.zone),
            ...NEED_CRITERIA.map((c) => [levels[c] === 0 ? '–' : String(levels[c])]),
            source === undefined ? ['–'] : [code(source)],
            someIds(a.supports, 8),
          ];
        }),
        true,
      ),
    );
  if (needsReport.unrated.length > 0)
    blocks.push(paragraph(ctx.t(DAT_TEXTS.unratedCount(num(ctx, needsReport.unrated.length)))));
  return section('appendix-needs', ctx.t(DAT_TEXTS.titleAppendixNeeds), blocks, true);
}
