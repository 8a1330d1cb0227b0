import { text } from '../../../design/text.js';
import { cspPolicies, header } from '../headers.js';
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

export const httpClickjackingUnprotected: HttpCheck = {
  id: 'http-clickjacking-unprotected',
  domain: 'http',
  title: text('Page can be framed (clickjacking)', 'Page intégrable dans un cadre (clickjacking)'),
  description: text(
    'Neither X-Frame-Options (DENY or SAMEORIGIN) nor a CSP frame-ancestors directive stops other sites from framing the page.',
    'Ni X-Frame-Options (DENY ou SAMEORIGIN) ni une directive CSP frame-ancestors n’empêche d’autres sites d’intégrer la page dans un cadre.',
  ),
  rationale: text(
    'A hostile site can load the page in an invisible frame and trick a logged-in user into clicking its buttons (changing settings, validating a transfer); it takes a user visiting the hostile site while logged in.',
    'Un site hostile peut charger la page dans un cadre invisible et amener un utilisateur connecté à cliquer sur ses boutons (changer un réglage, valider un virement) ; il faut qu’un utilisateur connecté visite le site hostile.',
  ),
  remediation: text(
    "Send Content-Security-Policy: frame-ancestors 'none' (or 'self'), and X-Frame-Options: DENY for older browsers.",
    "Envoyer Content-Security-Policy: frame-ancestors 'none' (ou 'self'), et X-Frame-Options: DENY pour les anciens navigateurs.",
  ),
  cvss: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:L/A:N',
  references: [
    OWASP_SECURE_HEADERS,
    wstg('WSTG-CLNT-09', 'Testing for Clickjacking'),
    ANSSI_WEB,
    cwe(1021, 'Improper Restriction of Rendered UI Layers or Frames'),
    MDN_HEADERS('X-Frame-Options'),
  ],
  evaluate(observation) {
    const page = judgedPage(observation);
    if (page === null) return [];
    const frameOptions = (header(page.headers, 'x-frame-options') ?? '').trim().toLowerCase();
    if (frameOptions === 'deny' || frameOptions === 'sameorigin') return [];
    const ancestors = cspPolicies(page.headers).some((policy) => {
      const sources = policy.get('frame-ancestors');
      return (
        sources !== undefined && !sources.some((s) => s === '*' || s === 'http:' || s === 'https:')
      );
    });
    if (ancestors) return [];
    return [
      {
        subject: observation.subject,
        detail: text(
          `${page.path} sends no X-Frame-Options DENY/SAMEORIGIN and no restrictive frame-ancestors.`,
          `${page.path} n’envoie ni X-Frame-Options DENY/SAMEORIGIN ni frame-ancestors restrictif.`,
        ),
        evidence: responseEvidence(page),
      },
    ];
  },
};
