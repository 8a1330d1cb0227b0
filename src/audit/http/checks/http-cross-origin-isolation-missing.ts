import { text } from '../../../design/text.js';
import { header, owaspValue } from '../headers.js';
import {
  MDN_HEADERS,
  OWASP_SECURE_HEADERS,
  cwe,
  judgedPage,
  responseEvidence,
  type HttpCheck,
} from './support.js';

const POLICIES = [
  'Cross-Origin-Opener-Policy',
  'Cross-Origin-Embedder-Policy',
  'Cross-Origin-Resource-Policy',
] as const;

export const httpCrossOriginIsolationMissing: HttpCheck = {
  id: 'http-cross-origin-isolation-missing',
  domain: 'http',
  title: text('Cross-origin policies not set', 'Politiques cross-origin non définies'),
  description: text(
    'One or more of Cross-Origin-Opener-Policy, Cross-Origin-Embedder-Policy and Cross-Origin-Resource-Policy is missing.',
    'Un ou plusieurs des en-têtes Cross-Origin-Opener-Policy, Cross-Origin-Embedder-Policy et Cross-Origin-Resource-Policy manquent.',
  ),
  rationale: text(
    'These headers isolate the page from other origins (window references, side-channel attacks such as Spectre, cross-origin reads of its resources). They are hardening the OWASP list recommends, not a weakness on their own: informational.',
    'Ces en-têtes isolent la page des autres origines (références de fenêtre, attaques par canal auxiliaire comme Spectre, lecture de ses ressources par d’autres origines). C’est un durcissement recommandé par la liste OWASP, pas une faiblesse en soi : informatif.',
  ),
  remediation: text(
    `Send Cross-Origin-Opener-Policy: ${owaspValue('cross-origin-opener-policy')}, Cross-Origin-Embedder-Policy: ${owaspValue('cross-origin-embedder-policy')} and Cross-Origin-Resource-Policy: ${owaspValue('cross-origin-resource-policy')} where the site does not share resources across origins.`,
    `Envoyer Cross-Origin-Opener-Policy: ${owaspValue('cross-origin-opener-policy')}, Cross-Origin-Embedder-Policy: ${owaspValue('cross-origin-embedder-policy')} et Cross-Origin-Resource-Policy: ${owaspValue('cross-origin-resource-policy')} si le site ne partage pas ses ressources avec d’autres origines.`,
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:N/I:N/A:N',
  references: [
    OWASP_SECURE_HEADERS,
    cwe(693, 'Protection Mechanism Failure'),
    MDN_HEADERS('Cross-Origin-Opener-Policy'),
  ],
  evaluate(observation) {
    const page = judgedPage(observation);
    if (page === null) return [];
    const missing = POLICIES.filter((name) => header(page.headers, name) === null);
    if (missing.length === 0) return [];
    return [
      {
        subject: observation.subject,
        detail: text(
          `${page.path} lacks ${missing.join(', ')}.`,
          `${page.path} n’a pas ${missing.join(', ')}.`,
        ),
        evidence: responseEvidence(page),
      },
    ];
  },
};
