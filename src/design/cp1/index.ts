/**
 * CP1 — analyse an IS or a project specification: security needs, regulations, EBIOS RM
 * workshop 1 framing, the security baseline of the ANSSI hygiene guide, and specs.
 * Everything is pure: the CLI and the server only print or serve what these functions return.
 */
export { assessBaseline, effectiveStatus } from './baseline.js';
export type {
  Baseline,
  BaselineItem,
  BaselineScore,
  EffectiveStatus,
  MeasureStatus,
} from './baseline.js';
export { HYGIENE_CHAPTERS, HYGIENE_MEASURES, hygieneMeasure } from './data/anssi-hygiene.js';
export type { HygieneChapter, HygieneLevel, HygieneMeasure } from './data/anssi-hygiene.js';
export { frameEbios, SEVERITY_SCALE } from './ebios.js';
export type { EbiosBusinessValue, EbiosFraming, FearedEvent, SupportingAsset } from './ebios.js';
export { EVIDENCE_CHECKS } from './evidence/index.js';
export type { Evidence, EvidenceCheck, EvidenceContext } from './evidence/index.js';
export { buildNeedsReport, CRITERION_LABELS, CRITERION_LETTERS } from './needs-report.js';
export type {
  BusinessValueNeeds,
  InheritedNeed,
  NeedLevels,
  NeedRelation,
  NeedsReport,
  SupportingAssetNeeds,
} from './needs-report.js';
export { assessRegulations, REGULATION_IDS } from './regulations.js';
export type {
  Applicability,
  Obligation,
  RegulationAssessment,
  RegulationId,
  RegulationInput,
  RegulationReason,
} from './regulations.js';
export { LARGE_SCALE_SUBJECTS } from './regulations-gdpr.js';
export { nis2Annex } from './regulations-nis2.js';
export { toMarkdown } from './report-document.js';
export type { ReportDocument, ReportSection } from './report-document.js';
export {
  baselineSections,
  ebiosDocument,
  renderBaselineMarkdown,
  renderEbiosMarkdown,
} from './report-ebios.js';
export {
  needsDocument,
  regulationsDocument,
  renderNeedsMarkdown,
  renderRegulationsMarkdown,
} from './report-needs.js';
export { renderSpecMarkdown, specDocument } from './report-spec.js';
export { specSchema } from './spec.js';
export type { Spec, SpecData, SpecInterconnection, SpecUser } from './spec.js';
export { analyseSpec } from './spec-analysis.js';
export type { SpecAnalysis } from './spec-analysis.js';
export { specNeeds } from './spec-needs.js';
export type { SpecNeed, SpecNeeds } from './spec-needs.js';
export { parseSpec } from './spec-parse.js';
export type { ParsedSpec } from './spec-parse.js';
export { openQuestions } from './spec-questions.js';
export type { OpenQuestion } from './spec-questions.js';
export { unresolvedReferences } from './spec-references.js';
export type { UnresolvedReference } from './spec-references.js';
export { deriveRequirements } from './spec-requirements.js';
export type { Requirement } from './spec-requirements.js';
