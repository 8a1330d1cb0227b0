import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkPassword,
  isCommonPassword,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
} from './password-policy.js';

const GOOD = 'lampe-verte-fleuve-9';

function codes(plain: string, context?: Parameters<typeof checkPassword>[1]): string[] {
  return checkPassword(plain, context).map((p) => p.code);
}

describe('checkPassword', () => {
  it('accepts a long, uncommon password', () => {
    expect(checkPassword(GOOD)).toEqual([]);
    expect(
      checkPassword(GOOD, { email: 'marie.durand@example.fr', displayName: 'Marie Durand' }),
    ).toEqual([]);
  });

  it('gives every problem a code and a message in English and French', () => {
    const problems = checkPassword('aaaa', { email: 'aaaa@x.fr', displayName: 'aaaa' });
    expect(problems.length).toBeGreaterThan(1);
    for (const p of problems) {
      expect(p.message.en.length).toBeGreaterThan(0);
      expect(p.message.fr.length).toBeGreaterThan(0);
      expect(p.message.en).not.toBe(p.message.fr);
    }
  });

  it('rejects the empty password as too short, and only that', () => {
    expect(codes('')).toEqual(['password_too_short']);
  });

  it('enforces the length bounds in code points', () => {
    expect(codes('abcdefghijk')).toContain('password_too_short');
    expect(codes('x7kq-zv2m-pw')).toEqual([]); // exactly 12
    const max = 'ab9-'.repeat(MAX_PASSWORD_LENGTH / 4);
    expect(codes(max)).toEqual([]);
    expect(codes(`${max}z`)).toEqual(['password_too_long']);
    expect(codes('x'.repeat(1_000_000))).toEqual(['password_too_long']);
    expect(MIN_PASSWORD_LENGTH).toBe(12);
  });

  it('counts an emoji or an astral character as one', () => {
    // 11 emoji of two UTF-16 units each: 22 units but 11 code points.
    const emoji = '🔐🌲🦊🚲🎻🍄🌋🧭🪁🐙🎲';
    expect(emoji.length).toBe(22);
    expect(codes(emoji)).toEqual(['password_too_short']);
    expect(codes(`${emoji}🌙`)).toEqual([]);
  });

  it('normalises to NFC first: decomposed accents do not add length', () => {
    const composed = 'éléphantéé'; // 10 code points in NFC
    const decomposed = composed.normalize('NFD');
    expect(Array.from(decomposed).length).toBeGreaterThan(12);
    expect(codes(decomposed)).toEqual(codes(composed));
    expect(codes(decomposed)).toContain('password_too_short');
  });

  it('rejects common passwords case-insensitively, even long ones', () => {
    expect(codes('password')).toContain('password_common');
    expect(codes('PassWord')).toContain('password_common');
    const longCommon = readFileSync(new URL('./data/common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .find((line) => Array.from(line).length >= MIN_PASSWORD_LENGTH && !/^(.)\1*$/.test(line));
    expect(longCommon).toBeDefined();
    expect(codes(longCommon ?? '')).toEqual(['password_common']);
    expect(codes((longCommon ?? '').toUpperCase())).toEqual(['password_common']);
  });

  it('rejects passwords containing the email local part or its words', () => {
    const email = 'marie.durand@example.fr';
    expect(codes('xx-Marie.Durand-2024', { email })).toContain('password_contains_email');
    expect(codes('durand-fleuve-lampe', { email })).toContain('password_contains_email');
    expect(codes(GOOD, { email })).toEqual([]);
    // The domain is not the local part.
    expect(codes('example-fleuve-lampe', { email })).toEqual([]);
    // Parts too short to be meaningful are ignored; odd input does not throw.
    expect(codes(GOOD, { email: 'jo@x.fr' })).toEqual([]);
    expect(codes(GOOD, { email: '' })).toEqual([]);
    expect(codes(GOOD, { email: '@@@' })).toEqual([]);
  });

  it('rejects passwords containing the display name, accents and case included', () => {
    const displayName = 'Hélène Lefèvre';
    expect(codes('lefèvre-fleuve-lampe', { displayName })).toContain('password_contains_name');
    expect(codes('HÉLÈNE-fleuve-lampe'.normalize('NFD'), { displayName })).toContain(
      'password_contains_name',
    );
    expect(codes('xxhélènelefèvrexx', { displayName })).toContain('password_contains_name');
    expect(codes(GOOD, { displayName })).toEqual([]);
    expect(codes(GOOD, { displayName: '  ' })).toEqual([]);
  });

  it('rejects a single repeated character', () => {
    expect(codes('zzzzzzzzzzzzzzzz')).toContain('password_repeated_character');
    expect(codes('🔐'.repeat(13))).toEqual(['password_repeated_character']);
    expect(codes('zzzzzzzzzzzzzzzy')).not.toContain('password_repeated_character');
  });
});

describe('isCommonPassword', () => {
  it('knows the list and not random strings', () => {
    expect(isCommonPassword('123456')).toBe(true);
    expect(isCommonPassword('QWERTY')).toBe(true);
    expect(isCommonPassword('x7kq-zv2m-pw')).toBe(false);
    expect(isCommonPassword('')).toBe(false);
  });

  it('ships a list of at least 10,000 entries', () => {
    const lines = readFileSync(new URL('./data/common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line.length > 0);
    expect(lines.length).toBeGreaterThanOrEqual(10_000);
  });
});
