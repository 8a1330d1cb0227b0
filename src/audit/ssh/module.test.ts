import { describe, expect, it } from 'vitest';
import type { PortContext } from '../campaign/modules.js';
import { sshObservation } from './checks/fixtures.js';
import { SSH_MODULE } from './module.js';

const port = (declared: number, protocol?: string): PortContext => ({
  address: '127.0.0.64',
  port: declared + 20_000,
  declared,
  hostnames: [],
  service: protocol === undefined ? undefined : { protocol, tls: false },
  openPorts: [],
  reachedOf: (p) => p + 20_000,
});

describe('SSH_MODULE', () => {
  it('applies to identified SSH and to port 22 when nothing was identified', () => {
    expect(SSH_MODULE.applies(port(2222, 'ssh'))).toBe(true);
    expect(SSH_MODULE.applies(port(22))).toBe(true);
    expect(SSH_MODULE.applies(port(22, 'http'))).toBe(false);
    expect(SSH_MODULE.applies(port(443))).toBe(false);
  });

  it('judges an observation with the SSH checks', () => {
    const observation = sshObservation({ authMethods: ['publickey', 'password'] });
    const findings = SSH_MODULE.judge(observation, { today: '2026-12-08', port: port(22) });
    expect(findings.map((finding) => finding.id)).toEqual(['ssh-password-auth@127.0.0.60:22']);
  });
});
