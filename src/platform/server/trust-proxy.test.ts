import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../store/test-support.js';
import type { TestStore } from '../store/test-support.js';
import { buildApp } from './app.js';
import { fastifyTrustProxy, parseTrustProxy } from './trust-proxy.js';
import type { TrustProxy } from './trust-proxy.js';

describe('parseTrustProxy', () => {
  it.each([
    [undefined, { kind: 'none' }],
    ['', { kind: 'none' }],
    ['  ', { kind: 'none' }],
    ['0', { kind: 'none' }],
    ['1', { kind: 'hops', hops: 1 }],
    [' 2 ', { kind: 'hops', hops: 2 }],
    ['32', { kind: 'hops', hops: 32 }],
    ['127.0.0.1', { kind: 'addresses', addresses: ['127.0.0.1'] }],
    [
      '10.0.0.0/8, fd00::/8 ,::1,loopback,uniquelocal',
      {
        kind: 'addresses',
        addresses: ['10.0.0.0/8', 'fd00::/8', '::1', 'loopback', 'uniquelocal'],
      },
    ],
  ])('accepts %j', (text, expected) => {
    expect(parseTrustProxy(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['true', '"true"'],
    ['33', '"33"'],
    ['-1', '"-1"'],
    ['1.5', '"1.5"'],
    ['10.0.0.0/33', '"10.0.0.0/33"'],
    ['10.0.0.1,', '""'],
    ['10.0.0.1, proxy.example', '"proxy.example"'],
    ['256.0.0.1', '"256.0.0.1"'],
  ])('refuses %j, naming the bad entry in both languages', (text, shown) => {
    const result = parseTrustProxy(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_trust_proxy');
    expect(result.error.message.en).toContain(shown);
    expect(result.error.message.en).toContain('hop count');
    expect(result.error.message.fr).toContain(shown);
    expect(result.error.message.fr).toContain('relais');
  });

  it('gives Fastify a hop function it honours (a bare number is ignored by Fastify 5)', () => {
    expect(fastifyTrustProxy(undefined)).toBe(false);
    expect(fastifyTrustProxy({ kind: 'none' })).toBe(false);
    expect(fastifyTrustProxy({ kind: 'addresses', addresses: ['::1'] })).toEqual(['::1']);
    const hops = fastifyTrustProxy({ kind: 'hops', hops: 2 });
    expect(typeof hops).toBe('function');
    if (typeof hops !== 'function') return;
    expect([0, 1, 2].map((hop) => hops('192.0.2.1', hop))).toEqual([true, true, false]);
  });
});

describe('X-Forwarded-For behind a reverse proxy', () => {
  let testStore: TestStore;
  beforeAll(async () => {
    testStore = await openTestStore('sqlite');
  });
  afterAll(async () => {
    await testStore.dispose();
  });

  let run = 0;

  /**
   * One login attempt per minute and client: the per-IP limiter (429 `rate_limited`) shows
   * which address the server saw. A new e-mail per run keeps the per-account throttle out of it.
   */
  async function limitedBy(
    trustProxy: TrustProxy | undefined,
    requests: readonly { peer: string; forwarded?: string }[],
  ): Promise<string[]> {
    run += 1;
    const app: FastifyInstance = buildApp({
      store: testStore.store,
      loginAttemptsPerMinute: 1,
      ...(trustProxy === undefined ? {} : { trustProxy }),
    });
    const statuses: string[] = [];
    try {
      for (const { peer, forwarded } of requests) {
        const response = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress: peer,
          headers: {
            'content-type': 'application/json',
            ...(forwarded === undefined ? {} : { 'x-forwarded-for': forwarded }),
          },
          payload: { email: `nobody${String(run)}@example.test`, password: 'whatever' },
        });
        statuses.push(response.json<{ code: string }>().code);
      }
    } finally {
      await app.close();
    }
    return statuses;
  }

  const twoClientsThroughProxy = [
    { peer: '10.0.0.5', forwarded: '198.51.100.1' },
    { peer: '10.0.0.5', forwarded: '198.51.100.2' },
  ];

  it('ignores X-Forwarded-For by default: every client looks like the proxy', async () => {
    expect(await limitedBy(undefined, twoClientsThroughProxy)).toEqual([
      'invalid_credentials',
      'rate_limited',
    ]);
    expect(await limitedBy({ kind: 'none' }, twoClientsThroughProxy)).toEqual([
      'invalid_credentials',
      'rate_limited',
    ]);
  });

  it('sees each client behind a trusted proxy address or network', async () => {
    for (const addresses of [['10.0.0.5'], ['10.0.0.0/24']]) {
      expect(await limitedBy({ kind: 'addresses', addresses }, twoClientsThroughProxy)).toEqual([
        'invalid_credentials',
        'invalid_credentials',
      ]);
    }
  });

  it('sees each client behind a trusted hop count', async () => {
    expect(await limitedBy({ kind: 'hops', hops: 1 }, twoClientsThroughProxy)).toEqual([
      'invalid_credentials',
      'invalid_credentials',
    ]);
  });

  it('ignores the header from a peer that is not a trusted proxy (no spoofing)', async () => {
    const direct = [
      { peer: '203.0.113.9', forwarded: '198.51.100.1' },
      { peer: '203.0.113.9', forwarded: '198.51.100.2' },
    ];
    expect(await limitedBy({ kind: 'addresses', addresses: ['10.0.0.5'] }, direct)).toEqual([
      'invalid_credentials',
      'rate_limited',
    ]);
  });

  it('takes the address the trusted proxy saw, not one the client prepended', async () => {
    const spoofing = [
      { peer: '10.0.0.5', forwarded: '1.1.1.1, 198.51.100.1' },
      { peer: '10.0.0.5', forwarded: '2.2.2.2, 198.51.100.1' },
    ];
    expect(await limitedBy({ kind: 'addresses', addresses: ['10.0.0.5'] }, spoofing)).toEqual([
      'invalid_credentials',
      'rate_limited',
    ]);
  });
});
