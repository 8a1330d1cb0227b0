/**
 * The architecture security analysis report (CP3) as a document: executive summary, scope and
 * method, security needs, findings by severity with their remediation, attack paths with their
 * drawings, choke points, risk decisions, and appendices. Built from the analyses already run
 * (`DocumentInput`), in the input's language; deterministic (sorted, dated by the options, never
 * by the clock). Diagrams come from the injected provider, so the builder stays pure.
 */
import type { DiagramProvider } from '../../presentation/diagram-provider.js';
import type { DocumentInput } from '../../presentation/input.js';
import { documentMeta, type DocumentOptions } from '../meta.js';
import type { ReportDocument } from '../model.js';
import { appendices } from './appendices.js';
import { attackPathsSection } from './attack-paths-section.js';
import { chokePointsSection } from './choke-points-section.js';
import { buildContext } from './context.js';
import { decisionsSection } from './decisions-section.js';
import { findingsSection } from './findings-section.js';
import { scopeSection } from './scope.js';
import { needsSection } from './security-needs.js';
import { summarySection } from './summary.js';

/** What the caller says of the report (version, date, author, classification, history). */
export type ReportOptions = DocumentOptions;

/** Builds the architecture security analysis report. */
export async function buildAnalysisReport(
  input: DocumentInput,
  diagrams: DiagramProvider,
  options: ReportOptions,
): Promise<ReportDocument> {
  const context = buildContext(input);
  const { t } = context;
  const organisation = input.model.organisation?.name ?? input.model.organisation?.id ?? t.title;
  const attackPaths = await attackPathsSection(context, diagrams);
  return {
    meta: documentMeta(options, {
      title: t.title,
      subtitle: t.subtitle(organisation),
      organisation,
      lang: input.locale,
      firstIssue: t.firstIssue,
    }),
    blocks: [
      { kind: 'toc' },
      summarySection(context),
      scopeSection(context, options.version, options.date),
      needsSection(context),
      findingsSection(context),
      attackPaths,
      chokePointsSection(context),
      decisionsSection(context),
      ...appendices(context),
    ],
  };
}
