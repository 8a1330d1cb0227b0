/**
 * Section 7 of the DAT: the flow matrix. Every flow of the model with its endpoints,
 * protocol and port, encryption, authentication, data carried and filtering devices.
 */
import { severityLabel } from '../../design/output/findings-text.js';
import { filteringDevices, isAssetKind } from '../../model/predicates.js';
import { FILTERING_KINDS, hasDeclaredEncryption, type Flow } from '../../domain/model/index.js';
import { bold, code, type Block, type Inline, type Inlines } from '../model.js';
import { idsCell, num, paragraph, section, todo } from './common.js';
import type { DatContext } from './context.js';
import { countTable, gapTodos, tableOf } from './tables.js';
import { DAT_TEXTS } from './texts.js';

/**
 * True when a flow goes from one zone to another, neither enclosing the other, through no
 * filtering device (firewall, VPN gateway, proxy, OT gateway), and neither endpoint is one.
 */
export function isUnfiltered(ctx: DatContext, flow: Flow): boolean {
  const { graph } = ctx.input;
  if (filteringDevices(graph, flow).length > 0) return false;
  if (
    isAssetKind(graph, flow.from, FILTERING_KINDS) ||
    isAssetKind(graph, flow.to, FILTERING_KINDS)
  )
    return false;
  const from = ctx.index.zonesOf(flow.from);
  const to = ctx.index.zonesOf(flow.to);
  const [source, target] = [from[0], to[0]];
  if (source === undefined || target === undefined || source === target) return false;
  return !from.includes(target) && !to.includes(source);
}

export function protocolText(flow: Flow): string {
  const transport = flow.transport === undefined ? '' : `/${flow.transport}`;
  const port = flow.port === undefined ? '' : ` ${String(flow.port)}${transport}`;
  return `${flow.protocol}${port}${flow.bidirectional === true ? ' ↔' : ''}`;
}

export function encryptionText(ctx: DatContext, flow: Flow): Inlines {
  if (flow.encryption === undefined) return [ctx.t(DAT_TEXTS.notStated)];
  if (flow.encryption === 'none') return [bold(ctx.t(DAT_TEXTS.cleartext))];
  return [flow.encryption];
}

export function authenticationText(ctx: DatContext, flow: Flow): Inlines {
  if (flow.authentication === undefined) return [ctx.t(DAT_TEXTS.notStated)];
  if (flow.authentication === 'none') return [ctx.t(DAT_TEXTS.noAuthentication)];
  return [flow.authentication];
}

function viaCell(ctx: DatContext, flow: Flow, unfiltered: boolean): Inlines {
  const via = (flow.via ?? []).length > 0 ? idsCell(flow.via) : [];
  if (!unfiltered) return via.length > 0 ? via : ['–'];
  const flag = bold(ctx.t(DAT_TEXTS.noFiltering));
  return via.length > 0 ? [...via, ' — ', flag] : [flag];
}

function findingsCell(ctx: DatContext, flow: Flow): Inlines {
  const open = (ctx.index.findingsInvolving.get(flow.id) ?? []).filter((f) => f.status === 'open');
  const worst = open[0];
  return worst === undefined
    ? ['–']
    : [`${num(ctx, open.length)} (${severityLabel(worst.severity, ctx.locale)})`];
}

function summary(ctx: DatContext, unfilteredIds: ReadonlySet<string>): Block {
  const { flows } = ctx.input.model;
  const count = (test: (flow: Flow) => boolean): number => flows.filter(test).length;
  return countTable(ctx, 'table-flow-summary', DAT_TEXTS.captionFlowSummary, [
    [ctx.t(DAT_TEXTS.flowsTotal), flows.length],
    [ctx.t(DAT_TEXTS.flowsEncrypted), count(hasDeclaredEncryption)],
    [ctx.t(DAT_TEXTS.flowsCleartext), count((f) => f.encryption === 'none')],
    [ctx.t(DAT_TEXTS.flowsEncryptionUnknown), count((f) => f.encryption === undefined)],
    [
      ctx.t(DAT_TEXTS.flowsNoAuth),
      count((f) => f.authentication === undefined || f.authentication === 'none'),
    ],
    [ctx.t(DAT_TEXTS.flowsUnfiltered), unfilteredIds.size],
    [ctx.t(DAT_TEXTS.flowsFromInternet), count((f) => ctx.index.isInternet(f.from))],
    [ctx.t(DAT_TEXTS.flowsWithData), count((f) => (f.data ?? []).length > 0)],
  ]);
}

function idCell(flow: Flow): Inlines {
  const result: Inline[] = [code(flow.id)];
  if (flow.name !== undefined) result.push(` — ${flow.name}`);
  return result;
}

export function flowsSection(ctx: DatContext): Block {
  const { flows } = ctx.input.model;
  if (flows.length === 0)
    return section('flows', ctx.t(DAT_TEXTS.titleFlows), [
      todo(ctx, DAT_TEXTS.todoFlows, 'flows.yaml → flows'),
    ]);
  const unfiltered = new Set(flows.filter((f) => isUnfiltered(ctx, f)).map((f) => f.id));
  const blocks: Block[] = [
    paragraph(ctx.t(DAT_TEXTS.flowsIntro)),
    summary(ctx, unfiltered),
    ...gapTodos(ctx, flows, [
      {
        lacks: (f) => f.encryption === undefined,
        what: DAT_TEXTS.todoFlowEncryption,
        where: 'flows.yaml → flows[].encryption',
      },
      {
        lacks: (f) => f.authentication === undefined,
        what: DAT_TEXTS.todoFlowAuthentication,
        where: 'flows.yaml → flows[].authentication',
      },
    ]),
    tableOf(
      ctx,
      {
        id: 'table-flows',
        caption: DAT_TEXTS.captionFlows,
        dense: true,
        columns: [
          { title: 'colFlow', width: 2.4, cell: idCell },
          { title: 'colSource', width: 1.4, cell: (flow) => [code(flow.from)] },
          { title: 'colDestination', width: 1.4, cell: (flow) => [code(flow.to)] },
          { title: 'colProtocol', width: 1.1, cell: (flow) => [protocolText(flow)] },
          {
            title: 'colEncryptionAuth',
            width: 1.4,
            cell: (flow) => [...encryptionText(ctx, flow), ' · ', ...authenticationText(ctx, flow)],
          },
          { title: 'colDataCarried', width: 1.6, cell: (flow) => idsCell(flow.data) },
          {
            title: 'colVia',
            width: 1.3,
            cell: (flow) => viaCell(ctx, flow, unfiltered.has(flow.id)),
          },
          { title: 'colOpenFindings', width: 1.1, cell: (flow) => findingsCell(ctx, flow) },
        ],
      },
      flows,
    ),
  ];
  return section('flows', ctx.t(DAT_TEXTS.titleFlows), blocks);
}
