/**
 * Section 8 of the PRA: the contact lists — the people the plan names (crisis roles, recovery
 * teams) with how to reach them, and the external contacts (suppliers, providers, insurer, CERT,
 * authorities).
 */
import type { Block, Inlines } from '../model.js';
import { code } from '../model.js';
import { cappedTable, cell, column, paragraph, section, todo } from './common.js';
import type { PraContext } from './context.js';
import { PRA_TEXTS } from './texts.js';

/** Contact kinds a recovery plan should always list. */
export const EXPECTED_CONTACT_KINDS = ['insurer', 'cert'] as const;

function internal(ctx: PraContext): Block[] {
  const continuity = ctx.graph.model.organisation?.continuity;
  const roles = new Map<string, string[]>();
  const add = (id: string, role: string): void => {
    const list = roles.get(id);
    if (list === undefined) roles.set(id, [role]);
    else if (!list.includes(role)) list.push(role);
  };
  for (const r of continuity?.crisisRoles ?? []) {
    const label = ctx.t(PRA_TEXTS.crisisRoles[r.role] ?? { en: r.role, fr: r.role });
    add(r.identity, label);
    if (r.deputy !== undefined)
      add(r.deputy, `${label} (${ctx.t(PRA_TEXTS.colDeputy).toLowerCase()})`);
  }
  for (const team of continuity?.teams ?? [])
    for (const member of team.members ?? []) add(member, team.name);
  if (roles.size === 0) return [];
  const rows = [...roles.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, what]): Inlines[] => {
      const identity = ctx.graph.identity(id);
      return [
        [ctx.nameOf(id), ' ', code(id)],
        cell(identity?.title),
        [what.join(', ')],
        cell(identity?.email),
      ];
    });
  return cappedTable(
    ctx,
    'table-internal-contacts',
    ctx.t(PRA_TEXTS.captionInternalContacts),
    [
      column(ctx, PRA_TEXTS.colName, 2),
      column(ctx, PRA_TEXTS.colTitle, 1.6),
      column(ctx, PRA_TEXTS.colRole, 2),
      column(ctx, PRA_TEXTS.colEmail, 2),
    ],
    rows,
  );
}

function external(ctx: PraContext): Block[] {
  const contacts = ctx.graph.model.organisation?.continuity?.contacts ?? [];
  const where = 'organisation.yaml → organisation.continuity.contacts';
  if (contacts.length === 0) return [todo(ctx, PRA_TEXTS.todoContacts, where)];
  const blocks = cappedTable(
    ctx,
    'table-external-contacts',
    ctx.t(PRA_TEXTS.captionExternalContacts),
    [
      column(ctx, PRA_TEXTS.colName, 1.8),
      column(ctx, PRA_TEXTS.colKind, 1.1),
      column(ctx, PRA_TEXTS.colPhone, 1.2),
      column(ctx, PRA_TEXTS.colEmail, 1.8),
      column(ctx, PRA_TEXTS.colContract, 1.3),
      column(ctx, PRA_TEXTS.colNotes, 2),
    ],
    contacts.map((c): Inlines[] => [
      [c.name],
      [ctx.t(PRA_TEXTS.contactKinds[c.kind] ?? { en: c.kind, fr: c.kind })],
      c.phone === undefined ? [ctx.t(PRA_TEXTS.toComplete)] : [c.phone],
      cell(c.email),
      cell(c.contract),
      cell(c.notes),
    ]),
  );
  const kinds = new Set(contacts.map((c) => c.kind));
  const absent = EXPECTED_CONTACT_KINDS.filter((kind) => !kinds.has(kind));
  if (absent.length > 0)
    blocks.push(todo(ctx, PRA_TEXTS.todoContactKinds, `${where}[].kind`, absent));
  const unreachable = contacts.filter((c) => c.phone === undefined).map((c) => c.name);
  if (unreachable.length > 0)
    blocks.push(todo(ctx, PRA_TEXTS.todoContactReach, `${where}[].phone`, unreachable));
  return blocks;
}

export function contactsSection(ctx: PraContext): Block {
  const inner = internal(ctx);
  return section('contacts', ctx.t(PRA_TEXTS.titleContacts), [
    paragraph(ctx.t(PRA_TEXTS.contactsIntro)),
    ...(inner.length === 0
      ? []
      : [section('contacts-internal', ctx.t(PRA_TEXTS.titleInternalContacts), inner)]),
    section('contacts-external', ctx.t(PRA_TEXTS.titleExternalContacts), external(ctx)),
  ]);
}
