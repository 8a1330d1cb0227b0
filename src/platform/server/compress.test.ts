import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gzipOf, jsonBody } from './compress.js';

function replyStub() {
  const headers: Record<string, string> = {};
  let type = '';
  const reply = {
    header: (name: string, value: string) => {
      headers[name] = value;
      return reply;
    },
    type: (value: string) => {
      type = value;
      return reply;
    },
  };
  return { reply, headers, type: () => type };
}

describe('jsonBody', () => {
  const big = JSON.stringify({ items: Array.from({ length: 200 }, (_, i) => ({ id: `f-${i}` })) });

  it('gzips large bodies for clients that accept gzip, once per body', () => {
    const { reply, headers, type } = replyStub();
    const body = jsonBody(
      { headers: { 'accept-encoding': 'gzip, deflate, br' } },
      reply as never,
      big,
    );
    expect(Buffer.isBuffer(body)).toBe(true);
    expect(headers['content-encoding']).toBe('gzip');
    expect(headers.vary).toBe('accept-encoding');
    expect(type()).toMatch(/^application\/json/);
    expect(gunzipSync(body as Buffer).toString('utf8')).toBe(big);
    expect(gzipOf(big)).toBe(body); // kept: the same buffer again
  });

  it('sends text to clients without gzip, refusing it (q=0), or for small bodies', () => {
    for (const headers of [
      {},
      { 'accept-encoding': 'identity' },
      { 'accept-encoding': 'gzip;q=0' },
    ]) {
      const { reply, headers: sent } = replyStub();
      expect(jsonBody({ headers }, reply as never, big)).toBe(big);
      expect(sent['content-encoding']).toBeUndefined();
    }
    const { reply } = replyStub();
    expect(jsonBody({ headers: { 'accept-encoding': 'gzip' } }, reply as never, '{"a":1}')).toBe(
      '{"a":1}',
    );
  });
});
