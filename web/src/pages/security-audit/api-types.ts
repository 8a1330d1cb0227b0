/** The security audit API shapes the pages use (src/platform/api/types.ts, issue 15). */
export type {
  AuditCampaignRequest,
  AuditCampaignResponse,
  AuditCampaignView,
  AuditCampaignsResponse,
  AuditComparisonResponse,
  AuditDriftPreviewResponse,
  AuditFindingsResponse,
  AuditPlanItemPatch,
  AuditPlanItemResponse,
  AuditPlanItemView,
  AuditPlanResponse,
  AuditSeverityCounts,
  DiagnosticView,
  EntityListResponse,
  Lang,
  LocalizedTextView,
} from '../../../../src/platform/api/types';
export type { AuditFinding, Severity as AuditSeverity } from '../../../../src/audit/types';
