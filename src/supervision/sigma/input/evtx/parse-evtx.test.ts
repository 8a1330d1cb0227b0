import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32 } from './crc32.js';
import { parseEvtx, type EvtxRecord } from './parse-evtx.js';

const FIXTURES = new URL('../../../../../test/fixtures/sigma/evtx/', import.meta.url);

interface Case {
  readonly evtx: string;
  readonly json: string;
  readonly json_format: string;
  readonly json_event_count: number;
}

const manifest = JSON.parse(readFileSync(new URL('manifest.json', FIXTURES), 'utf8')) as {
  cases: Case[];
};

function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, FIXTURES)));
}

/** Splits concatenated (not newline-delimited) JSON objects, as in SigmaHQ's regression data. */
function parseConcatenated(text: string): unknown[] {
  const out: unknown[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') {
      if (depth++ === 0) start = i;
    } else if (c === '}' && --depth === 0) out.push(JSON.parse(text.slice(start, i + 1)));
  }
  return out;
}

function all(bytes: Uint8Array, checksums = true): { records: EvtxRecord[]; codes: string[] } {
  const result = parseEvtx(bytes, 'x.evtx', { checksums });
  const records = [...result.events];
  return { records, codes: result.diagnostics.map((d) => d.code) };
}

/** The 7-record Sysmon fixture; its records start at these chunk offsets, data ends at 7744. */
const SEVEN = 'efc21479-9e83-41da-8cf1-122e06ba8db3.evtx';
const SEVEN_OFFSETS = [512, 2984, 3768, 4552, 5320, 6120, 6928];

describe('parseEvtx on SigmaHQ regression files', () => {
  it.each(manifest.cases)('$evtx matches its JSON rendering ($json_format)', (c) => {
    const expected = parseConcatenated(readFileSync(new URL(c.json, FIXTURES), 'utf8'));
    const { records, codes } = all(fixture(c.evtx));
    expect(codes).toEqual([]);
    expect(expected).toHaveLength(c.json_event_count);
    expect(records.map((r) => r.event)).toEqual(expected);
  });

  it('numbers records from 1 and reports the header record id and time', () => {
    const { records } = all(fixture(SEVEN));
    expect(records.map((r) => r.record)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // An exported log renumbers record headers; EventRecordID keeps the original id.
    expect(records.map((r) => r.recordId)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const system = records[0]?.event.Event as { System: { EventRecordID: number } };
    expect(system.System.EventRecordID).toBe(129825);
    expect(records.map((r) => r.time)).toEqual([
      1775645884850, 1775645884850, 1775645884864, 1775645884864, 1775645884880, 1775645884880,
      1775645884888,
    ]);
  });

  it('can be iterated twice without duplicating diagnostics', () => {
    const bytes = fixture(SEVEN).slice(0, 4096 + 3000);
    const result = parseEvtx(bytes, 'cut.evtx');
    expect([...result.events]).toHaveLength(1);
    const first = [...result.diagnostics];
    expect([...result.events]).toHaveLength(1);
    expect(result.diagnostics).toEqual(first);
    expect(first[0]?.message.fr).toContain('tronqué');
  });
});

describe('parseEvtx on damaged input', () => {
  const full = all(fixture(SEVEN)).records;

  it.each([
    [0, 0, ['evtx-empty']],
    [100, 0, ['evtx-truncated']],
    [4096, 0, ['evtx-truncated']],
    [4096 + 300, 0, ['evtx-truncated']],
    [4096 + 3000, 1, ['evtx-truncated']],
    [4096 + 3768, 2, ['evtx-truncated']],
    [4096 + 7000, 6, ['evtx-truncated']],
    [4096 + 7800, 7, ['evtx-short-chunk']],
  ])('a file cut at %i bytes yields %i records', (cut, count, codes) => {
    const { records, codes: got } = all(fixture(SEVEN).slice(0, cut));
    expect(records).toHaveLength(count);
    expect(records.map((r) => r.event)).toEqual(full.slice(0, count).map((r) => r.event));
    expect(got).toEqual(codes);
  });

  it('never throws on any cut and always yields a prefix of the records', () => {
    const bytes = fixture(SEVEN);
    for (let cut = 0; cut < 4096 + 7800; cut += 61) {
      const { records } = all(bytes.slice(0, cut));
      const whole = SEVEN_OFFSETS.filter(
        (o, i) => 4096 + (SEVEN_OFFSETS[i + 1] ?? 7744) <= cut && o > 0,
      ).length;
      expect(records.length).toBe(whole);
    }
  });

  it('skips a chunk without signature and reads the next one', () => {
    const one = fixture(SEVEN);
    const other = fixture('271de298-cc0e-4842-acd8-079a0a99ea65.evtx');
    const bytes = new Uint8Array(4096 + 2 * 65536);
    bytes.set(one.subarray(0, 4096 + 65536));
    bytes.set(other.subarray(4096, 4096 + 65536), 4096 + 65536);
    bytes[42] = 2;
    const headerSum = crc32(bytes, 0, 120);
    new DataView(bytes.buffer).setUint32(124, headerSum, true);
    expect(all(bytes).records).toHaveLength(8);
    bytes[4096] = 0x58;
    const { records, codes } = all(bytes);
    expect(records).toHaveLength(1);
    expect(records[0]?.record).toBe(1);
    expect(codes).toEqual(['evtx-bad-chunk']);
  });

  it('warns on a chunk checksum mismatch and still reads the records', () => {
    const bytes = fixture(SEVEN);
    bytes[4096 + 60] = (bytes[4096 + 60] ?? 0) ^ 0xff;
    const { records, codes } = all(bytes);
    expect(records).toHaveLength(7);
    expect(codes).toEqual(['evtx-checksum']);
    expect(all(bytes, false).codes).toEqual([]);
  });

  it('resynchronises after a damaged record header', () => {
    const bytes = fixture(SEVEN);
    bytes[4096 + 2984] = 0;
    const { records, codes } = all(bytes, false);
    expect(records.map((r) => r.record)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(records.map((r) => r.event)).toEqual([full[0], ...full.slice(2)].map((r) => r?.event));
    expect(codes).toEqual(['evtx-bad-record']);
  });

  it('skips a record whose BinXML is damaged and keeps its number', () => {
    const bytes = fixture(SEVEN);
    bytes[4096 + 3768 + 24 + 4] = 0x1f;
    const result = parseEvtx(bytes, 'bad.evtx', { checksums: false });
    const records = [...result.events];
    expect(records.map((r) => r.record)).toEqual([1, 2, 4, 5, 6, 7]);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({
      code: 'evtx-binxml-token',
      severity: 'error',
      file: 'bad.evtx',
      line: 3,
      path: 'chunk 0, offset 0xeb8',
    });
  });

  it('rejects a file that is not EVTX', () => {
    const { records, codes } = all(new TextEncoder().encode('{"Event": {}}\n'.repeat(400)));
    expect(records).toEqual([]);
    expect(codes).toEqual(['evtx-not-evtx']);
  });

  it('never throws on random byte corruption', () => {
    const original = fixture(SEVEN);
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.integer({ min: 0, max: 4096 + 8000 }), fc.integer({ min: 0, max: 255 })),
          {
            minLength: 1,
            maxLength: 40,
          },
        ),
        (edits) => {
          const bytes = original.slice();
          for (const [offset, value] of edits) bytes[offset] = value;
          const { records } = all(bytes);
          expect(records.length).toBeLessThanOrEqual(7 + 40);
        },
      ),
      { numRuns: 300, seed: 6 },
    );
  });
});

describe('parseEvtx performance', () => {
  it('parses several thousand records per second', () => {
    const source = fixture(SEVEN);
    const chunk = source.slice(4096, 4096 + 65536);
    const repeat = chunk.slice(2984, 3768);
    let pos = 3768;
    while (pos + repeat.length <= 65536) {
      chunk.set(repeat, pos);
      pos += repeat.length;
    }
    new DataView(chunk.buffer).setUint32(48, pos, true);
    const bytes = new Uint8Array(4096 + 16 * 65536);
    bytes.set(source.subarray(0, 4096));
    for (let i = 0; i < 16; i++) bytes.set(chunk, 4096 + i * 65536);
    const t0 = performance.now();
    const { records } = all(bytes, false);
    const perSecond = records.length / ((performance.now() - t0) / 1000);
    expect(records).toHaveLength(16 * 80);
    expect(perSecond).toBeGreaterThan(5000);
  });
});
