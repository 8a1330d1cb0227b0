/**
 * The continuity engines the PRA document reads beyond the BIA, backups and schedule: the
 * scenario engine (`src/continuity/scenarios`) and the Gantt chart, which the caller injects
 * (`GanttDrawer`): documents get their drawings through ports, never from `src/diagrams`.
 */
import type { RecoveryPlan } from '../../continuity/index.js';

export {
  runSavedScenarios,
  simulateScenario,
  type SavedScenarioRun,
  type ScenarioKind,
  type ScenarioOptions,
  type ScenarioResult,
  type ScenarioSpec,
} from '../../continuity/index.js';

/**
 * Draws the Gantt chart of a recovery plan as standalone SVG: `ganttSvg` of
 * `src/diagrams/gantt.ts`.
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
