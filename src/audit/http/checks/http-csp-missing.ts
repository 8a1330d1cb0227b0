import { text } from '../../../design/text.js';
import { header, owaspValue } from '../headers.js';
import {
  ANSSI_WEB,
  MDN_HEADERS,
  OWASP_SECURE_HEADERS,
  cwe,
  judgedPage,
  responseEvidence,
  wstg,
  type HttpCheck,
} from './support.js';

export const httpCspMissing: HttpCheck = {
  id: 'http-csp-missing',
  domain: 'http',
  title: text('No Content Security Policy', 'Pas de politique de sécurité du contenu (CSP)'),
  description: text(
    'The page is served without a Content-Security-Policy header (a Report-Only policy does not protect).',
    'La page est servie sans en-tête Content-Security-Policy (une politique Report-Only ne protège pas).',
  ),
  rationale: text(
    'A CSP is the browser-side safety net against cross-site scripting and content injection: without it, any injection flaw runs arbitrary script in users’ sessions. Exploiting it still requires such a flaw and a user loading the page.',
    'La CSP est le filet de sécurité du navigateur contre le cross-site scripting et l’injection de contenu : sans elle, toute faille d’injection exécute un script arbitraire dans la session des utilisateurs. L’exploitation suppose encore une telle faille et un utilisateur qui charge la page.',
  ),
  remediation: text(
    `Send a restrictive policy, starting from the OWASP recommendation: Content-Security-Policy: ${owaspValue('content-security-policy')}; test it first with Content-Security-Policy-Report-Only.`,
    `Envoyer une politique restrictive, en partant de la recommandation OWASP : Content-Security-Policy: ${owaspValue('content-security-policy')} ; la tester d’abord avec Content-Security-Policy-Report-Only.`,
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:L/A:N',
  references: [
    OWASP_SECURE_HEADERS,
    wstg('WSTG-CONF-12', 'Test for Content Security Policy'),
    ANSSI_WEB,
    cwe(1021, 'Improper Restriction of Rendered UI Layers or Frames'),
    cwe(79, 'Cross-site Scripting'),
    MDN_HEADERS('Content-Security-Policy'),
  ],
  evaluate(observation) {
    const page = judgedPage(observation);
    if (page === null || header(page.headers, 'content-security-policy') !== null) return [];
    const reportOnly = header(page.headers, 'content-security-policy-report-only') !== null;
    return [
      {
        subject: observation.subject,
        detail: reportOnly
          ? text(
              `${page.path} has only a Report-Only policy, which reports but blocks nothing.`,
              `${page.path} n’a qu’une politique Report-Only, qui signale mais ne bloque rien.`,
            )
          : text(
              `${page.path} has no Content-Security-Policy header.`,
              `${page.path} n’a pas d’en-tête Content-Security-Policy.`,
            ),
        evidence: responseEvidence(page),
      },
    ];
  },
};
