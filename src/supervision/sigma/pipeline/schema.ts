/**
 * The processing pipeline format (a subset of pySigma's): a name, a priority and an ordered list
 * of transformations, each optionally limited to rules of some logsources and to some fields.
 * The zod schema is the single definition; its inferred types are the domain types. Pure.
 */
import { z } from 'zod';

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const logsourceCondition = z.strictObject({
  type: z.literal('logsource'),
  product: z.string().optional(),
  category: z.string().optional(),
  service: z.string().optional(),
});

const fieldNameCondition = z.strictObject({
  type: z.enum(['include_fields', 'exclude_fields']),
  fields: z.array(z.string()).min(1),
});

/** Keys every transformation may carry. */
const common = {
  id: z.string().optional(),
  rule_conditions: z.array(logsourceCondition).optional(),
  rule_cond_op: z.enum(['and', 'or']).optional(),
  field_name_conditions: z.array(fieldNameCondition).optional(),
  field_name_cond_not: z.boolean().optional(),
};

const transformation = z.discriminatedUnion('type', [
  z.strictObject({
    ...common,
    type: z.literal('field_name_mapping'),
    mapping: z.record(z.string(), z.union([z.string(), z.array(z.string()).min(1)])),
  }),
  z.strictObject({ ...common, type: z.literal('field_name_prefix'), prefix: z.string() }),
  z.strictObject({ ...common, type: z.literal('field_name_suffix'), suffix: z.string() }),
  z.strictObject({
    ...common,
    type: z.literal('add_condition'),
    conditions: z.record(z.string(), z.union([scalar, z.array(scalar)])),
  }),
  z.strictObject({ ...common, type: z.literal('drop_detection_item') }),
]);

/** Schema of one pipeline document. */
export const pipelineSchema = z.strictObject({
  name: z.string().min(1),
  priority: z.number().int().default(0),
  description: z.string().optional(),
  transformations: z.array(transformation).default([]),
});

/** A validated processing pipeline. */
export type ProcessingPipeline = z.infer<typeof pipelineSchema>;
/** One transformation of a pipeline. */
export type PipelineTransformation = ProcessingPipeline['transformations'][number];
/** A `rule_conditions` item. */
export type LogsourceCondition = z.infer<typeof logsourceCondition>;
