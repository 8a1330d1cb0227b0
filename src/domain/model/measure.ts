import { z } from 'zod';
import { dateSchema, entityBase, refSchema } from './common.js';

export const MEASURE_STATUSES = [
  'implemented',
  'partial',
  'planned',
  'not-implemented',
  'not-applicable',
] as const;

export const measureSchema = z.strictObject({
  ...entityBase,
  hygiene: z.int().min(1).max(42).optional().meta({
    description: "Number of the ANSSI hygiene guide's measure (1–42).",
  }),
  iso27002: z
    .array(z.string().regex(/^[5-8]\.\d{1,2}$/))
    .optional()
    .meta({ description: 'ISO/IEC 27002:2022 controls, e.g. `8.15`.' }),
  status: z.enum(MEASURE_STATUSES),
  evidence: z.string().max(2000).optional(),
  owner: refSchema.optional(),
  due: dateSchema.optional(),
});
export type Measure = z.infer<typeof measureSchema>;
