/**
 * Section 11 of the DAT: logging and supervision — the collectors, what each asset logs and
 * where it sends it, how long it is kept, and the gaps against the ANSSI logging guide.
 */
import { durationMinutes } from '../../domain/duration.js';
import { lacksNeededLogs, LOG_COLLECTOR_KINDS, type Asset } from '../../domain/model/index.js';
import { code, link, type Block } from '../model.js';
import {
  callout,
  cell,
  colon,
  entityRef,
  familyFindings,
  idsCell,
  num,
  paragraph,
  section,
  someIds,
  todo,
} from './common.js';
import type { DatContext } from './context.js';
import { tableOrTodo } from './tables.js';
import { ASSET_KIND_LABELS, DAT_TEXTS } from './texts.js';

const YEAR = 525_600;

interface Retention {
  readonly minutes: number;
  readonly text: string;
  readonly keptOn: string;
}

/** The longest retention along asset → collector → …, and the last collector reached. */
function chainOf(
  ctx: DatContext,
  asset: Asset,
): { retention: Retention | undefined; central: string | undefined } {
  const { graph } = ctx.input;
  let retention: Retention | undefined;
  let central: string | undefined;
  const seen = new Set<string>();
  for (let current: Asset | undefined = asset; current !== undefined;) {
    if (seen.has(current.id)) break;
    seen.add(current.id);
    const text = current.logging?.retention;
    const value = text === undefined ? Number.NaN : durationMinutes(text);
    if (
      text !== undefined &&
      !Number.isNaN(value) &&
      (retention === undefined || value > retention.minutes)
    )
      retention = { minutes: value, text, keptOn: current.id };
    const next: string | undefined = current.logging?.sendsTo;
    if (next !== undefined) central = next;
    current = next === undefined ? undefined : graph.asset(next);
  }
  return { retention, central };
}

function collectorsBlocks(ctx: DatContext): Block[] {
  const { model } = ctx.input;
  const senders = new Map<string, number>();
  for (const asset of model.assets) {
    const to = asset.logging?.sendsTo;
    if (to !== undefined) senders.set(to, (senders.get(to) ?? 0) + 1);
  }
  const collectors = model.assets.filter(
    (a) => LOG_COLLECTOR_KINDS.includes(a.kind) || senders.has(a.id),
  );
  return tableOrTodo(ctx, collectors, {
    id: 'table-collectors',
    caption: DAT_TEXTS.captionCollectors,
    dense: true,
    columns: [
      { title: 'colAsset', width: 1.8, cell: (a) => entityRef(ctx, a.id) },
      { title: 'colKind', width: 1.1, cell: (a) => [ctx.t(ASSET_KIND_LABELS[a.kind])] },
      { title: 'colZone', width: 1.3, cell: (a) => cell(a.zone) },
      {
        title: 'colSenders',
        width: 0.9,
        align: 'right',
        cell: (a) => [num(ctx, senders.get(a.id) ?? 0)],
      },
      { title: 'colRetention', width: 0.9, cell: (a) => cell(a.logging?.retention) },
      { title: 'colForwardsTo', width: 1.3, cell: (a) => idsCell(sendsTo(a)) },
    ],
    none: {
      what: DAT_TEXTS.todoCollector,
      where: 'assets[].kind: siem | log-collector, assets[].logging.sendsTo',
    },
  });
}

const sendsTo = (asset: Asset): string[] =>
  asset.logging?.sendsTo === undefined ? [] : [asset.logging.sendsTo];

function retentionCell(ctx: DatContext, asset: Asset): string {
  const { retention } = chainOf(ctx, asset);
  if (retention === undefined) return ctx.t(DAT_TEXTS.notStated);
  return retention.keptOn === asset.id ? retention.text : `${retention.text} (${retention.keptOn})`;
}

function sourcesBlocks(ctx: DatContext): Block[] {
  return tableOrTodo(
    ctx,
    ctx.input.model.assets.filter((a) => a.logging !== undefined),
    {
      id: 'table-log-sources',
      caption: DAT_TEXTS.captionLogSources,
      dense: true,
      columns: [
        { title: 'colAsset', width: 1.8, cell: (a) => [code(a.id)] },
        { title: 'colKind', width: 1.1, cell: (a) => [ctx.t(ASSET_KIND_LABELS[a.kind])] },
        { title: 'colLogSources', width: 2, cell: (a) => idsCell(a.logging?.sources) },
        {
          title: 'colSentTo',
          width: 1.3,
          cell: (a) =>
            a.logging?.sendsTo === undefined
              ? [ctx.t(DAT_TEXTS.notCentralised)]
              : [code(a.logging.sendsTo)],
        },
        { title: 'colRetentionChain', width: 1.4, cell: (a) => [retentionCell(ctx, a)] },
      ],
      none: { what: DAT_TEXTS.todoLogging, where: 'assets[].logging' },
    },
  );
}

function gapsBlocks(ctx: DatContext): Block[] {
  const { model } = ctx.input;
  const silent = model.assets.filter(lacksNeededLogs).map((a) => a.id);
  const collectors = new Set(
    model.assets.filter((a) => LOG_COLLECTOR_KINDS.includes(a.kind)).map((a) => a.id),
  );
  const local: string[] = [];
  const short: string[] = [];
  const noRetention: string[] = [];
  for (const asset of model.assets) {
    if (asset.logging === undefined) continue;
    const { retention, central } = chainOf(ctx, asset);
    if (central === undefined && !collectors.has(asset.id)) local.push(asset.id);
    if (retention === undefined) noRetention.push(asset.id);
    else if (retention.minutes < YEAR) short.push(asset.id);
  }
  const blocks: Block[] = [
    paragraph(
      ctx.t(DAT_TEXTS.loggingGuide),
      ' ',
      link(
        ctx.t(DAT_TEXTS.loggingGuideName),
        'https://cyber.gouv.fr/publications/recommandations-de-securite-pour-la-mise-en-oeuvre-dun-systeme-de-journalisation',
      ),
      '.',
    ),
  ];
  const warn = (label: string, ids: readonly string[]): void => {
    if (ids.length > 0)
      blocks.push(
        callout('warning', `${label} (${num(ctx, ids.length)})${colon(ctx)}`, ...someIds(ids, 15)),
      );
  };
  warn(ctx.t(DAT_TEXTS.gapSilent), silent);
  warn(ctx.t(DAT_TEXTS.gapLocal), local);
  warn(ctx.t(DAT_TEXTS.gapShortRetention), short);
  if (noRetention.length > 0)
    blocks.push(todo(ctx, DAT_TEXTS.todoRetention, 'assets[].logging.retention', noRetention));
  if (silent.length + local.length + short.length === 0)
    blocks.push(callout('success', ctx.t(DAT_TEXTS.noLoggingGap)));
  return blocks;
}

export function loggingSection(ctx: DatContext): Block {
  return section('logging', ctx.t(DAT_TEXTS.titleLogging), [
    paragraph(ctx.t(DAT_TEXTS.loggingIntro)),
    section('logging-collectors', ctx.t(DAT_TEXTS.titleCollectors), collectorsBlocks(ctx)),
    section('logging-sources', ctx.t(DAT_TEXTS.titleLogSources), sourcesBlocks(ctx)),
    section('logging-gaps', ctx.t(DAT_TEXTS.titleLoggingGaps), [
      ...gapsBlocks(ctx),
      ...familyFindings(ctx, 'table-logging-findings', ctx.t(DAT_TEXTS.captionLoggingFindings), [
        'logging',
      ]),
    ]),
  ]);
}
