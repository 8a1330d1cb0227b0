import { text, type LocalizedText } from '../../../design/text.js';
import { cspPolicies, headerValues, type CspPolicy } from '../headers.js';
import {
  ANSSI_WEB,
  OWASP_SECURE_HEADERS,
  cwe,
  judgedPage,
  wstg,
  type HttpCheck,
} from './support.js';

/** Sources that allow any host, any scheme-wide origin, or inline data. */
const WILDCARDS = new Set(['*', 'http:', 'https:', 'data:', 'blob:']);

/** The sources governing scripts (CSP3 fallback: script-src, then default-src). */
function scriptSources(policy: CspPolicy): readonly string[] | undefined {
  return policy.get('script-src') ?? policy.get('default-src');
}

/** 'unsafe-inline' is ignored by CSP3 browsers when a nonce, a hash or 'strict-dynamic' is present. */
function allowsInline(sources: readonly string[]): boolean {
  const lower = sources.map((source) => source.toLowerCase());
  return (
    lower.includes("'unsafe-inline'") &&
    !lower.some(
      (s) => s.startsWith("'nonce-") || /^'sha(256|384|512)-/.test(s) || s === "'strict-dynamic'",
    )
  );
}

interface Weakness {
  readonly test: (policy: CspPolicy) => boolean;
  readonly text: LocalizedText;
}

const WEAKNESSES: readonly Weakness[] = [
  {
    test: (policy) => !policy.has('default-src'),
    text: text(
      'no default-src (anything not listed is allowed)',
      'pas de default-src (tout ce qui n’est pas listé est permis)',
    ),
  },
  {
    test: (policy) => allowsInline(scriptSources(policy) ?? []),
    text: text(
      "scripts allow 'unsafe-inline' (inline script injection runs)",
      "les scripts permettent 'unsafe-inline' (un script injecté en ligne s’exécute)",
    ),
  },
  {
    test: (policy) =>
      (scriptSources(policy) ?? []).some((s) => s.toLowerCase() === "'unsafe-eval'"),
    text: text("scripts allow 'unsafe-eval'", "les scripts permettent 'unsafe-eval'"),
  },
  {
    test: (policy) => {
      const sources = scriptSources(policy);
      return sources === undefined || sources.some((s) => WILDCARDS.has(s.toLowerCase()));
    },
    text: text(
      'scripts may load from any host (wildcard, scheme-only or data: source, or no restriction)',
      'les scripts peuvent venir de n’importe quel hôte (joker, schéma seul, source data: ou aucune restriction)',
    ),
  },
  {
    test: (policy) => {
      const sources = policy.get('object-src') ?? policy.get('default-src');
      return sources === undefined || sources.some((s) => WILDCARDS.has(s.toLowerCase()));
    },
    text: text(
      "no object-src restriction (use object-src 'none')",
      "pas de restriction object-src (utiliser object-src 'none')",
    ),
  },
  {
    test: (policy) => !policy.has('base-uri'),
    text: text(
      'no base-uri (an injected <base> redirects relative scripts)',
      'pas de base-uri (une balise <base> injectée détourne les scripts relatifs)',
    ),
  },
];

export const httpCspWeak: HttpCheck = {
  id: 'http-csp-weak',
  domain: 'http',
  title: text('Weak Content Security Policy', 'Politique de sécurité du contenu (CSP) faible'),
  description: text(
    "The Content-Security-Policy leaves script injection open: 'unsafe-inline' or 'unsafe-eval', wildcard sources, or no default-src, object-src or base-uri.",
    "La Content-Security-Policy laisse l’injection de script possible : 'unsafe-inline' ou 'unsafe-eval', sources joker, ou pas de default-src, object-src ni base-uri.",
  ),
  rationale: text(
    'A policy that allows inline or evaluated script, or scripts from any host, does not stop cross-site scripting: the header is present but gives little protection. Exploitation still needs an injection flaw and a user loading the page.',
    'Une politique qui permet les scripts en ligne ou évalués, ou les scripts de n’importe quel hôte, n’arrête pas le cross-site scripting : l’en-tête est là mais protège peu. L’exploitation suppose encore une faille d’injection et un utilisateur qui charge la page.',
  ),
  remediation: text(
    "Start from default-src 'self'; object-src 'none'; base-uri 'self'; replace inline scripts with files or nonces/hashes, remove 'unsafe-eval', list the exact hosts scripts come from.",
    "Partir de default-src 'self'; object-src 'none'; base-uri 'self' ; remplacer les scripts en ligne par des fichiers ou des nonces/empreintes, retirer 'unsafe-eval', lister les hôtes exacts d’où viennent les scripts.",
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:L/A:N',
  references: [
    OWASP_SECURE_HEADERS,
    wstg('WSTG-CONF-12', 'Test for Content Security Policy'),
    {
      source: 'other',
      id: 'W3C CSP3',
      title: 'Content Security Policy Level 3',
      url: 'https://www.w3.org/TR/CSP3/',
    },
    ANSSI_WEB,
    cwe(79, 'Cross-site Scripting'),
  ],
  evaluate(observation) {
    const page = judgedPage(observation);
    if (page === null) return [];
    const policies = cspPolicies(page.headers);
    if (policies.length === 0) return [];
    // several enforced policies all apply: a weakness counts only if every one has it
    const found = WEAKNESSES.filter((weakness) => policies.every(weakness.test));
    if (found.length === 0) return [];
    return [
      {
        subject: observation.subject,
        detail: text(
          `${found.map((w) => w.text.en).join('; ')}.`,
          `${found.map((w) => w.text.fr).join(' ; ')}.`,
        ),
        evidence: headerValues(page.headers, 'content-security-policy')
          .map((value) => `Content-Security-Policy: ${value}`)
          .join('\n'),
      },
    ];
  },
};
