/**
 * The host audit (`vigie audit host`): a local, read-only look at a Linux system — SSH daemon,
 * password and lockout policy, sudoers, file permissions, setuid programs, listening services,
 * firewall, updates, time sync, auditd and log forwarding, kernel settings, mount options —
 * judged by one check per file, each mapped to its Lynis test ids.
 */
import { runChecks } from '../findings.js';
import type { AuditFinding } from '../types.js';
import { HOST_CHECKS } from './checks/index.js';
import { hardeningIndex, type HardeningIndex } from './hardening.js';
import type { HostObservation } from './observation.js';

export { collectHost, type CollectOptions } from './collect.js';
export { HOST_CHECKS } from './checks/index.js';
export { hardeningIndex, type HardeningIndex } from './hardening.js';
export type { HostObservation } from './observation.js';
export type { HostReader } from './reader.js';

export interface HostAudit {
  readonly observation: HostObservation;
  readonly findings: readonly AuditFinding[];
  readonly hardening: HardeningIndex;
}

/** Judges a collected host. */
export function judgeHost(observation: HostObservation): HostAudit {
  const findings = runChecks(HOST_CHECKS, observation, undefined);
  return { observation, findings, hardening: hardeningIndex(HOST_CHECKS, findings) };
}
