import { text } from '../../../design/text.js';
import { cookieHits, cwe, wstg, type HttpCheck } from './support.js';

export const httpCookieWithoutSamesite: HttpCheck = {
  id: 'http-cookie-without-samesite',
  domain: 'http',
  title: text('Cookie without a SameSite restriction', 'Cookie sans restriction SameSite'),
  description: text(
    'Cookies are set without SameSite (or with SameSite=None), so browsers send them on requests started by other sites.',
    'Des cookies sont posés sans SameSite (ou avec SameSite=None) : les navigateurs les envoient sur les requêtes lancées par d’autres sites.',
  ),
  rationale: text(
    'Requests forged by a hostile site then carry the user’s session (cross-site request forgery) where the application has no other anti-CSRF defence; modern browsers default to Lax, older ones do not. It needs a logged-in user visiting the hostile site.',
    'Les requêtes forgées par un site hostile portent alors la session de l’utilisateur (falsification de requête inter-sites) là où l’application n’a pas d’autre défense anti-CSRF ; les navigateurs récents prennent Lax par défaut, pas les anciens. Il faut un utilisateur connecté qui visite le site hostile.',
  ),
  remediation: text(
    'Set SameSite=Lax (or Strict) on session cookies; keep SameSite=None; Secure only for cookies that must cross sites (single sign-on, embedded widgets).',
    'Poser SameSite=Lax (ou Strict) sur les cookies de session ; garder SameSite=None; Secure pour les seuls cookies qui doivent traverser les sites (authentification unique, widgets intégrés).',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:N/I:L/A:N',
  references: [
    {
      source: 'rfc',
      id: 'draft-ietf-httpbis-rfc6265bis §4.1.2.7',
      title: 'Cookies: HTTP State Management Mechanism (SameSite)',
      url: 'https://datatracker.ietf.org/doc/draft-ietf-httpbis-rfc6265bis/',
    },
    wstg('WSTG-SESS-02', 'Testing for Cookies Attributes'),
    cwe(1275, 'Sensitive Cookie with Improper SameSite Attribute'),
  ],
  evaluate(observation) {
    return cookieHits(
      observation,
      (cookie) => cookie.sameSite === null || cookie.sameSite.toLowerCase() === 'none',
      text('SameSite=Lax or Strict', 'SameSite=Lax ou Strict'),
    );
  },
};
