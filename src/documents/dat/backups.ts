/**
 * Section 10 of the DAT: backups and continuity — the backup policies, each business process's
 * objectives (RTO, RPO, MTPD) against the backups of its data, and the gaps.
 */
import type { ProcessRecovery } from '../../design/analyses/index.js';
import type { Backup } from '../../domain/model/index.js';
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
  someIds,
  table,
  tableOrTodo,
  yesNo,
} from './common.js';
import type { DatContext } from './context.js';
import { RESTORE_LABELS, W } from './texts.js';

function whereCell(ctx: DatContext, backup: Backup): Inlines {
  const parts: Inline[] = [];
  const add = (...inlines: Inline[]): void => {
    if (parts.length > 0) parts.push('; ');
    parts.push(...inlines);
  };
  if (backup.target !== undefined) add(code(backup.target));
  const site =
    backup.site ??
    (backup.target === undefined ? undefined : ctx.index.siteOfAsset.get(backup.target));
  if (site !== undefined) add(`${ctx.t(W.site)} ${site}`);
  else if (backup.zone !== undefined) add(`${ctx.t(W.zone)} ${backup.zone}`);
  if (backup.provider !== undefined) add(backup.provider);
  return parts.length === 0 ? [ctx.t(W.notStated)] : parts;
}

function protectionCell(ctx: DatContext, backup: Backup): Inlines {
  return [
    `${ctx.t(W.offline)} ${yesNo(ctx, backup.offline)}, ${ctx.t(W.immutable)} ${yesNo(ctx, backup.immutable)}, ${ctx.t(W.encrypted)} ${yesNo(ctx, backup.encrypted)}`,
  ];
}

function restoreCell(ctx: DatContext, backup: Backup): Inlines {
  const test = backup.lastRestoreTest;
  if (test === undefined) return [bold(ctx.t(W.neverTested))];
  return [`${test.date} — ${ctx.t(RESTORE_LABELS[test.result])}`];
}

function policiesBlocks(ctx: DatContext): Block[] {
  return tableOrTodo(
    ctx,
    ctx.input.model.backups,
    { what: W.todoBackups, where: 'backups.yaml → backups' },
    (backups) =>
      table(
        'table-backups',
        ctx.t(W.captionBackups),
        [
          col(ctx.t(W.colBackup), 1.8),
          col(ctx.t(W.colProtects), 2),
          col(ctx.t(W.colWhere), 1.6),
          col(ctx.t(W.colFrequency), 0.8),
          col(ctx.t(W.colRetention), 0.8),
          col(ctx.t(W.colProtection), 1.8),
          col(ctx.t(W.colRestoreTest), 1.4),
        ],
        backups.map((b) => [
          [code(b.id), ...(b.name === undefined ? [] : [` — ${b.name}`])],
          someIds(b.protects, 8),
          whereCell(ctx, b),
          cell(b.frequency),
          cell(b.retention),
          protectionCell(ctx, b),
          restoreCell(ctx, b),
        ]),
        true,
      ),
    [
      {
        lacks: (b) =>
          b.frequency === undefined ||
          b.retention === undefined ||
          b.offline === undefined ||
          b.immutable === undefined ||
          (b.target === undefined &&
            b.site === undefined &&
            b.provider === undefined &&
            b.zone === undefined),
        what: W.todoBackupFields,
        where: 'backups.yaml → backups[]',
      },
    ],
  );
}

/** The verdict on a process's objectives, as the `backup-rpo-not-met` rule sees them. */
function verdict(ctx: DatContext, recovery: ProcessRecovery): Inlines {
  const notes: Inline[] = [];
  const add = (...inlines: Inline[]): void => {
    if (notes.length > 0) notes.push('; ');
    notes.push(...inlines);
  };
  if (recovery.backups.length === 0) add(bold(ctx.t(W.noBackup)));
  else if (recovery.uncovered.length > 0)
    add(bold(ctx.t(W.partlyBackedUp)), ' ', ...someIds(recovery.uncovered, 4));
  if (recovery.rpo === undefined) add(ctx.t(W.rpoNotStated));
  else if (recovery.rpoMet !== undefined)
    add(recovery.rpoMet ? ctx.t(W.rpoMet) : bold(ctx.t(W.rpoNotMet)));
  const { rto, mtpd } = recovery;
  if (rto !== undefined && mtpd !== undefined && rto > mtpd) add(bold(ctx.t(W.rtoAboveMtpd)));
  return notes.length === 0 ? ['–'] : notes;
}

function continuityBlocks(ctx: DatContext): Block[] {
  const recoveries = new Map(
    ctx.input.analyses.backupCoverage.processes.map((recovery) => [recovery.process, recovery]),
  );
  return tableOrTodo(
    ctx,
    ctx.input.model.processes,
    { what: W.todoProcesses, where: 'processes.yaml → processes' },
    (processes) => [
      paragraph(ctx.t(W.continuityIntro)),
      table(
        'table-continuity',
        ctx.t(W.captionContinuity),
        [
          col(ctx.t(W.colProcess), 1.6),
          col('RTO', 0.6),
          col('RPO', 0.6),
          col('MTPD', 0.6),
          col(ctx.t(W.colBackups), 2),
          col(ctx.t(W.colBestInterval), 0.9),
          col(ctx.t(W.colAssessment), 2.4),
        ],
        processes.map((p) => {
          const recovery = recoveries.get(p.id);
          const every = recovery?.interval;
          return [
            [code(p.id)],
            cell(p.rto),
            cell(p.rpo),
            cell(p.mtpd),
            idsCell(recovery?.backups ?? []),
            cell(every === undefined ? undefined : ctx.t(W.duration(every))),
            recovery === undefined ? ['–'] : verdict(ctx, recovery),
          ];
        }),
        true,
      ),
    ],
  );
}

function ruleOfThree(ctx: DatContext): Block[] {
  const { backups } = ctx.input.model;
  if (backups.length === 0) return [];
  const offline = backups.filter((b) => b.offline === true || b.immutable === true).length;
  const tested = backups.filter((b) => b.lastRestoreTest?.result === 'success').length;
  const sites = new Set(
    backups.map(
      (b) =>
        b.site ??
        (b.target === undefined ? undefined : ctx.index.siteOfAsset.get(b.target)) ??
        b.provider ??
        '',
    ),
  );
  sites.delete('');
  const text = ctx.t(
    W.backupFacts(
      num(ctx, backups.length),
      num(ctx, offline),
      num(ctx, tested),
      num(ctx, sites.size),
    ),
  );
  return [offline === 0 ? callout('danger', text) : paragraph(text)];
}

export function backupsSection(ctx: DatContext): Block {
  return section('backups', ctx.t(W.titleBackups), [
    paragraph(ctx.t(W.backupsIntro)),
    ...ruleOfThree(ctx),
    section('backups-policies', ctx.t(W.titleBackupPolicies), policiesBlocks(ctx)),
    section('backups-continuity', ctx.t(W.titleContinuity), continuityBlocks(ctx)),
    section(
      'backups-findings',
      ctx.t(W.titleFamilyFindings),
      familyFindings(ctx, 'table-backup-findings', ctx.t(W.captionBackupFindings), [
        'backups-resilience',
      ]),
    ),
  ]);
}
