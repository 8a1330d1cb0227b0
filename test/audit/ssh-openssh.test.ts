/**
 * Acceptance (issue 15): Debian's OpenSSH on loopback, once with a weak configuration and once
 * hardened after ssh-audit's guide — the SSH audit finds exactly what the weak one gets wrong
 * and nothing on the hardened one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../src/audit/findings.js';
import { nodeNet } from '../../src/audit/net/node-net.js';
import { SSH_CHECKS } from '../../src/audit/ssh/checks/index.js';
import type { SshObservation } from '../../src/audit/ssh/observation.js';
import { probeSsh } from '../../src/audit/ssh/probe.js';
import { HARDENED_SSHD, startSshd, WEAK_SSHD, type RunningSshd } from '../support/sshd.js';

const OPTIONS = { timeoutMs: 5000, maxBytes: 65_536 };
let weak: RunningSshd;
let hardened: RunningSshd;
const seen: { weak?: SshObservation; hardened?: SshObservation } = {};

beforeAll(async () => {
  [weak, hardened] = await Promise.all([
    startSshd('127.0.0.60', 25060, WEAK_SSHD),
    startSshd('127.0.0.61', 25061, HARDENED_SSHD),
  ]);
  const net = nodeNet();
  seen.weak = await probeSsh(net, { address: weak.address, port: weak.port }, OPTIONS);
  seen.hardened = await probeSsh(net, { address: hardened.address, port: hardened.port }, OPTIONS);
}, 60_000);

afterAll(async () => {
  await Promise.all([weak.stop(), hardened.stop()]);
});

function observed(name: 'weak' | 'hardened'): SshObservation {
  const observation = seen[name];
  if (observation === undefined) throw new Error(`no ${name} observation`);
  return observation;
}

describe('SSH audit against OpenSSH on loopback', () => {
  it('reads the banner, the KEXINIT and, after a key exchange, the authentication methods', () => {
    const observation = observed('weak');
    expect(observation.error).toBeNull();
    expect(observation.banner).toMatchObject({ product: 'OpenSSH', protocol: '2.0', os: 'Debian' });
    expect(observation.banner?.version).toMatch(/^9\.2p1$/);
    expect(observation.algorithms?.kex).toContain('diffie-hellman-group1-sha1');
    expect(observation.algorithms?.ciphers.c2s).toContain('3des-cbc');
    expect(observation.hostKey).toEqual({ type: 'ssh-rsa', bits: 1024 });
    expect(observation.negotiated?.cipher).toBe('aes128-ctr');
    expect(observation.authMethods).toEqual(['publickey', 'password', 'keyboard-interactive']);
    expect(observation.authError).toBeNull();
    expect(observed('hardened').negotiated?.cipher).toBe('aes256-gcm@openssh.com');
    expect(observed('hardened').authMethods).toEqual(['publickey']);
  });

  it('finds exactly what the weak configuration gets wrong', () => {
    const findings = runChecks(SSH_CHECKS, observed('weak'), undefined);
    const byCheck = Object.fromEntries(findings.map((f) => [f.check, f.detail.en]));
    expect(byCheck).toEqual({
      'ssh-password-auth': 'The server accepts password authentication.',
      'ssh-kex-weak':
        'Key exchanges ssh-audit fails: diffie-hellman-group1-sha1, diffie-hellman-group14-sha1, diffie-hellman-group-exchange-sha1.',
      'ssh-host-key-weak': 'Host key algorithms ssh-audit fails: rsa-sha2-256, ssh-rsa, ssh-dss.',
      'ssh-cipher-weak': 'Ciphers ssh-audit fails: 3des-cbc.',
      'ssh-mac-weak': 'MACs ssh-audit fails: hmac-md5, hmac-sha1, hmac-sha1-96.',
      'ssh-kex-warning': 'Key exchanges ssh-audit warns about: diffie-hellman-group14-sha256.',
      'ssh-cipher-warning': 'Ciphers ssh-audit warns about: aes128-cbc, aes256-cbc.',
      'ssh-mac-warning': 'MACs ssh-audit warns about: umac-64@openssh.com, hmac-sha2-256.',
      'ssh-kex-not-post-quantum': expect.stringContaining(
        'None of the offered key exchanges',
      ) as string,
      'ssh-keyboard-interactive': 'The server offers keyboard-interactive authentication.',
    });
    expect(new Set(findings.map((f) => f.subject))).toEqual(new Set(['127.0.0.60:25060']));
    expect(findings.find((f) => f.check === 'ssh-host-key-weak')?.evidence).toContain(
      'rsa-sha2-256: using small 1024-bit RSA modulus',
    );
  });

  it('finds nothing on the hardened configuration', () => {
    const observation = observed('hardened');
    expect(observation.algorithms?.strictKex).toBe(true);
    expect(runChecks(SSH_CHECKS, observation, undefined)).toEqual([]);
  });
});
