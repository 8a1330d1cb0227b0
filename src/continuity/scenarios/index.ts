export { directoriesOf } from './directory.js';
export {
  copiesOf,
  DEFAULT_COPY_FREQUENCY_MINUTES,
  DEFAULT_HARDWARE_DELIVERY_MINUTES,
  evaluateOutage,
  type Evaluation,
} from './evaluate.js';
export { DEFAULT_LINK_RESTORE_MINUTES, hasRedundantLink } from './link.js';
export { parseScenario, scenarioText } from './parse.js';
export { providerAssets } from './provider.js';
export { encryptedFrom } from './ransomware.js';
export { runSavedScenarios, SCENARIOS, simulateScenario } from './simulate.js';
export { supplierOf } from './supplier.js';
export type {
  BackupFate,
  DataLoss,
  LostAsset,
  LostCause,
  MissingItem,
  MissingSeverity,
  Outage,
  ProcessOutcome,
  RunbookStep,
  SavedScenarioRun,
  ScenarioAssumption,
  ScenarioDefinition,
  ScenarioKind,
  ScenarioOptions,
  ScenarioResult,
  ScenarioSpec,
} from './types.js';
