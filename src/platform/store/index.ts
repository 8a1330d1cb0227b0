export { openStore, SQLITE_FILE_NAME } from './store.js';
export type { Repositories, Store, StoreConfig, StoreTransaction } from './store.js';
export { migrateToLatest, migrationsFor } from './migrations/index.js';
export {
  ConflictError,
  NotFoundError,
  UniqueViolationError,
  isStorageFull,
  isUniqueViolation,
} from './errors.js';
export { ROLES, JOB_STATUSES } from './schema.js';
export type { Clock, Database, JobStatus, Role, StoreDialect } from './schema.js';
export type { User, NewUser, UsersRepository } from './users.js';
export { normaliseEmail } from './users.js';
export type { NewSession, SessionsRepository } from './sessions.js';
export type {
  Member,
  MemberUpdate,
  Workspace,
  WorkspaceWithRole,
  WorkspacesRepository,
} from './workspaces.js';
export { modelFilesSchema } from './versions.js';
export type { ModelFiles, ModelVersion, VersionSummary, VersionsRepository } from './versions.js';
export type {
  AuditEntry,
  AuditEntryInput,
  AuditFilter,
  AuditPage,
  AuditRepository,
} from './audit.js';
export type { LocksRepository } from './locks.js';
export { MAX_KNOWN_PER_USER } from './login-throttle.js';
export type { LoginThrottleRepository, ThrottleRow } from './login-throttle.js';
export type {
  Invitation,
  InvitationLink,
  InvitationsRepository,
  ListedInvitation,
  NewInvitation,
  ReceivedInvitation,
} from './invitations.js';
export type { EnqueueOptions, Job, JobsOptions, JobsRepository } from './jobs.js';
export type { SettingsRepository, StoredSetting } from './settings.js';
export type { SignIn, SignInHistoryRepository, SignInQuery, NewSignIn } from './sign-in-history.js';
export type {
  FindingComment,
  FindingWork,
  FindingWorkPatch,
  FindingWorkRepository,
  ReminderKind,
  WorkChange,
  WorkFields,
} from './finding-work.js';
export type {
  AuditActionPatch,
  AuditActionRecord,
  AuditCampaignRecord,
  AuditsRepository,
  CampaignLimitsOverride,
  NewAuditCampaign,
  SeverityTally,
  StoredProgress,
} from './audits.js';
