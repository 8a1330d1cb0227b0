import { describe, expect, it } from 'vitest';
import { runChecks } from '../../findings.js';
import type { SshBanner } from '../observation.js';
import { sshObservation } from './fixtures.js';
import { SSH_CHECKS } from './index.js';

const found = (observation: Parameters<typeof runChecks>[1]) =>
  runChecks(SSH_CHECKS, observation as never, undefined);

const openssh = (version: string, comments: string | null): SshBanner => ({
  raw: `SSH-2.0-OpenSSH_${version}${comments === null ? '' : ` ${comments}`}`,
  protocol: '2.0',
  software: `OpenSSH_${version}`,
  product: 'OpenSSH',
  version,
  comments,
  os: null,
});

describe('SSH checks', () => {
  it.each([
    ['9.2p1', 'Debian-2+deb12u2', ['CVE-2024-6387']],
    ['9.2p1', 'Debian-2+deb12u3', []],
    ['9.6p1', 'Ubuntu-3ubuntu13', ['CVE-2024-6387']],
    ['9.6p1', 'Ubuntu-3ubuntu13.4', []],
    ['9.7p1', null, ['CVE-2024-6387']],
    ['9.8p1', null, []],
    ['8.4p1', null, []],
    ['7.4p1', null, ['CVE-2018-15473']],
  ])('OpenSSH %s %s is affected by %j', (version, comments, cves) => {
    const findings = found(sshObservation({ banner: openssh(version, comments) })).filter(
      (finding) => finding.check === 'ssh-openssh-vulnerable',
    );
    expect(findings.map((finding) => finding.detail.en.match(/CVE-\d+-\d+/g))).toEqual(
      cves.length === 0 ? [] : [cves],
    );
  });

  it('rates regreSSHion high through the per-hit vector', () => {
    const [finding] = found(sshObservation({ banner: openssh('9.3p1', null) }));
    expect(finding?.check).toBe('ssh-openssh-vulnerable');
    expect(finding?.severity).toBe('high');
  });

  it('flags Terrapin only without strict kex', () => {
    const chacha = { c2s: ['chacha20-poly1305@openssh.com'], s2c: ['aes128-ctr'] };
    const ids = (strictKex: boolean) =>
      found(sshObservation({ algorithms: { ciphers: chacha, strictKex } })).map((f) => f.check);
    expect(ids(false)).toContain('ssh-terrapin');
    expect(ids(true)).not.toContain('ssh-terrapin');
  });

  it('judges RSA host keys by the modulus the server proved', () => {
    const ids = (bits: number) =>
      found(sshObservation({ hostKey: { type: 'ssh-rsa', bits } })).map((f) => f.check);
    expect(ids(1024)).toEqual(['ssh-host-key-weak']);
    expect(ids(2048)).toEqual(['ssh-host-key-warning']);
    expect(ids(4096)).toEqual([]);
  });

  it('lists the failing algorithms with ssh-audit reasons as evidence', () => {
    const observation = sshObservation({
      algorithms: { kex: ['curve25519-sha256', 'diffie-hellman-group1-sha1'] },
    });
    const kex = found(observation).find((f) => f.check === 'ssh-kex-weak');
    expect(kex?.detail.en).toBe('Key exchanges ssh-audit fails: diffie-hellman-group1-sha1.');
    expect(kex?.evidence).toContain('vulnerable to the Logjam attack');
    // curve25519 alone is not post-quantum: a finding of its own, not a kex warning
    expect(found(observation).map((f) => f.check)).toContain('ssh-kex-not-post-quantum');
    expect(found(observation).map((f) => f.check)).not.toContain('ssh-kex-warning');
  });

  it('reports "none" authentication as critical and passwords as medium', () => {
    const none = found(sshObservation({ authMethods: ['none'] }));
    expect(none.map((f) => [f.check, f.severity])).toEqual([['ssh-auth-none', 'critical']]);
    const password = found(sshObservation({ authMethods: ['publickey', 'password'] }));
    expect(password.map((f) => [f.check, f.severity])).toEqual([['ssh-password-auth', 'medium']]);
  });

  it('finds nothing about authentication when the methods are unknown', () => {
    const unknown = found(sshObservation({ authMethods: null, authError: 'no cipher in common' }));
    expect(unknown).toEqual([]);
  });
});
