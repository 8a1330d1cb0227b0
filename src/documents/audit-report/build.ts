/**
 * The technical security audit report (CP5) as a `ReportDocument`: executive summary, scope and
 * method, findings by severity with their evidence, drift against the model, comparison with
 * the previous campaign and the action plan; the hosts and services observed as an appendix.
 * Pure and deterministic: built from a campaign's results file, no clock, no network.
 */
import { documentMeta, type DocumentOptions } from '../meta.js';
import type { ReportDocument } from '../model.js';
import { createContext, type AuditReportInput } from './context.js';
import {
  comparisonSection,
  driftSection,
  findingsSection,
  hostsAppendix,
  planSection,
  scopeSection,
  summarySection,
} from './sections.js';
import { AUDIT_TEXTS } from './texts.js';

/** Ids of the top-level sections, in order (the appendix last). */
export const AUDIT_REPORT_SECTION_IDS = [
  'summary',
  'scope',
  'findings',
  'drift',
  'comparison',
  'plan',
  'hosts',
] as const;

export function buildAuditReport(
  input: AuditReportInput,
  options: DocumentOptions,
): ReportDocument {
  const ctx = createContext(input);
  const organisation =
    input.results.campaign.model?.name ?? ctx.t(AUDIT_TEXTS.organisationNotStated);
  return {
    meta: documentMeta(options, {
      title: ctx.t(AUDIT_TEXTS.documentTitle),
      subtitle: ctx.t(AUDIT_TEXTS.documentSubtitle(input.results.campaign.name, organisation)),
      organisation,
      lang: input.locale,
      firstIssue: ctx.t(AUDIT_TEXTS.firstIssue),
    }),
    blocks: [
      { kind: 'toc' },
      summarySection(ctx),
      scopeSection(ctx),
      findingsSection(ctx),
      driftSection(ctx),
      comparisonSection(ctx),
      planSection(ctx),
      hostsAppendix(ctx),
    ],
  };
}
