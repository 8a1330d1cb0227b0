/**
 * Section 9 of the DAT: identities and access — accounts with their privileges, MFA and shared
 * use, third parties and their remote access, and the findings of the identity families.
 */
import { hasLeft, hasMfa, isPrivileged, nameOf, type Identity } from '../../domain/model/index.js';
import { bold, code, type Block, type Inline, type Inlines } from '../model.js';
import {
  callout,
  cell,
  col,
  familyFindings,
  idsCell,
  num,
  paragraph,
  section,
  table,
  todo,
  yesNo,
} from './common.js';
import type { DatContext } from './context.js';
import { IDENTITY_KIND_LABELS, DAT_TEXTS } from './texts.js';

function summary(ctx: DatContext): Block {
  const { graph, model, today } = ctx.input;
  const of = (kind: Identity['kind']): Identity[] =>
    model.identities.filter((i) => i.kind === kind);
  const people = of('group').reduce((sum, g) => sum + (g.count ?? 0), 0);
  const privileged = model.identities.filter((i) => isPrivileged(graph, i));
  const rows: [string, number][] = [
    [ctx.t(DAT_TEXTS.countPersons), of('person').length],
    [ctx.t(DAT_TEXTS.countGroups(num(ctx, people))), of('group').length],
    [ctx.t(DAT_TEXTS.countServiceAccounts), of('service-account').length],
    [ctx.t(DAT_TEXTS.countThirdParties), of('third-party').length],
    [ctx.t(DAT_TEXTS.countPrivileged), privileged.length],
    [ctx.t(DAT_TEXTS.countPrivilegedNoMfa), privileged.filter((i) => !hasMfa(graph, i)).length],
    [ctx.t(DAT_TEXTS.countShared), model.identities.filter((i) => i.shared === true).length],
    [ctx.t(DAT_TEXTS.countLeavers), model.identities.filter((i) => hasLeft(i, today)).length],
  ];
  return table(
    'table-identity-summary',
    ctx.t(DAT_TEXTS.captionIdentitySummary),
    [col(ctx.t(DAT_TEXTS.colElement), 3), col(ctx.t(DAT_TEXTS.colCount), 1, 'right')],
    rows.map(([label, count]) => [[label], [num(ctx, count)]]),
  );
}

function flags(ctx: DatContext, identity: Identity): Inlines {
  const parts: Inline[] = [];
  const add = (inline: Inline): void => {
    if (parts.length > 0) parts.push(', ');
    parts.push(inline);
  };
  if (isPrivileged(ctx.input.graph, identity)) add(bold(ctx.t(DAT_TEXTS.flagPrivileged)));
  if (identity.shared === true) add(bold(ctx.t(DAT_TEXTS.flagShared)));
  if (identity.left !== undefined && hasLeft(identity, ctx.input.today))
    add(bold(ctx.t(DAT_TEXTS.flagLeft(identity.left))));
  return parts.length === 0 ? ['–'] : parts;
}

function accountsTable(ctx: DatContext): Block {
  const { graph, model } = ctx.input;
  return table(
    'table-identities',
    ctx.t(DAT_TEXTS.captionIdentities),
    [
      col(ctx.t(DAT_TEXTS.colIdentity), 1.7),
      col(ctx.t(DAT_TEXTS.colName), 1.8),
      col(ctx.t(DAT_TEXTS.colKind), 1),
      col('MFA', 0.6),
      col(ctx.t(DAT_TEXTS.colFlags), 1.4),
      col(ctx.t(DAT_TEXTS.colMemberOf), 1.6),
      col(ctx.t(DAT_TEXTS.colLoginFrom), 1.6),
    ],
    model.identities.map((i) => [
      [code(i.id)],
      [
        nameOf(i),
        ...(i.kind === 'group' && i.count !== undefined ? [` (${num(ctx, i.count)})`] : []),
      ],
      [ctx.t(IDENTITY_KIND_LABELS[i.kind])],
      [
        i.mfa === undefined && !hasMfa(graph, i)
          ? ctx.t(DAT_TEXTS.notStated)
          : yesNo(ctx, hasMfa(graph, i)),
      ],
      flags(ctx, i),
      idsCell(i.memberOf),
      idsCell(i.loginFrom),
    ]),
    true,
  );
}

function thirdPartyBlocks(ctx: DatContext): Block[] {
  const { graph, model } = ctx.input;
  const parties = model.identities.filter(
    (i) => i.kind === 'third-party' || i.remoteAccess !== undefined,
  );
  if (parties.length === 0) return [callout('info', ctx.t(DAT_TEXTS.noThirdParties))];
  const blocks: Block[] = [
    table(
      'table-third-parties',
      ctx.t(DAT_TEXTS.captionThirdParties),
      [
        col(ctx.t(DAT_TEXTS.colIdentity), 1.6),
        col(ctx.t(DAT_TEXTS.colCompany), 1.4),
        col(ctx.t(DAT_TEXTS.colRemoteVia), 1.4),
        col(ctx.t(DAT_TEXTS.colAuthentication), 1),
        col(ctx.t(DAT_TEXTS.colPermanent), 0.8),
        col('MFA', 0.6),
        col(ctx.t(DAT_TEXTS.colRights), 2),
      ],
      parties.map((i) => [
        [code(i.id)],
        cell(i.company),
        i.remoteAccess === undefined ? ['–'] : [code(i.remoteAccess.via)],
        cell(i.remoteAccess?.authentication),
        [yesNo(ctx, i.remoteAccess?.permanent)],
        [yesNo(ctx, hasMfa(graph, i))],
        i.rights === undefined ? ['–'] : [i.rights.map((r) => `${r.on} (${r.level})`).join(', ')],
      ]),
      true,
    ),
  ];
  const noAccess = parties
    .filter((i) => i.kind === 'third-party' && i.remoteAccess === undefined)
    .map((i) => i.id);
  if (noAccess.length > 0)
    blocks.push(
      todo(
        ctx,
        DAT_TEXTS.todoRemoteAccess,
        'identities.yaml → identities[].remoteAccess',
        noAccess,
      ),
    );
  return blocks;
}

export function identitiesSection(ctx: DatContext): Block {
  const { model } = ctx.input;
  if (model.identities.length === 0)
    return section('identities', ctx.t(DAT_TEXTS.titleIdentities), [
      todo(ctx, DAT_TEXTS.todoIdentities, 'identities.yaml → identities'),
    ]);
  const blocks: Block[] = [paragraph(ctx.t(DAT_TEXTS.identitiesIntro)), summary(ctx)];
  const noMfa = model.identities
    .filter((i) => i.kind !== 'group' && i.kind !== 'service-account' && i.mfa === undefined)
    .filter((i) => !hasMfa(ctx.input.graph, i))
    .map((i) => i.id);
  if (noMfa.length > 0)
    blocks.push(todo(ctx, DAT_TEXTS.todoMfa, 'identities.yaml → identities[].mfa', noMfa));
  return section('identities', ctx.t(DAT_TEXTS.titleIdentities), [
    ...blocks,
    section('identities-accounts', ctx.t(DAT_TEXTS.titleAccounts), [accountsTable(ctx)]),
    section('identities-third-parties', ctx.t(DAT_TEXTS.titleThirdParties), thirdPartyBlocks(ctx)),
    section(
      'identities-findings',
      ctx.t(DAT_TEXTS.titleFamilyFindings),
      familyFindings(ctx, 'table-identity-findings', ctx.t(DAT_TEXTS.captionIdentityFindings), [
        'identities',
        'third-party',
      ]),
    ),
  ]);
}
