/**
 * Public surface of the processing pipelines (field-name mapping at compile time).
 */
export {
  pipelineSchema,
  type ProcessingPipeline,
  type PipelineTransformation,
  type LogsourceCondition,
} from './schema.js';
export { parsePipeline, type PipelineParseResult } from './parse.js';
export { applyPipeline, type AppliedPipeline } from './apply.js';
export { BUILTIN_PIPELINES, BUILTIN_PIPELINE_NAMES, loadBuiltinPipeline } from './builtin/index.js';
export {
  transformRule,
  ADDED_CONDITION_PREFIX,
  MAX_COMBINATIONS,
  type TransformResult,
} from './transform-rule.js';
