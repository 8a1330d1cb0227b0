/**
 * Section 11 of the DAT: logging and supervision — the collectors, what each asset logs and
 * where it sends it, how long it is kept, and the gaps against the ANSSI logging guide.
 */
import { durationMinutes } from '../../domain/duration.js';
import type { Asset, AssetKind } from '../../domain/model/index.js';
import { code, link, type Block } from '../model.js';
import {
  callout,
  cell,
  col,
  entityRef,
  familyFindings,
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
import { ASSET_KIND_LABELS, DAT_TEXTS } from './texts.js';

const YEAR = 525_600;
const COLLECTOR_KINDS: readonly AssetKind[] = ['siem', 'log-collector'];

/** Kinds whose logs the ANSSI logging guide asks for: servers, security and network devices. */
const MUST_LOG: readonly AssetKind[] = [
  'server',
  'virtual-machine',
  'hypervisor',
  'admin-workstation',
  'firewall',
  'router',
  'vpn-gateway',
  'proxy',
  'reverse-proxy',
  'load-balancer',
  'ids',
  'directory',
  'application',
  'web-application',
  'database',
  'file-server',
  'mail-server',
  'storage',
  'backup-server',
  'scada',
  'historian',
  'ot-gateway',
];

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
    (a) => COLLECTOR_KINDS.includes(a.kind) || senders.has(a.id),
  );
  if (collectors.length === 0)
    return [
      todo(
        ctx,
        DAT_TEXTS.todoCollector,
        'assets[].kind: siem | log-collector, assets[].logging.sendsTo',
      ),
    ];
  return [
    table(
      'table-collectors',
      ctx.t(DAT_TEXTS.captionCollectors),
      [
        col(ctx.t(DAT_TEXTS.colAsset), 1.8),
        col(ctx.t(DAT_TEXTS.colKind), 1.1),
        col(ctx.t(DAT_TEXTS.colZone), 1.3),
        col(ctx.t(DAT_TEXTS.colSenders), 0.9, 'right'),
        col(ctx.t(DAT_TEXTS.colRetention), 0.9),
        col(ctx.t(DAT_TEXTS.colForwardsTo), 1.3),
      ],
      collectors.map((a) => [
        entityRef(ctx, a.id),
        [ctx.t(ASSET_KIND_LABELS[a.kind])],
        cell(a.zone),
        [num(ctx, senders.get(a.id) ?? 0)],
        cell(a.logging?.retention),
        a.logging?.sendsTo === undefined ? ['–'] : [code(a.logging.sendsTo)],
      ]),
      true,
    ),
  ];
}

function sourcesBlocks(ctx: DatContext): Block[] {
  return tableOrTodo(
    ctx,
    ctx.input.model.assets.filter((a) => a.logging !== undefined),
    { what: DAT_TEXTS.todoLogging, where: 'assets[].logging' },
    (logged) =>
      table(
        'table-log-sources',
        ctx.t(DAT_TEXTS.captionLogSources),
        [
          col(ctx.t(DAT_TEXTS.colAsset), 1.8),
          col(ctx.t(DAT_TEXTS.colKind), 1.1),
          col(ctx.t(DAT_TEXTS.colLogSources), 2),
          col(ctx.t(DAT_TEXTS.colSentTo), 1.3),
          col(ctx.t(DAT_TEXTS.colRetentionChain), 1.4),
        ],
        logged.map((a) => {
          const { retention } = chainOf(ctx, a);
          return [
            [code(a.id)],
            [ctx.t(ASSET_KIND_LABELS[a.kind])],
            idsCell(a.logging?.sources),
            a.logging?.sendsTo === undefined
              ? [ctx.t(DAT_TEXTS.notCentralised)]
              : [code(a.logging.sendsTo)],
            retention === undefined
              ? [ctx.t(DAT_TEXTS.notStated)]
              : [
                  retention.keptOn === a.id
                    ? retention.text
                    : `${retention.text} (${retention.keptOn})`,
                ],
          ];
        }),
        true,
      ),
  );
}

function gapsBlocks(ctx: DatContext): Block[] {
  const { model } = ctx.input;
  const silent = model.assets
    .filter((a) => MUST_LOG.includes(a.kind) && a.logging === undefined)
    .map((a) => a.id);
  const collectors = new Set(
    model.assets.filter((a) => COLLECTOR_KINDS.includes(a.kind)).map((a) => a.id),
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
        callout(
          'warning',
          `${label} (${num(ctx, ids.length)})${ctx.fr ? ' : ' : ': '}`,
          ...someIds(ids, 15),
        ),
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
