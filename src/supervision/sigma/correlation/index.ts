/** Public surface of the Sigma correlation engine. */
export { createCorrelator } from './correlator.js';
export { toCorrelationDefinition } from './from-parsed.js';
export { parseTimespan } from './timespan.js';
export { CONDITION_OPERATORS, CORRELATION_TYPES } from './types.js';
export type {
  ConditionOperator,
  CorrelationAlert,
  CorrelationCondition,
  CorrelationDefinition,
  CorrelationLevel,
  CorrelationType,
  Correlator,
  CorrelatorOptions,
  CorrelatorStats,
  DefinitionSource,
  DetectionInput,
  RecordRef,
} from './types.js';
