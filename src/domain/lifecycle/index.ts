/**
 * Software and operating-system lifecycle: end-of-support dates of common products
 * (endoflife.date, MIT, plus a small hand-written supplement) and the lookup from free-text names.
 */
export { lifecycleProductIds, lookupLifecycle } from './lookup.js';
export { ENDOFLIFE_RETRIEVED } from './endoflife-data.js';
export type { LifecycleMatch, LifecycleSource } from './types.js';
