import { describe, expect, it } from 'vitest';
import { buildQuery, parseMessage } from './wire.js';

/** A name in wire form: `www.good.test` → 3www4good4test0. */
function name(text: string): number[] {
  const out: number[] = [];
  for (const label of text.split('.')) out.push(label.length, ...Buffer.from(label));
  out.push(0);
  return out;
}

const u16 = (value: number): number[] => [value >> 8, value & 0xff];

/** A response header (id 0x1234, QR, RD, RA) with one question at offset 12. */
function response(
  answers: number[][],
  options: { flags?: number; qname?: string } = {},
): Uint8Array {
  const header = [
    ...u16(0x1234),
    ...u16(options.flags ?? 0x8180),
    0,
    1,
    ...u16(answers.length),
    0,
    0,
    0,
    0,
  ];
  const question = [...name(options.qname ?? 'good.test'), 0, 16, 0, 1];
  return Uint8Array.from([...header, ...question, ...answers.flat()]);
}

/** An answer record whose owner is a pointer to the question name (offset 12). */
function record(type: number, data: number[]): number[] {
  return [0xc0, 12, ...u16(type), 0, 1, 0, 0, 0x0e, 0x10, ...u16(data.length), ...data];
}

function parsed(bytes: Uint8Array) {
  const outcome = parseMessage(bytes);
  if (!outcome.ok) throw new Error(`unexpected parse error: ${outcome.error}`);
  return outcome.message;
}

describe('parseMessage', () => {
  it('reads the header, the question and A and AAAA records', () => {
    const aaaa = [0x20, 0x01, 0x0d, 0xb8, ...Array<number>(11).fill(0), 1];
    const message = parsed(response([record(1, [127, 0, 0, 81]), record(28, aaaa)]));
    expect(message.id).toBe(0x1234);
    expect(message.rcode).toBe(0);
    expect(message.truncated).toBe(false);
    expect(message.question).toEqual({ name: 'good.test', type: 16 });
    expect(message.answers.map((answer) => answer.data)).toEqual([
      { type: 'A', address: '127.0.0.81' },
      { type: 'AAAA', address: '2001:db8::1' },
    ]);
    expect(message.answers[0]?.name).toBe('good.test');
    expect(message.answers[0]?.ttl).toBe(3600);
  });

  it('writes IPv6 addresses in their RFC 5952 form (longest zero run compressed)', () => {
    const cases: [number[], string][] = [
      [[0x20, 0x01, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1], '2001:0:0:1::1'],
      [[...Array<number>(15).fill(0), 1], '::1'],
      [[0xfe, 0x80, ...Array<number>(14).fill(0)], 'fe80::'],
      [[0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1], '2001:db8:0:1:1:1:1:1'],
    ];
    for (const [bytes, expected] of cases)
      expect(parsed(response([record(28, bytes)])).answers[0]?.data).toEqual({
        type: 'AAAA',
        address: expected,
      });
  });

  it('reads the TC, AD and rcode bits', () => {
    const message = parsed(response([], { flags: 0x8000 | 0x0200 | 0x0020 | 3 }));
    expect(message.truncated).toBe(true);
    expect(message.authenticData).toBe(true);
    expect(message.rcode).toBe(3);
  });

  it('reads MX exchanges written with a compression pointer into the question', () => {
    // "mx" + pointer to good.test (offset 12)
    const message = parsed(response([record(15, [0, 10, 2, ...Buffer.from('mx'), 0xc0, 12])]));
    expect(message.answers[0]?.data).toEqual({
      type: 'MX',
      preference: 10,
      exchange: 'mx.good.test',
    });
  });

  it('joins the character-strings of a TXT record', () => {
    const first = 'v=DKIM1; k=rsa; p=ABC';
    const second = 'DEF';
    const data = [first.length, ...Buffer.from(first), second.length, ...Buffer.from(second)];
    expect(parsed(response([record(16, data)])).answers[0]?.data).toEqual({
      type: 'TXT',
      text: 'v=DKIM1; k=rsa; p=ABCDEF',
    });
  });

  it('reads CAA records (flags, tag lower-cased, value)', () => {
    const data = [128, 5, ...Buffer.from('ISSUE'), ...Buffer.from('ca.good.test')];
    expect(parsed(response([record(257, data)])).answers[0]?.data).toEqual({
      type: 'CAA',
      flags: 128,
      tag: 'issue',
      value: 'ca.good.test',
    });
  });

  it('reads DNSKEY and RRSIG summaries and keeps unknown types as codes', () => {
    const dnskey = [1, 1, 3, 13, 1, 2, 3];
    const rrsig = [0, 48, 13, 2];
    const message = parsed(response([record(48, dnskey), record(46, rrsig), record(99, [1])]));
    expect(message.answers.map((answer) => answer.data)).toEqual([
      { type: 'DNSKEY', flags: 257, algorithm: 13 },
      { type: 'RRSIG', covered: 48, algorithm: 13 },
      { type: 'other', code: 99 },
    ]);
  });

  it('refuses a pointer to itself (a loop) and a forward pointer', () => {
    const self = response([]);
    const looping = Uint8Array.from([...self, 0xc0, self.length, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    looping[7] = 1; // one answer, whose owner points at itself
    const outcome = parseMessage(looping);
    expect(outcome).toEqual({ ok: false, error: 'bad compression pointer' });
    const forward = response([[0xc0, 0x50, 0, 1, 0, 1, 0, 0, 0, 0, 0, 4, 1, 2, 3, 4]]);
    expect(parseMessage(forward)).toEqual({ ok: false, error: 'bad compression pointer' });
  });

  it('refuses truncated messages, short records and bad label lengths, without throwing', () => {
    const whole = response([record(1, [127, 0, 0, 81])]);
    for (let cut = 0; cut < whole.length; cut += 1) {
      const outcome = parseMessage(whole.subarray(0, cut));
      expect(outcome.ok, `cut at ${String(cut)}`).toBe(false);
    }
    expect(parseMessage(whole.subarray(0, 5))).toEqual({
      ok: false,
      error: 'message shorter than its header',
    });
    expect(parseMessage(response([record(1, [127, 0, 0])]))).toEqual({
      ok: false,
      error: 'bad A record',
    });
    const badLabel = response([]);
    badLabel[12] = 0x45; // 69 > 63, and not a pointer
    expect(parseMessage(badLabel)).toEqual({ ok: false, error: 'bad label length' });
    const badTxt = response([record(16, [10, 65])]);
    expect(parseMessage(badTxt)).toEqual({ ok: false, error: 'bad TXT string' });
  });
});

describe('buildQuery', () => {
  it('writes the header, the question and an EDNS0 OPT record without DO', () => {
    const query = buildQuery(0xbeef, 'Good.Test.', 'MX');
    expect([...query.subarray(0, 12)]).toEqual([0xbe, 0xef, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1]);
    const qname = name('Good.Test');
    expect([...query.subarray(12, 12 + qname.length)]).toEqual(qname);
    expect([...query.subarray(12 + qname.length, 16 + qname.length)]).toEqual([0, 15, 0, 1]);
    const opt = [...query.subarray(16 + qname.length)];
    expect(opt).toEqual([0, 0, 41, 0x10, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('sets the DO bit when DNSSEC records are asked for, and parses back as its own question', () => {
    const query = buildQuery(7, 'good.test', 'DNSKEY', true);
    expect(query[query.length - 4]).toBe(0x80);
    const outcome = parsed(query);
    expect(outcome.id).toBe(7);
    expect(outcome.question).toEqual({ name: 'good.test', type: 48 });
  });

  it('refuses a label longer than 63 bytes', () => {
    expect(() => buildQuery(1, `${'a'.repeat(64)}.test`, 'A')).toThrow(/label too long/);
  });
});
