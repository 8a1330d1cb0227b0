/**
 * Public surface of logsource routing.
 */
export { createRouter, type Router, type RoutableRule } from './router.js';
export { logsourceApplies, isKnownLogsource, type LogsourceLike } from './applies.js';
export { WINDOWS_CATEGORIES, WINDOWS_SERVICES, type WindowsOrigin } from './windows-tables.js';
export { LINUX_CATEGORIES, LINUX_SERVICES, GENERIC_CATEGORIES } from './other-tables.js';
