/**
 * What the SSH checks share: their type, the subject key, the references they cite and the
 * algorithm-verdict checks built on ssh-audit's database (one per category and level).
 */
import type { LocalizedText } from '../../../design/text.js';
import type { AuditReference, Check, CheckHit, CheckMetadata } from '../../types.js';
import type { SshAuditCategory } from '../data/ssh-audit-kexdb.js';
import type { SshObservation } from '../observation.js';
import { reasonText, sshVerdicts, type AlgorithmVerdict } from '../verdicts.js';

/** SSH checks need nothing beyond the observation. */
export type SshCheck = Check<SshObservation>;

/** `address:port` (`[v6]:port`): the key other probes and drift use for an endpoint. */
export function subjectOf(observation: SshObservation): string {
  const { address, port } = observation.target;
  return address.includes(':') ? `[${address}]:${String(port)}` : `${address}:${String(port)}`;
}

export const SSH_AUDIT_REF: AuditReference = {
  source: 'ssh-audit',
  id: 'ssh2_kexdb',
  title: 'ssh-audit algorithm database',
  url: 'https://github.com/jtesta/ssh-audit',
};

export const ANSSI_OPENSSH: AuditReference = {
  source: 'anssi',
  id: 'ANSSI-NT-007',
  title: "Recommandations pour un usage sécurisé d'(Open)SSH",
  url: 'https://cyber.gouv.fr/publications/usage-securise-dopenssh',
};

export const RFC_9142: AuditReference = {
  source: 'rfc',
  id: 'RFC 9142',
  title: 'Key Exchange (KEX) Method Updates and Recommendations for SSH',
  url: 'https://www.rfc-editor.org/rfc/rfc9142',
};

export function cwe(id: number, title: string): AuditReference {
  return {
    source: 'cwe',
    id: `CWE-${String(id)}`,
    title,
    url: `https://cwe.mitre.org/data/definitions/${String(id)}.html`,
  };
}

export function cve(id: string, title: string): AuditReference {
  return { source: 'other', id, title, url: `https://www.cve.org/CVERecord?id=${id}` };
}

/** Warnings a check of its own handles (post-quantum), left out of the per-category warnings. */
const HANDLED_ELSEWHERE = new Set(['WARN_NOT_PQ_SAFE']);

/** The algorithms of a category at a level, with the reasons the level rests on. */
export function judged(
  observation: SshObservation,
  category: SshAuditCategory,
  level: 'fail' | 'warn',
): { verdict: AlgorithmVerdict; reasons: string[] }[] {
  return sshVerdicts(observation)
    .filter((v) => v.category === category && v.verdict === level)
    .map((verdict) => ({
      verdict,
      reasons: (level === 'fail' ? verdict.fail : verdict.warn).filter(
        (reason) => !HANDLED_ELSEWHERE.has(reason),
      ),
    }))
    .filter(({ reasons }) => reasons.length > 0);
}

export interface AlgorithmCheckSpec extends Omit<CheckMetadata, 'domain'> {
  readonly category: SshAuditCategory;
  readonly level: 'fail' | 'warn';
  /** The finding's sentence, given the names (comma-separated). */
  readonly detail: (names: string) => LocalizedText;
}

/** A check hitting once per endpoint, listing the algorithms ssh-audit judges at `level`. */
export function algorithmCheck(spec: AlgorithmCheckSpec): SshCheck {
  const { category, level, detail, ...metadata } = spec;
  return {
    ...metadata,
    domain: 'ssh',
    evaluate(observation): CheckHit[] {
      const hits = judged(observation, category, level);
      if (hits.length === 0) return [];
      const names = hits.map(({ verdict }) => verdict.name).join(', ');
      const evidence = hits
        .map(({ verdict, reasons }) => `${verdict.name}: ${reasons.map(reasonText).join('; ')}`)
        .join('\n');
      return [{ subject: subjectOf(observation), detail: detail(names), evidence }];
    },
  };
}
