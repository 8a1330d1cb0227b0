import type { ScenarioKind } from '../../domain/model/index.js';
import type { LocalizedText } from '../../design/text.js';
import type { ModelGraph } from '../../model/graph.js';
import type { Precedence } from '../schedule/list-scheduler.js';
import type { RecoveryPlan } from '../schedule/plan.js';

export type { ScenarioKind };

/** A scenario to simulate: its kind and, except for `directory`, what it strikes. */
export interface ScenarioSpec {
  readonly kind: ScenarioKind;
  readonly target?: string;
}

export interface ScenarioOptions {
  /** Recovery tasks run in parallel; default: the declared teams (see `planRecovery`). */
  readonly teams?: number;
  /** ISO date the attack graph ages software support against (ransomware). */
  readonly today?: string;
}

/** Why an asset is lost or unusable in a scenario. */
export type LostCause =
  'site' | 'encrypted' | 'provider' | 'directory' | 'supplier' | 'link' | 'dependency';

export interface LostAsset {
  readonly asset: string;
  readonly cause: LostCause;
  /** What brought the loss: the host, the directory, the identity or element used, the site. */
  readonly via?: string;
}

export interface BackupFate {
  readonly backup: string;
  readonly survives: boolean;
  readonly reason: LocalizedText;
}

export interface DataLoss {
  readonly entity: string;
  /** Minutes of data lost: the age of the newest surviving copy (its frequency); null: no copy. */
  readonly windowMinutes: number | null;
  /** Tightest RPO (minutes) of the processes using it. */
  readonly rpo?: number;
  readonly status: 'met' | 'missed' | 'lost';
  /** The surviving copy the window comes from. */
  readonly from?: string;
}

export interface ProcessOutcome {
  readonly process: string;
  /** One of its supporting assets is lost. */
  readonly impacted: boolean;
  readonly rto?: number;
  /** Minutes until it is back; null when it cannot be (unrecoverable). 0 when not impacted. */
  readonly achievable: number | null;
  readonly rtoStatus: 'met' | 'missed' | 'no-rto' | 'unrecoverable';
  readonly rpo?: number;
  readonly rpoStatus: 'met' | 'missed' | 'no-rpo' | 'lost';
  /** The recovery tasks that decide its time, first to last. */
  readonly chain: readonly string[];
}

export type MissingSeverity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** What is missing to recover: no surviving backup, no spare hardware, no procedure… */
export interface MissingItem {
  readonly code: string;
  readonly severity: MissingSeverity;
  readonly subjects: readonly string[];
  readonly message: LocalizedText;
}

export interface RunbookStep {
  readonly step: number;
  readonly start: number;
  readonly end: number;
  readonly asset: string;
  readonly team: number;
  readonly teamId?: string;
  readonly action: LocalizedText;
  /** Assets that must be back before this step starts. */
  readonly after: readonly string[];
  /** The documented procedure, when the model declares one. */
  readonly procedure?: string;
}

export interface ScenarioAssumption {
  readonly subject: string;
  readonly message: LocalizedText;
}

export interface ScenarioResult {
  /** The scenario as written, e.g. `ransomware:ws-01`. */
  readonly scenario: string;
  readonly kind: ScenarioKind;
  readonly target?: string;
  readonly title: LocalizedText;
  /** Set when the scenario cannot be simulated (unknown target…): nothing else is filled. */
  readonly error?: LocalizedText;
  readonly lost: readonly LostAsset[];
  readonly backups: readonly BackupFate[];
  readonly dataLoss: readonly DataLoss[];
  readonly processes: readonly ProcessOutcome[];
  readonly plan: RecoveryPlan;
  readonly missing: readonly MissingItem[];
  readonly runbook: readonly RunbookStep[];
  readonly assumptions: readonly ScenarioAssumption[];
}

/** A scenario saved in the model (`organisation.continuity.scenarios`) and its result. */
export interface SavedScenarioRun {
  readonly id: string;
  readonly name?: string;
  readonly scenario: string;
  readonly result: ScenarioResult;
}

/**
 * What a scenario kind strikes, handed to the common evaluation (`evaluate.ts`): the lost
 * assets, which of them lose their data, the backups lost, and what the kind adds.
 */
export interface Outage {
  readonly lost: readonly LostAsset[];
  /** Lost assets whose data is gone (burnt, encrypted, at a vanished provider). */
  readonly destroyed: ReadonlySet<string>;
  /** Backups lost, with why. The others covering what is lost survive. */
  readonly lostBackups: ReadonlyMap<string, LocalizedText>;
  /** Why the surviving backups survive, when the kind can say better than the default. */
  readonly survivingReasons?: ReadonlyMap<string, LocalizedText>;
  /** Hardware destroyed (site loss): recovering it needs a spare or a replacement. */
  readonly hardwareLost?: boolean;
  /** Assets that cannot be brought back whatever the backups, with why. */
  readonly unrecoverable?: ReadonlyMap<string, LocalizedText>;
  /** Duration overrides (minutes) for the schedule. */
  readonly durations?: Readonly<Record<string, number>>;
  readonly precedences?: readonly Precedence[];
  /** Forced parallelism (e.g. services that all come back with a link). */
  readonly teams?: number;
  /** Runbook action per asset, when the kind words it better than the recovery method. */
  readonly actions?: ReadonlyMap<string, LocalizedText>;
  readonly missing?: readonly MissingItem[];
  readonly assumptions?: readonly ScenarioAssumption[];
}

/** A scenario kind: its metadata and how it strikes a model. */
export interface ScenarioDefinition {
  readonly kind: ScenarioKind;
  readonly title: LocalizedText;
  /** What the scenario models, in a sentence. */
  readonly models: LocalizedText;
  /** `required`, `optional` (directory) — what the target is, for messages. */
  readonly target: 'required' | 'optional';
  readonly targetWord: LocalizedText;
  /** The title of one scenario on a target. */
  titleOf(target: string | undefined, label: (id: string) => string): LocalizedText;
  /** The outage, or an error when the target is not in the model. */
  strike(
    graph: ModelGraph,
    target: string | undefined,
    options: ScenarioOptions,
  ): Outage | { readonly error: LocalizedText };
}
