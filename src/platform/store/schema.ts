import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/**
 * Table types of the platform store. Timestamps are ISO-8601 UTC text
 * (`Date#toISOString()`, fixed width so text order is time order); booleans are 0/1 integers;
 * JSON is text. The same shapes hold on SQLite and PostgreSQL.
 */
export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  is_admin: number;
  created_at: string;
  /** Unused since migration 003 (the login throttle has its own tables); kept for old backups. */
  failed_logins: ColumnType<number, number | undefined, number>;
  /** Unused since migration 003, like `failed_logins`. */
  locked_until: string | null;
  password_changed_at: string;
  /** Set by an administrator's password reset: that random password passes the account lock. */
  one_time_password_until: ColumnType<string | null, string | null | undefined, string | null>;
  /** When an administrator disabled the account (migration 006); null while enabled. */
  disabled_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** 1: the API refuses everything but the password change until one is chosen (006). */
  must_change_password: ColumnType<number, number | undefined, number>;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface WorkspacesTable {
  id: string;
  slug: string;
  name: string;
  created_at: string;
}

export const ROLES = ['owner', 'analyst', 'auditor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface MembershipsTable {
  workspace_id: string;
  user_id: string;
  role: Role;
}

export interface ModelVersionsTable {
  workspace_id: string;
  number: number;
  files_json: string;
  message: string;
  author_id: string | null;
  created_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  workspace_id: string | null;
  user_id: string | null;
  at: string;
  action: string;
  entity_kind: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
}

export interface LocksTable {
  name: string;
  holder: string;
  expires_at: string;
}

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface JobsTable {
  id: string;
  kind: string;
  payload_json: string;
  status: JobStatus;
  run_after: string;
  attempts: number;
  max_attempts: number;
  locked_by: string | null;
  locked_until: string | null;
  result_json: string | null;
  error: string | null;
  created_at: string;
}

export interface VersionAnalysesTable {
  workspace_id: string;
  number: number;
  locale: string;
  summary_json: string;
  created_at: string;
}

export const DOCUMENT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export interface DocumentsTable {
  id: string;
  workspace_id: string;
  version_number: number;
  kind: string;
  format: string;
  locale: string;
  status: DocumentStatus;
  job_id: string | null;
  file_name: string | null;
  content_type: string | null;
  size: number | null;
  content: Buffer | null;
  error: string | null;
  created_by: string | null;
  created_at: string;
  finished_at: string | null;
}

/** Account-wide login lock, keyed by a hash of the e-mail (existing account or not). */
export interface LoginThrottleTable {
  account_key: string;
  failures: number;
  locked_until: string | null;
  last_failure_at: string;
}

/** Growing delays per (account, source); the source is an address or a known device. */
export interface LoginPairThrottleTable {
  account_key: string;
  source: string;
  failures: number;
  blocked_until: string | null;
  last_failure_at: string;
}

/** Browsers an account signed in from (hash of the device cookie's token). */
export interface KnownDevicesTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  last_used_at: string;
}

/** Client addresses (or IPv6 /64 networks) an account signed in from. */
export interface KnownSourcesTable {
  user_id: string;
  source: string;
  created_at: string;
  last_success_at: string;
}

/** Pending invitations to a workspace (deleted once accepted, declined or revoked). */
export interface InvitationsTable {
  id: string;
  workspace_id: string;
  email: string;
  role: Role;
  invited_by: string | null;
  created_at: string;
  expires_at: string;
}

/** Who works on a finding and by when (keyed by finding id: it outlives versions). */
export interface FindingWorkTable {
  workspace_id: string;
  finding_id: string;
  assignee_id: string | null;
  /** ISO date (YYYY-MM-DD). */
  due_date: string | null;
  updated_by: string | null;
  updated_at: string;
}

/** Comments on a finding (the author null once the account is deleted). */
export interface FindingCommentsTable {
  id: string;
  workspace_id: string;
  finding_id: string;
  author_id: string | null;
  body: string;
  created_at: string;
}

/** Review-date reminders already sent: one per (finding, kind, review date). */
export interface RemindersSentTable {
  workspace_id: string;
  finding_id: string;
  /** `upcoming` (review date near) or `lapsed` (review date passed). */
  kind: string;
  review_date: string;
  sent_at: string;
}

/** Platform settings by key, JSON values (migration 006). */
export interface SettingsTable {
  key: string;
  value_json: string;
  updated_at: string;
  updated_by: string | null;
}

/** Sign-ins of each account (migration 006); `reason` of a failure is for administrators. */
export interface SignInHistoryTable {
  id: string;
  user_id: string;
  at: string;
  ip: string;
  user_agent: string;
  success: number;
  reason: string | null;
}

/** Single-use links mailed with invitations, by token hash (migration 006). */
export interface InvitationTokensTable {
  token_hash: string;
  invitation_id: string;
  workspace_id: string;
  email: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export const AUDIT_CAMPAIGN_STATUSES = [
  'queued',
  'running',
  'done',
  'failed',
  'cancelled',
] as const;
export type AuditCampaignStatus = (typeof AUDIT_CAMPAIGN_STATUSES)[number];

/** Security audit campaigns of a workspace (migration 007); JSON columns are text. */
export interface AuditCampaignsTable {
  id: string;
  workspace_id: string;
  name: string;
  version_number: number;
  vantage: string | null;
  scope_text: string;
  limits_json: string | null;
  /** The operator's allowlist (CIDRs) when the campaign was requested. */
  networks_json: string;
  /** Language of the campaign's messages (fr, en). */
  locale: string;
  status: AuditCampaignStatus;
  job_id: string | null;
  progress_json: string | null;
  counts_json: string | null;
  results_json: string | null;
  error: string | null;
  created_by: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

/** The workspace's audit action plan, one row per root cause (migration 007). */
export interface AuditActionsTable {
  workspace_id: string;
  /** `action:<check id>`, stable across campaigns. */
  item_id: string;
  check_id: string;
  title_json: string;
  remediation_json: string;
  severity: string;
  findings_json: string;
  entities_json: string;
  /** A model identity id. */
  owner: string | null;
  owner_name: string | null;
  /** ISO date (YYYY-MM-DD). */
  due_date: string | null;
  status: string;
  note: string;
  campaign_id: string | null;
  created_at: string;
  updated_by: string | null;
  updated_at: string;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  workspaces: WorkspacesTable;
  memberships: MembershipsTable;
  model_versions: ModelVersionsTable;
  audit_log: AuditLogTable;
  locks: LocksTable;
  jobs: JobsTable;
  version_analyses: VersionAnalysesTable;
  documents: DocumentsTable;
  login_throttle: LoginThrottleTable;
  login_pair_throttle: LoginPairThrottleTable;
  known_devices: KnownDevicesTable;
  known_sources: KnownSourcesTable;
  invitations: InvitationsTable;
  finding_work: FindingWorkTable;
  finding_comments: FindingCommentsTable;
  reminders_sent: RemindersSentTable;
  settings: SettingsTable;
  sign_in_history: SignInHistoryTable;
  invitation_tokens: InvitationTokensTable;
  audit_campaigns: AuditCampaignsTable;
  audit_actions: AuditActionsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type WorkspaceRow = Selectable<WorkspacesTable>;
export type MembershipRow = Selectable<MembershipsTable>;
export type LockRow = Selectable<LocksTable>;

export type StoreDialect = 'sqlite' | 'postgres';

export type { Clock } from '../clock.js';
