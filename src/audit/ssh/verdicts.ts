/**
 * ssh-audit's verdict on each algorithm a server offers, from its database (data/): "fail" when
 * ssh-audit lists a failure reason, "warn" when only warnings, "ok" otherwise, "unknown" when the
 * name is not in the database. RSA host keys are also judged by the modulus the server proved,
 * as ssh-audit's host-key test does (under 2,048 bits fail, under 3,072 warn).
 */
import {
  SSH_AUDIT_DB,
  SSH_AUDIT_REASONS,
  type SshAuditCategory,
  type SshAuditEntry,
  type SshAuditReason,
} from './data/ssh-audit-kexdb.js';
import type { SshObservation } from './observation.js';

export type AlgorithmVerdictLevel = 'fail' | 'warn' | 'ok' | 'unknown';

export interface AlgorithmVerdict {
  readonly category: SshAuditCategory;
  readonly name: string;
  readonly verdict: AlgorithmVerdictLevel;
  /** ssh-audit's reason ids (`FAIL_SHA1`…) plus `SMALL_RSA_<bits>` for a proved small key. */
  readonly fail: readonly string[];
  readonly warn: readonly string[];
}

const RSA_HOST_KEYS = /^(ssh-rsa|rsa-sha2-(256|512))(-cert-v01@openssh\.com)?$/;

export function entryOf(category: SshAuditCategory, name: string): SshAuditEntry | undefined {
  const table = SSH_AUDIT_DB[category];
  const exact = table[name];
  if (exact !== undefined) return exact;
  const wildcard = Object.keys(table).find(
    (key) => key.endsWith('*') && name.startsWith(key.slice(0, -1)),
  );
  return wildcard === undefined ? undefined : table[wildcard];
}

/** The text of a reason id (ssh-audit's wording, English only as in ssh-audit). */
export function reasonText(id: string): string {
  const small = /^SMALL_RSA_(\d+)$/.exec(id);
  if (small !== null) return `using small ${small[1] ?? '?'}-bit RSA modulus`;
  return id in SSH_AUDIT_REASONS ? SSH_AUDIT_REASONS[id as SshAuditReason] : id;
}

export function algorithmVerdict(
  category: SshAuditCategory,
  name: string,
  rsaBits: number | null = null,
): AlgorithmVerdict {
  const entry = entryOf(category, name);
  if (entry === undefined) return { category, name, verdict: 'unknown', fail: [], warn: [] };
  const fail: string[] = [...entry[0]];
  const warn: string[] = [...entry[1]];
  if (category === 'key' && rsaBits !== null && RSA_HOST_KEYS.test(name)) {
    if (rsaBits < 2048) fail.push(`SMALL_RSA_${String(rsaBits)}`);
    else if (rsaBits < 3072) warn.push('WARN_2048BIT_MODULUS');
  }
  const verdict = fail.length > 0 ? 'fail' : warn.length > 0 ? 'warn' : 'ok';
  return { category, name, verdict, fail, warn };
}

const unique = (names: readonly string[]): string[] => [...new Set(names)];

/** The names an observation offers in a category (both directions for ciphers and MACs). */
export function offered(observation: SshObservation, category: SshAuditCategory): string[] {
  const a = observation.algorithms;
  if (a === null) return [];
  if (category === 'kex') return [...a.kex];
  if (category === 'key') return [...a.hostKeys];
  if (category === 'enc') return unique([...a.ciphers.c2s, ...a.ciphers.s2c]);
  return unique([...a.macs.c2s, ...a.macs.s2c]);
}

/** ssh-audit's verdict on every algorithm the server offers, in its order, category by category. */
export function sshVerdicts(observation: SshObservation): AlgorithmVerdict[] {
  const rsaBits = observation.hostKey?.type === 'ssh-rsa' ? observation.hostKey.bits : null;
  const categories: readonly SshAuditCategory[] = ['kex', 'key', 'enc', 'mac'];
  return categories.flatMap((category) =>
    offered(observation, category).map((name) => algorithmVerdict(category, name, rsaBits)),
  );
}
