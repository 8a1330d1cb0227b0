/**
 * The audit log's action codes: the server writes only these (the `action` of an audit entry is
 * typed from this list) and the web UI names each one in French and English.
 */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.account_locked',
  'user.create',
  'user.password_change',
  'user.password_change_failed',
  'user.password_reset',
  'user.unlock',
  'user.disable',
  'user.enable',
  'user.register',
  'settings.smtp_update',
  'settings.smtp_delete',
  'settings.smtp_test',
  'workspace.create',
  'member.change_role',
  'member.remove',
  'invitation.create',
  'invitation.revoke',
  'invitation.accept',
  'invitation.decline',
  'model.version',
  'model.import',
  'model.entity.create',
  'model.entity.update',
  'model.entity.delete',
  'finding.decision',
  'finding.decision_bulk',
  'finding.assign',
  'finding.comment',
  'finding.comment_delete',
  'document.request',
  'security_audit.campaign_create',
  'security_audit.campaign_cancel',
  'security_audit.campaign_delete',
  'security_audit.drift_apply',
  'security_audit.plan_update',
] as const;

/** An action the server writes. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * Actions no longer written that logs may still hold: `member.add`, written when owners added
 * members directly (before invitations).
 */
export const LEGACY_AUDIT_ACTIONS = ['member.add'] as const;

/** An action an audit log may hold. */
export type RecordedAuditAction = AuditAction | (typeof LEGACY_AUDIT_ACTIONS)[number];

/** Every action an audit log may hold: the UI has a label for each. */
export const RECORDED_AUDIT_ACTIONS: readonly RecordedAuditAction[] = [
  ...AUDIT_ACTIONS,
  ...LEGACY_AUDIT_ACTIONS,
];
