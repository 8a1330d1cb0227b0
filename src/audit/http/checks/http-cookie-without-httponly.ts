import { text } from '../../../design/text.js';
import { ANSSI_WEB, cookieHits, cwe, rfc, wstg, type HttpCheck } from './support.js';

/** Cookies scripts must read by design (double-submit anti-CSRF tokens). */
const SCRIPT_READABLE = /csrf|xsrf/i;

export const httpCookieWithoutHttponly: HttpCheck = {
  id: 'http-cookie-without-httponly',
  domain: 'http',
  title: text('Cookie without the HttpOnly flag', 'Cookie sans l’attribut HttpOnly'),
  description: text(
    'Cookies are set without HttpOnly, so any script running in the page can read them (anti-CSRF tokens, meant to be read, are not reported).',
    'Des cookies sont posés sans HttpOnly : tout script exécuté dans la page peut les lire (les jetons anti-CSRF, faits pour être lus, ne sont pas signalés).',
  ),
  rationale: text(
    'A cross-site scripting flaw then steals the session cookie and the session with it, usable from anywhere; it needs such a flaw and a user loading the page.',
    'Une faille de cross-site scripting vole alors le cookie de session et la session avec lui, utilisable depuis n’importe où ; il faut une telle faille et un utilisateur qui charge la page.',
  ),
  remediation: text(
    'Set HttpOnly on session and authentication cookies (framework session settings, or nginx proxy_cookie_flags ~ httponly secure samesite=lax;).',
    'Poser HttpOnly sur les cookies de session et d’authentification (réglages de session du framework, ou nginx proxy_cookie_flags ~ httponly secure samesite=lax;).',
  ),
  cvss: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:L/A:N',
  references: [
    rfc(6265, 'HTTP State Management Mechanism', '4.1.2.6'),
    wstg('WSTG-SESS-02', 'Testing for Cookies Attributes'),
    ANSSI_WEB,
    cwe(1004, "Sensitive Cookie Without 'HttpOnly' Flag"),
  ],
  evaluate(observation) {
    return cookieHits(
      observation,
      (cookie) => !cookie.httpOnly && !SCRIPT_READABLE.test(cookie.name),
      text('HttpOnly', 'HttpOnly'),
    );
  },
};
