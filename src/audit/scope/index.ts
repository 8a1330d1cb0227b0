/** The audit's scope: the scope file, its resolution against the model, and the guard. */
export { canonicalAddress, compareAddresses, expandCidr, formatAddress } from './addresses.js';
export { addressKey, createScopeGuard, type Exclusion, type GuardRules } from './guard.js';
export { MAX_SCOPE_BYTES, parseScope, type ParseScopeResult, type ScopeFile } from './parse.js';
export {
  DEFAULT_LIMITS,
  resolveScope,
  type ResolvedScope,
  type ResolveOptions,
  type ScopeLimits,
  type ScopeTarget,
} from './resolve.js';
export { LIMIT_BOUNDS, MAX_CIDR_ADDRESSES, scopeSchema, type ScopeData } from './schema.js';
