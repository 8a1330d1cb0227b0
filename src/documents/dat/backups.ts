/**
 * Section 10 of the DAT: backups and continuity — the backup policies, each business process's
 * objectives (RTO, RPO, MTPD) against the backups of its data, and the gaps.
 */
import type { ProcessRecovery } from '../../design/analyses/index.js';
import type { Backup, Process } from '../../domain/model/index.js';
import { bold, code, type Block, type Inline, type Inlines } from '../model.js';
import {
  callout,
  cell,
  familyFindingsSection,
  idsCell,
  num,
  paragraph,
  section,
  someIds,
  yesNo,
} from './common.js';
import type { DatContext } from './context.js';
import { tableOrTodo } from './tables.js';
import { RESTORE_LABELS, DAT_TEXTS } from './texts.js';

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
  if (site !== undefined) add(`${ctx.t(DAT_TEXTS.site)} ${site}`);
  else if (backup.zone !== undefined) add(`${ctx.t(DAT_TEXTS.zone)} ${backup.zone}`);
  if (backup.provider !== undefined) add(backup.provider);
  return parts.length === 0 ? [ctx.t(DAT_TEXTS.notStated)] : parts;
}

function protectionCell(ctx: DatContext, backup: Backup): Inlines {
  return [
    `${ctx.t(DAT_TEXTS.offline)} ${yesNo(ctx, backup.offline)}, ${ctx.t(DAT_TEXTS.immutable)} ${yesNo(ctx, backup.immutable)}, ${ctx.t(DAT_TEXTS.encrypted)} ${yesNo(ctx, backup.encrypted)}`,
  ];
}

function restoreCell(ctx: DatContext, backup: Backup): Inlines {
  const test = backup.lastRestoreTest;
  if (test === undefined) return [bold(ctx.t(DAT_TEXTS.neverTested))];
  return [`${test.date} — ${ctx.t(RESTORE_LABELS[test.result])}`];
}

function policiesBlocks(ctx: DatContext): Block[] {
  return tableOrTodo(ctx, ctx.input.model.backups, {
    id: 'table-backups',
    caption: DAT_TEXTS.captionBackups,
    dense: true,
    columns: [
      {
        title: 'colBackup',
        width: 1.8,
        cell: (b) => [code(b.id), ...(b.name === undefined ? [] : [` — ${b.name}`])],
      },
      { title: 'colProtects', width: 2, cell: (b) => someIds(b.protects, 8) },
      { title: 'colWhere', width: 1.6, cell: (b) => whereCell(ctx, b) },
      { title: 'colFrequency', width: 0.8, cell: (b) => cell(b.frequency) },
      { title: 'colRetention', width: 0.8, cell: (b) => cell(b.retention) },
      { title: 'colProtection', width: 1.8, cell: (b) => protectionCell(ctx, b) },
      { title: 'colRestoreTest', width: 1.4, cell: (b) => restoreCell(ctx, b) },
    ],
    none: { what: DAT_TEXTS.todoBackups, where: 'backups.yaml → backups' },
    gaps: [
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
        what: DAT_TEXTS.todoBackupFields,
        where: 'backups.yaml → backups[]',
      },
    ],
  });
}

/** The verdict on a process's objectives, as the `backup-rpo-not-met` rule sees them. */
function verdict(ctx: DatContext, recovery: ProcessRecovery): Inlines {
  const notes: Inline[] = [];
  const add = (...inlines: Inline[]): void => {
    if (notes.length > 0) notes.push('; ');
    notes.push(...inlines);
  };
  if (recovery.backups.length === 0) add(bold(ctx.t(DAT_TEXTS.noBackup)));
  else if (recovery.uncovered.length > 0)
    add(bold(ctx.t(DAT_TEXTS.partlyBackedUp)), ' ', ...someIds(recovery.uncovered, 4));
  if (recovery.rpo === undefined) add(ctx.t(DAT_TEXTS.rpoNotStated));
  else if (recovery.rpoMet !== undefined)
    add(recovery.rpoMet ? ctx.t(DAT_TEXTS.rpoMet) : bold(ctx.t(DAT_TEXTS.rpoNotMet)));
  const { rto, mtpd } = recovery;
  if (rto !== undefined && mtpd !== undefined && rto > mtpd)
    add(bold(ctx.t(DAT_TEXTS.rtoAboveMtpd)));
  return notes.length === 0 ? ['–'] : notes;
}

function continuityBlocks(ctx: DatContext): Block[] {
  const recoveries = new Map(
    ctx.input.analyses.backupCoverage.processes.map((recovery) => [recovery.process, recovery]),
  );
  const recoveryOf = (process: Process): ProcessRecovery | undefined => recoveries.get(process.id);
  return tableOrTodo(ctx, ctx.input.model.processes, {
    id: 'table-continuity',
    caption: DAT_TEXTS.captionContinuity,
    intro: DAT_TEXTS.continuityIntro,
    dense: true,
    columns: [
      { title: 'colProcess', width: 1.6, cell: (p) => [code(p.id)] },
      { title: 'colRto', width: 0.6, cell: (p) => cell(p.rto) },
      { title: 'colRpo', width: 0.6, cell: (p) => cell(p.rpo) },
      { title: 'colMtpd', width: 0.6, cell: (p) => cell(p.mtpd) },
      { title: 'colBackups', width: 2, cell: (p) => idsCell(recoveryOf(p)?.backups ?? []) },
      {
        title: 'colBestInterval',
        width: 0.9,
        cell: (p) => {
          const every = recoveryOf(p)?.interval;
          return cell(every === undefined ? undefined : ctx.t(DAT_TEXTS.duration(every)));
        },
      },
      {
        title: 'colAssessment',
        width: 2.4,
        cell: (p) => {
          const recovery = recoveryOf(p);
          return recovery === undefined ? ['–'] : verdict(ctx, recovery);
        },
      },
    ],
    none: { what: DAT_TEXTS.todoProcesses, where: 'processes.yaml → processes' },
  });
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
    DAT_TEXTS.backupFacts(
      num(ctx, backups.length),
      num(ctx, offline),
      num(ctx, tested),
      num(ctx, sites.size),
    ),
  );
  return [offline === 0 ? callout('danger', text) : paragraph(text)];
}

export function backupsSection(ctx: DatContext): Block {
  return section('backups', ctx.t(DAT_TEXTS.titleBackups), [
    paragraph(ctx.t(DAT_TEXTS.backupsIntro)),
    ...ruleOfThree(ctx),
    section('backups-policies', ctx.t(DAT_TEXTS.titleBackupPolicies), policiesBlocks(ctx)),
    section('backups-continuity', ctx.t(DAT_TEXTS.titleContinuity), continuityBlocks(ctx)),
    familyFindingsSection(
      ctx,
      'backups-findings',
      'table-backup-findings',
      DAT_TEXTS.captionBackupFindings,
      ['backups-resilience'],
    ),
  ]);
}
