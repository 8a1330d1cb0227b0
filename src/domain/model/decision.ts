import { z } from 'zod';
import { dateSchema, entityBase, refSchema } from './common.js';

export const DECISION_STATUSES = ['accepted', 'mitigated', 'false-positive'] as const;

/** A finding id: `ruleId@subjectId`. */
export const FINDING_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*@[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const decisionSchema = z.strictObject({
  ...entityBase,
  finding: z.string().regex(FINDING_ID_PATTERN).meta({
    description: 'Finding id, `ruleId@subjectId`.',
  }),
  status: z.enum(DECISION_STATUSES),
  justification: z.string().min(1).max(5000),
  owner: refSchema.optional(),
  date: dateSchema.optional(),
  reviewDate: dateSchema.optional(),
});
export type Decision = z.infer<typeof decisionSchema>;
