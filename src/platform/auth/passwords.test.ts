import { hash, parseOptions } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import {
  ARGON2I,
  ARGON2ID,
  DUMMY_HASH,
  hashPassword,
  needsRehash,
  PASSWORD_HASH_PARAMETERS,
  verifyPassword,
} from './passwords.js';

const PASSWORD = 'correct horse battery staple';

describe('hashPassword', () => {
  it('produces an argon2id PHC string with at least OWASP minimum parameters', async () => {
    const stored = await hashPassword(PASSWORD);
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(stored).not.toContain(PASSWORD);
    const options = parseOptions(stored);
    expect(options.memoryCost).toBeGreaterThanOrEqual(19_456);
    expect(options.timeCost).toBeGreaterThanOrEqual(2);
    expect(options.parallelism).toBe(1);
    expect(options.saltLen).toBeGreaterThanOrEqual(16);
    expect(PASSWORD_HASH_PARAMETERS.memoryCost).toBe(options.memoryCost);
  });

  it('salts: the same password hashes differently twice', async () => {
    expect(await hashPassword(PASSWORD)).not.toBe(await hashPassword(PASSWORD));
  });

  it('refuses empty and absurdly long input without echoing it', async () => {
    await expect(hashPassword('')).rejects.toThrow('empty password');
    const long = 'x'.repeat(5000);
    const error: unknown = await hashPassword(long).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(String(error)).not.toContain(long);
  });
});

describe('verifyPassword', () => {
  it('accepts the right password and rejects others', async () => {
    const stored = await hashPassword(PASSWORD);
    expect(await verifyPassword(stored, PASSWORD)).toBe(true);
    expect(await verifyPassword(stored, `${PASSWORD} `)).toBe(false);
    expect(await verifyPassword(stored, PASSWORD.toUpperCase())).toBe(false);
    expect(await verifyPassword(stored, '')).toBe(false);
    expect(await verifyPassword(stored, 'x'.repeat(100_000))).toBe(false);
  });

  it('treats NFC and NFD spellings of a password as the same password', async () => {
    const composed = 'Société générale à Noël'.normalize('NFC');
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    const stored = await hashPassword(decomposed);
    expect(await verifyPassword(stored, composed)).toBe(true);
    expect(await verifyPassword(stored, decomposed)).toBe(true);
    expect(await verifyPassword(stored, 'Societe generale a Noel')).toBe(false);
  });

  it('handles non-Latin and emoji passwords', async () => {
    const plain = 'パスワード🔐пароль密码';
    const stored = await hashPassword(plain);
    expect(await verifyPassword(stored, plain)).toBe(true);
    expect(await verifyPassword(stored, 'パスワード🔐пароль')).toBe(false);
  });

  it('returns false without throwing for malformed hashes', async () => {
    const stored = await hashPassword(PASSWORD);
    const bad = [
      '',
      'not a hash',
      '$2b$10$abcdefghijklmnopqrstuuabcdefghijklmnopqrstuvwxyz01234',
      '$argon2id$',
      '$argon2id$v=19$m=19456,t=2,p=1$',
      stored.slice(0, -10),
      stored.replace('m=19456', 'm=abc'),
      `${stored}$extra`,
    ];
    for (const storedHash of bad) {
      await expect(verifyPassword(storedHash, PASSWORD)).resolves.toBe(false);
    }
  });

  it('checks unknown accounts against a dummy hash made with the current parameters', async () => {
    expect(DUMMY_HASH.startsWith('$argon2id$v=19$')).toBe(true);
    expect(needsRehash(DUMMY_HASH)).toBe(false);
    expect(await verifyPassword(DUMMY_HASH, 'vigie-dummy-password')).toBe(true);
  });

  it('returns false for an unknown account (null hash)', async () => {
    expect(await verifyPassword(null, PASSWORD)).toBe(false);
    expect(await verifyPassword(null, '')).toBe(false);
  });

  it('verifies hashes made with older, weaker parameters', async () => {
    const old = await hash(PASSWORD, { algorithm: ARGON2ID, memoryCost: 4096, timeCost: 1 });
    expect(await verifyPassword(old, PASSWORD)).toBe(true);
  });
});

describe('needsRehash', () => {
  it('is false for a current hash', async () => {
    expect(needsRehash(await hashPassword(PASSWORD))).toBe(false);
  });

  it('is true for weaker parameters, another algorithm or garbage', async () => {
    expect(
      needsRehash(await hash(PASSWORD, { algorithm: ARGON2ID, memoryCost: 4096, timeCost: 2 })),
    ).toBe(true);
    expect(
      needsRehash(await hash(PASSWORD, { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 1 })),
    ).toBe(true);
    expect(
      needsRehash(await hash(PASSWORD, { algorithm: ARGON2I, memoryCost: 19_456, timeCost: 2 })),
    ).toBe(true);
    expect(needsRehash('')).toBe(true);
    expect(needsRehash('$2b$10$abcdefghijklmnopqrstuu')).toBe(true);
  });

  it('is false for stronger parameters', async () => {
    const stronger = await hash(PASSWORD, { algorithm: ARGON2ID, memoryCost: 32_768, timeCost: 3 });
    expect(needsRehash(stronger)).toBe(false);
  });
});
