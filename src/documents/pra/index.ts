/** The PRA document (disaster recovery plan, CP4): `buildPra(input, options)`. */
export { buildPra, PRA_SECTION_IDS, type PraOptions } from './build-pra.js';
export type { GanttDrawer } from './engines.js';
