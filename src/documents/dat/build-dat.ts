/**
 * The technical architecture dossier (DAT, CP2) as a `ReportDocument`, built from the model and
 * the analyses of a `DocumentInput`: purpose and scope, security needs, regulations, sites and
 * zones with their diagrams, addressing plan, component inventory, flow matrix, administration,
 * identities, backups, logging, ANSSI hygiene baseline, findings and decisions, residual risks,
 * and appendices. What the model lacks appears as "to be completed" callouts. Pure apart from
 * the injected diagram provider; deterministic (no clock: dates come from the options).
 */
import type { DiagramProvider } from '../../presentation/diagram-provider.js';
import type { DocumentInput } from '../../presentation/input.js';
import { documentMeta, type DocumentOptions } from '../meta.js';
import type { Block, ReportDocument } from '../model.js';
import { administrationSection } from './administration.js';
import { addressingSection } from './addressing.js';
import { glossaryAppendix, referencesAppendix } from './appendices.js';
import { backupsSection } from './backups.js';
import { createContext } from './context.js';
import { findingsSection } from './findings.js';
import { flowsSection } from './flows.js';
import { identitiesSection } from './identities.js';
import { inventorySection } from './inventory.js';
import { loggingSection } from './logging.js';
import { measuresSection } from './measures.js';
import { needsAppendix, needsSection, regulationsSection } from './needs.js';
import { residualSection } from './residual.js';
import { scopeSection } from './scope.js';
import { DAT_TEXTS } from './texts.js';
import { zonesSection } from './zones.js';

/** What the caller says of the DAT (version, date, author, classification, history). */
export type DatOptions = DocumentOptions;

/** Ids of the top-level sections of the DAT, in order (appendices last). */
export const DAT_SECTION_IDS = [
  'scope',
  'needs',
  'regulations',
  'zones',
  'addressing',
  'inventory',
  'flows',
  'administration',
  'identities',
  'backups',
  'logging',
  'measures',
  'findings',
  'residual-risks',
  'appendix-needs',
  'glossary',
  'references',
] as const;

export async function buildDat(
  input: DocumentInput,
  diagrams: DiagramProvider,
  options: DatOptions,
): Promise<ReportDocument> {
  const ctx = createContext(input);
  const organisation = input.model.organisation?.name ?? ctx.t(DAT_TEXTS.organisationNotStated);
  // diagrams are drawn one after the other: the order of calls stays deterministic
  const needs = await needsSection(ctx, diagrams);
  const zones = await zonesSection(ctx, diagrams);
  const residual = await residualSection(ctx, diagrams);
  const blocks: Block[] = [
    { kind: 'toc' },
    scopeSection(ctx),
    needs,
    regulationsSection(ctx),
    zones,
    addressingSection(ctx),
    inventorySection(ctx),
    flowsSection(ctx),
    administrationSection(ctx),
    identitiesSection(ctx),
    backupsSection(ctx),
    loggingSection(ctx),
    measuresSection(ctx),
    findingsSection(ctx),
    residual,
    needsAppendix(ctx),
    glossaryAppendix(ctx),
    referencesAppendix(ctx),
  ];
  return {
    meta: documentMeta(options, {
      title: ctx.t(DAT_TEXTS.documentTitle),
      subtitle: ctx.t(DAT_TEXTS.documentSubtitle(organisation)),
      organisation,
      lang: input.locale,
      firstIssue: ctx.t(DAT_TEXTS.firstIssue),
    }),
    blocks,
  };
}
