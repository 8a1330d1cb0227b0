/** EVTX (Windows binary event log) reader: `parseEvtx` streams records as evtx_dump-style JSON. */
export { parseEvtx } from './parse-evtx.js';
export type { EvtxOptions, EvtxParseResult, EvtxRecord } from './parse-evtx.js';
export type { EvtxValue } from './nodes.js';
