/**
 * The continuity API shapes the continuity pages use. TEMPORARY copy of the views of
 * src/platform/api/types.ts (issue 14) while they are being committed; this file then becomes a
 * plain re-export of them.
 */
export interface LocalizedTextView {
  readonly en: string;
  readonly fr: string;
}

export type ContinuitySeverity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** A finding of a continuity engine about the listed entities (BIA flag, backup flag, issue). */
export interface ContinuityFlagView {
  readonly code: string;
  readonly severity: ContinuitySeverity;
  readonly subjects: readonly string[];
  readonly message: LocalizedTextView;
}

/** A default an engine used where the model gives no value (shown in every output). */
export interface ContinuityAssumptionView {
  readonly subject: string;
  readonly message: LocalizedTextView;
}

/** A duration in minutes and in words. */
export interface BiaDurationView {
  readonly minutes: number;
  readonly text: LocalizedTextView;
}

export interface BiaProcessView {
  readonly process: string;
  readonly rto?: BiaDurationView;
  readonly rpo?: BiaDurationView;
  readonly mtpd?: BiaDurationView;
  readonly mbco?: string;
  /** Availability need used for the impact curve (declared, else assumed 2). */
  readonly availability: number;
  readonly dependsOn: readonly string[];
  /** Processes it depends on, transitively. */
  readonly dependencies: readonly string[];
  /** Impact over time: at `4h`, `1d`, `3d`, `1w`, `1mo`, level 1 (low) to 4 (critical). */
  readonly impact: readonly {
    readonly at: string;
    readonly minutes: number;
    readonly level: number;
    readonly reason: LocalizedTextView;
  }[];
  /** Assets it rests on, transitively, and why (`process-asset`, `hosted-on`, `service`…). */
  readonly assets: readonly {
    readonly asset: string;
    readonly reason: string;
    readonly from?: string;
  }[];
}

/** The most demanding objectives an asset inherits from the processes it supports. */
export interface BiaAssetView {
  readonly asset: string;
  readonly processes: readonly string[];
  readonly rto?: { readonly minutes: number; readonly process: string };
  readonly rpo?: { readonly minutes: number; readonly process: string };
  /** Its own recovery time (declared or assumed for its kind), minutes. */
  readonly recoveryMinutes: number;
}

/** The business impact analysis of a version. */
export interface BiaView {
  readonly processes: readonly BiaProcessView[];
  readonly assets: readonly BiaAssetView[];
  readonly flags: readonly ContinuityFlagView[];
  readonly assumptions: readonly ContinuityAssumptionView[];
}

/** One backup seen from an entity it holds a copy of. */
export interface EntityBackupCopyView {
  readonly backup: string;
  readonly via?: string;
  readonly replica: boolean;
  readonly frequencyMinutes?: number;
  readonly retentionMinutes?: number;
  readonly meetsRpo?: boolean;
  readonly retentionSensible?: boolean;
  readonly offsite: boolean;
  readonly isolated: boolean;
  readonly exposed: boolean;
}

/** An asset or data set against the RPO, its 3-2-1-1-0 grid and ransomware. */
export interface EntityBackupView {
  readonly id: string;
  readonly kind: 'asset' | 'data';
  readonly rpo?: { readonly minutes: number; readonly process: string };
  readonly copies: readonly EntityBackupCopyView[];
  readonly bestFrequencyMinutes?: number;
  readonly rpoMet?: boolean;
  /** 3 copies, 2 media, 1 off-site, 1 offline or immutable, 0 errors at the last restore test. */
  readonly grid: {
    readonly copies: number;
    readonly media: number;
    readonly offsite: boolean;
    readonly isolated: boolean;
    readonly errorFree: boolean;
    readonly encrypted: boolean;
    readonly met: boolean;
  };
  readonly survivesRansomware: boolean;
}

/**
 * Why a backup would be encrypted by a ransomware holding the office zones: `replica`,
 * `same-storage`, `in-user-zone` (asset), `flow` (flow, to), `admin-interface` (asset, from),
 * `domain-joined` (asset), `admin-account` (identity, asset).
 */
export interface ExposureReasonView {
  readonly kind: string;
  readonly asset?: string;
  readonly flow?: string;
  readonly to?: string;
  readonly from?: string;
  readonly identity?: string;
}

/** A backup as a whole: where it is and whether a ransomware reaches it. */
export interface BackupExposureView {
  readonly backup: string;
  readonly method: string;
  readonly isolated: boolean;
  readonly exposed: boolean;
  readonly reasons: readonly ExposureReasonView[];
  /** `ok`, `never`, `failed`, `partial` or `stale`. */
  readonly restoreTest: string;
  readonly restoreTestAgeDays?: number;
  readonly encrypted: boolean;
}

/** The backups assessment of a version. */
export interface BackupAssessmentView {
  readonly entities: readonly EntityBackupView[];
  readonly backups: readonly BackupExposureView[];
  readonly flags: readonly ContinuityFlagView[];
  readonly assumptions: readonly ContinuityAssumptionView[];
}

/** One asset's recovery in the schedule (minutes from the start of the recovery). */
export interface PlannedTaskView {
  readonly asset: string;
  readonly start: number;
  readonly end: number;
  readonly duration: number;
  /** The parallel slot, from 1. */
  readonly team: number;
  /** The declared team owning that slot, when teams are declared and not forced. */
  readonly teamId?: string;
  /** Why it started when it did: after a task it needs, or when a team was free. */
  readonly waitedFor?: { readonly task: string; readonly reason: 'precedence' | 'team' };
}

/** A process against its RTO in the schedule, and the chain of tasks that decides it. */
export interface ProcessRecoveryView {
  readonly process: string;
  readonly rto?: number;
  readonly achievable: number;
  readonly status: 'met' | 'missed' | 'no-rto';
  readonly chain: readonly string[];
}

/**
 * GET …/continuity/schedule?teams=n: the recovery schedule (list scheduling on `teams`
 * parallel teams, critical path), per process the achievable time against its RTO.
 */
export interface RecoveryPlanView {
  readonly teams: number;
  readonly makespan: number;
  readonly tasks: readonly PlannedTaskView[];
  readonly processes: readonly ProcessRecoveryView[];
  readonly criticalPath: readonly string[];
  readonly precedences: readonly {
    readonly before: string;
    readonly after: string;
    readonly reason?: string;
    readonly hard?: boolean;
  }[];
  readonly issues: readonly ContinuityFlagView[];
  readonly assumptions: readonly ContinuityAssumptionView[];
}

/** Scenario kinds: `site-loss:<site>`, `ransomware:<asset>`, `provider:<id>`, `directory`, `supplier:<id>`, `link:<site>`. */
export type ScenarioKindView =
  'site-loss' | 'ransomware' | 'provider' | 'directory' | 'supplier' | 'link';

/**
 * POST …/continuity/simulate: what a disaster scenario destroys, which backups survive, the
 * data-loss window per data set, the processes against RTO and RPO, the recovery schedule of
 * what is lost, what is missing to recover, and the runbook in the schedule's order.
 */
export interface ScenarioResultView {
  /** As given, normalised: `ransomware:ws-01`. */
  readonly scenario: string;
  readonly kind: ScenarioKindView;
  readonly target?: string;
  readonly title: LocalizedTextView;
  /** Set when the scenario cannot run (unknown target…): nothing else is filled then. */
  readonly error?: LocalizedTextView;
  /** Assets lost or unusable, and why: `site`, `encrypted`, `provider`, `directory`, `supplier`, `link`, `dependency` (via). */
  readonly lost: readonly {
    readonly asset: string;
    readonly cause: string;
    readonly via?: string;
  }[];
  readonly backups: readonly {
    readonly backup: string;
    readonly survives: boolean;
    readonly reason: LocalizedTextView;
  }[];
  /** Per data set: minutes of data lost (null: no surviving copy), against its RPO. */
  readonly dataLoss: readonly {
    readonly entity: string;
    readonly windowMinutes: number | null;
    readonly rpo?: number;
    readonly status: 'met' | 'missed' | 'lost';
  }[];
  readonly processes: readonly {
    readonly process: string;
    readonly impacted: boolean;
    readonly rto?: number;
    /** null: cannot be recovered (nothing left to restore it from). */
    readonly achievable: number | null;
    readonly rtoStatus: 'met' | 'missed' | 'no-rto' | 'unrecoverable';
    readonly rpo?: number;
    readonly rpoStatus: 'met' | 'missed' | 'no-rpo' | 'lost';
    readonly chain: readonly string[];
  }[];
  readonly plan: RecoveryPlanView;
  /** What is missing to recover: no surviving backup, no spare hardware, no procedure, no exit plan… */
  readonly missing: readonly {
    readonly code: string;
    readonly severity: string;
    readonly subjects: readonly string[];
    readonly message: LocalizedTextView;
  }[];
  readonly runbook: readonly {
    readonly step: number;
    readonly start: number;
    readonly end: number;
    readonly asset: string;
    readonly team: number;
    readonly teamId?: string;
    readonly action: LocalizedTextView;
    readonly after: readonly string[];
    readonly procedure?: string;
  }[];
  readonly assumptions: readonly ContinuityAssumptionView[];
}

/** A scenario result in a few numbers (saved scenarios, the dashboard). */
export interface ScenarioSummaryView {
  /** Processes the scenario interrupts. */
  readonly impacted: number;
  /** Impacted processes whose RTO is missed or that cannot be recovered. */
  readonly missedRto: number;
  /** Impacted processes whose RPO is missed or whose data is lost. */
  readonly missedRpo: number;
  /** Backups the scenario destroys or encrypts. */
  readonly lostBackups: number;
  /** `broken`: an RTO is missed; `error`: the scenario cannot run (its target is gone…). */
  readonly status: 'ok' | 'broken' | 'error';
}

/** A scenario saved in the model (`organisation.continuity.scenarios`), re-run on the version. */
export interface SavedScenarioView {
  readonly id: string;
  readonly name?: string;
  readonly scenario: string;
  readonly summary: ScenarioSummaryView;
  /** Why it cannot run, when `summary.status` is `error`. */
  readonly error?: LocalizedTextView;
}

/**
 * GET /api/workspaces/:workspaceId/versions/:number/continuity?teams=n&today=YYYY-MM-DD: the
 * disaster recovery plan of a version — business impact analysis, backups assessment (restore
 * tests aged against `today`), recovery schedule on `teams` parallel teams (default: the
 * declared teams) and the saved scenarios re-run.
 */
export interface ContinuityResponse {
  readonly version: number;
  /** The date the backups and scenarios were assessed against. */
  readonly today: string;
  readonly bia: BiaView;
  readonly backups: BackupAssessmentView;
  readonly schedule: RecoveryPlanView;
  readonly scenarios: readonly SavedScenarioView[];
}
