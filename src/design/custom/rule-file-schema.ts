import { z } from 'zod';
import { idSchema, NEED_CRITERIA } from '../../domain/model/index.js';
import { RULE_FAMILIES } from '../rule.js';
import { SELECTABLE_SECTIONS } from './fields.js';

const localizedSchema = z.strictObject({
  en: z.string().min(1).max(5000),
  fr: z.string().min(1).max(5000),
});

/** ANSSI references: `hygiene:1`–`hygiene:42`, `admin:R…`, `interco:R…`, `logging:R…`. */
export const ANSSI_REFERENCE =
  /^(hygiene:([1-9]|[1-3][0-9]|4[0-2])|admin:R\d+|interco:R\d+|logging:R\d+)$/;

/**
 * One custom rule as written. `where` is checked by the condition parser (it depends on
 * `select`), so the schema only requires a list or a mapping.
 */
export const customRuleSchema = z.strictObject({
  id: idSchema,
  family: z.enum(RULE_FAMILIES),
  title: localizedSchema,
  description: localizedSchema,
  rationale: localizedSchema,
  remediation: localizedSchema,
  falsePositives: localizedSchema.optional(),
  likelihood: z.int().min(1).max(4),
  impact: z.array(z.enum(NEED_CRITERIA)).min(1),
  references: z.strictObject({
    anssi: z.array(z.string().regex(ANSSI_REFERENCE)).min(1),
    iso27002: z.array(z.string().regex(/^[5-8]\.\d{1,2}$/)).optional(),
    cwe: z.array(z.string().regex(/^CWE-\d+$/)).optional(),
    attack: z.array(z.string().regex(/^(T\d{4}(\.\d{3})?|M\d{4})$/)).optional(),
  }),
  select: z.enum(SELECTABLE_SECTIONS),
  where: z.union([z.array(z.unknown()), z.record(z.string(), z.unknown())]),
  related: z.array(z.string().max(200)).optional(),
  detail: localizedSchema,
});
export type CustomRuleSource = z.infer<typeof customRuleSchema>;

/** A rule file: a `rules` list (and an optional `$schema` for editors). */
export const ruleFileSchema = z.strictObject({
  $schema: z.string().optional(),
  rules: z.array(z.unknown()),
});
