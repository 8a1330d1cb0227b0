/**
 * Section 8 of the DAT: the administration architecture — administration zones, administration
 * workstations and bastions, administration interfaces, administration flows, where the
 * administrators log in from, and the findings of the administration family.
 */
import {
  hasMfa,
  isPrivileged,
  type Asset,
  type Flow,
  type Protocol,
} from '../../domain/model/index.js';
import { code, type Block, type Inlines } from '../model.js';
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
  table,
  tableOrTodo,
  todo,
  yesNo,
} from './common.js';
import type { DatContext } from './context.js';
import { authenticationText, encryptionText, protocolText } from './flows.js';
import { ASSET_KIND_LABELS, IDENTITY_KIND_LABELS, DAT_TEXTS } from './texts.js';

/** Protocols used to administer systems (a flow speaking one is an administration flow). */
const ADMIN_FLOW_PROTOCOLS: readonly Protocol[] = ['ssh', 'telnet', 'rdp', 'vnc', 'winrm', 'snmp'];

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
      table(
        'table-admin-hosts',
        ctx.t(DAT_TEXTS.captionAdminHosts),
        [
          col(ctx.t(DAT_TEXTS.colAsset), 1.8),
          col(ctx.t(DAT_TEXTS.colName), 2),
          col(ctx.t(DAT_TEXTS.colKind), 1.2),
          col(ctx.t(DAT_TEXTS.colZone), 1.3),
          col(ctx.t(DAT_TEXTS.colRole), 1.5),
        ],
        hosts.map((a) => [
          entityRef(ctx, a.id),
          cell(a.name),
          [ctx.t(ASSET_KIND_LABELS[a.kind])],
          cell(a.zone),
          [
            ctx.t(
              a.kind === 'admin-workstation'
                ? DAT_TEXTS.roleAdminWorkstation
                : isBastion(a)
                  ? DAT_TEXTS.roleBastion
                  : DAT_TEXTS.roleInAdminZone,
            ),
          ],
        ]),
        true,
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

function interfacesBlocks(ctx: DatContext): Block[] {
  const assets = ctx.input.model.assets.filter((a) => (a.adminInterfaces ?? []).length > 0);
  if (assets.length === 0)
    return [todo(ctx, DAT_TEXTS.todoAdminInterfaces, 'assets[].adminInterfaces')];
  const userZone = (id: string): boolean =>
    ctx.index.zonesOf(id).some((z) => {
      const kind = ctx.input.graph.zone(z)?.kind;
      return kind === 'user' || kind === 'guest-wifi' || kind === 'wifi';
    });
  const rows: Inlines[][] = [];
  const noFrom: string[] = [];
  for (const asset of assets) {
    for (const admin of asset.adminInterfaces ?? []) {
      const from = admin.from ?? [];
      if (from.length === 0) noFrom.push(asset.id);
      const remarks: string[] = [];
      if (from.some((id) => ctx.index.isInternet(id))) remarks.push(ctx.t(DAT_TEXTS.fromInternet));
      if (from.some(userZone)) remarks.push(ctx.t(DAT_TEXTS.fromUserZone));
      if (admin.protocol === 'http' || admin.protocol === 'telnet' || admin.protocol === 'snmp')
        remarks.push(ctx.t(DAT_TEXTS.cleartextProtocol));
      rows.push([
        entityRef(ctx, asset.id),
        [admin.port === undefined ? admin.protocol : `${admin.protocol}/${String(admin.port)}`],
        from.length === 0 ? [ctx.t(DAT_TEXTS.notStated)] : idsCell(from),
        [yesNo(ctx, admin.mfa)],
        cell(remarks.join(', ')),
      ]);
    }
  }
  const blocks: Block[] = [
    table(
      'table-admin-interfaces',
      ctx.t(DAT_TEXTS.captionAdminInterfaces),
      [
        col(ctx.t(DAT_TEXTS.colAsset), 1.8),
        col(ctx.t(DAT_TEXTS.colProtocol), 1),
        col(ctx.t(DAT_TEXTS.colReachableFrom), 2),
        col('MFA', 0.6),
        col(ctx.t(DAT_TEXTS.colRemark), 2),
      ],
      rows,
      true,
    ),
  ];
  if (noFrom.length > 0)
    blocks.push(
      todo(ctx, DAT_TEXTS.todoAdminFrom, 'assets[].adminInterfaces[].from', [...new Set(noFrom)]),
    );
  return blocks;
}

function flowsBlocks(ctx: DatContext): Block[] {
  const flows = ctx.input.model.flows.filter((f) => ADMIN_FLOW_PROTOCOLS.includes(f.protocol));
  if (flows.length === 0) return [callout('info', ctx.t(DAT_TEXTS.noAdminFlows))];
  if (flows.length <= MAX_LISTED_ADMIN_FLOWS)
    return [
      table(
        'table-admin-flows',
        ctx.t(DAT_TEXTS.captionAdminFlows),
        [
          col(ctx.t(DAT_TEXTS.colFlow), 1.8),
          col(ctx.t(DAT_TEXTS.colSource), 1.4),
          col(ctx.t(DAT_TEXTS.colDestination), 1.4),
          col(ctx.t(DAT_TEXTS.colProtocol), 1),
          col(ctx.t(DAT_TEXTS.colEncryption), 0.9),
          col(ctx.t(DAT_TEXTS.colAuthentication), 0.9),
          col(ctx.t(DAT_TEXTS.colVia), 1.2),
        ],
        flows.map((f) => [
          entityRef(ctx, f.id),
          [code(f.from)],
          [code(f.to)],
          [protocolText(f)],
          encryptionText(ctx, f),
          authenticationText(ctx, f),
          idsCell(f.via),
        ]),
        true,
      ),
    ];
  return [
    paragraph(ctx.t(DAT_TEXTS.adminFlowsAggregated(num(ctx, flows.length)))),
    aggregatedFlows(ctx, flows),
  ];
}

/** Administration flows counted per source zone, destination zone and protocol. */
function aggregatedFlows(ctx: DatContext, flows: readonly Flow[]): Block {
  const groups = new Map<
    string,
    { from: string; to: string; protocol: string; count: number; clear: number }
  >();
  for (const flow of flows) {
    const from = ctx.index.zonesOf(flow.from)[0] ?? flow.from;
    const to = ctx.index.zonesOf(flow.to)[0] ?? flow.to;
    const key = `${from}\u0000${to}\u0000${flow.protocol}`;
    const group = groups.get(key) ?? { from, to, protocol: flow.protocol, count: 0, clear: 0 };
    group.count += 1;
    if (flow.encryption === undefined || flow.encryption === 'none') group.clear += 1;
    groups.set(key, group);
  }
  const rows = [...groups.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([, g]) => g);
  return table(
    'table-admin-flows',
    ctx.t(DAT_TEXTS.captionAdminFlowsAggregated),
    [
      col(ctx.t(DAT_TEXTS.colSourceZone), 1.6),
      col(ctx.t(DAT_TEXTS.colDestinationZone), 1.6),
      col(ctx.t(DAT_TEXTS.colProtocol), 1),
      col(ctx.t(DAT_TEXTS.colFlows), 0.8, 'right'),
      col(ctx.t(DAT_TEXTS.colNotEncrypted), 0.8, 'right'),
    ],
    rows.map((g) => [
      [code(g.from)],
      [code(g.to)],
      [g.protocol],
      [num(ctx, g.count)],
      [num(ctx, g.clear)],
    ]),
    true,
  );
}

function accountsBlocks(ctx: DatContext): Block[] {
  const { graph, model } = ctx.input;
  return tableOrTodo(
    ctx,
    model.identities.filter((i) => isPrivileged(graph, i)),
    { what: DAT_TEXTS.todoPrivileged, where: 'identities.yaml → identities[].privileged' },
    (admins) =>
      table(
        'table-admins',
        ctx.t(DAT_TEXTS.captionAdmins),
        [
          col(ctx.t(DAT_TEXTS.colIdentity), 1.6),
          col(ctx.t(DAT_TEXTS.colKind), 1),
          col('MFA', 0.6),
          col(ctx.t(DAT_TEXTS.colShared), 0.6),
          col(ctx.t(DAT_TEXTS.colLoginFrom), 1.8),
          col(ctx.t(DAT_TEXTS.colAdminOn), 2.2),
        ],
        admins.map((i) => [
          entityRef(ctx, i.id),
          [ctx.t(IDENTITY_KIND_LABELS[i.kind])],
          [yesNo(ctx, hasMfa(graph, i))],
          [yesNo(ctx, i.shared ?? false)],
          i.loginFrom === undefined ? [ctx.t(DAT_TEXTS.notStated)] : idsCell(i.loginFrom),
          idsCell((i.rights ?? []).filter((r) => r.level === 'admin').map((r) => r.on)),
        ]),
        true,
      ),
    [
      {
        lacks: (i) => i.loginFrom === undefined && i.kind !== 'group',
        what: DAT_TEXTS.todoLoginFrom,
        where: 'identities.yaml → identities[].loginFrom',
      },
    ],
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
    section(
      'administration-findings',
      ctx.t(DAT_TEXTS.titleFamilyFindings),
      familyFindings(ctx, 'table-administration-findings', ctx.t(DAT_TEXTS.captionAdminFindings), [
        'administration',
      ]),
    ),
  ]);
}
