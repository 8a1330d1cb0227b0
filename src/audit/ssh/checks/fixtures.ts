/** Observations for the SSH checks' tests: a hardened server, and one built from overrides. */
import type { SshAlgorithms, SshObservation } from '../observation.js';

export const HARDENED_ALGORITHMS: SshAlgorithms = {
  kex: ['sntrup761x25519-sha512@openssh.com', 'curve25519-sha256', 'diffie-hellman-group16-sha512'],
  hostKeys: ['ssh-ed25519', 'rsa-sha2-512', 'rsa-sha2-256'],
  ciphers: {
    c2s: ['aes256-gcm@openssh.com', 'aes128-ctr'],
    s2c: ['aes256-gcm@openssh.com', 'aes128-ctr'],
  },
  macs: {
    c2s: ['hmac-sha2-256-etm@openssh.com', 'umac-128-etm@openssh.com'],
    s2c: ['hmac-sha2-256-etm@openssh.com', 'umac-128-etm@openssh.com'],
  },
  compression: { c2s: ['none', 'zlib@openssh.com'], s2c: ['none', 'zlib@openssh.com'] },
  strictKex: true,
  extInfo: false,
};

export function sshObservation(
  overrides: Partial<Omit<SshObservation, 'algorithms'>> & {
    algorithms?: Partial<SshAlgorithms> | null;
  } = {},
): SshObservation {
  const { algorithms, ...rest } = overrides;
  return {
    target: { address: '127.0.0.60', port: 22 },
    reachable: true,
    error: null,
    banner: {
      raw: 'SSH-2.0-OpenSSH_9.9p1',
      protocol: '2.0',
      software: 'OpenSSH_9.9p1',
      product: 'OpenSSH',
      version: '9.9p1',
      comments: null,
      os: null,
    },
    preamble: [],
    algorithms: algorithms === null ? null : { ...HARDENED_ALGORITHMS, ...algorithms },
    hostKey: { type: 'ssh-ed25519', bits: 256 },
    negotiated: null,
    authMethods: ['publickey'],
    authError: null,
    authBanner: null,
    durationMs: 5,
    ...rest,
  };
}

/** What a probe gives when nothing answered. */
export const UNREACHABLE: SshObservation = {
  ...sshObservation({ algorithms: null }),
  reachable: false,
  error: 'refused',
  banner: null,
  hostKey: null,
  authMethods: null,
};
