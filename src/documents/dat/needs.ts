/**
 * Section 2 (context and security needs, from CP1), section 3 (regulations) and the appendix of
 * every propagated need.
 */
import { compareIds } from '../../domain/compare.js';
import {
  CRITERION_LABELS,
  type NeedLevels,
  type SupportingAssetNeeds,
} from '../../design/cp1/needs-report.js';
import { text } from '../../design/text.js';
import { SEVERITY_SCALE } from '../../design/cp1/ebios.js';
import { APPLICABILITY, dicp } from '../../design/cp1/report-needs.js';
import {
  NEED_CRITERIA,
  SPECIAL_PERSONAL_DATA,
  nameOf,
  type DataSet,
  type NeedCriterion,
  type Process,
} from '../../domain/model/index.js';
import type { DiagramProvider } from '../../presentation/diagram-provider.js';
import { bold, code, ref, type Block, type Inline, type Inlines } from '../model.js';
import {
  callout,
  cell,
  entityRef,
  figure,
  idsCell,
  num,
  paragraph,
  section,
  someIds,
  todo,
} from './common.js';
import type { DatContext } from './context.js';
import { idAndNameColumns, tableOf, tableOrTodo, type Column } from './tables.js';
import { ASSET_KIND_LABELS, CLASSIFICATION_LABELS, DAT_TEXTS } from './texts.js';

/** How many supporting assets section 2 lists (the rest are in the appendix). */
const TOP_ASSETS = 15;

const maxLevel = (levels: NeedLevels): number => Math.max(...NEED_CRITERIA.map((c) => levels[c]));
const sumLevels = (levels: NeedLevels): number =>
  NEED_CRITERIA.reduce((sum, c) => sum + levels[c], 0);

function processBlocks(ctx: DatContext): Block[] {
  return tableOrTodo(ctx, ctx.input.model.processes, {
    id: 'table-processes',
    caption: DAT_TEXTS.captionProcesses,
    dense: true,
    columns: [
      ...idAndNameColumns(1.6, 1.9),
      {
        title: 'colOwner',
        width: 1.4,
        cell: (p) => (p.owner === undefined ? ['–'] : [ctx.nameOf(p.owner)]),
      },
      { title: 'colDicp', width: 1.3, cell: (p) => [dicp(ctx.levels(p.id))] },
      { title: 'colRto', width: 0.6, cell: (p) => cell(p.rto) },
      { title: 'colRpo', width: 0.6, cell: (p) => cell(p.rpo) },
      { title: 'colMtpd', width: 0.7, cell: (p) => cell(p.mtpd) },
      { title: 'colMbco', width: 2.8, cell: (p) => cell(p.mbco) },
    ],
    none: { what: DAT_TEXTS.todoProcesses, where: 'processes.yaml → processes' },
    gaps: [
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
  });
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
  return tableOrTodo(ctx, ctx.input.model.data, {
    id: 'table-data',
    caption: DAT_TEXTS.captionData,
    dense: true,
    columns: [
      ...idAndNameColumns(1.8, 1.9),
      {
        title: 'colClassification',
        width: 1.2,
        cell: (d) =>
          cell(
            d.classification === undefined
              ? undefined
              : ctx.t(CLASSIFICATION_LABELS[d.classification]),
          ),
      },
      { title: 'colPersonal', width: 2.2, cell: (d) => personalCell(ctx, d) },
      { title: 'colDicp', width: 1.3, cell: (d) => [dicp(ctx.levels(d.id))] },
      { title: 'colStoredOn', width: 2, cell: (d) => idsCell(d.storedOn) },
    ],
    none: { what: DAT_TEXTS.todoData, where: 'data.yaml → data' },
    gaps: [
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
  });
}

function fearedEventBlocks(ctx: DatContext): Block[] {
  const events = ctx.input.ebios.fearedEvents.filter((e) => e.severity === 4);
  const serious = ctx.input.ebios.fearedEvents.filter((e) => e.severity === 3).length;
  if (events.length === 0) return [callout('info', ctx.t(DAT_TEXTS.noFearedEvents))];
  return [
    paragraph(ctx.t(DAT_TEXTS.fearedIntro)),
    tableOf(
      ctx,
      {
        id: 'table-feared-events',
        caption: DAT_TEXTS.captionFeared,
        dense: true,
        columns: [
          { title: 'colBusinessValue', width: 1.4, cell: (e) => [code(e.businessValue)] },
          { title: 'colCriterion', width: 1, cell: (e) => [ctx.t(CRITERION_LABELS[e.criterion])] },
          { title: 'colSeverity', width: 1, cell: (e) => [ctx.t(SEVERITY_SCALE[e.severity])] },
          { title: 'colFearedEvent', width: 3, cell: (e) => [ctx.t(e.text)] },
          { title: 'colImpacts', width: 2.6, cell: (e) => [ctx.t(e.impacts)] },
        ],
      },
      events,
    ),
    ...(serious > 0 ? [paragraph(ctx.t(DAT_TEXTS.seriousFeared(num(ctx, serious))))] : []),
  ];
}

/** The need the asset's levels come from: the first criterion at its highest level. */
function topNeed(
  asset: SupportingAssetNeeds,
  levels: NeedLevels,
): SupportingAssetNeeds['needs'][NeedCriterion] | undefined {
  const top = NEED_CRITERIA.find((c) => asset.needs[c].level === maxLevel(levels));
  return top === undefined ? undefined : asset.needs[top];
}

interface RankedAsset {
  readonly asset: SupportingAssetNeeds;
  readonly levels: NeedLevels;
}

function supportingAssetsBlocks(ctx: DatContext): Block[] {
  const { needsReport } = ctx.input;
  const ranked: RankedAsset[] = needsReport.assets
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
      tableOf(
        ctx,
        {
          id: 'table-needs-top',
          caption: DAT_TEXTS.captionNeedsTop,
          dense: true,
          columns: [
            { title: 'colAsset', width: 1.8, cell: ({ asset }) => entityRef(ctx, asset.id) },
            { title: 'colName', width: 2, cell: ({ asset }) => [asset.name] },
            { title: 'colZone', width: 1.3, cell: ({ asset }) => cell(asset.zone) },
            { title: 'colDicp', width: 1.3, cell: ({ levels }) => [dicp(levels)] },
            {
              title: 'colWhy',
              width: 3,
              cell: ({ asset, levels }) => {
                const why = topNeed(asset, levels)?.why;
                return cell(why === undefined ? undefined : ctx.t(why));
              },
            },
          ],
        },
        ranked,
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
  const figures: Block[] = [];
  if (critical !== undefined) {
    const diagram = await diagrams.process(critical.id);
    figures.push(
      paragraph(ctx.t(DAT_TEXTS.processFigureIntro(nameOf(critical)))),
      figure('figure-process', diagram, ctx.t(DAT_TEXTS.captionProcessFigure(nameOf(critical)))),
    );
  }
  return section('needs', ctx.t(DAT_TEXTS.titleNeeds), [
    paragraph(ctx.t(DAT_TEXTS.needsIntro)),
    section('needs-processes', ctx.t(DAT_TEXTS.titleProcesses), [
      ...processBlocks(ctx),
      ...figures,
    ]),
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
    tableOf(
      ctx,
      {
        id: 'table-regulations',
        caption: DAT_TEXTS.captionRegulations,
        columns: [
          { title: 'colRegulation', width: 2, cell: (r) => [bold(ctx.t(r.name))] },
          { title: 'colApplies', width: 0.8, cell: (r) => [ctx.t(APPLICABILITY[r.applies])] },
          { title: 'colQualifier', width: 1, cell: (r) => cell(r.qualifier) },
          {
            title: 'colReasons',
            width: 4,
            cell: (r) => [r.reasons.map((reason) => ctx.t(reason.text)).join('; ') || '–'],
          },
        ],
      },
      regulations,
    ),
  );
  for (const r of regulations) {
    if (r.applies === 'no') continue;
    const children: Block[] = [];
    if (r.applies === 'likely')
      children.push(callout('warning', ctx.t(DAT_TEXTS.regulationLikely)));
    if (r.obligations.length > 0)
      children.push(
        tableOf(
          ctx,
          {
            id: `table-obligations-${r.id}`,
            caption: DAT_TEXTS.captionObligations(ctx.t(r.name)),
            columns: [
              { title: 'colObligation', width: 4, cell: (o) => [ctx.t(o.text)] },
              { title: 'colReference', width: 1.2, cell: (o) => [o.reference] },
              { title: 'colDeadline', width: 0.8, cell: (o) => cell(o.deadline) },
            ],
          },
          r.obligations,
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
  const levelColumns = NEED_CRITERIA.map((c): Column<SupportingAssetNeeds> => ({
    title: text(CRITERION_LABELS[c].en.slice(0, 1), CRITERION_LABELS[c].fr.slice(0, 1)),
    width: 0.3,
    align: 'center',
    cell: (a) => {
      const level = ctx.levels(a.id)[c];
      return [level === 0 ? '–' : String(level)];
    },
  }));
  if (needsReport.assets.length > 0)
    blocks.push(
      tableOf(
        ctx,
        {
          id: 'table-needs-all',
          caption: DAT_TEXTS.captionNeedsAll,
          dense: true,
          columns: [
            { title: 'colAsset', width: 1.8, cell: (a) => entityRef(ctx, a.id) },
            { title: 'colKind', width: 1.1, cell: (a) => [kindLabel(ctx, a.id, a.assetKind)] },
            { title: 'colZone', width: 1.3, cell: (a) => cell(a.zone) },
            ...levelColumns,
            {
              title: 'colSource',
              width: 1.6,
              cell: (a) => {
                const source = topNeed(a, ctx.levels(a.id))?.source;
                return source === undefined ? ['–'] : [code(source)];
              },
            },
            { title: 'colSupports', width: 2.6, cell: (a) => someIds(a.supports, 8) },
          ],
        },
        needsReport.assets,
      ),
    );
  if (needsReport.unrated.length > 0)
    blocks.push(paragraph(ctx.t(DAT_TEXTS.unratedCount(num(ctx, needsReport.unrated.length)))));
  return section('appendix-needs', ctx.t(DAT_TEXTS.titleAppendixNeeds), blocks, true);
}
