import { describe, expect, it } from 'vitest';
import { sshObservation } from './checks/fixtures.js';
import { SSH_AUDIT_DB } from './data/ssh-audit-kexdb.js';
import { algorithmVerdict, reasonText, sshVerdicts } from './verdicts.js';

describe("ssh-audit's database as Vigie carries it", () => {
  it('keeps every category with its entries and reasons', () => {
    expect(Object.keys(SSH_AUDIT_DB.kex).length).toBeGreaterThan(100);
    expect(SSH_AUDIT_DB.kex['diffie-hellman-group1-sha1']).toEqual([
      ['FAIL_1024BIT_MODULUS', 'FAIL_LOGJAM_ATTACK', 'FAIL_SHA1'],
      ['WARN_NOT_PQ_SAFE'],
      ['INFO_REMOVED_IN_OPENSSH69'],
    ]);
    expect(reasonText('FAIL_SHA1')).toBe('using broken SHA-1 hash algorithm');
  });

  it.each([
    ['kex', 'diffie-hellman-group14-sha1', 'fail'],
    ['kex', 'diffie-hellman-group14-sha256', 'warn'],
    ['kex', 'sntrup761x25519-sha512@openssh.com', 'ok'],
    ['kex', 'gss-gex-sha1-toWM5Slw5Ew8Mqkay+al2g==', 'fail'],
    ['key', 'ssh-ed25519', 'ok'],
    ['key', 'ecdsa-sha2-nistp256', 'fail'],
    ['enc', 'aes128-cbc', 'warn'],
    ['enc', 'arcfour', 'fail'],
    ['mac', 'hmac-sha2-256-etm@openssh.com', 'ok'],
    ['mac', 'hmac-sha2-256', 'warn'],
    ['mac', 'made-up@example.org', 'unknown'],
  ] as const)('%s %s is %s', (category, name, verdict) => {
    expect(algorithmVerdict(category, name).verdict).toBe(verdict);
  });

  it('judges the RSA family by the modulus the server proved, not other key types', () => {
    expect(algorithmVerdict('key', 'rsa-sha2-512', 1024).fail).toEqual(['SMALL_RSA_1024']);
    expect(algorithmVerdict('key', 'rsa-sha2-512', 2048).verdict).toBe('warn');
    expect(algorithmVerdict('key', 'ssh-ed25519', 1024).verdict).toBe('ok');
    const observation = sshObservation({ hostKey: { type: 'ssh-rsa', bits: 1024 } });
    const keys = sshVerdicts(observation).filter((v) => v.category === 'key');
    expect(keys.map((v) => [v.name, v.verdict])).toEqual([
      ['ssh-ed25519', 'ok'],
      ['rsa-sha2-512', 'fail'],
      ['rsa-sha2-256', 'fail'],
    ]);
  });
});
