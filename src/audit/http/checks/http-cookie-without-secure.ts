import { text } from '../../../design/text.js';
import { ANSSI_WEB, cookieHits, cwe, rfc, wstg, type HttpCheck } from './support.js';

export const httpCookieWithoutSecure: HttpCheck = {
  id: 'http-cookie-without-secure',
  domain: 'http',
  title: text('HTTPS cookie without the Secure flag', 'Cookie HTTPS sans l’attribut Secure'),
  description: text(
    'The HTTPS site sets cookies without Secure, so browsers also send them over plain HTTP.',
    'Le site HTTPS pose des cookies sans Secure : les navigateurs les envoient aussi en HTTP en clair.',
  ),
  rationale: text(
    'An attacker on the network path can make the browser request any http:// URL of the domain and read the cookie in clear, a session cookie giving the session itself. It needs a position on the path and a user browsing.',
    'Un attaquant sur le chemin réseau peut faire demander au navigateur une URL http:// du domaine et lire le cookie en clair ; un cookie de session donne la session elle-même. Il faut une position sur le chemin et un utilisateur qui navigue.',
  ),
  remediation: text(
    'Set Secure on every cookie of an HTTPS site (and HSTS), e.g. Set-Cookie: id=…; Secure; HttpOnly; SameSite=Lax; prefer the __Host- prefix for session cookies.',
    'Poser Secure sur tous les cookies d’un site HTTPS (avec HSTS), par exemple Set-Cookie: id=…; Secure; HttpOnly; SameSite=Lax ; préférer le préfixe __Host- pour les cookies de session.',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:L/A:N',
  references: [
    rfc(6265, 'HTTP State Management Mechanism', '4.1.2.5'),
    wstg('WSTG-SESS-02', 'Testing for Cookies Attributes'),
    ANSSI_WEB,
    cwe(614, 'Sensitive Cookie in HTTPS Session Without Secure Attribute'),
  ],
  evaluate(observation) {
    if (!observation.target.tls) return [];
    return cookieHits(observation, (cookie) => !cookie.secure, text('Secure', 'Secure'));
  },
};
