import { describe, expect, it } from 'vitest';
import type { Conn, ReadOptions, ReadResult } from '../net/types.js';
import { DEFAULT_HTTP_LIMITS, decodeChunked, httpRequest, parseHead } from './client.js';

/** A connection that answers with fixed bytes (then closes, or stays silent). */
function scripted(answer: string, closeAfter = true): Conn & { written: string[] } {
  let rest = Buffer.from(answer, 'latin1');
  const written: string[] = [];
  return {
    remote: { address: '127.0.0.70', port: 80 },
    written,
    write(data) {
      written.push(typeof data === 'string' ? data : Buffer.from(data).toString());
      return Promise.resolve();
    },
    read(options: ReadOptions): Promise<ReadResult> {
      // delivers small chunks so `until` is honoured as with a real socket
      let out = Buffer.alloc(0);
      while (rest.length > 0 && out.length < options.maxBytes) {
        const size = Math.min(16, options.maxBytes - out.length);
        out = Buffer.concat([out, rest.subarray(0, size)]);
        rest = rest.subarray(size);
        if (options.until?.(out) === true) return Promise.resolve({ bytes: out, end: 'until' });
      }
      if (out.length >= options.maxBytes) return Promise.resolve({ bytes: out, end: 'max-bytes' });
      return Promise.resolve({ bytes: out, end: closeAfter ? 'closed' : 'timeout' });
    },
    close: () => undefined,
  };
}

const get = (conn: Conn, limits = DEFAULT_HTTP_LIMITS) =>
  httpRequest(conn, { method: 'GET', path: '/', host: 'site.test' }, limits, () => 0);

describe('the HTTP/1.1 client', () => {
  it('sends one request with Host and Connection: close', async () => {
    const conn = scripted('HTTP/1.1 204 No Content\r\n\r\n');
    const response = await get(conn);
    expect(conn.written[0]).toMatch(
      /^GET \/ HTTP\/1\.1\r\nHost: site\.test\r\n[\s\S]*Connection: close\r\n\r\n$/,
    );
    expect(response).toMatchObject({
      status: 204,
      reason: 'No Content',
      bodyLength: 0,
      error: null,
    });
  });

  it('keeps headers in order with folded lines joined, and reads a Content-Length body', async () => {
    const response = await get(
      scripted('HTTP/1.1 200 OK\r\nB: 1\r\nA: x\r\n  y\r\nContent-Length: 5\r\n\r\nhello trailing'),
    );
    expect(response.headers).toEqual([
      ['B', '1'],
      ['A', 'x y'],
      ['Content-Length', '5'],
    ]);
    expect(response.bodySample).toBe('hello');
    expect(response.truncated).toBe(false);
  });

  it('decodes a chunked body, with extensions, and flags an unfinished one', async () => {
    const whole = await get(
      scripted(
        'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x=1\r\nhello\r\n6\r\n world\r\n0\r\n\r\n',
        false,
      ),
    );
    expect(whole.bodySample).toBe('hello world');
    expect(whole.truncated).toBe(false);
    const cut = decodeChunked(Buffer.from('5\r\nhel'));
    expect(Buffer.from(cut.body).toString()).toBe('hel');
    expect(cut.complete).toBe(false);
  });

  it('caps the body and says so', async () => {
    const limits = { ...DEFAULT_HTTP_LIMITS, maxBodyBytes: 10 };
    const response = await get(
      scripted(`HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n${'x'.repeat(100)}`),
      limits,
    );
    expect(response.bodyLength).toBe(10);
    expect(response.truncated).toBe(true);
  });

  it.each([
    ['garbage', 'SSH-2.0-OpenSSH_9.2\r\n\r\n', /not an HTTP response/],
    ['a malformed header', 'HTTP/1.1 200 OK\r\nno colon here\r\n\r\n', /malformed header line/],
    [
      'too many headers',
      `HTTP/1.1 200 OK\r\n${'X: 1\r\n'.repeat(101)}\r\n`,
      /more than 100 headers/,
    ],
    [
      'headers over the byte cap',
      `HTTP/1.1 200 OK\r\n${'X: 1\r\n'.repeat(10000)}`,
      /headers longer than 32768 bytes/,
    ],
    [
      'a close before the end of the headers',
      'HTTP/1.1 200 OK\r\nX: 1\r\n',
      /closed before the end of the headers/,
    ],
  ])('refuses %s with a clear error', async (_what, answer, error) => {
    const response = await get(scripted(answer));
    expect(response.status).toBeNull();
    expect(response.error).toMatch(error);
  });

  it('parses the status line strictly', () => {
    expect(parseHead('HTTP/1.0 404', 10)).toMatchObject({ ok: true, status: 404, reason: '' });
    expect(parseHead('HTTP/1.1 2000 OK', 10).ok).toBe(false);
  });
});
