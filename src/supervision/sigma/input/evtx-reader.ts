/**
 * The one place that reaches the EVTX parser (`./evtx/`, written separately): turns its records
 * (evtx_dump's JSON tree) into normalised InputRecords numbered by record ordinal, and passes
 * its diagnostics on in the order they arise. Pure over the file's bytes.
 */
import type { InputRecord } from '../types.js';
import type { InputItem } from './diagnostics.js';
import { parseEvtx } from './evtx/index.js';
import { inputProblems } from './input-messages.js';
import { normaliseJson } from './normalise-json.js';

/** Yields the records and diagnostics of an EVTX file's bytes. */
export function* readEvtxBytes(bytes: Uint8Array, file: string): Generator<InputItem> {
  const { events, diagnostics } = parseEvtx(bytes, file);
  let reported = 0;
  for (const record of events) {
    while (reported < diagnostics.length) {
      const d = diagnostics[reported++];
      if (d !== undefined) yield d;
    }
    const n = normaliseJson(record.event);
    if (n === undefined) {
      yield inputProblems.notObject(file, record.record);
      continue;
    }
    const time = Number.isNaN(record.time) ? n.time : record.time;
    const item: InputRecord =
      time === undefined
        ? { event: n.event, file, line: record.record, source: n.source }
        : { event: n.event, file, line: record.record, source: n.source, time };
    yield item;
  }
  while (reported < diagnostics.length) {
    const d = diagnostics[reported++];
    if (d !== undefined) yield d;
  }
}
