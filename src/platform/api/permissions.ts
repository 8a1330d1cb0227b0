/**
 * What a member may do in a workspace. Which roles hold each permission is decided once, on the
 * server (`platform/policies.ts`); GET /api/workspaces/:workspaceId sends the caller's
 * permissions, so the web UI shows or hides actions without repeating role lists.
 */
export const PERMISSIONS = [
  /** See the workspace and its members. */
  'workspace.read',
  /** Read the model's versions, analyses, exports and documents. */
  'model.read',
  /** Save versions: the YAML editor, entity forms, zip import. */
  'model.edit',
  /** Record a risk decision on a finding; assign findings and set their due dates. */
  'finding.decide',
  /** Comment on findings (and delete one's own comments). */
  'findings.comment',
  /** Request a DAT or an analysis report. */
  'documents.request',
  /** Invite, change roles, remove members. */
  'members.manage',
  /** Read and export the audit log. */
  'audit.read',
  /**
   * Security audit (CP5): run, cancel and delete campaigns, apply a drift finding's model update,
   * edit the action plan (every member reads campaigns, findings, reports and the plan).
   */
  'security_audit.run',
] as const;

export type Permission = (typeof PERMISSIONS)[number];
