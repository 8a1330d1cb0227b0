import type { Rule } from '../rule.js';
import { adminWithoutMfa } from './admin-without-mfa.js';

/** Built-in rules of this group, in id order. */
export const RULES_ACCESS: readonly Rule[] = [adminWithoutMfa];
