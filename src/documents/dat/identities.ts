/**
 * Section 9 of the DAT: identities and access — accounts with their privileges, MFA and shared
 * use, third parties and their remote access, and the findings of the identity families.
 */
import { hasLeft, hasMfa, isPrivileged, nameOf, type Identity } from '../../domain/model/index.js';
import { bold, code, type Block, type Inline, type Inlines } from '../model.js';
import {
  callout,
  cell,
  familyFindingsSection,
  idsCell,
  num,
  paragraph,
  section,
  todo,
  yesNo,
} from './common.js';
import type { DatContext } from './context.js';
import { countTable, gapTodos, tableOf } from './tables.js';
import { IDENTITY_KIND_LABELS, DAT_TEXTS } from './texts.js';

function summary(ctx: DatContext): Block {
  const { graph, model, today } = ctx.input;
  const of = (kind: Identity['kind']): Identity[] =>
    model.identities.filter((i) => i.kind === kind);
  const people = of('group').reduce((sum, g) => sum + (g.count ?? 0), 0);
  const privileged = model.identities.filter((i) => isPrivileged(graph, i));
  return countTable(ctx, 'table-identity-summary', DAT_TEXTS.captionIdentitySummary, [
    [ctx.t(DAT_TEXTS.countPersons), of('person').length],
    [ctx.t(DAT_TEXTS.countGroups(num(ctx, people))), of('group').length],
    [ctx.t(DAT_TEXTS.countServiceAccounts), of('service-account').length],
    [ctx.t(DAT_TEXTS.countThirdParties), of('third-party').length],
    [ctx.t(DAT_TEXTS.countPrivileged), privileged.length],
    [ctx.t(DAT_TEXTS.countPrivilegedNoMfa), privileged.filter((i) => !hasMfa(graph, i)).length],
    [ctx.t(DAT_TEXTS.countShared), model.identities.filter((i) => i.shared === true).length],
    [ctx.t(DAT_TEXTS.countLeavers), model.identities.filter((i) => hasLeft(i, today)).length],
  ]);
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

function mfaCell(ctx: DatContext, identity: Identity): string {
  const mfa = hasMfa(ctx.input.graph, identity);
  return identity.mfa === undefined && !mfa ? ctx.t(DAT_TEXTS.notStated) : yesNo(ctx, mfa);
}

function accountsTable(ctx: DatContext): Block {
  return tableOf(
    ctx,
    {
      id: 'table-identities',
      caption: DAT_TEXTS.captionIdentities,
      dense: true,
      columns: [
        { title: 'colIdentity', width: 1.7, cell: (i) => [code(i.id)] },
        {
          title: 'colName',
          width: 1.8,
          cell: (i) => [
            nameOf(i),
            ...(i.kind === 'group' && i.count !== undefined ? [` (${num(ctx, i.count)})`] : []),
          ],
        },
        { title: 'colKind', width: 1, cell: (i) => [ctx.t(IDENTITY_KIND_LABELS[i.kind])] },
        { title: 'colMfa', width: 0.6, cell: (i) => [mfaCell(ctx, i)] },
        { title: 'colFlags', width: 1.4, cell: (i) => flags(ctx, i) },
        { title: 'colMemberOf', width: 1.6, cell: (i) => idsCell(i.memberOf) },
        { title: 'colLoginFrom', width: 1.6, cell: (i) => idsCell(i.loginFrom) },
      ],
    },
    ctx.input.model.identities,
  );
}

function thirdPartyBlocks(ctx: DatContext): Block[] {
  const { graph, model } = ctx.input;
  const parties = model.identities.filter(
    (i) => i.kind === 'third-party' || i.remoteAccess !== undefined,
  );
  if (parties.length === 0) return [callout('info', ctx.t(DAT_TEXTS.noThirdParties))];
  return [
    tableOf(
      ctx,
      {
        id: 'table-third-parties',
        caption: DAT_TEXTS.captionThirdParties,
        dense: true,
        columns: [
          { title: 'colIdentity', width: 1.6, cell: (i) => [code(i.id)] },
          { title: 'colCompany', width: 1.4, cell: (i) => cell(i.company) },
          {
            title: 'colRemoteVia',
            width: 1.4,
            cell: (i) => (i.remoteAccess === undefined ? ['–'] : [code(i.remoteAccess.via)]),
          },
          {
            title: 'colAuthentication',
            width: 1,
            cell: (i) => cell(i.remoteAccess?.authentication),
          },
          {
            title: 'colPermanent',
            width: 0.8,
            cell: (i) => [yesNo(ctx, i.remoteAccess?.permanent)],
          },
          { title: 'colMfa', width: 0.6, cell: (i) => [yesNo(ctx, hasMfa(graph, i))] },
          {
            title: 'colRights',
            width: 2,
            cell: (i) =>
              i.rights === undefined
                ? ['–']
                : [i.rights.map((r) => `${r.on} (${r.level})`).join(', ')],
          },
        ],
      },
      parties,
    ),
    ...gapTodos(ctx, parties, [
      {
        lacks: (i) => i.kind === 'third-party' && i.remoteAccess === undefined,
        what: DAT_TEXTS.todoRemoteAccess,
        where: 'identities.yaml → identities[].remoteAccess',
      },
    ]),
  ];
}

export function identitiesSection(ctx: DatContext): Block {
  const { model } = ctx.input;
  if (model.identities.length === 0)
    return section('identities', ctx.t(DAT_TEXTS.titleIdentities), [
      todo(ctx, DAT_TEXTS.todoIdentities, 'identities.yaml → identities'),
    ]);
  return section('identities', ctx.t(DAT_TEXTS.titleIdentities), [
    paragraph(ctx.t(DAT_TEXTS.identitiesIntro)),
    summary(ctx),
    ...gapTodos(ctx, model.identities, [
      {
        lacks: (i) =>
          i.kind !== 'group' &&
          i.kind !== 'service-account' &&
          i.mfa === undefined &&
          !hasMfa(ctx.input.graph, i),
        what: DAT_TEXTS.todoMfa,
        where: 'identities.yaml → identities[].mfa',
      },
    ]),
    section('identities-accounts', ctx.t(DAT_TEXTS.titleAccounts), [accountsTable(ctx)]),
    section('identities-third-parties', ctx.t(DAT_TEXTS.titleThirdParties), thirdPartyBlocks(ctx)),
    familyFindingsSection(
      ctx,
      'identities-findings',
      'table-identity-findings',
      DAT_TEXTS.captionIdentityFindings,
      ['identities', 'third-party'],
    ),
  ]);
}
