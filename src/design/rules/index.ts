import { indexById } from '../../domain/registry.js';
import type { Rule } from '../rule.js';
import { RULES_EXPOSURE } from './registry-exposure.js';
import { RULES_ACCESS } from './registry-access.js';
import { RULES_RESILIENCE } from './registry-resilience.js';

/** Every built-in rule. A duplicate id fails at start-up. */
export const BUILTIN_RULES: readonly Rule[] = [
  ...RULES_EXPOSURE,
  ...RULES_ACCESS,
  ...RULES_RESILIENCE,
];

indexById(BUILTIN_RULES, 'rule');
