/**
 * Section 8 of the DAT: the administration architecture — administration zones, administration
 * workstations and bastions, administration interfaces, administration flows, where the
 * administrators log in from, and the findings of the administration family.
 */
import {
  CLEARTEXT_ADMIN_PROTOCOLS,
  REMOTE_ADMIN_PROTOCOLS,
  USER_ZONE_KINDS,
  adminTargets,
  hasDeclaredEncryption,
  hasMfa,
  isPrivileged,
  type Asset,
  type Flow,
} from '../../domain/model/index.js';
import { code, type Block } from '../model.js';
import {
  callout,
  cell,
  entityRef,
  familyFindingsSection,
  idsCell,
  num,
  paragraph,
  section,
  todo,
  yesNo,
} from './common.js';
import type { DatContext } from './context.js';
import { authenticationText, encryptionText, protocolText } from './flows.js';
import { gapTodos, tableOf, tableOrTodo } from './tables.js';
import { ASSET_KIND_LABELS, IDENTITY_KIND_LABELS, DAT_TEXTS } from './texts.js';

/** Up to this many administration flows are listed one by one; above, per pair of zones. */
const MAX_LISTED_ADMIN_FLOWS = 100;

const BASTION = /\b(bastion|jump|rebond|pam)\b/i;

function isBastion(asset: Asset): boolean {
  return (
    BASTION.test(asset.id.replace(/-/g, ' ')) ||
    BASTION.test(asset.name ?? '') ||
    (asset.tags ?? []).some((t) => BASTION.test(t))
  );
}

const roleOf = (asset: Asset) =>
  asset.kind === 'admin-workstation'
    ? DAT_TEXTS.roleAdminWorkstation
    : isBastion(asset)
      ? DAT_TEXTS.roleBastion
      : DAT_TEXTS.roleInAdminZone;

function hostsBlocks(ctx: DatContext): Block[] {
  const { model } = ctx.input;
  const adminZones = model.zones.filter((z) => z.kind === 'admin');
  const blocks: Block[] = [];
  if (adminZones.length === 0)
    blocks.push(todo(ctx, DAT_TEXTS.todoAdminZone, 'zones.yaml → zones[].kind: admin'));
  const inAdminZone = new Set(
    adminZones.flatMap((z) => (ctx.index.assetsByZone.get(z.id) ?? []).map((a) => a.id)),
  );
  const hosts = model.assets.filter(
    (a) => a.kind === 'admin-workstation' || isBastion(a) || inAdminZone.has(a.id),
  );
  if (adminZones.length > 0)
    blocks.push(
      paragraph(
        ctx.t(DAT_TEXTS.adminZonesText(num(ctx, adminZones.length))),
        ...idsCell(adminZones.map((z) => z.id)),
        '.',
      ),
    );
  if (hosts.length > 0)
    blocks.push(
      tableOf(
        ctx,
        {
          id: 'table-admin-hosts',
          caption: DAT_TEXTS.captionAdminHosts,
          dense: true,
          columns: [
            { title: 'colAsset', width: 1.8, cell: (a) => entityRef(ctx, a.id) },
            { title: 'colName', width: 2, cell: (a) => cell(a.name) },
            { title: 'colKind', width: 1.2, cell: (a) => [ctx.t(ASSET_KIND_LABELS[a.kind])] },
            { title: 'colZone', width: 1.3, cell: (a) => cell(a.zone) },
            { title: 'colRole', width: 1.5, cell: (a) => [ctx.t(roleOf(a))] },
          ],
        },
        hosts,
      ),
    );
  if (!model.assets.some((a) => a.kind === 'admin-workstation' || isBastion(a)))
    blocks.push(
      todo(
        ctx,
        DAT_TEXTS.todoAdminWorkstations,
        'assets[].kind: admin-workstation, tags: [bastion]',
      ),
    );
  return blocks;
}

/** An administration interface of an asset, a row of the interfaces table. */
interface AdminInterfaceRow {
  readonly asset: Asset;
  readonly admin: NonNullable<Asset['adminInterfaces']>[number];
}

function interfacesBlocks(ctx: DatContext): Block[] {
  const assets = ctx.input.model.assets.filter((a) => (a.adminInterfaces ?? []).length > 0);
  const inUserZone = (id: string): boolean =>
    ctx.index.zonesOf(id).some((z) => {
      const kind = ctx.input.graph.zone(z)?.kind;
      return kind !== undefined && USER_ZONE_KINDS.includes(kind);
    });
  const remarks = ({ admin }: AdminInterfaceRow): string[] => {
    const from = admin.from ?? [];
    return [
      ...(from.some((id) => ctx.index.isInternet(id)) ? [ctx.t(DAT_TEXTS.fromInternet)] : []),
      ...(from.some(inUserZone) ? [ctx.t(DAT_TEXTS.fromUserZone)] : []),
      ...(CLEARTEXT_ADMIN_PROTOCOLS.includes(admin.protocol)
        ? [ctx.t(DAT_TEXTS.cleartextProtocol)]
        : []),
    ];
  };
  if (assets.length === 0)
    return [todo(ctx, DAT_TEXTS.todoAdminInterfaces, 'assets[].adminInterfaces')];
  const rows = assets.flatMap((asset) =>
    (asset.adminInterfaces ?? []).map((admin): AdminInterfaceRow => ({ asset, admin })),
  );
  return [
    tableOf(
      ctx,
      {
        id: 'table-admin-interfaces',
        caption: DAT_TEXTS.captionAdminInterfaces,
        dense: true,
        columns: [
          { title: 'colAsset', width: 1.8, cell: ({ asset }) => entityRef(ctx, asset.id) },
          {
            title: 'colProtocol',
            width: 1,
            cell: ({ admin }) => [
              admin.port === undefined ? admin.protocol : `${admin.protocol}/${String(admin.port)}`,
            ],
          },
          {
            title: 'colReachableFrom',
            width: 2,
            cell: ({ admin }) =>
              (admin.from ?? []).length === 0 ? [ctx.t(DAT_TEXTS.notStated)] : idsCell(admin.from),
          },
          { title: 'colMfa', width: 0.6, cell: ({ admin }) => [yesNo(ctx, admin.mfa)] },
          { title: 'colRemark', width: 2, cell: (row) => cell(remarks(row).join(', ')) },
        ],
      },
      rows,
    ),
    ...gapTodos(ctx, assets, [
      {
        lacks: (a) => (a.adminInterfaces ?? []).some((admin) => (admin.from ?? []).length === 0),
        what: DAT_TEXTS.todoAdminFrom,
        where: 'assets[].adminInterfaces[].from',
      },
    ]),
  ];
}

function flowsBlocks(ctx: DatContext): Block[] {
  const flows = ctx.input.model.flows.filter((f) => REMOTE_ADMIN_PROTOCOLS.includes(f.protocol));
  if (flows.length === 0) return [callout('info', ctx.t(DAT_TEXTS.noAdminFlows))];
  if (flows.length <= MAX_LISTED_ADMIN_FLOWS)
    return [
      tableOf(
        ctx,
        {
          id: 'table-admin-flows',
          caption: DAT_TEXTS.captionAdminFlows,
          dense: true,
          columns: [
            { title: 'colFlow', width: 1.8, cell: (f) => entityRef(ctx, f.id) },
            { title: 'colSource', width: 1.4, cell: (f) => [code(f.from)] },
            { title: 'colDestination', width: 1.4, cell: (f) => [code(f.to)] },
            { title: 'colProtocol', width: 1, cell: (f) => [protocolText(f)] },
            { title: 'colEncryption', width: 0.9, cell: (f) => encryptionText(ctx, f) },
            { title: 'colAuthentication', width: 0.9, cell: (f) => authenticationText(ctx, f) },
            { title: 'colVia', width: 1.2, cell: (f) => idsCell(f.via) },
          ],
        },
        flows,
      ),
    ];
  return [
    paragraph(ctx.t(DAT_TEXTS.adminFlowsAggregated(num(ctx, flows.length)))),
    aggregatedFlows(ctx, flows),
  ];
}

/** Administration flows of one source zone, destination zone and protocol. */
interface AdminFlowGroup {
  readonly from: string;
  readonly to: string;
  readonly protocol: string;
  count: number;
  clear: number;
}

/** Administration flows counted per source zone, destination zone and protocol. */
function aggregatedFlows(ctx: DatContext, flows: readonly Flow[]): Block {
  const groups = new Map<string, AdminFlowGroup>();
  for (const flow of flows) {
    const from = ctx.index.zonesOf(flow.from)[0] ?? flow.from;
    const to = ctx.index.zonesOf(flow.to)[0] ?? flow.to;
    const key = `${from}\u0000${to}\u0000${flow.protocol}`;
    const group = groups.get(key) ?? { from, to, protocol: flow.protocol, count: 0, clear: 0 };
    group.count += 1;
    if (!hasDeclaredEncryption(flow)) group.clear += 1;
    groups.set(key, group);
  }
  const rows = [...groups.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([, g]) => g);
  return tableOf(
    ctx,
    {
      id: 'table-admin-flows',
      caption: DAT_TEXTS.captionAdminFlowsAggregated,
      dense: true,
      columns: [
        { title: 'colSourceZone', width: 1.6, cell: (g) => [code(g.from)] },
        { title: 'colDestinationZone', width: 1.6, cell: (g) => [code(g.to)] },
        { title: 'colProtocol', width: 1, cell: (g) => [g.protocol] },
        { title: 'colFlows', width: 0.8, align: 'right', cell: (g) => [num(ctx, g.count)] },
        { title: 'colNotEncrypted', width: 0.8, align: 'right', cell: (g) => [num(ctx, g.clear)] },
      ],
    },
    rows,
  );
}

function accountsBlocks(ctx: DatContext): Block[] {
  const { graph, model } = ctx.input;
  return tableOrTodo(
    ctx,
    model.identities.filter((i) => isPrivileged(graph, i)),
    {
      id: 'table-admins',
      caption: DAT_TEXTS.captionAdmins,
      dense: true,
      columns: [
        { title: 'colIdentity', width: 1.6, cell: (i) => entityRef(ctx, i.id) },
        { title: 'colKind', width: 1, cell: (i) => [ctx.t(IDENTITY_KIND_LABELS[i.kind])] },
        { title: 'colMfa', width: 0.6, cell: (i) => [yesNo(ctx, hasMfa(graph, i))] },
        { title: 'colShared', width: 0.6, cell: (i) => [yesNo(ctx, i.shared ?? false)] },
        {
          title: 'colLoginFrom',
          width: 1.8,
          cell: (i) =>
            i.loginFrom === undefined ? [ctx.t(DAT_TEXTS.notStated)] : idsCell(i.loginFrom),
        },
        { title: 'colAdminOn', width: 2.2, cell: (i) => idsCell(adminTargets(i)) },
      ],
      none: { what: DAT_TEXTS.todoPrivileged, where: 'identities.yaml → identities[].privileged' },
      gaps: [
        {
          lacks: (i) => i.loginFrom === undefined && i.kind !== 'group',
          what: DAT_TEXTS.todoLoginFrom,
          where: 'identities.yaml → identities[].loginFrom',
        },
      ],
    },
  );
}

export function administrationSection(ctx: DatContext): Block {
  return section('administration', ctx.t(DAT_TEXTS.titleAdministration), [
    paragraph(ctx.t(DAT_TEXTS.administrationIntro)),
    section('administration-hosts', ctx.t(DAT_TEXTS.titleAdminHosts), hostsBlocks(ctx)),
    section(
      'administration-interfaces',
      ctx.t(DAT_TEXTS.titleAdminInterfaces),
      interfacesBlocks(ctx),
    ),
    section('administration-flows', ctx.t(DAT_TEXTS.titleAdminFlows), flowsBlocks(ctx)),
    section('administration-accounts', ctx.t(DAT_TEXTS.titleAdminAccounts), accountsBlocks(ctx)),
    familyFindingsSection(
      ctx,
      'administration-findings',
      'table-administration-findings',
      DAT_TEXTS.captionAdminFindings,
      ['administration'],
    ),
  ]);
}
