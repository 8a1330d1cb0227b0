/**
 * CVSS v3.1 base scores (FIRST specification, section 7.1 and Appendix A rounding): the vector
 * of a check gives its score and its qualitative severity, so severities are never guessed.
 */
import type { Severity } from './types.js';

const WEIGHTS = {
  AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
  AC: { L: 0.77, H: 0.44 },
  UI: { N: 0.85, R: 0.62 },
  C: { H: 0.56, L: 0.22, N: 0 },
  I: { H: 0.56, L: 0.22, N: 0 },
  A: { H: 0.56, L: 0.22, N: 0 },
} as const;
const PR_UNCHANGED = { N: 0.85, L: 0.62, H: 0.27 } as const;
const PR_CHANGED = { N: 0.85, L: 0.68, H: 0.5 } as const;
const METRICS = ['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A'] as const;
const ALLOWED: Readonly<Record<(typeof METRICS)[number], string>> = {
  AV: 'NALP',
  AC: 'LH',
  PR: 'NLH',
  UI: 'NR',
  S: 'UC',
  C: 'HLN',
  I: 'HLN',
  A: 'HLN',
};

export type CvssError = { readonly code: 'invalid_cvss'; readonly message: string };

/** Round up to one decimal as the specification's Roundup (avoids floating-point surprises). */
function roundUp(value: number): number {
  const integer = Math.round(value * 100000);
  return integer % 10000 === 0 ? integer / 100000 : (Math.floor(integer / 10000) + 1) / 10;
}

/** Parses a CVSS v3.1 base vector; every base metric must appear exactly once. */
export function parseCvss31(
  vector: string,
): { ok: true; metrics: Readonly<Record<string, string>> } | { ok: false; error: CvssError } {
  const parts = vector.split('/');
  if (parts[0] !== 'CVSS:3.1') {
    return {
      ok: false,
      error: { code: 'invalid_cvss', message: `Not a CVSS:3.1 vector: ${vector}` },
    };
  }
  const metrics: Record<string, string> = {};
  for (const part of parts.slice(1)) {
    const [key, value, extra] = part.split(':');
    if (key === undefined || value === undefined || extra !== undefined || key in metrics) {
      return {
        ok: false,
        error: { code: 'invalid_cvss', message: `Bad metric "${part}" in ${vector}` },
      };
    }
    metrics[key] = value;
  }
  for (const metric of METRICS) {
    const value = metrics[metric];
    if (value?.length !== 1 || !ALLOWED[metric].includes(value)) {
      return {
        ok: false,
        error: { code: 'invalid_cvss', message: `Missing or bad ${metric} in ${vector}` },
      };
    }
  }
  return { ok: true, metrics };
}

/** The base score of a valid CVSS v3.1 vector (throws on an invalid one: vectors are data we ship). */
export function cvss31Score(vector: string): number {
  const parsed = parseCvss31(vector);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const m = parsed.metrics as Record<(typeof METRICS)[number], string>;
  const changed = m.S === 'C';
  const pick = (table: Readonly<Record<string, number>>, key: string): number => table[key] ?? 0;
  const iss =
    1 - (1 - pick(WEIGHTS.C, m.C)) * (1 - pick(WEIGHTS.I, m.I)) * (1 - pick(WEIGHTS.A, m.A));
  const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
  const exploitability =
    8.22 *
    pick(WEIGHTS.AV, m.AV) *
    pick(WEIGHTS.AC, m.AC) *
    pick(changed ? PR_CHANGED : PR_UNCHANGED, m.PR) *
    pick(WEIGHTS.UI, m.UI);
  if (impact <= 0) return 0;
  return changed
    ? roundUp(Math.min(1.08 * (impact + exploitability), 10))
    : roundUp(Math.min(impact + exploitability, 10));
}

/** The specification's qualitative rating of a score (0 is "none": shown as info). */
export function severityOfScore(score: number): Severity {
  if (score === 0) return 'info';
  if (score < 4) return 'low';
  if (score < 7) return 'medium';
  if (score < 9) return 'high';
  return 'critical';
}
