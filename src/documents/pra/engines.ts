/**
 * The continuity engines the PRA document reads that other parts of Vigie provide: the scenario
 * engine (`src/continuity/scenarios`) and the Gantt chart (`src/diagrams/gantt.ts`). Kept behind
 * this one file so that the document's sections depend on their contract only; the Gantt chart
 * is injected by the caller (see `GanttDrawer`).
 */
import type { RecoveryPlan } from '../../continuity/index.js';
import type { LocalizedText } from '../../design/text.js';
import type { ModelGraph } from '../../model/graph.js';

export type ScenarioKind =
  'site-loss' | 'ransomware' | 'provider' | 'directory' | 'supplier' | 'link';

export interface ScenarioSpec {
  readonly kind: ScenarioKind;
  readonly target?: string;
}

export interface ScenarioOptions {
  readonly teams?: number;
  readonly today?: string;
}

export interface ScenarioResult {
  readonly scenario: string;
  readonly kind: ScenarioKind;
  readonly target?: string;
  readonly title: LocalizedText;
  readonly error?: LocalizedText;
  readonly lost: readonly {
    readonly asset: string;
    readonly cause: string;
    readonly via?: string;
  }[];
  readonly backups: readonly {
    readonly backup: string;
    readonly survives: boolean;
    readonly reason: LocalizedText;
  }[];
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
    readonly achievable: number | null;
    readonly rtoStatus: 'met' | 'missed' | 'no-rto' | 'unrecoverable';
    readonly rpo?: number;
    readonly rpoStatus: 'met' | 'missed' | 'no-rpo' | 'lost';
    readonly chain: readonly string[];
  }[];
  readonly plan: RecoveryPlan;
  readonly missing: readonly {
    readonly code: string;
    readonly severity: string;
    readonly subjects: readonly string[];
    readonly message: LocalizedText;
  }[];
  readonly runbook: readonly {
    readonly step: number;
    readonly start: number;
    readonly end: number;
    readonly asset: string;
    readonly team: number;
    readonly teamId?: string;
    readonly action: LocalizedText;
    readonly after: readonly string[];
    readonly procedure?: string;
  }[];
  readonly assumptions: readonly { readonly subject: string; readonly message: LocalizedText }[];
}

export interface SavedScenarioRun {
  readonly id: string;
  readonly name?: string;
  readonly scenario: string;
  readonly result: ScenarioResult;
}

/** Whether the scenario engine is available (false until it is wired in). */
export const SCENARIO_ENGINE = false;

export const runSavedScenarios: (
  graph: ModelGraph,
  options?: ScenarioOptions,
) => readonly SavedScenarioRun[] = () => [];

export const simulateScenario: (
  graph: ModelGraph,
  spec: ScenarioSpec,
  options?: ScenarioOptions,
) => ScenarioResult | undefined = () => undefined;

/**
 * Draws the Gantt chart of a recovery plan as standalone SVG (`ganttSvg` of `src/diagrams/gantt.ts`),
 * injected by the caller: documents get their drawings through ports, never from `src/diagrams`.
 */
export type GanttDrawer = (
  plan: RecoveryPlan,
  options: {
    readonly locale: 'fr' | 'en';
    readonly title?: string;
    readonly processes?: boolean;
    readonly highlight?: readonly string[];
    readonly names?: Readonly<Record<string, string>>;
  },
) => string;
