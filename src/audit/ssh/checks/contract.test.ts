import { describe, expect, it } from 'vitest';
import { parseCvss31 } from '../../cvss.js';
import { runChecks } from '../../findings.js';
import { sshObservation, UNREACHABLE } from './fixtures.js';
import { SSH_CHECKS } from './index.js';

const WEAK = sshObservation({
  banner: {
    raw: 'SSH-1.99-OpenSSH_9.1p1',
    protocol: '1.99',
    software: 'OpenSSH_9.1p1',
    product: 'OpenSSH',
    version: '9.1p1',
    comments: null,
    os: null,
  },
  algorithms: {
    kex: ['diffie-hellman-group1-sha1', 'diffie-hellman-group14-sha256'],
    hostKeys: ['ssh-rsa', 'rsa-sha2-256', 'ecdsa-sha2-nistp256'],
    ciphers: { c2s: ['3des-cbc', 'chacha20-poly1305@openssh.com'], s2c: ['aes128-cbc'] },
    macs: { c2s: ['hmac-md5', 'hmac-sha2-256-etm@openssh.com'], s2c: ['umac-64@openssh.com'] },
    compression: { c2s: ['none', 'zlib'], s2c: ['none'] },
    strictKex: false,
  },
  hostKey: { type: 'ssh-rsa', bits: 2048 },
  authMethods: ['publickey', 'password', 'keyboard-interactive'],
});

describe.each(SSH_CHECKS.map((check) => [check.id, check] as const))(
  'SSH check %s',
  (id, check) => {
    it('has complete metadata in both languages, a valid CVSS vector and references', () => {
      expect(id).toMatch(/^ssh-[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(check.domain).toBe('ssh');
      for (const field of [check.title, check.description, check.rationale, check.remediation]) {
        expect(field.en.trim().length).toBeGreaterThan(10);
        expect(field.fr.trim().length).toBeGreaterThan(10);
        expect(field.fr).not.toBe(field.en);
      }
      expect(parseCvss31(check.cvss).ok).toBe(true);
      expect(check.references.length).toBeGreaterThan(0);
      for (const reference of check.references) expect(reference.id.length).toBeGreaterThan(0);
    });

    it('finds nothing on an unreachable endpoint', () => {
      expect(check.evaluate(UNREACHABLE, undefined)).toEqual([]);
    });

    it('finds nothing on a hardened server', () => {
      expect(check.evaluate(sshObservation(), undefined)).toEqual([]);
    });

    it('is deterministic and gives subjects of this endpoint', () => {
      const first = runChecks([check], WEAK, undefined);
      expect(runChecks([check], WEAK, undefined)).toEqual(first);
      for (const finding of first) {
        expect(finding.subject).toBe('127.0.0.60:22');
        expect(finding.detail.en.length).toBeGreaterThan(5);
        expect(finding.detail.fr).not.toBe(finding.detail.en);
        expect(finding.evidence.length).toBeGreaterThan(0);
      }
    });
  },
);

describe('the SSH check set', () => {
  it('has unique ids', () => {
    const ids = SSH_CHECKS.map((check) => check.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('finds every weakness of a weak server except "none" authentication', () => {
    const found = runChecks(SSH_CHECKS, WEAK, undefined).map((finding) => finding.check);
    expect(new Set(found)).toEqual(
      new Set(SSH_CHECKS.map((check) => check.id).filter((id) => id !== 'ssh-auth-none')),
    );
  });
});
