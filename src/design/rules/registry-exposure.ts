import type { Rule } from '../rule.js';

/** Built-in rules of this group, in id order. */
export const RULES_EXPOSURE: readonly Rule[] = [];
