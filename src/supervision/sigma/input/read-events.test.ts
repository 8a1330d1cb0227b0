import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { InputRecord, SigmaDiagnostic } from '../types.js';
import { isInputDiagnostic } from './diagnostics.js';
import { readEvents, type ReadEventsOptions } from './read-events.js';

const dir = mkdtempSync(join(tmpdir(), 'sigma-input-'));
const fixtures = new URL('../../../../test/fixtures/sigma/input/', import.meta.url);

function write(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function collect(path: string, options: ReadEventsOptions = {}) {
  const records: InputRecord[] = [];
  const diagnostics: SigmaDiagnostic[] = [];
  for await (const item of readEvents(path, { file: 'in', year: 2024, ...options })) {
    if (isInputDiagnostic(item)) diagnostics.push(item);
    else records.push(item);
  }
  return {
    records,
    diagnostics,
    lines: records.map((r) => r.line),
    codes: diagnostics.map((d) => `${d.code}@${String(d.line)}`),
  };
}

describe('JSON lines', () => {
  it('reads records with their line numbers, skipping blank lines', async () => {
    const r = await collect(write('a.jsonl', '{"a":1}\n\n{"a":2}\n{"a":3}'));
    expect(r.records.map((x) => x.event)).toEqual([{ a: 1 }, { a: 2 }, { a: 3 }]);
    expect(r.lines).toEqual([1, 3, 4]);
    expect(r.records[0]?.file).toBe('in');
    expect(r.codes).toEqual([]);
  });

  it('handles CRLF and a UTF-8 BOM', async () => {
    const r = await collect(write('crlf.jsonl', '\ufeff{"a":"é"}\r\n{"a":2}\r\n'));
    expect(r.records.map((x) => x.event)).toEqual([{ a: 'é' }, { a: 2 }]);
    expect(r.lines).toEqual([1, 2]);
  });

  it('reports garbage lines and goes on', async () => {
    const r = await collect(
      write('g.jsonl', '{"a":1}\nnot json at all\n{"a":2}\n[1,2]\n{"a":3}\n{"a":'),
    );
    expect(r.lines).toEqual([1, 3, 5]);
    expect(r.codes).toEqual(['input-bad-json@2', 'input-not-object@4', 'input-bad-json@6']);
    expect(r.diagnostics[0]?.message.en).toContain('not json at all');
    expect(r.diagnostics[0]?.message.fr).toContain('n’est pas du JSON valide');
  });

  it('skips an over-long line without keeping it, then reads on', async () => {
    const long = `{"a":"${'x'.repeat(5000)}"}`;
    const r = await collect(write('long.jsonl', `{"a":1}\n${long}\n{"a":2}\n${long}`), {
      maxRecordBytes: 1000,
    });
    expect(r.lines).toEqual([1, 3]);
    expect(r.codes).toEqual(['input-record-too-long@2', 'input-record-too-long@4']);
    expect(r.diagnostics[0]?.message.en).toContain(`${String(long.length)} bytes`);
  });

  it('reads gzip, detected by content whatever the name', async () => {
    const path = write('compressed.log', gzipSync('{"a":1}\n{"a":2}\n'));
    const r = await collect(path);
    expect(r.records.map((x) => x.event)).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it('reports progress up to the file size', async () => {
    const path = write('p.jsonl', '{"a":1}\n'.repeat(100));
    const seen: [number, number][] = [];
    await collect(path, { onProgress: (read, total) => seen.push([read, total]) });
    expect(seen.at(-1)).toEqual([800, 800]);
  });
});

describe('concatenated JSON and arrays', () => {
  it('reads pretty-printed concatenated objects numbered by object (SigmaHQ regression file)', async () => {
    const r = await collect(new URL('regression/concatenated-sysmon.json', fixtures).pathname);
    expect(r.lines).toEqual([1, 2, 3, 4, 5, 6]);
    expect(r.codes).toEqual([]);
    expect(r.records.every((x) => x.source.eventId === 1)).toBe(true);
  });

  it('reports garbage between objects and a truncated last object', async () => {
    const text = '{\n "a": 1\n}\noops\n{"a": "}{"}\n{"b": [1, {"c": 2}]}\n{"d": 1,\n';
    const r = await collect(write('c.json', text));
    expect(r.records.map((x) => x.event)).toEqual([{ a: 1 }, { a: '}{' }, { b: [1, { c: 2 }] }]);
    expect(r.lines).toEqual([1, 2, 3]);
    expect(r.codes).toEqual(['input-garbage@2', 'input-truncated-json@4']);
  });

  it('streams a JSON array, with an over-long element skipped', async () => {
    const big = `{"x":"${'y'.repeat(3000)}"}`;
    const r = await collect(write('arr.json', `[\n {"a":1},\n ${big},\n {"a":2}\n]\n`), {
      maxRecordBytes: 1000,
    });
    expect(r.records.map((x) => x.event)).toEqual([{ a: 1 }, { a: 2 }]);
    expect(r.lines).toEqual([1, 3]);
    expect(r.codes).toEqual(['input-record-too-long@2']);
  });

  it('reads an array element that is bad JSON inside as a diagnostic', async () => {
    const r = await collect(write('arr2.json', '[{"a":1},{"a":tru},{"a":3}]'));
    expect(r.lines).toEqual([1, 3]);
    expect(r.codes).toEqual(['input-bad-json@2']);
  });
});

describe('text formats', () => {
  it('reads an auth.log with a garbage line', async () => {
    const text = [
      'Mar  3 10:00:01 web1 sshd[811]: Failed password for root from 10.0.0.9 port 2222 ssh2',
      'Mar  3 10:00:02 web1 sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/ls',
      '\u0000\u0001 binary noise',
      'Mar  3 10:00:03 web1 CRON[99]: (root) CMD (run-parts /etc/cron.hourly)',
    ].join('\n');
    const r = await collect(write('auth.log', text));
    expect(r.lines).toEqual([1, 2, 4]);
    expect(r.codes).toEqual(['input-bad-line@3']);
    expect(r.records[0]?.event).toEqual({
      host: 'web1',
      program: 'sshd',
      pid: 811,
      message: 'Failed password for root from 10.0.0.9 port 2222 ssh2',
    });
    expect(r.records.map((x) => x.source.service)).toEqual(['sshd', 'sudo', 'cron']);
    expect(r.records[0]?.time).toBe(Date.UTC(2024, 2, 3, 10, 0, 1));
  });

  it('reads auditd lines', async () => {
    const r = await collect(
      write('audit.log', 'type=EXECVE msg=audit(1604994496.155:92733): argc=2 a0="arp" a1="-a"\n'),
    );
    expect(r.records[0]?.event).toEqual({
      type: 'EXECVE',
      serial: 92733,
      argc: '2',
      a0: 'arp',
      a1: '-a',
    });
    expect(r.records[0]?.source).toEqual({ product: 'linux', service: 'auditd' });
  });

  it('reads CSV with quoted fields spanning lines, numbered by starting line', async () => {
    const text =
      'EventID,Channel,CommandLine\r\n4688,Security,"cmd /c ""a,b"""\r\n1,Microsoft-Windows-Sysmon/Operational,"line1\r\nline2"\r\n5,Security\r\n';
    const r = await collect(write('e.csv', text), { format: 'csv' });
    expect(r.records.map((x) => x.event.CommandLine)).toEqual(['cmd /c "a,b"', 'line1\nline2']);
    expect(r.lines).toEqual([2, 3]);
    expect(r.records[0]?.source).toEqual({
      product: 'windows',
      channel: 'Security',
      eventId: 4688,
    });
    expect(r.codes).toEqual(['input-csv-columns@5']);
  });

  it('sniffs CSV by its header', async () => {
    const r = await collect(write('s.csv', 'a,b\n1,2\n3,4\n'));
    expect(r.records.map((x) => x.event)).toEqual([
      { a: '1', b: '2' },
      { a: '3', b: '4' },
    ]);
  });

  it('reads unknown text as messages, with a warning', async () => {
    const r = await collect(write('t.txt', 'hello world\nsecond line\n'));
    expect(r.records.map((x) => x.event)).toEqual([
      { message: 'hello world' },
      { message: 'second line' },
    ]);
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['input-unknown-format', 'warning'],
    ]);
  });
});

describe('edge cases', () => {
  it('reads an empty file as no records and no diagnostics', async () => {
    const r = await collect(write('empty.json', ''));
    expect(r.records).toEqual([]);
    expect(r.diagnostics).toEqual([]);
  });

  it('reports a missing file', async () => {
    const r = await collect(join(dir, 'nope.json'));
    expect(r.codes).toEqual(['input-unreadable@0']);
    expect(r.diagnostics[0]?.file).toBe('in');
  });

  it('reports a corrupt gzip stream', async () => {
    const good = gzipSync('{"a":1}\n'.repeat(10));
    const r = await collect(write('bad.gz', good.subarray(0, good.length - 12)));
    expect(r.codes.at(-1)).toBe('input-unreadable@0');
  });

  it('recognises EVTX by its magic and hands it to the EVTX parser', async () => {
    const r = await collect(
      write('x.bin', Buffer.concat([Buffer.from('ElfFile\0', 'latin1'), Buffer.alloc(100)])),
    );
    expect(r.records).toEqual([]);
    expect(r.diagnostics.length).toBe(1);
    expect(r.diagnostics[0]?.file).toBe('in');
    expect(r.diagnostics[0]?.code).not.toBe('input-unreadable');
  });
});
