import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isInputDiagnostic, isInputRecord } from './diagnostics.js';
import { readEvtxBytes } from './evtx-reader.js';
import { normaliseJson } from './normalise-json.js';

const fixtures = new URL('../../../../test/fixtures/sigma/input/regression/', import.meta.url);

describe('EVTX records normalised like their JSON rendering', () => {
  for (const name of ['sysmon-image-load', 'wmi-userdata']) {
    it(name, () => {
      const items = [...readEvtxBytes(readFileSync(new URL(`${name}.evtx`, fixtures)), 'f.evtx')];
      const records = items.filter(isInputRecord);
      expect(items.filter(isInputDiagnostic)).toEqual([]);
      expect(records.length).toBe(1);
      const expected = normaliseJson(
        JSON.parse(readFileSync(new URL(`${name}.json`, fixtures), 'utf8')),
      );
      const record = records[0];
      expect(record?.line).toBe(1);
      expect(record?.file).toBe('f.evtx');
      expect(record?.source).toEqual(expected?.source);
      expect(record?.event).toEqual(expected?.event);
    });
  }

  it('passes the parser diagnostics on for bytes that are not EVTX', () => {
    const items = [...readEvtxBytes(new Uint8Array([1, 2, 3]), 'bad.evtx')];
    expect(items.length).toBe(1);
    expect(items.every(isInputDiagnostic)).toBe(true);
  });
});
