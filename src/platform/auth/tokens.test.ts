import { describe, expect, it } from 'vitest';
import {
  hashToken,
  isWellFormedToken,
  newCsrfToken,
  newSessionToken,
  safeEqual,
} from './tokens.js';

describe('session and CSRF tokens', () => {
  it('are 32 random bytes in base64url', () => {
    const token = newSessionToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    expect(isWellFormedToken(token)).toBe(true);
    expect(isWellFormedToken(newCsrfToken())).toBe(true);
  });

  it('do not repeat', () => {
    const seen = new Set(Array.from({ length: 1000 }, () => newSessionToken()));
    expect(seen.size).toBe(1000);
    expect(newCsrfToken()).not.toBe(newCsrfToken());
  });

  it('rejects malformed tokens', () => {
    for (const bad of ['', 'abc', `${newSessionToken()}x`, 'é'.repeat(43), 42, null, undefined]) {
      expect(isWellFormedToken(bad)).toBe(false);
    }
  });
});

describe('hashToken', () => {
  it('is SHA-256 hex, deterministic and distinct per token', () => {
    expect(hashToken('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    const token = newSessionToken();
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken(token)).not.toBe(hashToken(newSessionToken()));
    expect(hashToken('')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('safeEqual', () => {
  it('is true only for identical strings', () => {
    const token = newCsrfToken();
    expect(safeEqual(token, token)).toBe(true);
    expect(safeEqual('', '')).toBe(true);
    expect(safeEqual('abcd', 'abce')).toBe(false);
  });

  it('is false, without throwing, on different lengths', () => {
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(safeEqual('', 'a')).toBe(false);
    // Same number of UTF-16 units, different number of UTF-8 bytes.
    expect(safeEqual('é', 'e')).toBe(false);
  });

  it('is false for non-strings', () => {
    expect(safeEqual(undefined, undefined)).toBe(false);
    expect(safeEqual(null, 'a')).toBe(false);
    expect(safeEqual(['a'], 'a')).toBe(false);
  });
});
