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
  buildPrecedences,
  prerequisitesOf,
  recoveryScope,
  type Prerequisite,
  type PrerequisiteReason,
} from './precedence.js';
