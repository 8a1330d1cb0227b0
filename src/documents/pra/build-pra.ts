/**
 * The IT disaster recovery plan (PRA, CP4) as a `ReportDocument`, built from the model and the
 * continuity engines (business impact analysis, backup assessment, recovery schedule, disaster
 * scenarios): scope and objectives, BIA table, crisis organisation, activation criteria and
 * escalation, scenarios with their runbooks, recovery order and Gantt chart per scenario, backup
 * inventory and its 3-2-1-1-0 assessment, contact lists, exercises, assumptions and appendices.
 * What the model lacks appears as "to be completed" callouts. Pure and deterministic: no clock
 * (the analysis date is `input.today`, the document date comes from the options).
 */
import type { DocumentInput } from '../../presentation/input.js';
import { documentMeta, type DocumentOptions } from '../meta.js';
import type { Block, ReportDocument } from '../model.js';
import { activationSection } from './activation.js';
import { appendices } from './appendices.js';
import { assumptionsSection } from './assumptions.js';
import { backupsSection } from './backups.js';
import { biaSection } from './bia.js';
import { contactsSection } from './contacts.js';
import { createPraContext } from './context.js';
import type { GanttDrawer } from './engines.js';
import { crisisSection } from './crisis.js';
import { exercisesSection } from './exercises.js';
import { recoveryOrderSection } from './recovery-order.js';
import { scenariosSection } from './scenarios.js';
import { scopeSection } from './scope.js';
import { PRA_TEXTS } from './texts.js';

/** What the caller says of the PRA: version, date, author, classification, history; teams. */
export interface PraOptions extends DocumentOptions {
  /** Recovery tasks run in parallel in every schedule (default: the declared teams, else 1). */
  readonly teams?: number;
  /**
   * Draws the Gantt chart of a recovery plan: pass `ganttSvg` from `src/diagrams/gantt.ts`.
   * Without it the recovery order is given as tables only.
   */
  readonly gantt?: GanttDrawer;
}

/** Ids of the top-level sections of the PRA, in order (appendices last). */
export const PRA_SECTION_IDS = [
  'scope',
  'bia',
  'crisis',
  'activation',
  'scenarios',
  'recovery-order',
  'backups',
  'contacts',
  'exercises',
  'assumptions',
  'appendix-assets',
  'appendix-flags',
  'glossary',
] as const;

/**
 * Builds the PRA of the model in `input` (its locale, its analysis date). Synchronous: the Gantt
 * charts are drawn directly as SVG.
 */
export function buildPra(input: DocumentInput, options: PraOptions): ReportDocument {
  const ctx = createPraContext(input, {
    ...(options.teams === undefined ? {} : { teams: options.teams }),
    ...(options.gantt === undefined ? {} : { gantt: options.gantt }),
  });
  const organisation = input.model.organisation?.name ?? ctx.t(PRA_TEXTS.organisationNotStated);
  const blocks: Block[] = [
    { kind: 'toc' },
    scopeSection(ctx, organisation),
    biaSection(ctx),
    crisisSection(ctx),
    activationSection(ctx),
    scenariosSection(ctx),
    recoveryOrderSection(ctx),
    backupsSection(ctx),
    contactsSection(ctx),
    exercisesSection(ctx),
    assumptionsSection(ctx),
    ...appendices(ctx),
  ];
  return {
    meta: documentMeta(options, {
      title: ctx.t(PRA_TEXTS.documentTitle),
      subtitle: ctx.t(PRA_TEXTS.documentSubtitle(organisation)),
      organisation,
      lang: input.locale,
      firstIssue: ctx.t(PRA_TEXTS.firstIssue),
    }),
    blocks,
  };
}
