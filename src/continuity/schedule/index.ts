export {
  chainTo,
  lastToFinish,
  listSchedule,
  type ListSchedule,
  type Precedence,
  type ScheduledTask,
  type ScheduleTask,
  type Wait,
} from './list-scheduler.js';
export {
  planRecovery,
  type PlannedTask,
  type ProcessRecovery,
  type RecoveryPlan,
  type RecoveryPlanOptions,
  type ScheduleAssumption,
  type ScheduleIssue,
  type ScheduleSeverity,
} from './plan.js';
export {
  backupServersOf,
  buildPrecedences,
  implicitPrecedences,
  infrastructureTier,
  INFRASTRUCTURE_TIERS,
  prerequisitesOf,
  recoveryScope,
  restoreSourcesOf,
  type PrecedenceOptions,
  type Prerequisite,
  type PrerequisiteReason,
} from './precedence.js';
