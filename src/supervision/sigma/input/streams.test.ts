import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { scanJsonValues, type ScannedValue } from './json-scanner.js';
import { splitLines, type LineItem } from './line-splitter.js';
import { sniffFormat } from './sniff.js';

function chunked(text: string | Buffer, size: number): AsyncIterable<Buffer> {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks) as AsyncIterable<Buffer>;
}

async function lines(text: string | Buffer, size: number, max = 1000): Promise<LineItem[]> {
  const out: LineItem[] = [];
  for await (const item of splitLines(chunked(text, size), max)) out.push(item);
  return out;
}

async function values(
  text: string,
  size: number,
  array: boolean,
  max = 1000,
): Promise<ScannedValue[]> {
  const out: ScannedValue[] = [];
  for await (const item of scanJsonValues(chunked(text, size), { array, maxBytes: max }))
    out.push(item);
  return out;
}

describe('splitLines', () => {
  it('gives the same lines whatever the chunk size, multibyte characters included', async () => {
    const text = '\ufeffé1\r\n€2\n\n𝄞3';
    for (const size of [1, 2, 3, 5, 100]) {
      expect(await lines(text, size)).toEqual([
        { kind: 'line', text: 'é1', line: 1 },
        { kind: 'line', text: '€2', line: 2 },
        { kind: 'line', text: '', line: 3 },
        { kind: 'line', text: '𝄞3', line: 4 },
      ]);
    }
  });

  it('skips an over-long line spread over many chunks, counting its bytes', async () => {
    const text = `ok\n${'x'.repeat(50)}\nend`;
    for (const size of [1, 7, 1000]) {
      expect(await lines(text, size, 10)).toEqual([
        { kind: 'line', text: 'ok', line: 1 },
        { kind: 'over-long', line: 2, bytes: 50 },
        { kind: 'line', text: 'end', line: 3 },
      ]);
    }
    expect(await lines('y'.repeat(20), 3, 10)).toEqual([{ kind: 'over-long', line: 1, bytes: 20 }]);
  });
});

describe('scanJsonValues', () => {
  it('cuts values across chunk boundaries, with braces and escapes in strings', async () => {
    const text = '{"a":"}\\"{"}\n{"b":{"c":[1,{}]}}  {"d":"\\\\"}';
    for (const size of [1, 4, 1000]) {
      expect(await values(text, size, false)).toEqual([
        { kind: 'value', text: '{"a":"}\\"{"}', index: 1 },
        { kind: 'value', text: '{"b":{"c":[1,{}]}}', index: 2 },
        { kind: 'value', text: '{"d":"\\\\"}', index: 3 },
      ]);
    }
  });

  it('reads array elements and reports trailing garbage', async () => {
    expect(await values('[ {"a":1} , [2] ] junk', 3, true)).toEqual([
      { kind: 'value', text: '{"a":1}', index: 1 },
      { kind: 'value', text: '[2]', index: 2 },
      { kind: 'garbage', index: 3, sample: 'junk' },
    ]);
  });

  it('reports an over-long value spread over chunks and a truncated end', async () => {
    const text = `{"a":"${'z'.repeat(40)}"} {"b":1} {"c":`;
    expect(await values(text, 5, false, 20)).toEqual([
      { kind: 'over-long', index: 1, bytes: 48 },
      { kind: 'value', text: '{"b":1}', index: 2 },
      { kind: 'truncated', index: 3 },
    ]);
  });
});

describe('sniffFormat', () => {
  const cases: [string, string | Buffer, boolean][] = [
    ['json-lines', '{"a":1}\n{"a":2}\n', true],
    ['json-concat', '{\n  "a": 1\n}\n{\n  "a": 2\n}\n', true],
    ['json-concat', '{"a":1}{"a":2}', true],
    ['json-array', '  [{"a":1}]', true],
    ['json-lines', '', true],
    ['evtx', Buffer.concat([Buffer.from('ElfFile\0', 'latin1'), Buffer.alloc(8)]), false],
    ['syslog', 'Mar  3 10:00:01 web1 sshd[811]: x\nMar  3 10:00:02 web1 sshd[811]: y\n', true],
    ['syslog', '<34>1 2003-10-11T22:14:15.003Z h app - - - m\n', true],
    ['auditd', 'type=SYSCALL msg=audit(1.1:1): a=b\ntype=CWD msg=audit(1.1:1): cwd="/"\n', true],
    ['access-log', '1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.0" 200 1\n', true],
    ['csv', 'a,b,c\n1,2,3\n', true],
    ['text', 'hello\nworld\n', true],
    ['json-lines', 'garbage\n{"a":1}\n{"a":2}\n', true],
    ['json-lines', '{broken\n{"a":1}\n{"a":2}\n', true],
  ];
  it.each(cases)('%s ← %j', (format, text, complete) => {
    expect(sniffFormat(typeof text === 'string' ? Buffer.from(text) : text, complete)).toBe(format);
  });
});

describe('byte order mark', () => {
  it('is skipped by the JSON scanner whatever the chunking', async () => {
    for (const size of [1, 2, 100]) {
      expect(await values('\ufeff{"a":1}', size, false)).toEqual([
        { kind: 'value', text: '{"a":1}', index: 1 },
      ]);
    }
  });
});
