/**
 * Section 3 of the PRA: the crisis organisation — the crisis roles with their holders and
 * deputies (the roles nobody holds are to be completed) and the recovery teams.
 */
import { CRISIS_ROLES } from '../../domain/model/organisation.js';
import { code, type Block, type Inlines } from '../model.js';
import { cappedTable, column, num, paragraph, section, todo } from './common.js';
import type { PraContext } from './context.js';
import { PRA_TEXTS } from './texts.js';

/** The name of an identity with its id, or "to be completed". */
export function personCell(ctx: PraContext, id: string | undefined): Inlines {
  if (id === undefined) return [ctx.t(PRA_TEXTS.toComplete)];
  const name = ctx.nameOf(id);
  return name === id ? [code(id)] : [`${name} `, code(id)];
}

/** Who holds a crisis role (its name), or "role not assigned". */
export function holderName(ctx: PraContext, role: string): string {
  const held = ctx.graph.model.organisation?.continuity?.crisisRoles?.find((r) => r.role === role);
  return held === undefined ? ctx.t(PRA_TEXTS.unassigned) : ctx.nameOf(held.identity);
}

function roles(ctx: PraContext): Block[] {
  const declared = ctx.graph.model.organisation?.continuity?.crisisRoles ?? [];
  const blocks: Block[] = [paragraph(ctx.t(PRA_TEXTS.crisisIntro))];
  if (declared.length > 0) {
    const ordered = [...declared].sort(
      (a, b) => CRISIS_ROLES.indexOf(a.role) - CRISIS_ROLES.indexOf(b.role),
    );
    blocks.push(
      ...cappedTable(
        ctx,
        'table-crisis-roles',
        ctx.t(PRA_TEXTS.captionRoles),
        [
          column(ctx, PRA_TEXTS.colRole, 1.6),
          column(ctx, PRA_TEXTS.colHolder, 2),
          column(ctx, PRA_TEXTS.colDeputy, 2),
        ],
        ordered.map((r): Inlines[] => [
          [ctx.t(PRA_TEXTS.crisisRoles[r.role] ?? { en: r.role, fr: r.role })],
          personCell(ctx, r.identity),
          personCell(ctx, r.deputy),
        ]),
        false,
      ),
    );
  }
  const held = new Set(declared.map((r) => r.role));
  const missing = CRISIS_ROLES.filter((role) => !held.has(role));
  if (missing.length > 0)
    blocks.push(
      todo(
        ctx,
        PRA_TEXTS.todoRoles,
        'organisation.yaml → organisation.continuity.crisisRoles',
        missing,
      ),
    );
  const noDeputy = declared.filter((r) => r.deputy === undefined).map((r) => r.role);
  if (noDeputy.length > 0)
    blocks.push(
      todo(
        ctx,
        PRA_TEXTS.todoDeputies,
        'organisation.yaml → organisation.continuity.crisisRoles[].deputy',
        noDeputy,
      ),
    );
  return blocks;
}

function teams(ctx: PraContext): Block[] {
  const declared = ctx.graph.model.organisation?.continuity?.teams ?? [];
  const where = 'organisation.yaml → organisation.continuity.teams';
  if (declared.length === 0)
    return [
      todo(ctx, PRA_TEXTS.todoTeams, where),
      paragraph(ctx.t(PRA_TEXTS.teamsAssumed(num(ctx, ctx.plan.teams)))),
    ];
  const blocks: Block[] = [
    paragraph(ctx.t(PRA_TEXTS.teamsIntro)),
    ...cappedTable(
      ctx,
      'table-teams',
      ctx.t(PRA_TEXTS.captionTeams),
      [
        column(ctx, PRA_TEXTS.colTeam, 1.6),
        column(ctx, PRA_TEXTS.colMembers, 3),
        column(ctx, PRA_TEXTS.colParallel, 0.8, 'right'),
        column(ctx, PRA_TEXTS.colSkills, 1.6),
      ],
      declared.map((team): Inlines[] => [
        [code(team.id), ` — ${team.name}`],
        team.members === undefined || team.members.length === 0
          ? [ctx.t(PRA_TEXTS.toComplete)]
          : [team.members.map((m) => ctx.nameOf(m)).join(', ')],
        [num(ctx, team.parallel ?? 1)],
        [team.skills === undefined || team.skills.length === 0 ? '–' : team.skills.join(', ')],
      ]),
      false,
    ),
  ];
  const empty = declared.filter((t) => t.members === undefined || t.members.length === 0);
  if (empty.length > 0)
    blocks.push(
      todo(
        ctx,
        PRA_TEXTS.todoTeamMembers,
        `${where}[].members`,
        empty.map((t) => t.id),
      ),
    );
  return blocks;
}

export function crisisSection(ctx: PraContext): Block {
  return section('crisis', ctx.t(PRA_TEXTS.titleCrisis), [
    section('crisis-roles', ctx.t(PRA_TEXTS.titleCrisisRoles), roles(ctx)),
    section('crisis-teams', ctx.t(PRA_TEXTS.titleTeams), teams(ctx)),
  ]);
}
