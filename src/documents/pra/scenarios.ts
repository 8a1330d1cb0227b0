/**
 * Section 5 of the PRA: the disaster scenarios (saved with the model, else a default set), each
 * simulated: what is lost, impacted processes against RTO and RPO, which backups survive, the
 * data-loss window, what is missing to recover, and the runbook in the schedule's order.
 */
import { italic, bold, code, type Block, type Inline, type Inlines } from '../model.js';
import {
  callout,
  cappedTable,
  colon,
  column,
  idsCell,
  num,
  paragraph,
  section,
  someIds,
  span,
  spanCell,
  todo,
} from './common.js';
import type { PlanScenario, PraContext } from './context.js';
import type { ScenarioResult } from './engines.js';
import { PRA_TEXTS } from './texts.js';

/** Runbooks longer than this are cut (the order of the rest follows the Gantt chart). */
export const MAX_RUNBOOK_STEPS = 120;

type ProcessOutcome = ScenarioResult['processes'][number];

export function rtoStatusText(ctx: PraContext, status: ProcessOutcome['rtoStatus']): Inline {
  switch (status) {
    case 'met':
      return ctx.t(PRA_TEXTS.statusMet);
    case 'missed':
      return bold(ctx.t(PRA_TEXTS.statusMissed));
    case 'no-rto':
      return ctx.t(PRA_TEXTS.statusNoRto);
    case 'unrecoverable':
      return bold(ctx.t(PRA_TEXTS.statusUnrecoverable));
  }
}

function rpoStatusText(ctx: PraContext, status: ProcessOutcome['rpoStatus']): Inline {
  switch (status) {
    case 'met':
      return ctx.t(PRA_TEXTS.statusMet);
    case 'missed':
      return bold(ctx.t(PRA_TEXTS.statusMissed));
    case 'no-rpo':
      return ctx.t(PRA_TEXTS.statusNoRpo);
    case 'lost':
      return bold(ctx.t(PRA_TEXTS.statusLost));
  }
}

/** The team of a task: the declared team's id, else its slot number. */
export const teamLabel = (task: { readonly team: number; readonly teamId?: string }): Inlines =>
  task.teamId === undefined ? [`#${String(task.team)}`] : [code(task.teamId)];

/** A scenario's name and kind, in the document's language. */
export const scenarioName = (ctx: PraContext, scenario: PlanScenario): string =>
  ctx.t(scenario.name);

function processesBlocks(ctx: PraContext, s: PlanScenario, result: ScenarioResult): Block[] {
  const impacted = result.processes.filter((p) => p.impacted);
  if (impacted.length === 0) return [callout('success', ctx.t(PRA_TEXTS.scenarioNothingImpacted))];
  return cappedTable(
    ctx,
    `table-scenario-processes-${s.id}`,
    ctx.t(PRA_TEXTS.captionScenarioProcesses(scenarioName(ctx, s))),
    [
      column(ctx, PRA_TEXTS.colProcess, 2.4),
      column(ctx, PRA_TEXTS.colRto, 0.9),
      column(ctx, PRA_TEXTS.colAchievable, 1),
      column(ctx, PRA_TEXTS.colRtoStatus, 1),
      column(ctx, PRA_TEXTS.colRpo, 0.9),
      column(ctx, PRA_TEXTS.colRpoStatus, 1),
    ],
    impacted.map((p): Inlines[] => [
      [code(p.process)],
      spanCell(ctx, p.rto),
      spanCell(ctx, p.achievable),
      [rtoStatusText(ctx, p.rtoStatus)],
      spanCell(ctx, p.rpo),
      [rpoStatusText(ctx, p.rpoStatus)],
    ]),
  );
}

function backupBlocks(ctx: PraContext, s: PlanScenario, result: ScenarioResult): Block[] {
  const blocks: Block[] = [];
  if (result.backups.length === 0) blocks.push(paragraph(ctx.t(PRA_TEXTS.noBackupConcerned)));
  else
    blocks.push(
      ...cappedTable(
        ctx,
        `table-scenario-backups-${s.id}`,
        ctx.t(PRA_TEXTS.captionScenarioBackups(scenarioName(ctx, s))),
        [
          column(ctx, PRA_TEXTS.colBackup, 1.6),
          column(ctx, PRA_TEXTS.colSurvives, 0.8),
          column(ctx, PRA_TEXTS.colReason, 4),
        ],
        result.backups.map((b): Inlines[] => [
          [code(b.backup)],
          b.survives ? [ctx.t(PRA_TEXTS.survivesYes)] : [bold(ctx.t(PRA_TEXTS.survivesNo))],
          [ctx.t(b.reason)],
        ]),
      ),
    );
  if (result.dataLoss.length > 0)
    blocks.push(
      ...cappedTable(
        ctx,
        `table-scenario-data-${s.id}`,
        ctx.t(PRA_TEXTS.captionScenarioData(scenarioName(ctx, s))),
        [
          column(ctx, PRA_TEXTS.colEntity, 2.4),
          column(ctx, PRA_TEXTS.colWindow, 1.4),
          column(ctx, PRA_TEXTS.colRpo, 1),
          column(ctx, PRA_TEXTS.colVerdict, 1),
        ],
        result.dataLoss.map((d): Inlines[] => [
          [code(d.entity)],
          d.windowMinutes === null
            ? [bold(ctx.t(PRA_TEXTS.noSurvivingCopy))]
            : [span(ctx, d.windowMinutes)],
          spanCell(ctx, d.rpo),
          [
            d.status === 'met'
              ? ctx.t(PRA_TEXTS.statusMet)
              : bold(ctx.t(d.status === 'lost' ? PRA_TEXTS.statusLost : PRA_TEXTS.statusMissed)),
          ],
        ]),
      ),
    );
  return blocks;
}

function missingBlocks(ctx: PraContext, result: ScenarioResult): Block[] {
  if (result.missing.length === 0) return [callout('success', ctx.t(PRA_TEXTS.nothingMissing))];
  return result.missing.map((m): Block => ({
    kind: 'callout',
    tone: m.severity === 'critical' || m.severity === 'high' ? 'danger' : 'warning',
    content: [
      ...(m.subjects.length === 0
        ? [ctx.t(m.message), ' ']
        : [ctx.t(m.message).replace(/[.\s]+$/u, ''), colon(ctx), ...someIds(m.subjects, 8), '. ']),
      code(m.code),
    ],
  }));
}

function runbookBlocks(ctx: PraContext, s: PlanScenario, result: ScenarioResult): Block[] {
  if (result.runbook.length === 0) return [paragraph(ctx.t(PRA_TEXTS.runbookEmpty))];
  const blocks = cappedTable(
    ctx,
    `table-runbook-${s.id}`,
    ctx.t(PRA_TEXTS.captionRunbook(scenarioName(ctx, s))),
    [
      column(ctx, PRA_TEXTS.colStep, 0.5, 'right'),
      column(ctx, PRA_TEXTS.colStart, 0.9),
      column(ctx, PRA_TEXTS.colEnd, 0.9),
      column(ctx, PRA_TEXTS.colTeam, 0.8),
      column(ctx, PRA_TEXTS.colAction, 3),
      column(ctx, PRA_TEXTS.colAfter, 1.3),
      column(ctx, PRA_TEXTS.colProcedure, 1.3),
    ],
    result.runbook.map((step): Inlines[] => [
      [String(step.step)],
      [span(ctx, step.start)],
      [span(ctx, step.end)],
      teamLabel(step),
      [ctx.t(step.action), ' ', code(step.asset)],
      idsCell(step.after),
      step.procedure === undefined ? [italic(ctx.t(PRA_TEXTS.toComplete))] : [step.procedure],
    ]),
    true,
    MAX_RUNBOOK_STEPS,
  );
  const undocumented = [
    ...new Set(result.runbook.filter((r) => r.procedure === undefined).map((r) => r.asset)),
  ];
  if (undocumented.length > 0)
    blocks.push(todo(ctx, PRA_TEXTS.todoProcedures, 'assets → recovery.procedure', undocumented));
  return blocks;
}

function scenarioSection(ctx: PraContext, s: PlanScenario): Block {
  const kind = s.scenario.split(':')[0] ?? s.scenario;
  const intro: Inline[] = [
    ctx.t(PRA_TEXTS.scenarioKinds[kind] ?? { en: kind, fr: kind }),
    ' — ',
    code(s.scenario),
  ];
  const description = s.saved
    ? ctx.graph.model.organisation?.continuity?.scenarios?.find((saved) => saved.id === s.id)
        ?.description
    : undefined;
  if (description !== undefined) intro.push('. ', description);
  const children: Block[] = [paragraph(...intro)];
  const result = s.result;
  if (result === undefined) return section(`scenario-${s.id}`, scenarioName(ctx, s), children);
  if (result.error !== undefined) {
    children.push(
      callout('warning', ctx.t(PRA_TEXTS.scenarioError), colon(ctx), ctx.t(result.error)),
    );
    return section(`scenario-${s.id}`, scenarioName(ctx, s), children);
  }
  const impacted = result.processes.filter((p) => p.impacted);
  const missed = impacted.filter(
    (p) => p.rtoStatus === 'missed' || p.rtoStatus === 'unrecoverable',
  ).length;
  children.push(
    paragraph(
      ctx.t(
        PRA_TEXTS.scenarioSummary(
          num(ctx, result.lost.length),
          num(ctx, impacted.length),
          num(ctx, missed),
          span(ctx, result.plan.makespan),
        ),
      ),
    ),
  );
  if (result.lost.length > 0)
    children.push(
      paragraph(
        ctx.t(PRA_TEXTS.lostAssets),
        ' ',
        ...someIds(
          result.lost.map((l) => l.asset),
          30,
        ),
      ),
    );
  children.push(
    section(
      `scenario-${s.id}-processes`,
      ctx.t(PRA_TEXTS.titleScenarioImpact),
      processesBlocks(ctx, s, result),
    ),
    section(
      `scenario-${s.id}-backups`,
      ctx.t(PRA_TEXTS.titleScenarioBackups),
      backupBlocks(ctx, s, result),
    ),
    section(
      `scenario-${s.id}-missing`,
      ctx.t(PRA_TEXTS.titleScenarioMissing),
      missingBlocks(ctx, result),
    ),
    section(
      `scenario-${s.id}-runbook`,
      ctx.t(PRA_TEXTS.titleRunbook),
      runbookBlocks(ctx, s, result),
    ),
  );
  return section(`scenario-${s.id}`, scenarioName(ctx, s), children);
}

export function scenariosSection(ctx: PraContext): Block {
  const children: Block[] = [paragraph(ctx.t(PRA_TEXTS.scenariosIntro))];
  if (ctx.defaultScenarios) {
    children.push(paragraph(ctx.t(PRA_TEXTS.defaultScenarios)));
    children.push(
      todo(ctx, PRA_TEXTS.todoScenarios, 'organisation.yaml → organisation.continuity.scenarios'),
    );
  } else children.push(paragraph(ctx.t(PRA_TEXTS.savedScenarios)));
  if (ctx.scenarios.length === 0) children.push(callout('info', ctx.t(PRA_TEXTS.noScenario)));
  else if (ctx.scenarios.some((s) => s.result === undefined))
    children.push(callout('info', ctx.t(PRA_TEXTS.scenarioEngineMissing)));
  for (const s of ctx.scenarios) children.push(scenarioSection(ctx, s));
  return section('scenarios', ctx.t(PRA_TEXTS.titleScenarios), children);
}
