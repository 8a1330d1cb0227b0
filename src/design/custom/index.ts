export { compileCustomRules } from './compile.js';
export type { CompileOptions, CustomRuleSourceFile, CustomRulesResult } from './compile.js';
export { COMPUTED } from './computed.js';
export { SELECTABLE_SECTIONS } from './fields.js';
export { LIST_OPERATORS, OPERATORS, VALUE_OPERATORS } from './parse-condition.js';
