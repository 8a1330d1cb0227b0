/** Service identification (issue 15): what a port speaks, product and version where it says them. */
export { identifyService, MAX_ATTEMPTS } from './identify.js';
export { SERVICE_IDENTIFIERS } from './registry.js';
export type { IdentifyOptions, ServiceIdentifier } from './session.js';
