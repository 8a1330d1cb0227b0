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

{
  const ids = new Set<string>();
  for (const rule of BUILTIN_RULES) {
    if (ids.has(rule.id)) throw new Error(`Duplicate rule id: ${rule.id}`);
    ids.add(rule.id);
  }
}
